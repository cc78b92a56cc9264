// A simulated week of daily drills with a fake clock: Monday's explain, a wrong
// Wednesday estimate that is refused first as text, Friday's review listing the
// miss, and the miss coming back for review until it is answered right. The true
// value is read from the frozen outputs, never typed here.
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useSite } from './harness';
import { layoutShift, scrollThrough, watchLayoutShift } from '../support/layout-shift';
import { addDays } from '../../src/lib/schedule';
import type { CachedPage } from '../../src/lib/python/outputs';
import { parse } from 'yaml';
import AxeBuilder from '@axe-core/playwright';

const h = useSite();
const DAILY = '/practice/daily/';
// Week 1's bank: the first explain and the first estimate, and the block that computes that estimate.
const source = readFileSync('content/drills/01.mdx', 'utf8');
const bank = parse(source.split('---')[1]!) as { drills: { id: string; kind: string; concept: string; answer?: string; tolerance?: { absolute?: number; relative?: number } }[] };
const explain = bank.drills.find((d) => d.kind === 'explain')!;
const estimate = bank.drills.find((d) => d.kind === 'estimate')!;
const frozen = JSON.parse(readFileSync('outputs/drills/01.json', 'utf8')) as CachedPage;
const truth = Number(frozen.blocks.find((b) => b.name === estimate.answer)!.stdout.trim());
const tolerance = estimate.tolerance!.absolute ?? estimate.tolerance!.relative! * Math.abs(truth);
const wrong = truth + 3 * tolerance + 1;

// A Monday, whatever the calendar: 2030-01-07 is one.
const START = '2030-01-07';
const at = (day: number, hour = 9) => new Date(`${addDays(START, day)}T${String(hour).padStart(2, '0')}:00:00Z`);
const card = (page: Page) => page.locator('sp-today');
/** Opens a page and scrolls today's card into view: it loads its drills only when shown. */
async function openDaily(page: Page, path = DAILY): Promise<void> {
	await page.goto(h.url(path));
	await card(page).scrollIntoViewIfNeeded();
}
async function reload(page: Page): Promise<void> {
	await page.reload();
	await card(page).scrollIntoViewIfNeeded();
}
const stored = async (page: Page) => {
	const key = await card(page).getAttribute('data-storage-key');
	return JSON.parse((await page.evaluate((k) => localStorage.getItem(k!), key)) ?? 'null');
};

