// The font budget counts the KaTeX fonts a page's maths needs, read from KaTeX's classes
// (tests/support/weight.ts), read page-wide, so it may count a size font too many but
// never one too few: every font Chromium fetches is counted, and the bytes never exceed the estimate.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { useSite } from './harness';
import { allPages, pagePath } from '../support/dist';
import { fontBytes, katexFonts } from '../support/weight';

const h = useSite();

const mathPages = allPages().filter((path) => readFileSync(pagePath(path), 'utf8').includes('class="katex"'));
// A few pages with the most different sets of fonts, so the estimate is tested where it varies.
const samples = [...new Map(mathPages.map((path) => [katexFonts(readFileSync(pagePath(path), 'utf8')).join(), path])).values()].slice(0, 6);

describe('font weight estimate', () => {
	it.each(samples)('%s: every font Chromium fetches is in the estimate', async (path) => {
		const html = readFileSync(pagePath(path), 'utf8');
		const context = await h.browser.newContext();
		const page = await context.newPage();
		const fetched: Array<Promise<[string, number]>> = [];
		page.on('requestfinished', (r) => {
			if (r.resourceType() === 'font' && !r.url().startsWith('data:')) fetched.push(r.response().then(async (res) => [r.url().split('/').pop()!.split('.')[0]!, (await res!.body()).length]));
		});
		await page.goto(h.url(path), { waitUntil: 'networkidle' });
		await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
		await page.evaluate(() => document.fonts.ready);
		await page.waitForLoadState('networkidle');
		const fonts = await Promise.all(fetched);
		const estimated = katexFonts(html);
		expect(fonts.map(([name]) => name).filter((name) => !estimated.includes(name)), `estimated ${estimated.join(', ')}`).toEqual([]);
		expect(fonts.reduce((n, [, bytes]) => n + bytes, 0)).toBeLessThanOrEqual(fontBytes(html));
		expect(fonts.length).toBeGreaterThan(0);
		await context.close();
	});
});
