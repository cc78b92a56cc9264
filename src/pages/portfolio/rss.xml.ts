// The portfolio's RSS feed: published entries, newest first, with absolute links under the base path.
import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { getPortfolio } from '../../lib/course';
import { absoluteUrl, feedItems } from '../../lib/portfolio/feed';
import { pathTo } from '../../lib/site/paths';
import { base, course } from '../../lib/site';

export const GET: APIRoute = async ({ site }) => {
	if (!site) throw new Error('portfolio/rss.xml: set `site` in course.config.ts; a feed needs absolute links');
	return rss({
		title: `${course.title}: portfolio of ${course.author}`,
		description: `Decisions, predictions, comparisons and explanations from ${course.author}'s work through the course.`,
		site: absoluteUrl(site, base, pathTo.portfolio()),
		items: feedItems(await getPortfolio(), site, base),
		customData: '<language>en</language>',
	});
};
