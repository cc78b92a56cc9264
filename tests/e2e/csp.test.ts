// The Content-Security-Policy holds in the browser: on one page of every kind (picked by
// what the page contains), reading to the bottom, the demos, search, the theme and print
// buttons, and the progress export and import work without a single CSP violation.
import { readFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useSite } from './harness';
import { allPages, pagePath } from '../support/dist';

const h = useSite();

const html = new Map(allPages().map((path) => [path, readFileSync(pagePath(path), 'utf8')]));
const first = (test: (page: string, path: string) => boolean) => [...html].find(([path, page]) => test(page, path))?.[0];

/** One page of each kind, found by its content rather than by its address. */
const kinds = {
	home: first((_, path) => path === '/'),
	'week with a demo': first((page) => page.includes('<sp-demo') && page.includes('class="katex"')),
	'week without a demo': first((page) => !page.includes('<sp-demo') && page.includes('data-item=') && page.includes('worksheet-header')),
	progress: first((page) => page.includes('Export progress')),
	search: first((page) => page.includes('data-bundle=')),
	notebook: first((page, path) => path.startsWith('/notebooks/') && page.includes('<pre')),
	'not found': first((_, path) => path === '/404.html'),
};

/** Opens a page that records every CSP violation on `window.__violations`. */
async function openWatched(path: string): Promise<{ page: Page; context: BrowserContext; violations: () => Promise<string[]>; errors: string[] }> {
	const context = await h.browser.newContext({ acceptDownloads: true });
	await context.addInitScript(() => {
		const list: string[] = [];
		(window as unknown as { __violations: string[] }).__violations = list;
		document.addEventListener('securitypolicyviolation', (e) => list.push(`${e.violatedDirective} blocked ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber})`));
	});
	const page = await context.newPage();
	const errors: string[] = [];
	page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
	page.on('pageerror', (e) => errors.push(e.message));
	await page.goto(h.url(path));
	const violations = () => page.evaluate(() => (window as unknown as { __violations: string[] }).__violations);
	return { page, context, violations, errors };
}

async function readToTheEnd(page: Page) {
	await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
	await page.waitForLoadState('networkidle');
}

describe('Content-Security-Policy in the browser', () => {
	it('found a page of every kind', () => {
		expect(Object.entries(kinds).filter(([, path]) => !path)).toEqual([]);
	});

	it.each(Object.entries(kinds))('%s page: no violation while reading, theme toggle runs', async (_, path) => {
		const { page, context, violations, errors } = await openWatched(path!);
		await expect(page.evaluate(() => document.documentElement.classList.contains('js'))).resolves.toBe(true);
		await readToTheEnd(page);
		const toggle = page.locator('[data-theme-toggle]').first();
		const before = await page.evaluate(() => document.documentElement.dataset.theme ?? '');
		await toggle.click();
		await expect(page.evaluate(() => document.documentElement.dataset.theme ?? '')).resolves.not.toBe(before);
		expect(await violations()).toEqual([]);
		expect(errors).toEqual([]);
		await context.close();
	});

	it('runs a demo, reveals its answer and prints the chapter without a violation', async () => {
		const { page, context, violations } = await openWatched(kinds['week with a demo']!);
		const demo = page.locator('sp-demo').first();
		await demo.scrollIntoViewIfNeeded();
		await page.waitForSelector('sp-demo[data-ready="true"]');
		const reveal = demo.locator('[data-reveal]');
		if (await reveal.isVisible()) await reveal.click();
		await demo.locator('[data-figures] svg').first().waitFor();
		await page.evaluate(() => { window.print = () => {}; });
		await page.locator('[data-print-mode="chapter"]').first().click();
		await expect(page.evaluate(() => document.documentElement.dataset.print)).resolves.toBe('chapter');
		expect(await violations()).toEqual([]);
		await context.close();
	});

	const demoPages = [...html].filter(([, page]) => page.includes('<sp-demo')).map(([path]) => path);
	// Waking loads nothing (src/islands/demo.ts), so each demo is also changed once: that loads and runs its spec and Plot.
	it.each(demoPages)('wakes and redraws every demo on %s without a violation', async (path) => {
		const { page, context, violations, errors } = await openWatched(path);
		const demos = page.locator('sp-demo');
		for (let i = 0; i < (await demos.count()); i++) {
			await demos.nth(i).scrollIntoViewIfNeeded();
			await page.waitForSelector(`sp-demo >> nth=${i} >> xpath=self::*[@data-ready="true"]`, { timeout: 15_000 });
			await demos.nth(i).locator('[data-controls] :is(input, select)').first().dispatchEvent('input');
			await page.waitForSelector(`sp-demo >> nth=${i} >> xpath=self::*[@data-render-count]`, { timeout: 15_000 });
		}
		expect(await violations()).toEqual([]);
		expect(errors).toEqual([]);
		await context.close();
	});

	it('searches with Pagefind (WebAssembly) without a violation', async () => {
		const { page, context, violations } = await openWatched(`${kinds.search!}?q=variance`);
		await page.locator('.pagefind-ui__result-link').first().waitFor();
		expect(await violations()).toEqual([]);
		await context.close();
	});

	it('exports and imports progress without a violation', async () => {
		const { page, context, violations } = await openWatched(kinds.progress!);
		const download = page.waitForEvent('download');
		await page.getByRole('button', { name: 'Export progress' }).click();
		const file = join(mkdtempSync(join(tmpdir(), 'csp-export-')), 'progress.json');
		await (await download).saveAs(file);
		await page.getByLabel('Import progress file').setInputFiles(file);
		await page.getByText(/Apply it\?|nothing to change|already/i).first().waitFor();
		expect(await violations()).toEqual([]);
		await context.close();
	});
});
