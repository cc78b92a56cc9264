/** Crawls a served site with linkinator and returns every broken internal link or fragment. */
import { LinkChecker } from 'linkinator';

export interface BrokenLink {
	url: string;
	parent: string | undefined;
	status: number | undefined;
}

export async function brokenInternalLinks(siteUrl: string): Promise<{ checked: number; broken: BrokenLink[] }> {
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
	return { checked: result.links.length, broken };
}
