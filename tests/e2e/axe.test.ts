// Accessibility sweep: axe-core on every page in the sitemap, in light and dark.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { describe, expect, it } from 'vitest';
import { useSite } from './harness';
import { distDir } from '../support/dist';

const h = useSite();

function sitemapPaths(): string[] {
	const xml = readFileSync(join(distDir, 'sitemap-0.xml'), 'utf8');
	return [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!).pathname);
}

describe('axe', () => {
	const paths = sitemapPaths();
	it('covers every page', () => {
		expect(paths.length).toBeGreaterThan(40);
	});
	for (const scheme of ['light', 'dark'] as const) {
		it(`reports no violations on any page (${scheme})`, { timeout: 600_000 }, async () => {
			const context = await h.browser.newContext({ colorScheme: scheme });
			const page = await context.newPage();
			const failures: string[] = [];
			for (const path of paths) {
				await page.goto(h.url(path));
				const { violations } = await new AxeBuilder({ page }).analyze();
				for (const v of violations) failures.push(`${path}: ${v.id} (${v.nodes.length}) ${v.nodes[0]?.target.join(' ')}`);
			}
			await context.close();
			expect(failures).toEqual([]);
		});
	}
});
