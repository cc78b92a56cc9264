// Accessibility sweep: axe-core on every page in the sitemap, in the light and the dark
// theme (the same loaded page, its colour scheme switched; every rule in light, the colour rules in dark). Two pages run at once (two cores).
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

async function violations(paths: string[], parallel = 2): Promise<string[]> {
	const queue = [...paths];
	const failures: string[] = [];
	await Promise.all(
		Array.from({ length: parallel }, async () => {
			const context = await h.browser.newContext({ colorScheme: 'light' });
			const page = await context.newPage();
			for (let path = queue.shift(); path; path = queue.shift()) {
				await page.emulateMedia({ colorScheme: 'light' });
				await page.goto(h.url(path));
				// Demos and charts hydrate when visible: scroll through so axe sees the live page.
				await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
				await page.waitForLoadState('networkidle');
				for (const scheme of ['light', 'dark'] as const) {
					await page.emulateMedia({ colorScheme: scheme });
					// The dark theme changes colours only (the same DOM), so it needs only the rules that read colours; the light pass runs them all.
					const builder = new AxeBuilder({ page });
					const result = await (scheme === 'dark' ? builder.withRules(['color-contrast', 'link-in-text-block']) : builder).analyze();
					for (const v of result.violations) failures.push(`${path} (${scheme}): ${v.id} (${v.nodes.length}) ${v.nodes[0]?.target.join(' ')}`);
				}
			}
			await context.close();
		}),
	);
	return failures.sort();
}

describe('axe', () => {
	// The search page with results too: Pagefind's UI draws them only once there is a query.
	const paths = [...sitemapPaths(), '/search/?q=variance'];
	it('covers every page', () => {
		expect(paths.length).toBeGreaterThan(50);
	});
	it('reports no violations on any page, light and dark', { timeout: 900_000 }, async () => {
		expect(await violations(paths)).toEqual([]);
	});
});
