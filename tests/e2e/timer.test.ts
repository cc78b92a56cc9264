// A routine's timer in a real browser: the clock comes back after a reload (it is
// a stored start time), phases are announced, stopping writes the confirmed row,
// a clock set back mid-run costs nothing, and two tabs agree on one run.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useSite } from './harness';

const h = useSite();
const PAGE = '/practice/eda-challenge/';
const MIN = 60_000;

const timer = (page: Page) => page.locator('sp-timer[data-routine="eda-challenge"]');
const storedState = async (page: Page) => {
	const key = await timer(page).getAttribute('data-storage-key');
	return JSON.parse((await page.evaluate((k) => localStorage.getItem(k!), key)) ?? 'null');
};
/** Moves the stored start `minutes` back, as if the timer had been started that long ago. */
async function startedAgo(page: Page, minutes: number): Promise<void> {
	const key = await timer(page).getAttribute('data-storage-key');
	await page.evaluate(([k, ms]) => {
		const state = JSON.parse(localStorage.getItem(k!)!);
		state.timers['eda-challenge'].startedAt = Date.now() - Number(ms);
		localStorage.setItem(k!, JSON.stringify(state));
	}, [key, String(minutes * MIN)]);
}

describe('timer', () => {
	it('survives a reload, announces the phase and writes the confirmed row on stop', async () => {
		const { page, context, errors } = await h.open(PAGE);
		await timer(page).locator('[data-act=start]').click();
		await expect.poll(() => timer(page).locator('[data-announce]').textContent()).toContain('Phase 1 of 4: Hypotheses');
		expect((await storedState(page)).timers['eda-challenge'].pausedAt).toBeNull();

		// 72 minutes in, as if the tab had been closed and opened again.
		await startedAgo(page, 72);
		await page.reload();
		await expect.poll(() => timer(page).locator('[data-clock]').textContent()).toMatch(/^1:12:0\d$/);
		await expect(timer(page).locator('[data-phase]').textContent()).resolves.toMatch(/^Standard workflow: 1[78]:\d\d left$/);
		await expect(timer(page).locator('[data-controls] [data-act=pause]').isVisible()).resolves.toBe(true);
		// Only the buttons that apply show: no Start or Resume while it runs.
		await expect(timer(page).locator('[data-act=start]').isVisible()).resolves.toBe(false);
		await expect(timer(page).locator('[data-controls] [data-act=resume]').isVisible()).resolves.toBe(false);
		// Reloading does not repeat an announcement.
		await expect(timer(page).locator('[data-announce]').textContent()).resolves.toBe('');

		await timer(page).locator('[data-act=stop]').click();
		const value = timer(page).locator('input[name=value]');
		await expect(value.inputValue()).resolves.toBe('42');
		await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('value');
		// The clock is paused while the learner confirms.
		const frozen = await timer(page).locator('[data-clock]').textContent();
		await page.waitForTimeout(1100);
		await expect(timer(page).locator('[data-clock]').textContent()).resolves.toBe(frozen);

		await value.fill('44');
		await timer(page).locator('input[name=note]').fill('Wine data, level 2');
		await timer(page).getByRole('button', { name: 'Save to log' }).click();
		await expect.poll(() => timer(page).locator('[data-announce]').textContent()).toContain('Saved to your practice log');
		const state = await storedState(page);
		expect(state.timers['eda-challenge']).toBeUndefined();
		expect(state.log).toEqual([expect.objectContaining({ metric: 'eda_minutes', value: 44, unit: 'min', note: 'EDA challenge, workflow; Wine data, level 2' })]);
		await expect(timer(page).locator('[data-act=start]').isVisible()).resolves.toBe(true);
		expect(errors).toEqual([]);
		await context.close();
	});

	it('pauses, resumes and can stop without logging, by keyboard', async () => {
		const { page, context } = await h.open(PAGE);
		await timer(page).locator('[data-act=start]').focus();
		await page.keyboard.press('Enter');
		await timer(page).locator('[data-controls] [data-act=pause]').focus();
		await page.keyboard.press('Enter');
		await expect.poll(async () => (await storedState(page)).timers['eda-challenge'].pausedAt).not.toBeNull();
		await page.reload();
		await expect(timer(page).locator('[data-controls] [data-act=resume]').isVisible()).resolves.toBe(true);
		await timer(page).locator('[data-controls] [data-act=resume]').click();
		await timer(page).locator('[data-act=stop]').click();
		await timer(page).getByRole('button', { name: 'Stop without logging' }).click();
		const state = await storedState(page);
		expect(state.timers['eda-challenge']).toBeUndefined();
		expect(state.log).toEqual([]);
		await context.close();
	});

	it('keeps the minutes run when the computer clock is set back an hour, and after a reload', async () => {
		const context = await h.browser.newContext();
		const page = await context.newPage();
		const errors: string[] = [];
		page.on('pageerror', (e) => errors.push(e.message));
		// A fake clock: the wall clock (Date) can be set apart from performance.now(), as when the user changes the time.
		await page.clock.install({ time: new Date('2027-01-04T09:00:00') });
		await page.goto(h.url(PAGE));
		await timer(page).locator('[data-act=start]').click();
		await page.clock.fastForward(30 * MIN);
		await expect.poll(() => timer(page).locator('[data-clock]').textContent()).toMatch(/^30:0\d$/);

		const wall = await page.evaluate(() => Date.now());
		await page.clock.setSystemTime(wall - 60 * MIN);
		await page.clock.fastForward(MIN);
		await expect.poll(() => timer(page).locator('[data-clock]').textContent()).toMatch(/^31:0\d$/);
		// The stored start now agrees with the changed clock, so a reload shows the same run.
		await expect.poll(async () => {
			const { startedAt } = (await storedState(page)).timers['eda-challenge'];
			return Math.round(((await page.evaluate(() => Date.now())) - startedAt) / MIN);
		}).toBe(31);
		await page.reload();
		await expect.poll(() => timer(page).locator('[data-clock]').textContent()).toMatch(/^31:\d\d$/);

		await timer(page).locator('[data-act=stop]').click();
		await expect(timer(page).locator('input[name=value]').inputValue()).resolves.toBe('1'); // 31 minutes in: 1 minute of the workflow phase
		expect(errors).toEqual([]);
		await context.close();
	});

	it('ends a run stopped in one tab in every tab: one run, one row', async () => {
		const context = await h.browser.newContext();
		const [a, b] = [await context.newPage(), await context.newPage()];
		for (const page of [a, b]) await page.goto(h.url(PAGE));
		await timer(a).locator('[data-act=start]').click();
		await expect.poll(() => timer(b).locator('[data-controls] [data-act=pause]').isVisible()).toBe(true);

		await timer(b).locator('[data-act=stop]').click();
		// Tab A hears of the stop: the same form, and no Resume, Pause or Stop of its own.
		await expect.poll(() => timer(a).locator('[data-stop]').isVisible()).toBe(true);
		for (const act of ['resume', 'pause', 'stop', 'start']) await expect(timer(a).locator(`[data-controls] [data-act=${act}]`).isVisible()).resolves.toBe(false);

		await timer(b).locator('input[name=value]').fill('40');
		await timer(b).getByRole('button', { name: 'Save to log' }).click();
		await expect.poll(() => timer(a).locator('[data-act=start]').isVisible()).toBe(true);
		await expect(timer(a).locator('[data-stop]').isVisible()).resolves.toBe(false);
		await expect(timer(a).locator('[data-announce]').textContent()).resolves.toContain('ended in another tab');
		const after = await storedState(a);
		expect(after.log).toHaveLength(1);
		expect(after.timers['eda-challenge']).toBeUndefined();
		await context.close();
	});

	it('logs nothing when the run was taken back in another tab while this one saved', async () => {
		const context = await h.browser.newContext();
		const [a, b] = [await context.newPage(), await context.newPage()];
		for (const page of [a, b]) await page.goto(h.url(PAGE));
		await timer(a).locator('[data-act=start]').click();
		await expect.poll(() => timer(b).locator('[data-controls] [data-act=stop]').isVisible()).toBe(true);
		await timer(b).locator('[data-act=stop]').click();
		await expect.poll(() => timer(a).locator('[data-stop]').isVisible()).toBe(true);

		// A takes the run back with "Keep going" (the form's Resume); B's form closes.
		await timer(a).getByRole('button', { name: 'Keep going' }).click();
		await expect.poll(() => timer(b).locator('[data-stop]').isVisible()).toBe(false);
		await expect.poll(() => timer(b).locator('[data-controls] [data-act=pause]').isVisible()).toBe(true);
		// A save that raced the resume (submitted before B heard of it) finds the run going on and logs nothing.
		await b.evaluate(() => document.querySelector('sp-timer [data-stop]')!.dispatchEvent(new Event('submit', { cancelable: true })));
		await expect.poll(() => timer(b).locator('[data-announce]').textContent()).toContain('resumed in another tab');
		const after = await storedState(b);
		expect(after.log).toEqual([]);
		expect(after.timers['eda-challenge'].pausedAt).toBeNull();
		await expect(timer(a).locator('[data-controls] [data-act=pause]').isVisible()).resolves.toBe(true);
		await context.close();
	});

	it('is not on a week page and does not print', async () => {
		const { page, context } = await h.open('/weeks/07/');
		expect(await page.locator('sp-timer').count()).toBe(0);
		const scripts = await page.evaluate(() => [...document.scripts].map((s) => s.src).join(' '));
		expect(scripts).not.toMatch(/Timer/);
		await page.goto(h.url(PAGE));
		await page.emulateMedia({ media: 'print' });
		await expect(timer(page).isVisible()).resolves.toBe(false);
		await context.close();
	});
});
