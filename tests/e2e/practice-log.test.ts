// The practice log in a real browser: a CSV import shows its preview, merges, and the
// dashboard's numbers survive a reload and show in another tab; the download reads
// back to the same rows; a bad CSV is refused line by line and changes nothing; the
// full progress export carries the log to another browser.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { parseLogCsv } from '../../src/lib/practice-log/csv';
import { METRIC_NAMES } from '../../src/lib/practice-log/metrics';
import { useSite } from './harness';

const h = useSite();
const PAGE = '/progress/';
const FIXTURE = new URL('../fixtures/practice-log/log.csv', import.meta.url).pathname;
const fixtureRows = (() => {
	const parsed = parseLogCsv(readFileSync(FIXTURE, 'utf8'));
	if (!parsed.ok) throw new Error('fixture log does not parse');
	return parsed.rows;
})();

/** The configured storage key, as the page carries it (a fork's differs). */
const storageKey = (page: Page) => page.locator('sp-practice-log').getAttribute('data-storage-key');
const storedLog = async (page: Page) => {
	const key = await storageKey(page);
	const raw = await page.evaluate((k) => localStorage.getItem(k!), key);
	return raw ? (JSON.parse(raw).log as unknown[]) : [];
};
/** The dashboard table as text, row by row. */
const tableText = (page: Page) =>
	page.locator('[data-practice-table] tr').evaluateAll((rows) => rows.map((r) => [...r.children].map((c) => c.textContent?.trim()).join(' | ')));

async function importFixture(page: Page): Promise<void> {
	await page.getByLabel('Import log (CSV)').setInputFiles(FIXTURE);
	await page.getByText(`log.csv adds ${fixtureRows.length} new rows to your log`).waitFor();
	await page.getByRole('button', { name: 'Add rows' }).click();
	await page.getByText(`Import done: ${fixtureRows.length} rows added to your log.`).waitFor();
	// The dashboard is drawn once Plot has loaded, a moment after the rows are stored.
	await page.locator('[data-practice-table]').first().waitFor();
}

