// The font budget counts the KaTeX fonts a page serves its maths (the @font-face rules
// the build writes into it; tests/support/weight.ts): every font Chromium fetches is
// counted, and the bytes never exceed the count.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { useSite } from './harness';
import { allPages, pagePath } from '../support/dist';
import { fontBytes, katexFonts } from '../support/weight';

const h = useSite();

const mathPages = allPages().filter((path) => readFileSync(pagePath(path), 'utf8').includes('class="katex"'));
// A few pages with the most different sets of fonts, so the count is tested where it varies.
const samples = [...new Map(mathPages.map((path) => [katexFonts(readFileSync(pagePath(path), 'utf8')).join(), path])).values()].slice(0, 6);

describe('font weight count', () => {
	it.each(samples)('%s: Chromium fetches exactly the fonts the page serves', async (path) => {
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
		// Each face is cut to glyphs the page draws, so none is served for nothing.
		expect(fonts.map(([name]) => name).sort()).toEqual(katexFonts(html));
		expect(fonts.reduce((n, [, bytes]) => n + bytes, 0)).toBe(fontBytes(html));
		await context.close();
	});
});
