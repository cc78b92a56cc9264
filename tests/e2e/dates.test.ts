// The learner's start date: set on /progress/, it dates the week, month and home
// pages in that browser, marks the current week without moving the page, and
// gives a calendar file that parses back.
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { useSite } from './harness';

const h = useSite();

/** Local YYYY-MM-DD `days` from today, as the date input takes it. */
function localDay(days: number): string {
	const d = new Date();
	d.setDate(d.getDate() + days);
	return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

async function setStart(page: Page, date: string): Promise<void> {
	await page.locator('#start-date-input').fill(date);
	await page.locator('#start-date-input').dispatchEvent('change');
}

/** Sum of layout-shift scores since navigation (Chromium's Layout Instability API). */
const layoutShift = (page: Page) =>
	page.evaluate(
		() =>
			new Promise<number>((resolve) => {
				let total = 0;
				new PerformanceObserver((list) => {
					for (const entry of list.getEntries() as Array<PerformanceEntry & { value: number }>) total += entry.value;
				}).observe({ type: 'layout-shift', buffered: true });
				setTimeout(() => resolve(total), 300);
			}),
	);

describe('start date', () => {
	it('dates the week pages from a date set on /progress/ and marks the current week', async () => {
		const { page, context, errors } = await h.open('/progress/');
		// Today falls in week 3 when week 1 began 15 days ago.
		const start = localDay(-15);
		await setStart(page, start);
		await expect.poll(() => page.locator('sp-start-date [data-status]').textContent()).toContain('this is week 3');
		const key = await page.locator('sp-start-date').getAttribute('data-storage-key');
		expect(JSON.parse((await page.evaluate((k) => localStorage.getItem(k!), key))!).settings.startDate).toBe(start);

		await page.goto(h.url('/weeks/03/'));
		const dates = page.locator('.week sp-week-dates');
		await expect.poll(() => dates.getAttribute('data-current')).toBe('');
		const expected = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(new Date(Date.parse(`${start}T00:00:00Z`) + 14 * 86_400_000));
		await expect(dates.locator('[data-range]').textContent()).resolves.toContain(expected);
		await expect(dates.locator('.this-week').isVisible()).resolves.toBe(true);
		expect(await layoutShift(page)).toBeLessThan(0.001);

		await page.goto(h.url('/weeks/04/'));
		await expect.poll(() => page.locator('.week sp-week-dates [data-range]').textContent()).not.toContain('set your start date');
		await expect(page.locator('.week sp-week-dates').getAttribute('data-current')).resolves.toBeNull();

		await page.goto(h.url('/'));
		await expect.poll(() => page.locator('sp-week-dates[data-current]').getAttribute('data-week')).toBe('3');
		expect(await page.locator('sp-week-dates[data-current]').count()).toBe(1);
		expect(await layoutShift(page)).toBeLessThan(0.001);
		expect(errors).toEqual([]);
		await context.close();
	});

	it('draws no box in the home page week cards without a date, and keeps their height when one is set', async () => {
		const { page, context } = await h.open('/');
		const configured = await page.locator('sp-week-dates').first().getAttribute('data-start-date');
		const dates = page.locator('.card sp-week-dates').first();
		await page.evaluate(() => customElements.whenDefined('sp-week-dates'));
		const look = () =>
			dates.evaluate((el) => {
				const style = getComputedStyle(el);
				const box = el.getBoundingClientRect();
				const card = el.closest('.card')!.getBoundingClientRect();
				return { border: ['Top', 'Right', 'Bottom', 'Left'].map((side) => style.getPropertyValue(`border-${side.toLowerCase()}-width`)).join(' '), height: box.height, top: box.top - card.top, cardHeight: card.height };
			});
		const before = await look();
		expect(before.border).toBe('0px 0px 0px 0px');
		if (!configured) {
			// Nothing visible: no range, and the "this week" mark keeps its space but shows nothing.
			await expect(dates.locator('[data-range]').textContent()).resolves.toBe('');
			await expect(dates.locator('.this-week').isVisible()).resolves.toBe(false);
		}
		await page.goto(h.url('/progress/'));
		await setStart(page, localDay(-15));
		await page.goto(h.url('/'));
		// The short range ("4–10 Jan", "28 Dec – 3 Jan") that shares one line with the "this week" mark.
		await expect.poll(() => dates.locator('[data-range]').textContent()).toMatch(/^\d+(?:–\d+ \w+| \w+ – \d+ \w+)$/);
		const after = await look();
		expect(after.border).toBe('0px 0px 0px 0px');
		expect(after).toEqual({ ...before, border: after.border });
		await context.close();
	});

	it('clears the date and offers the link to set one again', async () => {
		const { page, context } = await h.open('/progress/');
		await setStart(page, localDay(0));
		const configured = await page.locator('sp-start-date').getAttribute('data-start-date');
		await page.locator('[data-clear]').click();
		await expect.poll(() => page.locator('#start-date-input').inputValue()).toBe(configured ?? '');
		if (!configured) {
			await page.goto(h.url('/weeks/01/'));
			await expect(page.locator('.week sp-week-dates a').textContent()).resolves.toBe('set your start date');
		}
		await context.close();
	});

	it('downloads a calendar for the browser’s start date that ical.js reads back', async () => {
		const { page, context } = await h.open('/progress/');
		await setStart(page, '2027-01-04');
		const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-calendar]').click()]);
		const bytes = readFileSync((await download.path())!);
		// RFC 5545: every line ends in CRLF, the last one too.
		expect(bytes.findIndex((b, i) => b === 0x0a && bytes[i - 1] !== 0x0d)).toBe(-1);
		expect(bytes.subarray(-2).toString('latin1')).toBe('\r\n');
		const text = bytes.toString('utf8');
		const events = new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent').map((c) => new ICAL.Event(c));
		const week1 = events.find((e) => e.summary.startsWith('Week 1:'))!;
		expect(week1.startDate.toString()).toBe('2027-01-04');
		// An absolute link into the site in use (here the test server, under the base), not the configured `site`.
		expect(String(week1.component.getFirstPropertyValue('url'))).toBe(h.url('/weeks/01/'));
		expect(events.filter((e) => e.summary.startsWith('Week '))).toHaveLength(24);
		expect(events.some((e) => e.isRecurring() && e.summary.startsWith('Daily'))).toBe(true);
		expect(download.suggestedFilename()).toMatch(/-2027-01-04\.ics$/);
		await context.close();
	});
});
