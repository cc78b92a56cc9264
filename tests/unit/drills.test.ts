// Drill selection (week and weekday from the start date, rotation, weekends), the
// estimate verdict, the FSRS use (a miss comes back, a right answer pushes it
// later), the merge of drill state, and the Friday misses.
import { describe, expect, it } from 'vitest';
import { bankWeekFor, courseWeek, selectToday, type BankIndex } from '../../src/lib/drills/select';
import { judgeEstimate, parseEstimate, trueValueOf } from '../../src/lib/drills/estimate';
import { reviewDrill } from '../../src/lib/drills/review';
import { dueDrills, queueCounts, weekMisses } from '../../src/lib/drills/queue';
import { emptyDrillState, mergeDrillState, type DrillState } from '../../src/lib/drills/state';
import { drillStateProblem } from '../../src/lib/drills/validate';
import { addDays } from '../../src/lib/schedule';

const DAY = 86_400_000;
// A bank for weeks 1-9, as the book has; ids name their week and kind.
const index: BankIndex = Object.fromEntries(
	Array.from({ length: 9 }, (_, i) => {
		const w = i + 1;
		return [w, { explain: [`w${w}-explain`], pandas: [`w${w}-pandas`], estimate: [`w${w}-est-a`, `w${w}-est-b`], golf: [`w${w}-golf`], shape: [`w${w}-shape`] }];
	}),
);
// A Monday, so that week N's Wednesday is start + 7(N-1) + 2.
const start = '2026-01-05';

describe('today\'s drill', () => {
	it('takes the week from the start date and the kind from the weekday', () => {
		expect(courseWeek(start, start)).toBe(1);
		expect(courseWeek(start, addDays(start, 6))).toBe(1);
		expect(courseWeek(start, addDays(start, 7))).toBe(2);
		expect(courseWeek(start, addDays(start, -1))).toBeNull();
		const monday = selectToday({ today: addDays(start, 7 * 4), startDate: start, index });
		expect(monday).toMatchObject({ week: 5, weekday: 'monday', mode: 'drill', drills: [{ id: 'w5-explain', week: 5 }], shape: { id: 'w5-shape', week: 5 } });
		for (let n = 2; n <= 9; n += 1) {
			const wednesday = selectToday({ today: addDays(start, 7 * (n - 1) + 2), startDate: start, index });
			expect(wednesday.weekday).toBe('wednesday');
			expect(wednesday.drills).toEqual([{ id: `w${n}-est-a`, week: n }, { id: `w${n}-est-b`, week: n }]);
		}
		expect(selectToday({ today: addDays(start, 1), startDate: start, index }).drills[0]!.id).toBe('w1-pandas');
		expect(selectToday({ today: addDays(start, 3), startDate: start, index }).drills[0]!.id).toBe('w1-golf');
	});

	it('offers week 1 and asks for a start date when there is none, and previews week 1 before the start', () => {
		const none = selectToday({ today: '2026-03-04', startDate: null, index });
		expect(none).toMatchObject({ week: 1, noStartDate: true, weekday: 'wednesday', drills: [{ id: 'w1-est-a' }, { id: 'w1-est-b' }] });
		const early = selectToday({ today: addDays(start, -5), startDate: start, index });
		expect(early).toMatchObject({ week: 1, noStartDate: false, beforeStart: true });
	});

	it('reviews on Friday and offers only missed items at the weekend', () => {
		const friday = selectToday({ today: addDays(start, 4), startDate: start, index, due: ['w1-est-a'] });
		expect(friday).toMatchObject({ mode: 'review', drills: [], due: ['w1-est-a'] });
		expect(friday.shape).not.toBeNull();
		for (const d of [5, 6]) {
			const weekend = selectToday({ today: addDays(start, d), startDate: start, index, due: ['w1-pandas'] });
			expect(weekend).toMatchObject({ mode: 'weekend', drills: [], shape: null, due: ['w1-pandas'] });
		}
	});

	it('never repeats a weekday\'s drill within four weeks, even past the weeks that have a bank', () => {
		for (const kind of ['explain', 'pandas', 'estimate', 'golf', 'shape'] as const) {
			const shown = new Map<string, number>();
			for (let week = 1; week <= 24; week += 1) {
				const from = bankWeekFor(index, week, kind);
				expect(from).not.toBeNull();
				const id = index[from!]![kind]![0]!;
				const last = shown.get(id);
				if (last !== undefined) expect(week - last, `${kind} ${id} in weeks ${last} and ${week}`).toBeGreaterThanOrEqual(4);
				shown.set(id, week);
			}
		}
		// Week 10 has no bank: it borrows week 6's, week 14 week 10's fallback, i.e. week 6 again.
		expect(bankWeekFor(index, 10, 'golf')).toBe(6);
		expect(bankWeekFor(index, 14, 'golf')).toBe(6);
		expect(bankWeekFor(index, 13, 'golf')).toBe(9);
	});

	it('keeps a weekday\'s further drills as the week\'s spares, in bank order, and none from a borrowed week twice', () => {
		const rich: BankIndex = { ...index, 2: { ...index[2], explain: ['w2-explain', 'w2-explain-b'], pandas: ['w2-pandas', 'w2-pandas-b'], estimate: ['w2-est-a', 'w2-est-b', 'w2-est-c'], golf: ['w2-golf', 'w2-golf-b'] } };
		const monday = selectToday({ today: addDays(start, 7), startDate: start, index: rich });
		expect(monday.drills).toEqual([{ id: 'w2-explain', week: 2 }]);
		expect(monday.spare).toEqual([
			{ id: 'w2-explain-b', week: 2 },
			{ id: 'w2-pandas-b', week: 2 },
			{ id: 'w2-est-c', week: 2 },
			{ id: 'w2-golf-b', week: 2 },
		]);
		// A week with one drill of each kind (two estimates) has no spare.
		expect(selectToday({ today: addDays(start, 14), startDate: start, index: rich }).spare).toEqual([]);
	});
});

