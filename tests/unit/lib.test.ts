// The small pure helpers pages are built from.
import { describe, expect, it } from 'vitest';
import { pathTo, withBase } from '../../src/lib/site/paths';
import { currentWeek, datesOfWeek, formatHours, formatRange, formatShortRange } from '../../src/lib/schedule';
import { readingLines } from '../../src/lib/course/reading';
import { planItems } from '../../src/lib/course/plan-items';
import { nextWeekToContinue } from '../../src/lib/progress/continue';
import { checkpointStatus, completion } from '../../src/lib/progress/dashboard';
import { courseConfigSchema } from '../../src/lib/config';
import { verdict } from '../../src/lib/demos/verdict';
import type { Resource } from '../../src/content/schema';

describe('withBase', () => {
	it('joins a base and a site path with exactly one slash', () => {
		expect(withBase('/', '/weeks/01/')).toBe('/weeks/01/');
		expect(withBase('/study-plan/', '/weeks/01/')).toBe('/study-plan/weeks/01/');
		expect(withBase('/study-plan', 'weeks/01/')).toBe('/study-plan/weeks/01/');
		expect(pathTo.week(3)).toBe('/weeks/03/');
	});
});

describe('schedule', () => {
	it('dates week 3 two weeks after the start, in UTC', () => {
		const dates = datesOfWeek('2026-01-05', 3)!;
		expect(dates.start.toISOString()).toBe('2026-01-19T00:00:00.000Z');
		expect(formatRange(dates)).toBe('19 Jan 2026 – 25 Jan 2026');
		// A week card's short form: one month once, or both across a month's end.
		expect(formatShortRange(dates)).toBe('19–25 Jan');
		expect(formatShortRange(datesOfWeek('2026-12-28', 1)!)).toBe('28 Dec – 3 Jan');
		expect(datesOfWeek(null, 3)).toBeNull();
	});
	it('finds the current week, or none outside the course', () => {
		expect(currentWeek('2026-01-05', new Date('2026-01-18T23:00:00Z'))).toBe(2);
		expect(currentWeek('2026-01-05', new Date('2026-01-04T12:00:00Z'))).toBeNull();
		expect(currentWeek('2026-01-05', new Date('2026-12-01T00:00:00Z'))).toBeNull();
	});
});

describe('readingLines', () => {
	const book: Resource = { id: 'ts', title: 'Think Stats', authors: ['A. B. Downey'], kind: 'book', edition: '3rd edition', url: 'https://x.org', chapters: [{ key: '8', title: 'Estimation' }, { key: 'groupby', title: 'Grouping' }] };
	it('names the book, edition, chapter number and title, and the correction', () => {
		const [line] = readingLines([{ id: 'r', resource: 'ts', chapters: ['8', 'groupby'], focus: 'Focus on the standard error.', correction: 'The plan says ch 7.', renamedFrom: [] }], [book]);
		expect(line!.text).toBe('Read *Think Stats* (3rd edition): chapter 8, “Estimation”; “Grouping”');
		expect(line!.detail).toBe('Focus on the standard error. Note: The plan says ch 7.');
	});
});

describe('planItems', () => {
	it('takes bullets and bold-labelled lines, not headings or bare labels', () => {
		const items = planItems('### Week 1\n\n- Read it\n1. Forces you\n**Every Monday**: Write predictions\n**Structure**:\nplain text\n');
		expect(items.map((i) => i.text)).toEqual(['Read it', 'Forces you', 'Every Monday: Write predictions']);
		expect(items[0]!.line).toBe(3);
	});
});

describe('nextWeekToContinue', () => {
	const weeks = [1, 2, 3].map((n) => ({ path: `/weeks/0${n}/`, label: `Week ${n}`, items: [`a${n}`, `b${n}`] }));
	const ticked = (ids: string[]) => (id: string) => ids.includes(id);
	it('is null before any tick and after the last week is done', () => {
		expect(nextWeekToContinue(weeks, ticked([]))).toBeNull();
		expect(nextWeekToContinue(weeks, ticked(['a1', 'b1', 'a2', 'b2', 'a3', 'b3']))).toBeNull();
	});
	it('picks the first started, unfinished week, else the week after the last ticked one', () => {
		expect(nextWeekToContinue(weeks, ticked(['a1', 'b1', 'a3']))!.label).toBe('Week 3');
		expect(nextWeekToContinue(weeks, ticked(['a1', 'b1']))!.label).toBe('Week 2');
	});
});

describe('dashboard summaries', () => {
	it('counts completion per group and checkpoint evidence', () => {
		const rows = completion([{ label: 'W1', href: '/w1', ids: ['a', 'b', 'c', 'd'] }, { label: 'Empty', href: '/e', ids: [] }], (id) => id === 'a');
		expect(rows.map((r) => [r.done, r.total, r.share])).toEqual([[1, 4, 0.25], [0, 0, 0]]);
		const [status] = checkpointStatus([{ month: 1, text: 't', href: '/m', evidence: [{ id: 'a', label: 'A', href: '' }, { id: 'b', label: 'B', href: '' }] }], (id) => id === 'b');
		expect(status!.done).toEqual(['b']);
		expect(status!.missing).toEqual(['a']);
	});
});

describe('course config', () => {
	it('normalises the base path and rejects a bad storage id', () => {
		const base = { title: 't', tagline: 't', author: 'a', site: 'https://x.github.io', storageId: 'my-plan' };
		expect(courseConfigSchema.parse({ ...base, base: 'repo' }).base).toBe('/repo/');
		expect(courseConfigSchema.parse({ ...base, base: '/' }).base).toBe('/');
		expect(courseConfigSchema.safeParse({ ...base, storageId: 'My Plan' }).success).toBe(false);
	});
});

describe('verdict', () => {
	it('says how far off a guess was, in percentage points for percentages', () => {
		expect(verdict(80, 15.3846, 'percent')).toBe('You guessed 80%; the answer is 15.4%, so you were 64.6 percentage points too high.');
		expect(verdict(2, 1.58, 'number')).toBe('You guessed 2; the answer is 1.58, so you were 0.42 too high.');
		expect(verdict(15.4, 15.3846, 'percent')).toBe('You guessed 15.4%: exactly right.');
		expect(verdict(null, 73.0, 'percent')).toBe('The answer is 73%.');
	});
});

describe('formatHours', () => {
	it('writes a range, or one number when both ends agree', () => {
		expect(formatHours({ min: 3, max: 4 })).toBe('3–4 hours');
		expect(formatHours({ min: 5, max: 5 })).toBe('5 hours');
		expect(formatHours({ min: 2.5, max: 3 }, 'h')).toBe('2.5–3 h');
	});
});
