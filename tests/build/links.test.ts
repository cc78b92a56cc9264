// No broken internal link or #fragment, at the root and under a GitHub Pages
// project path (the book is rebuilt with BASE=/study-plan/ for the second case).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { serveSite } from '../support/serve';
import { brokenInternalLinks } from '../support/links';
import { distDir, readPage } from '../support/dist';

describe('internal links', () => {
	it('all resolve in the site as built', async () => {
		const site = await serveSite(distDir, '/');
		try {
			const { checked, broken } = await brokenInternalLinks(site.url);
			expect(checked).toBeGreaterThan(500);
			expect(broken).toEqual([]);
		} finally {
			await site.close();
		}
	});

	describe('under a base path', () => {
		const out = mkdtempSync(join(tmpdir(), 'book-base-'));
		afterAll(() => rmSync(out, { recursive: true, force: true }));

		it('all resolve when built for https://user.github.io/study-plan/', async () => {
			execFileSync(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build', '--outDir', out], {
				env: { ...process.env, BASE: '/study-plan/', SITE: 'https://user.github.io', ASTRO_TELEMETRY_DISABLED: '1' },
				stdio: 'pipe',
			});
			execFileSync(process.execPath, ['node_modules/pagefind/lib/runner/bin.cjs', '--site', out, '--silent'], { stdio: 'pipe' });
			const home = readPage('/', out);
			expect(home.querySelector('a[href="/study-plan/weeks/01/"]')).not.toBeNull();
			const site = await serveSite(out, '/study-plan/');
			try {
				const { checked, broken } = await brokenInternalLinks(site.url);
				expect(checked).toBeGreaterThan(500);
				expect(broken).toEqual([]);
			} finally {
				await site.close();
			}
		});
	});
});