describe('estimates', () => {
	it('refuses what is not a number and reads separators and percentages', () => {
		for (const bad of ['', 'about 200', '2 00', '1e', '--3', 'NaN', 'Infinity', '12,34']) expect(parseEstimate(bad), bad).toBeNull();
		expect(parseEstimate(' 5,000 ')).toBe(5000);
		expect(parseEstimate('-0.8')).toBe(-0.8);
		expect(parseEstimate('36%', { share: true })).toBeCloseTo(0.36);
		expect(parseEstimate('36%')).toBe(36);
	});

	it('judges the gap by an absolute or a relative tolerance', () => {
		expect(trueValueOf('197.0\n')).toBe(197);
		expect(trueValueOf('median 197')).toBeNull();
		expect(judgeEstimate(200, 197, { absolute: 5 })).toMatchObject({ gap: 3, right: true });
		expect(judgeEstimate(203, 197, { absolute: 5 }).right).toBe(false);
		expect(judgeEstimate(0.3, 0.36, { absolute: 0.06 }).right).toBe(true);
		const relative = judgeEstimate(960, 800, { relative: 0.2 });
		expect(relative.relativeGap).toBeCloseTo(0.2);
		expect(relative.right).toBe(true);
		expect(judgeEstimate(961, 800, { relative: 0.2 }).right).toBe(false);
	});
});

describe('spaced review with ts-fsrs', () => {
	const t0 = Date.parse('2026-01-07T09:00:00Z');

	it('gives no card to a drill answered right at once, and a due card to a miss', () => {
		expect(reviewDrill(undefined, true, t0)).toBeNull();
		const missed = reviewDrill(undefined, false, t0)!;
		expect(missed.lapses + missed.reps).toBeGreaterThan(0);
		expect(missed.due).toBeGreaterThan(t0);
		expect(missed.due - t0).toBeLessThanOrEqual(2 * DAY);
		const state: DrillState = { ...emptyDrillState(), cards: { 'w1-est-a': missed } };
		expect(dueDrills(state, t0)).toEqual([]);
		expect(dueDrills(state, missed.due)).toEqual(['w1-est-a']);
	});

	it('comes back until it is answered right, and a right answer pushes it further out', () => {
		const missed = reviewDrill(undefined, false, t0)!;
		const missedAgain = reviewDrill(missed, false, missed.due)!;
		expect(missedAgain.due - missed.due).toBeLessThanOrEqual(2 * DAY);
		const right = reviewDrill(missedAgain, true, missedAgain.due)!;
		const gapAfterRight = right.due - missedAgain.due;
		expect(gapAfterRight).toBeGreaterThan(missedAgain.due - missed.due);
		// Each further right answer waits at least as long, and soon longer (stability grows; intervals are whole days).
		const rightAgain = reviewDrill(right, true, right.due)!;
		expect(rightAgain.due - right.due).toBeGreaterThanOrEqual(gapAfterRight);
		expect(rightAgain.stability).toBeGreaterThan(right.stability);
		const third = reviewDrill(rightAgain, true, rightAgain.due)!;
		expect(third.due - rightAgain.due).toBeGreaterThan(gapAfterRight);
	});

	it('counts the queue for today and the coming week', () => {
		const card = (due: number) => ({ ...reviewDrill(undefined, false, t0)!, due });
		const state: DrillState = { ...emptyDrillState(), cards: { a: card(t0 - DAY), b: card(t0 + 3 * DAY), c: card(t0 + 30 * DAY) } };
		expect(queueCounts(state, t0)).toEqual({ today: 1, week: 2 });
	});
});

