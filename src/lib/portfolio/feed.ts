/**
 * The portfolio's RSS items: absolute, base-aware links (a feed reader has no page
 * to resolve a relative link against, and the site may live under /<repo>/).
 */
import { pathTo, withBase } from '../site/paths';
import { entryTypeLabels } from './entry-types';
import { entrySlug, type PortfolioItem } from './list';

export interface FeedItem {
	title: string;
	link: string;
	pubDate: Date;
	description: string;
	categories: string[];
}

/** Absolute URL of a site path: `site` is the origin (course.config's `site`), `base` the sub-path. */
export function absoluteUrl(site: string | URL, base: string, path: string): string {
	return new URL(withBase(base, path), site).href;
}

/** The line a reader sees under the title: the summary, else a prediction's claim, else the type and week. */
function describe(entry: PortfolioItem): string {
	const { data } = entry;
	if (data.summary) return data.summary;
	if (data.claim) return data.claim;
	return `${entryTypeLabels[data.type].one}${data.week ? `, week ${data.week}` : ''}.`;
}

/** One item per entry, in the order given (pass published entries, newest first). */
export function feedItems(entries: readonly PortfolioItem[], site: string | URL, base: string): FeedItem[] {
	return entries.map((entry) => ({
		title: entry.data.title,
		link: absoluteUrl(site, base, pathTo.portfolioEntry(entrySlug(entry))),
		pubDate: entry.data.date,
		description: describe(entry),
		categories: [entryTypeLabels[entry.data.type].one],
	}));
}
