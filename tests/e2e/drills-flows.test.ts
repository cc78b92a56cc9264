// Today's card end to end with a fake clock: on the home page, a start date set on
// /progress/ moves the card to the learner's week; Tuesday's pandas task marked
// wrong, Thursday's golf line count and Friday's pattern each become a log row of
// their own metric. At the weekend the card offers the week's missed drills, and
// with nothing missed one of the week's untried spare drills. Drill ids come from
// the bank (content/drills), never typed here.
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { useSite } from './harness';
import { addDays } from '../../src/lib/schedule';

const h = useSite();
interface BankDrill { id: string; kind: string }
const bankOf = (week: number) => (parse(readFileSync(`content/drills/${String(week).padStart(2, '0')}.mdx`, 'utf8').split('---')[1]!) as { drills: BankDrill[] }).drills;
const firstOf = (week: number, kind: string) => bankOf(week).find((d) => d.kind === kind)!;

// A Monday, whatever the calendar: 2030-01-07 is one.
const START = '2030-01-07';
const at = (day: number, hour = 9) => new Date(`${addDays(START, day)}T${String(hour).padStart(2, '0')}:00:00Z`);
const card = (page: Page) => page.locator('sp-today');
const when = (page: Page) => card(page).locator('[data-when]').textContent();

async function open(page: Page, path: string): Promise<void> {
	await page.goto(h.url(path));
	// The card loads its drills only when it is in view.
	await card(page).scrollIntoViewIfNeeded();
}
async function setStartDate(page: Page, date: string): Promise<void> {
	await page.goto(h.url('/progress/'));
	await page.locator('#start-date-input').fill(date);
	await page.locator('#start-date-input').dispatchEvent('change');
	await expect.poll(async () => (await page.evaluate(() => JSON.stringify(localStorage))).includes(date)).toBe(true);
}
const stored = async (page: Page) => {
	const key = await card(page).getAttribute('data-storage-key');
	return JSON.parse((await page.evaluate((k) => localStorage.getItem(k!), key)) ?? 'null') as { log: { metric: string; value: number; unit: string; week: number; note: string }[]; drills: { patterns: Record<string, { text: string }> } };
};

