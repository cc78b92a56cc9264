// Printing in Chromium (print media): week worksheets fit two A4 pages and carry
// every task and no navigation; the full chapter keeps the demos' figures; the
// worksheets document starts every week on a new page.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useSite } from './harness';
import { printToPdf } from '../../src/lib/site/print-pdf';
import { normalise, readPage } from '../support/dist';
import { configured } from '../support/course';

const h = useSite();
const out = mkdtempSync(join(tmpdir(), 'print-'));
const pad = (n: number) => String(n).padStart(2, '0');

/** Text of each PDF page (pdftotext separates pages with form feeds). */
function pdfPages(file: string): string[] {
	return execFileSync('pdftotext', ['-layout', file, '-']).toString('utf8').split('\f').filter((p) => p.trim());
}

/** Checklist texts of a built week page, as the reader sees them. */
function taskTexts(week: number): { title: string; items: string[]; otherTitles: string[] } {
	const doc = readPage(`/weeks/${pad(week)}/`);
	const items = [...doc.querySelectorAll('.tasks ul[aria-label^="Practice"] label, .deliverable h3, .deliverable .criteria li')].map((el) => el.textContent ?? '');
	const otherTitles = [week - 1, week + 1].filter((n) => n >= 1 && n <= 24).map((n) => readPage(`/weeks/${pad(n)}/`).querySelector('h1')!.textContent!);
	return { title: doc.querySelector('h1')!.textContent!, items, otherTitles };
}

const flat = (text: string) => normalise(text).replace(/\s+/g, '');

describe('week worksheets', () => {
	it.each(Array.from({ length: 24 }, (_, i) => i + 1))('week %i prints on at most 2 A4 pages with its tasks, the course title and no navigation', async (week) => {
		const page = await h.browser.newPage();
		const file = join(out, `week-${pad(week)}.pdf`);
		const count = await printToPdf(page, h.url(`/weeks/${pad(week)}/`), file, 'A4');
		await page.close();
		expect(count).toBeGreaterThanOrEqual(1);
		expect(count).toBeLessThanOrEqual(2);
		const text = flat(pdfPages(file).join(' '));
		const { title, items, otherTitles } = taskTexts(week);
		expect(text).toContain(flat(title));
		expect(text).toContain(flat(configured.title));
		for (const item of items) expect(text).toContain(flat(item));
		for (const other of otherTitles) expect(text).not.toContain(flat(other));
		expect(text).not.toContain(flat('Search the book'));
		expect(text).toContain(flat('What I learned'));
	});

	it.each(['eda/1', 'eda/2', 'eda/3', 'eda/4', 'eda/5', 'bayes/1', 'bayes/2', 'bayes/3'])('track week %s prints as a worksheet on at most 2 A4 pages', async (path) => {
		const page = await h.browser.newPage();
		const file = join(out, `track-${path.replace('/', '-')}.pdf`);
		const count = await printToPdf(page, h.url(`/tracks/${path}/`), file, 'A4');
		await page.close();
		expect(count).toBeLessThanOrEqual(2);
		const doc = readPage(`/tracks/${path}/`);
		const text = flat(pdfPages(file).join(' '));
		for (const label of doc.querySelectorAll('sp-checklist label')) expect(text).toContain(flat(label.textContent ?? ''));
		expect(text).not.toContain(flat(doc.querySelector('h2#the-focus')?.textContent ?? 'The focus'));
	});

	it('prints US Letter too', async () => {
		const page = await h.browser.newPage();
		const file = join(out, 'letter.pdf');
		const count = await printToPdf(page, h.url('/weeks/05/'), file, 'Letter');
		await page.close();
		expect(count).toBeLessThanOrEqual(2);
		expect(readFileSync(file, 'latin1')).toMatch(/\/MediaBox\s*\[\s*0 0 612 792\s*\]/);
	});

	it('prints the saved ticks only when asked', async () => {
		const { page, context } = await h.open('/weeks/01/');
		await page.locator('sp-checklist input[type=checkbox]').first().check();
		await page.emulateMedia({ media: 'print' });
		const background = () => page.locator('sp-checklist input[type=checkbox]').first().evaluate((el) => getComputedStyle(el).backgroundImage);
		expect(await background()).toBe('none');
		await page.evaluate(() => (document.documentElement.dataset.print = 'ticked'));
		expect(await background()).toMatch(/^url\(/);
		await context.close();
	});
});

describe('full chapter', () => {
	it('prints the explanation and every demo as its static figure with its settings', async () => {
		const { page, context } = await h.open('/weeks/23/?print=chapter');
		await page.emulateMedia({ media: 'print' });
		const figure = page.locator('.demo-figures svg[aria-label]').first();
		const box = await figure.boundingBox();
		expect(box?.width ?? 0).toBeGreaterThan(100);
		await expect(page.locator('.demo [data-params]').first().textContent()).resolves.toMatch(/^Settings: /);
		await expect(page.locator('h2#the-ideas').isVisible()).resolves.toBe(true);
		const file = join(out, 'chapter.pdf');
		const count = await printToPdf(page, h.url('/weeks/23/?print=chapter'), file, 'A4');
		expect(count).toBeGreaterThan(2);
		await context.close();
	});
});

describe('all worksheets', () => {
	it('starts every week on a new page', async () => {
		const page = await h.browser.newPage();
		const file = join(out, 'worksheets.pdf');
		const count = await printToPdf(page, h.url('/worksheets/'), file, 'A4');
		await page.close();
		const pages = pdfPages(file).map((p) => flat(p.slice(0, 400)));
		for (let week = 1; week <= 24; week++) {
			const title = readPage(`/weeks/${pad(week)}/`).querySelector('h1')!.textContent!;
			expect(pages.some((p) => p.includes(flat(title))), `week ${week} starts a page`).toBe(true);
		}
		expect(count).toBeGreaterThanOrEqual(24 + 3 + 8 + 1);
		execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '2', '-l', '2', file, join(out, 'sheet')]);
		console.log(`worksheets.pdf: ${count} pages; preview in ${out}`);
	});
});
