// No broken internal link or #fragment in the site as built. `npm test` runs this at the
// configured base and again in its sub-path pass, with the book built under /fork-check/.
import { describe, expect, it } from 'vitest';
import { serveSite } from '../support/serve';
import { brokenInternalLinks } from '../support/links';
import { allPages, distDir } from '../support/dist';
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
});
