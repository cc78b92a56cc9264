// Ticks in a real browser: they survive reloads and other tabs, bad storage and bad
// files never lose them, and the boxes work by keyboard and without JavaScript.
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useSite } from './harness';
import { configured, progressStorageKey } from '../support/course';

const h = useSite();
const KEY = progressStorageKey;
const WEEK = '/weeks/01/';

const firstBox = (page: Page) => page.locator('sp-checklist input[type=checkbox]').first();
const stored = (page: Page) => page.evaluate((key) => localStorage.getItem(key), KEY);
const notice = (page: Page) => page.locator('sp-progress-notice');

describe('progress', () => {
	it('keeps a tick across a reload', async () => {
		const { page, context, errors } = await h.open(WEEK);
		const box = firstBox(page);
		const id = await box.getAttribute('data-item');
		await box.check();
		await page.reload();
		await expect(firstBox(page).isChecked()).resolves.toBe(true);
		expect(JSON.parse((await stored(page))!).ticks[id!].checked).toBe(true);
		expect(errors).toEqual([]);
		await context.close();
	});

	it('keeps two tabs in sync', async () => {
		const { page, context } = await h.open(WEEK);
		const other = await context.newPage();
		await other.goto(h.url(WEEK));
		await firstBox(page).check();
		await expect.poll(() => firstBox(other).isChecked()).toBe(true);
		await firstBox(other).uncheck();
		await expect.poll(() => firstBox(page).isChecked()).toBe(false);
		await context.close();
	});

	it('survives corrupt stored progress: notice, backup kept, ticking works', async () => {
		const { page, context } = await h.open(WEEK);
		await page.evaluate((key) => localStorage.setItem(key, '{"version":1,"ticks":{oops'), KEY);
		await page.reload();
		await notice(page).waitFor();
		await expect(notice(page).textContent()).resolves.toMatch(/could not be read/);
		const backups = await page.evaluate((key) => Object.keys(localStorage).filter((k) => k.startsWith(`${key}:backup:`)).map((k) => localStorage.getItem(k)), KEY);
		expect(backups).toEqual(['{"version":1,"ticks":{oops']);
		await firstBox(page).check();
		await page.reload();
		await expect(firstBox(page).isChecked()).resolves.toBe(true);
		await context.close();
	});

	it('after a corrupt value too large to copy aside, offers a download and a fresh store that keeps the backup', async () => {
		const { page, context } = await h.open(WEEK);
		const corrupt = `{"version":3,"ticks":${'x'.repeat(3_000_000)}`;
		await page.evaluate(
			([key, value]) => {
				localStorage.setItem(key, value);
				// The rest of the storage is taken, so the 3 MB value cannot be copied to a backup key.
				let i = 0;
				for (const size of [1_000_000, 100_000, 10_000, 1_000]) {
					try {
						for (;;) localStorage.setItem(`filler-${i++}`, 'x'.repeat(size));
					} catch {
						/* try a smaller chunk */
					}
				}
				localStorage.removeItem(`filler-${i - 2}`);
			},
			[KEY, corrupt] as const,
		);
		await page.reload();
		await notice(page).waitFor();
		await expect(notice(page).textContent()).resolves.toMatch(/too large to copy aside/);
		await notice(page).getByRole('button', { name: 'Download what you have' }).waitFor();
		await notice(page).getByRole('button', { name: 'Keep the backup and start a fresh store' }).click();
		await expect.poll(() => notice(page).textContent()).toMatch(/kept aside unchanged/);
		const backups = await page.evaluate((key) => Object.keys(localStorage).filter((k) => k.startsWith(`${key}:backup:`)).map((k) => localStorage.getItem(k)?.length), KEY);
		expect(backups).toEqual([corrupt.length]);
		await firstBox(page).check();
		await page.reload();
		await expect(firstBox(page).isChecked()).resolves.toBe(true);
		await context.close();
	});

	it('exports a file that imports after a tick made while the clock ran ahead', async () => {
		const { page, context } = await h.open(WEEK);
		const id = await firstBox(page).getAttribute('data-item');
		const ahead = Date.now() + 3 * 86_400_000;
		await page.evaluate(([key, item, at]) => localStorage.setItem(key, JSON.stringify({ version: 1, ticks: { [item]: { checked: true, at } }, settings: {} })), [KEY, id!, ahead] as const);
		await page.goto(h.url('/progress/'));
		const download = page.waitForEvent('download');
		await page.getByRole('button', { name: 'Export progress' }).click();
		const file = join(mkdtempSync(join(tmpdir(), 'ahead-')), 'progress.json');
		await (await download).saveAs(file);
		expect(JSON.parse(readFileSync(file, 'utf8')).ticks[id!].at).toBeLessThanOrEqual(Date.now());
		// An older file written by a clock that ran ahead is accepted too, with a note.
		const old = join(mkdtempSync(join(tmpdir(), 'old-')), 'old.json');
		writeFileSync(old, JSON.stringify({ format: 'ai-eng-plan-progress', version: 1, siteId: configured.storageId, exportedAt: new Date().toISOString(), ticks: { 'some-other-item': { checked: true, at: ahead } }, settings: {} }));
		await page.getByLabel('Import progress file').setInputFiles(old);
		await expect.poll(() => page.locator('sp-progress-controls [data-region="preview"]').textContent()).toMatch(/1 time in the file was ahead of this computer's clock and was read as now/);
		await context.close();
	});

	it('lets the learner tick for the session when storage throws', async () => {
		const context = await h.browser.newContext();
		await context.addInitScript(() => {
			Object.defineProperty(window, 'localStorage', {
				get() {
					throw new DOMException('The operation is insecure.', 'SecurityError');
				},
			});
		});
		const page = await context.newPage();
		const errors: string[] = [];
		page.on('pageerror', (e) => errors.push(e.message));
		await page.goto(h.url(WEEK));
		const box = firstBox(page);
		await box.check();
		await expect(box.isChecked()).resolves.toBe(true);
		await notice(page).waitFor();
		const meter = page.locator('sp-progress-meter [data-count]').first();
		await expect(meter.textContent()).resolves.toMatch(/^\d+ of \d+ done$/);
		await notice(page).getByRole('button', { name: 'Download what you have' }).waitFor();
		expect(errors).toEqual([]);
		await context.close();
	});

	it('round-trips an export through reset and import', async () => {
		const { page, context } = await h.open(WEEK);
		const id = await firstBox(page).getAttribute('data-item');
		await firstBox(page).check();
		await page.goto(h.url('/progress/'));
		const download = page.waitForEvent('download');
		await page.getByRole('button', { name: 'Export progress' }).click();
		const file = join(mkdtempSync(join(tmpdir(), 'export-')), 'progress.json');
		await (await download).saveAs(file);
		const exported = JSON.parse(readFileSync(file, 'utf8'));
		expect(exported.format).toBe('ai-eng-plan-progress');
		expect(exported.ticks[id!].checked).toBe(true);

		await page.getByRole('button', { name: 'Reset ticks' }).click();
		await page.getByRole('button', { name: 'Reset without export' }).click();
		await expect.poll(async () => JSON.parse((await stored(page))!).ticks[id!]?.checked ?? false).toBe(false);

		await page.getByLabel('Import progress file').setInputFiles(file);
		await page.getByText(/Apply it\?/).waitFor();
		await page.getByRole('button', { name: 'Apply import' }).click();
		await expect.poll(async () => JSON.parse((await stored(page))!).ticks[id!].checked).toBe(true);
		await page.goto(h.url(WEEK));
		await expect(firstBox(page).isChecked()).resolves.toBe(true);
		await context.close();
	});

	it('rejects a bad import and changes nothing', async () => {
		const { page, context } = await h.open(WEEK);
		await firstBox(page).check();
		await page.goto(h.url('/progress/'));
		const before = await stored(page);
		const dir = mkdtempSync(join(tmpdir(), 'bad-'));
		const hostile = join(dir, 'hostile.json');
		writeFileSync(hostile, JSON.stringify({ format: 'ai-eng-plan-progress', version: 1, siteId: configured.storageId, exportedAt: new Date().toISOString(), ticks: { '<img src=x onerror=alert(1)>': { checked: true, at: 1 } }, settings: {} }));
		await page.getByLabel('Import progress file').setInputFiles(hostile);
		const alert = page.locator('sp-progress-controls').getByRole('alert');
		await expect.poll(() => alert.textContent()).toMatch(/\S/);
		expect(await page.locator('img[src=x]').count()).toBe(0);
		const broken = join(dir, 'broken.json');
		writeFileSync(broken, '{"format": "ai-eng-plan-progress", ');
		await page.getByLabel('Import progress file').setInputFiles(broken);
		await expect.poll(() => alert.textContent()).toMatch(/JSON|read/i);
		expect(await stored(page)).toBe(before);
		await context.close();
	});

	it('toggles with the keyboard and shows focus', async () => {
		const { page, context } = await h.open(WEEK);
		const box = firstBox(page);
		await box.focus();
		const outline = await box.evaluate((el) => getComputedStyle(el).outlineStyle);
		expect(outline).not.toBe('none');
		await page.keyboard.press('Space');
		await expect(box.isChecked()).resolves.toBe(true);
		await page.keyboard.press('Space');
		await expect(box.isChecked()).resolves.toBe(false);
		await context.close();
	});

	it('shows plain checkboxes with JavaScript disabled', async () => {
		const { page, context } = await h.open(WEEK, { javaScriptEnabled: false });
		const boxes = page.getByRole('checkbox');
		expect(await boxes.count()).toBeGreaterThan(3);
		await boxes.first().check();
		await expect(boxes.first().isChecked()).resolves.toBe(true);
		await context.close();
	});

	it('offers to continue where the learner left off', async () => {
		const { page, context } = await h.open('/weeks/02/');
		await firstBox(page).check();
		await page.goto(h.url('/'));
		await page.getByRole('link', { name: /^Continue where you left off: Week 2:/ }).waitFor();
		await context.close();
	});
});
