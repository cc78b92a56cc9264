/** One served site and one Chromium per test file; a fresh page per test. */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchBrowser } from '../support/browser';
import { serveSite, type SiteServer } from '../support/serve';
import { distDir } from '../support/dist';
import { configured } from '../support/course';

export interface Harness {
	site: SiteServer;
	browser: Browser;
	/** A new page in a new context; console errors are collected into `errors`. */
	open(path: string, options?: Parameters<Browser['newContext']>[0]): Promise<{ page: Page; context: BrowserContext; errors: string[] }>;
	/** The served URL of a site path (`/weeks/01/`): origin, base, path. */
	url(path: string): string;
}

export function useSite(): Harness {
	const harness = {} as Harness;
	beforeAll(async () => {
		// Served under the configured base (course.config.ts, or BASE for the sub-path pass), as Pages serves it.
		harness.site = await serveSite(distDir, configured.base);
		harness.browser = await launchBrowser();
	});
	afterAll(async () => {
		await harness.browser?.close();
		await harness.site?.close();
	});
	harness.url = (path) => new URL(path.replace(/^\//, ''), harness.site.url).href;
	harness.open = async (path, options) => {
		const context = await harness.browser.newContext(options);
		const page = await context.newPage();
		const errors: string[] = [];
		page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
		page.on('pageerror', (e) => errors.push(e.message));
		await page.goto(harness.url(path));
		return { page, context, errors };
	};
	return harness;
}