describe('today\'s card', () => {
	it('on the home page: a start date moves it to the learner\'s week, and Tuesday, Thursday and Friday each log their row', { timeout: 120_000 }, async () => {
		const context = await h.browser.newContext({ timezoneId: 'UTC' });
		const page = await context.newPage();
		const errors: string[] = [];
		page.on('pageerror', (e) => errors.push(e.message));
		// Tuesday of week 2 (by the date set below).
		await page.clock.install({ time: at(8) });
		await setStartDate(page, START);
		await open(page, '/');
		await expect.poll(() => when(page)).toBe('Week 2 · Tuesday');
		await expect(card(page).locator('[data-notice]').isHidden()).resolves.toBe(true);

		// Tuesday: the pandas task, tried from memory, compared with the reference, marked wrong.
		const pandas = firstOf(2, 'pandas');
		const tuesday = card(page).locator(`[data-drill="${pandas.id}"]`);
		await tuesday.getByLabel('Your code, from memory').fill('penguins.groupby("species").mean()');
		await tuesday.getByRole('button', { name: 'Show the reference solution' }).click();
		await expect.poll(() => tuesday.locator('.today-code .astro-code').count()).toBeGreaterThan(0);
		await tuesday.getByLabel('Wrong').check();
		await tuesday.getByLabel('What I had to look up').fill('agg with named columns');
		await tuesday.getByRole('button', { name: 'Save' }).click();
		await expect.poll(() => tuesday.getByRole('status').textContent()).toContain('recall row (wrong)');
		const recall = (await stored(page)).log.filter((r) => r.metric === 'recall_correct');
		expect(recall).toEqual([expect.objectContaining({ value: 0, unit: 'task', week: 2 })]);
		expect(recall[0]!.note).toContain(pandas.id);
		expect(recall[0]!.note).toContain('agg with named columns');

		// Thursday: the golf line count (counted from what was typed) against the references.
		await page.clock.setSystemTime(at(10));
		await open(page, '/');
		await expect.poll(() => when(page)).toBe('Week 2 · Thursday');
		const golf = card(page).locator(`[data-drill="${firstOf(2, 'golf').id}"]`);
		await golf.getByLabel(/Your solution/).fill('x = 1\n# a comment\n\nprint(x)');
		await golf.getByRole('button', { name: /Show the plain and the short solution/ }).click();
		await expect(golf.getByLabel('Your line count').inputValue()).resolves.toBe('2');
		await golf.getByRole('button', { name: 'Save' }).click();
		await expect.poll(() => golf.getByRole('status').textContent()).toMatch(/^Logged: 2 lines against \d+ \(plain\) and \d+ \(short\)\.$/);
		expect((await stored(page)).log.filter((r) => r.metric === 'golf_lines')).toEqual([expect.objectContaining({ value: 2, unit: 'lines', week: 2 })]);

		// Friday: the wrong pandas task is the week's miss; the pattern is a note row counting it.
		await page.clock.setSystemTime(at(11));
		await open(page, '/');
		await expect.poll(() => when(page)).toBe('Week 2 · Friday');
		await expect.poll(() => card(page).locator('.today-misses').textContent()).toContain(pandas.id);
		await card(page).getByLabel('The one pattern behind most of them').fill('I forget how agg names its columns.');
		await card(page).getByRole('button', { name: 'Save the pattern' }).click();
		await expect.poll(async () => (await stored(page)).log.filter((r) => r.metric === 'mistake_pattern')).toEqual([
			expect.objectContaining({ value: 1, unit: 'misses', week: 2, note: 'I forget how agg names its columns.' }),
		]);
		// Saving the same text again adds no second row.
		await card(page).getByRole('button', { name: 'Save the pattern' }).click();
		await expect.poll(() => card(page).locator('.today-review [role="status"]').textContent()).toContain('already saved');
		expect((await stored(page)).log.filter((r) => r.metric === 'mistake_pattern').length).toBe(1);
		expect(errors).toEqual([]);
		await context.close();
	});

	it('at the weekend offers the week\'s missed drills, and an untried spare when nothing was missed', { timeout: 120_000 }, async () => {
		const context = await h.browser.newContext({ timezoneId: 'UTC' });
		const page = await context.newPage();
		const errors: string[] = [];
		page.on('pageerror', (e) => errors.push(e.message));
		const daily = '/practice/daily/';

		// Saturday of week 1 with nothing done: no drill of the week's days, one spare (week 1 has a second explain drill).
		await page.clock.install({ time: at(5) });
		await setStartDate(page, START);
		await open(page, daily);
		await expect.poll(() => when(page)).toBe('Week 1 · Saturday');
		const spare = bankOf(1).filter((d) => d.kind === 'explain')[1]!;
		await expect.poll(() => card(page).locator('.today-drill').count()).toBe(1);
		await expect(card(page).locator(`[data-drill="${spare.id}"]`).count()).resolves.toBe(1);
		await expect(card(page).textContent()).resolves.toContain('Nothing missed this week');

		// Tuesday of week 2: the pandas task marked wrong.
		const pandas = firstOf(2, 'pandas');
		await page.clock.setSystemTime(at(8));
		await open(page, daily);
		await expect.poll(() => when(page)).toBe('Week 2 · Tuesday');
		const tuesday = card(page).locator(`[data-drill="${pandas.id}"]`);
		await tuesday.getByRole('button', { name: 'Show the reference solution' }).click();
		await tuesday.getByLabel('Wrong').check();
		await tuesday.getByRole('button', { name: 'Save' }).click();
		await expect.poll(() => tuesday.getByRole('status').textContent()).toContain('recall row (wrong)');

		// Saturday and Sunday of week 2: the missed task is offered again (as a miss, or as due for review), and no spare.
		for (const day of [12, 13]) {
			await page.clock.setSystemTime(at(day));
			await open(page, daily);
			await expect.poll(() => when(page)).toMatch(/^Week 2 · (Saturday|Sunday)$/);
			await expect.poll(() => card(page).locator(`[data-drill="${pandas.id}"]`).count()).toBe(1);
			await expect(card(page).textContent()).resolves.not.toContain('Nothing missed this week');
			for (const kind of ['explain', 'estimate', 'golf']) await expect(card(page).locator(`[data-drill="${firstOf(2, kind).id}"]`).count()).resolves.toBe(0);
		}
		expect(errors).toEqual([]);
		await context.close();
	});
});
