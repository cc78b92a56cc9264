/** Crawls a served site with linkinator and returns every broken internal link or fragment. */
import { LinkChecker } from 'linkinator';

export interface BrokenLink {
	url: string;
	parent: string | undefined;
	status: number | undefined;
}

/** Every broken internal link, and every page URL the crawl reached (to prove it saw the whole site). */
export async function brokenInternalLinks(siteUrl: string): Promise<{ crawled: string[]; broken: BrokenLink[] }> {
	const origin = new URL(siteUrl).origin;
	const checker = new LinkChecker();
	const result = await checker.check({
		path: siteUrl,
		recurse: true,
		checkFragments: true,
		concurrency: 20,
		linksToSkip: async (link) => !link.startsWith(origin),
	});
	const broken = result.links
		.filter((l) => l.state === 'BROKEN')
		.map((l) => ({ url: l.url, parent: l.parent, status: l.status }));
	const crawled = [...new Set(result.links.filter((l) => l.state === 'OK').map((l) => l.url.split('#')[0]!))];
	return { crawled, broken };
}
