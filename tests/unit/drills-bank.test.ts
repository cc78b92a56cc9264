// The real drill bank (content/drills/*.mdx) against the rotation: every week that
// has a page has a bank of its own for every weekday, so no week borrows and no
// weekday shows a drill twice; the weeks 1-12 carry a second explain, pandas and
// golf drill (the weekend's spares). Read with the content schema, as the build reads it.
import { readFileSync, readdirSync } from 'node:fs';
import matter from 'gray-matter';
import { describe, expect, it } from 'vitest';
import { drillWeek } from '../../src/content/schema';
import { bankIndex } from '../../src/lib/drills/served';
import { bankWeekFor, selectToday } from '../../src/lib/drills/select';
import { addDays } from '../../src/lib/schedule';

const pages = readdirSync('content/weeks').filter((f) => /^\d\d\.mdx$/.test(f)).map((f) => Number(f.slice(0, 2))).sort((a, b) => a - b);
const banks = readdirSync('content/drills')
	.filter((f) => /^\d\d\.mdx$/.test(f))
	.map((f) => drillWeek.parse(matter(readFileSync(`content/drills/${f}`, 'utf8')).data));
const index = bankIndex(banks);

describe('the drill bank and the rotation', () => {
	it('gives every week with a page its own drills for every weekday, so none borrows', () => {
		expect(pages.length).toBeGreaterThan(0);
		for (const week of pages) for (const kind of ['explain', 'pandas', 'estimate', 'golf', 'shape'] as const) expect(bankWeekFor(index, week, kind), `week ${week} ${kind}`).toBe(week);
	});

	it('never shows a drill on two weekdays of the course, unless it is due for review', () => {
		const start = '2031-03-03'; // a Monday
		const shown = new Map<string, string>();
		for (const week of pages) {
			for (let day = 0; day < 7; day += 1) {
				const date = addDays(start, 7 * (week - 1) + day);
				const today = selectToday({ today: date, startDate: start, index, weeks: pages.length });
				for (const ref of today.drills) {
					expect(ref.week).toBe(week);
					expect(shown.get(ref.id), `${ref.id} again on ${date}`).toBeUndefined();
					shown.set(ref.id, date);
				}
			}
		}
		// Monday to Thursday: one explain, one pandas, two estimates, one golf drill a week.
		expect(shown.size).toBe(5 * pages.length);
	});

	it('has a second explain, pandas and golf drill in the weeks 1-12, offered as spares', () => {
		for (const week of pages.filter((w) => w <= 12)) {
			for (const kind of ['explain', 'pandas', 'golf'] as const) expect(index[week]![kind]!.length, `week ${week} ${kind}`).toBeGreaterThanOrEqual(2);
			const saturday = selectToday({ today: addDays('2031-03-03', 7 * (week - 1) + 5), startDate: '2031-03-03', index });
			expect(saturday.mode).toBe('weekend');
			expect(saturday.spare.length).toBeGreaterThanOrEqual(3);
			expect(saturday.spare.every((ref) => ref.week === week && !index[week]!.shape!.includes(ref.id))).toBe(true);
		}
	});
});

describe('a NumPy week\'s seeded data', () => {
	it('is named as data in the shape prompt, and as a file or loader otherwise', async () => {
		const { promptMarkdown } = await import('../../src/lib/drills/served');
		const shape = { id: 'w20-shape-x', kind: 'shape', concept: 'vectorisation', dataset: 'default_rng', column: 'amount', answer: 'w20-x' } as const;
		expect(promptMarkdown(shape, 'vectorisation')).toBe("Predict the shape of `amount` in the week's seeded data (`default_rng`): pick a shape, then a rough centre and spread.");
		expect(promptMarkdown({ ...shape, dataset: 'penguins.csv' }, 'vectorisation')).toContain('in penguins.csv:');
		expect(drillWeek.safeParse({ week: 20, drills: [{ ...shape, dataset: 'default_rng(42)' }] }).success).toBe(false);
	});
});