describe('daily drills', () => {
	it('runs a week: explain, a wrong estimate, Friday\'s review, and the miss coming back', { timeout: 120_000 }, async () => {
		const context = await h.browser.newContext({ timezoneId: 'UTC' });
		const page = await context.newPage();
		const errors: string[] = [];
		page.on('pageerror', (e) => errors.push(e.message));
		await page.clock.install({ time: at(0) });

		// Without a start date the card offers week 1 and links to the date control (a fork may configure one).
		await openDaily(page);
		await expect.poll(() => card(page).locator('[data-when]').textContent()).toMatch(/^Week \d+ · Monday$/);
		if (!(await card(page).getAttribute('data-start-date'))) {
			await expect(card(page).locator('[data-notice]').textContent()).resolves.toContain('No start date is set');
			await expect(card(page).locator('[data-notice] a').getAttribute('href')).resolves.toMatch(/progress\/#start-date$/);
		}
		await page.goto(h.url('/progress/'));
		await page.locator('#start-date-input').fill(START);
		await page.locator('#start-date-input').dispatchEvent('change');
		await expect.poll(async () => (await page.evaluate(() => JSON.stringify(localStorage))).includes(START)).toBe(true);

		// Monday: explain a concept of week 1, reveal the definition, score it.
		await openDaily(page);
		await expect.poll(() => card(page).locator('[data-when]').textContent()).toBe('Week 1 · Monday');
		const monday = card(page).locator(`[data-drill="${explain.id}"]`);
		await monday.getByLabel('Your paragraph (notes closed)').fill('The median is the middle value: half the penguins weigh less than 4,050 g. It ignores how far the extremes are.');
		await monday.getByRole('button', { name: /Reveal the book/ }).click();
		await monday.getByLabel('4').check();
		await monday.getByRole('button', { name: 'Save score' }).click();
		await expect.poll(() => monday.getByRole('status').textContent()).toContain('communication 4 of 4');

		// Wednesday: a number is required; a wrong estimate is shown against the frozen truth and logged.
		await page.clock.setSystemTime(at(2));
		await reload(page);
		await expect.poll(() => card(page).locator('[data-when]').textContent()).toBe('Week 1 · Wednesday');
		await expect(card(page).locator('.today-estimate').count()).resolves.toBe(2);
		const wednesday = card(page).locator(`[data-drill="${estimate.id}"]`);
		const input = wednesday.getByLabel(/Your estimate/);
		await input.fill('about two hundred');
		await wednesday.getByRole('button', { name: 'Check' }).click();
		await expect.poll(() => wednesday.getByRole('alert').textContent()).toContain('is not a number');
		await expect(stored(page).then((s) => s.log.length)).resolves.toBe(1);
		await input.fill(String(wrong));
		await wednesday.getByRole('button', { name: 'Check' }).click();
		await expect.poll(() => wednesday.locator('.today-wrong').textContent()).toContain(`the true value is ${truth}`);
		await expect.poll(() => wednesday.getByRole('status').textContent()).toContain('Logged to your practice log as an intuition row (wrong)');
		// The revealed card (code, output, verdict, form) passes axe in both themes.
		for (const scheme of ['light', 'dark'] as const) {
			await page.emulateMedia({ colorScheme: scheme });
			const result = await new AxeBuilder({ page }).include('sp-today').analyze();
			expect(result.violations.map((v) => `${scheme}: ${v.id} ${v.nodes[0]?.target.join(' ')}`)).toEqual([]);
		}
		const afterWednesday = await stored(page);
		expect(afterWednesday.log).toContainEqual(expect.objectContaining({ metric: 'intuition_correct', value: 0, week: 1 }));
		expect(afterWednesday.log.find((r: { metric: string }) => r.metric === 'intuition_correct').note).toContain(estimate.id);
		expect(afterWednesday.drills.cards[estimate.id].due).toBeGreaterThan(at(2).getTime());

		// Friday: the miss is listed and the pattern is saved; the missed estimate is due again already.
		await page.clock.setSystemTime(at(4));
		await reload(page);
		await expect.poll(() => card(page).locator('[data-when]').textContent()).toBe('Week 1 · Friday');
		await expect.poll(() => card(page).locator('.today-misses').textContent()).toContain(estimate.id);
		await card(page).getByLabel('The one pattern behind most of them').fill('I anchor on round numbers.');
		await card(page).getByRole('button', { name: 'Save the pattern' }).click();
		await expect.poll(async () => (await stored(page)).drills.patterns['1']?.text).toBe('I anchor on round numbers.');
		const due = card(page).locator(`.today-due [data-drill="${estimate.id}"]`);
		await expect.poll(() => due.count()).toBe(1);

		// /progress/ counts it in the review queue.
		await page.goto(h.url('/progress/'));
		await expect.poll(() => page.locator('sp-drill-queue [data-counts]').textContent()).toBe('Due today: 1. Due this week: 1.');

		// Answered right, it leaves today's queue and is scheduled further out.
		await openDaily(page);
		await due.getByLabel(/Your estimate/).fill(String(truth));
		await due.getByRole('button', { name: 'Check' }).click();
		await expect.poll(() => due.getByRole('status').textContent()).toContain('(right)');
		const afterRight = await stored(page);
		expect(afterRight.drills.cards[estimate.id].due).toBeGreaterThan(at(5).getTime());
		await reload(page);
		await expect.poll(() => card(page).locator('[data-when]').textContent()).toBe('Week 1 · Friday');
		await expect(card(page).locator('.today-due').count()).resolves.toBe(0);
		expect(errors).toEqual([]);
		await context.close();
	});

	it.each(['/', DAILY])('%s: today\'s card wakes without moving the page (CLS at most 0.02)', { timeout: 60_000 }, async (path) => {
		const context = await h.browser.newContext({ timezoneId: 'UTC', viewport: { width: 390, height: 844 } });
		const page = await context.newPage();
		// A Wednesday: two estimates and a shape drill, the tallest card of the week.
		await page.clock.install({ time: at(2) });
		await page.goto(h.url(path));
		await watchLayoutShift(page);
		await scrollThrough(page);
		await expect.poll(() => card(page).locator('.today-drill').count()).toBeGreaterThan(0);
		await page.waitForTimeout(300);
		const { cls, shifts } = await layoutShift(page);
		expect(cls, shifts.join('\n')).toBeLessThanOrEqual(0.02);
		await context.close();
	});
});