describe('practice log', () => {
	it('imports a CSV after a preview; the numbers survive a reload and show in another tab', async () => {
		const { page, context, errors } = await h.open(PAGE);
		await expect(page.locator('[data-practice-count]').textContent()).resolves.toBe('No rows in the practice log yet.');
		const other = await context.newPage();
		await other.goto(h.url(PAGE));
		await importFixture(page);
		const table = await tableText(page);
		expect(table[0]).toBe('Line | Month 1 | Month 2 | Month 3 | Other weeks | All months');
		expect(table).toContain(
			'Statistical accuracy | 3/5 = 60% (95% CI 23%–88%) | 3/4 = 75% (95% CI 30%–95%) | 2/3 = 67% (95% CI 21%–94%) | no rows | 8/12 = 67% (95% CI 39%–86%)',
		);
		expect(table[1]).toMatch(/^EDA speed \| median 68 min of 4 \(goal 45\) \| median 55 min of 3/);
		await expect(page.locator('[data-trend]').count()).resolves.toBe(4);
		await expect(page.locator('[data-trend="eda"] svg').getAttribute('aria-label')).resolves.toMatch(/month 1 68, month 2 55, month 3 44.5; goal 45/);
		expect(await storedLog(page)).toHaveLength(fixtureRows.length);

		await page.reload();
		await expect.poll(() => tableText(page)).toEqual(table);
		await expect.poll(() => tableText(other)).toEqual(table);
		expect(errors).toEqual([]);
		await context.close();
	});

	it('downloads the log as CSV that reads back to the same rows, and a re-import adds nothing', async () => {
		const { page, context } = await h.open(PAGE);
		await importFixture(page);
		const download = page.waitForEvent('download');
		await page.getByRole('button', { name: 'Download log (CSV)' }).click();
		const file = join(mkdtempSync(join(tmpdir(), 'log-')), 'downloaded.csv');
		await (await download).saveAs(file);
		const text = readFileSync(file, 'utf8');
		expect(text.split('\n')[0]).toBe('date,week,metric,value,unit,note,id');
		const parsed = parseLogCsv(text);
		expect(parsed.ok && parsed.rows.map(({ id: _id, ...values }) => values)).toEqual(fixtureRows);
		await page.getByLabel('Import log (CSV)').setInputFiles(file);
		await page.getByText(`downloaded.csv has ${fixtureRows.length} rows, all already in your log (or deleted from it). There is nothing new; nothing was changed.`).waitFor();
		// The original file without ids adds nothing either: identical rows are matched by value, never summed.
		await page.getByLabel('Import log (CSV)').setInputFiles(FIXTURE);
		await page.getByText(`log.csv has ${fixtureRows.length} rows, all already in your log`, { exact: false }).waitFor();
		expect(await storedLog(page)).toHaveLength(fixtureRows.length);
		await context.close();
	});

	it('refuses a CSV with bad rows, listing each line, and changes nothing', async () => {
		const { page, context } = await h.open(PAGE);
		await importFixture(page);
		const bad = join(mkdtempSync(join(tmpdir(), 'bad-')), 'bad.csv');
		writeFileSync(bad, '\uFEFFdate,week,metric,value,unit,note\r\n2025-09-01,30,eda_minutes,50,min,fine\r\n2025-02-30,1,eda_minutes,50,min,x\r\n2025-09-02,30,eda_speed,1,min,y\r\n');
		await page.getByLabel('Import log (CSV)').setInputFiles(bad);
		const alert = page.locator('[data-region="log-alert"]');
		await alert.getByText('bad.csv was not imported: 2 lines cannot be read. Nothing was changed.', { exact: false }).waitFor();
		await expect(alert.locator('li').allTextContents()).resolves.toEqual([
			'bad.csv:3: date "2025-02-30" is not a day of the calendar; write it as YYYY-MM-DD, e.g. 2025-03-08',
			`bad.csv:4: unknown metric "eda_speed"; use one of ${METRIC_NAMES.join(', ')}`,
		]);
		expect(await storedLog(page)).toHaveLength(fixtureRows.length);
		await context.close();
	});

	it('refuses an import that does not fit in a full storage, and never says saved when it did not save', async () => {
		const { page, context } = await h.open(PAGE);
		const key = await storageKey(page);
		// Fill this origin's storage to the last few bytes, as years of other data would.
		await page.evaluate(() => {
			let i = 0;
			for (const size of [1_000_000, 100_000, 10_000, 1_000, 100, 10, 1]) {
				try {
					for (;;) localStorage.setItem(`filler-${i++}`, 'x'.repeat(size));
				} catch {
					/* this chunk size no longer fits: try a smaller one */
				}
			}
		});
		await page.getByLabel('Import log (CSV)').setInputFiles(FIXTURE);
		await page.getByRole('button', { name: 'Add rows' }).click();
		const alert = page.locator('[data-region="log-alert"]');
		await expect.poll(() => alert.textContent()).toMatch(/^Not imported: with this file your progress would take \d+ KB.*nothing was changed\. Download your log/);
		expect(await page.evaluate((k) => localStorage.getItem(k!), key)).toBeNull();
		await expect(page.locator('[data-region="log-status"]').textContent()).resolves.not.toMatch(/Import done/);
		// A score saved now is kept for the visit only, and the page says so instead of "Saved".
		const form = page.locator('sp-log-form[data-form=score]');
		await form.getByLabel('Points').fill('3');
		await form.getByLabel('Note').fill('Two equal runs are two rows');
		await form.getByRole('button', { name: 'Save score' }).click();
		await expect.poll(() => form.locator('[data-status]').textContent()).toMatch(/^Kept for this visit only\. Not saved: this browser's storage for the site is full/);
		await page.locator('sp-progress-notice').getByRole('button', { name: 'Download what you have' }).waitFor();
		await context.close();
	});

	it('refuses a file over 50 MB without reading it', async () => {
		const { page, context } = await h.open(PAGE);
		const huge = join(mkdtempSync(join(tmpdir(), 'huge-')), 'huge.csv');
		writeFileSync(huge, Buffer.alloc(50_000_001, 'a'));
		await page.getByLabel('Import log (CSV)').setInputFiles(huge);
		await page.locator('[data-region="log-alert"]').getByText('huge.csv is larger than 50 MB', { exact: false }).waitFor();
		expect(await storedLog(page)).toEqual([]);
		rmSync(huge);
		await context.close();
	});

	it.each(['light', 'dark'] as const)('has no axe violations with a full dashboard (%s theme)', async (colorScheme) => {
		const { page, context } = await h.open(PAGE, { colorScheme });
		await importFixture(page);
		const result = await new AxeBuilder({ page }).include('sp-practice-log').analyze();
		expect(result.violations.map((v) => `${v.id}: ${v.nodes[0]?.target.join(' ')}`)).toEqual([]);
		await context.close();
	});

	it('carries the log in the full progress export to another browser', async () => {
		const { page, context } = await h.open(PAGE);
		await importFixture(page);
		const download = page.waitForEvent('download');
		await page.getByRole('button', { name: 'Export progress' }).click();
		const file = join(mkdtempSync(join(tmpdir(), 'export-')), 'progress.json');
		await (await download).saveAs(file);
		expect(JSON.parse(readFileSync(file, 'utf8')).log).toHaveLength(fixtureRows.length);
		await context.close();

		const fresh = await h.open(PAGE);
		await fresh.page.getByLabel('Import progress file').setInputFiles(file);
		await fresh.page.getByText(`It also adds ${fixtureRows.length} practice log rows`, { exact: false }).waitFor();
		await fresh.page.getByRole('button', { name: 'Apply import' }).click();
		await expect.poll(() => storedLog(fresh.page)).toHaveLength(fixtureRows.length);
		// The dashboard redraws once Plot has loaded, just after the rows are stored.
		await expect.poll(() => fresh.page.locator('[data-practice-count]').textContent()).toBe(`${fixtureRows.length} rows in the practice log.`);
		await fresh.context.close();
	});
});
