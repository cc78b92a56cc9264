// Accessibility sweep: axe-core on every page in the sitemap in the light theme, and
// on one page of every kind in the dark theme. Two pages run at once (two cores).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { describe, expect, it } from 'vitest';
import { useSite } from './harness';
import { distDir } from '../support/dist';
import { configured } from '../support/course';

const h = useSite();

function sitemapPaths(): string[] {
	const xml = readFileSync(join(distDir, 'sitemap-0.xml'), 'utf8');
	// Sitemap URLs carry the base; the harness adds it again, so keep the site path only.
	return [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => `/${new URL(m[1]!).pathname.slice(configured.base.length)}`);
}

async function violations(paths: string[], colorScheme: 'light' | 'dark', parallel = 2): Promise<string[]> {
	const queue = [...paths];
	const failures: string[] = [];
	await Promise.all(
		Array.from({ length: parallel }, async () => {
			const context = await h.browser.newContext({ colorScheme });
			const page = await context.newPage();
			for (let path = queue.shift(); path; path = queue.shift()) {
				await page.goto(h.url(path));
				// Demos and charts hydrate when visible: scroll through so axe sees the live page.
				await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
				await page.waitForLoadState('networkidle');
				const result = await new AxeBuilder({ page }).analyze();
				for (const v of result.violations) failures.push(`${path}: ${v.id} (${v.nodes.length}) ${v.nodes[0]?.target.join(' ')}`);
			}
			await context.close();
		}),
	);
	return failures.sort();
}

describe('axe', () => {
	const paths = sitemapPaths();
	it('covers every page', () => {
		expect(paths.length).toBeGreaterThan(50);
	});
	it('reports no violations on any page (light)', { timeout: 600_000 }, async () => {
		expect(await violations(paths, 'light')).toEqual([]);
	});
	it('reports no violations on one page of each kind (dark)', { timeout: 300_000 }, async () => {
		const kinds = ['/', '/weeks/01/', '/weeks/07/', '/weeks/11/', '/weeks/23/', '/months/1/', '/tracks/bayes/1/', '/tracks/eda/2/', '/practice/', '/practice/eda-challenge/', '/progress/', '/glossary/', '/resources/', '/skills/', '/worksheets/', '/search/'];
		expect(await violations(kinds, 'dark')).toEqual([]);
	});
});