describe('drill state in the store', () => {
	const attempt = (drill: string, at: number, right: boolean | null) => ({ drill, at, date: '2026-01-07', week: 1, right });
	const a: DrillState = { ...emptyDrillState(), attempts: { 'x-1': attempt('x', 1, false) }, paragraphs: { x: { text: 'old', at: 1 } } };
	const b: DrillState = { ...emptyDrillState(), attempts: { 'x-2': attempt('x', 2, true) }, paragraphs: { x: { text: 'new', at: 2 } }, patterns: { '1': { text: 'rushing', at: 3 } } };

	it('merges as a union of attempts with the newest paragraph, idempotently', () => {
		const merged = mergeDrillState(a, b);
		expect(Object.keys(merged.attempts).sort()).toEqual(['x-1', 'x-2']);
		expect(merged.paragraphs.x!.text).toBe('new');
		expect(mergeDrillState(b, a)).toEqual(merged);
		expect(mergeDrillState(merged, b)).toEqual(merged);
		expect(mergeDrillState(undefined, a)).toEqual(a);
	});

	it('accepts what it writes and names the first bad field', () => {
		const card = reviewDrill(undefined, false, 5)!;
		expect(drillStateProblem({ ...mergeDrillState(a, b), cards: { x: card } })).toBeNull();
		expect(drillStateProblem({ ...a, extra: 1 })).toBe('drills.extra: no such field');
		expect(drillStateProblem({ ...a, cards: { x: { ...card, state: 7 } } })).toBe('drills.cards.x.state should be 0, 1, 2 or 3');
		expect(drillStateProblem({ ...a, attempts: { y: { ...attempt('x', 1, true), date: '2026-02-30' } } })).toMatch(/date/);
		expect(drillStateProblem({ ...a, paragraphs: { x: { text: 'x'.repeat(6000), at: 1 } } })).toMatch(/paragraphs\.x/);
		expect(drillStateProblem([])).toBe('drills should be an object');
	});

	it('lists the week\'s misses for Friday: the latest wrong drill answers and the log\'s misses', () => {
		const state: DrillState = {
			...emptyDrillState(),
			attempts: {
				'e-1': attempt('e', 1, false),
				'f-1': attempt('f', 1, false),
				'f-2': attempt('f', 2, true),
				'g-1': { ...attempt('g', 1, false), week: 2 },
			},
		};
		const log = [
			{ date: '2026-01-06', week: 1, metric: 'intuition_correct' as const, value: 0, unit: 'guess', note: 'Bayes demo' },
			{ date: '2026-01-06', week: 1, metric: 'intuition_correct' as const, value: 1, unit: 'guess', note: 'CLT demo' },
			{ date: '2026-01-08', week: 1, metric: 'decision_right' as const, value: 0, unit: 'decision', note: 'Use SQLite' },
			{ date: '2026-01-08', week: 1, metric: 'prototype_overrun' as const, value: 1.5, unit: 'ratio', note: 'Monitoring' },
			{ date: '2026-01-08', week: 1, metric: 'intuition_correct' as const, value: 0, unit: 'guess', note: 'Drill: e' },
			{ date: '2026-01-15', week: 2, metric: 'decision_right' as const, value: 0, unit: 'decision', note: 'next week' },
		];
		const misses = weekMisses(1, state, log, (id) => `drill ${id}`);
		expect(misses.map((m) => [m.kind, m.text])).toEqual([
			['guess', 'Bayes demo'],
			['drill', 'drill e'],
			['timer', 'Monitoring: 150% of its time box'],
			['decision', 'Use SQLite'],
		]);
	});
});
