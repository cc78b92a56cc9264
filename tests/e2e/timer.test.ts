// A routine's timer in a real browser: the clock comes back after a reload (it is
// a stored start time), phases are announced, and stopping writes the confirmed row.
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
