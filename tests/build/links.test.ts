// No broken internal link or #fragment, at the root and under a GitHub Pages
// project path (the book is rebuilt with BASE=/study-plan/ for the second case).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { serveSite } from '../support/serve';
import { brokenInternalLinks } from '../support/links';
import { allPages, distDir, readPage } from '../support/dist';
import { configured } from '../support/course';

/** Pages a crawl must reach by links: all but the 404 page and /search/ (reached by the header's form). */
const linkedPages = (dir: string, siteUrl: string) =>
	allPages(dir)
		.filter((p) => p !== '/404.html' && p !== '/search/')
		.map((p) => new URL(p.slice(1), siteUrl).href);

describe('internal links', () => {
	it('all resolve in the site as built, served under its configured base', async () => {
		const site = await serveSite(distDir, configured.base);
		try {
			const { crawled, broken } = await brokenInternalLinks(site.url);
			expect(broken).toEqual([]);
			expect(crawled).toEqual(expect.arrayContaining(linkedPages(distDir, site.url)));
		} finally {
			await site.close();
		}
	});

	describe('under a base path', () => {
		const out = mkdtempSync(join(tmpdir(), 'book-base-'));
		afterAll(() => rmSync(out, { recursive: true, force: true }));

		it('all resolve when built for https://user.github.io/study-plan/', async () => {
			execFileSync(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build', '--outDir', out], {
				// A clean environment: Vitest's own variables (NODE_ENV=test, BASE_URL, MODE…) would leak into Vite.
				env: { PATH: process.env.PATH, HOME: process.env.HOME, TZ: 'UTC', BASE: '/study-plan/', SITE: 'https://user.github.io', ASTRO_TELEMETRY_DISABLED: '1' },
				stdio: 'pipe',
			});
			execFileSync(process.execPath, ['node_modules/pagefind/lib/runner/bin.cjs', '--site', out, '--silent'], { stdio: 'pipe' });
			const home = readPage('/', out);
			expect(home.querySelector('a[href="/study-plan/weeks/01/"]')).not.toBeNull();
			const site = await serveSite(out, '/study-plan/');
			try {
				const { crawled, broken } = await brokenInternalLinks(site.url);
				expect(broken).toEqual([]);
				expect(crawled).toEqual(expect.arrayContaining(linkedPages(out, site.url)));
			} finally {
				await site.close();
			}
		});
	});
});
