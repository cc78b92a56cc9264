/**
 * The one file a forker edits. Everything the site needs to know about *your*
 * copy of the book lives here and is checked by `courseConfigSchema` at build time.
 */
import { defineCourseConfig } from './src/lib/config';

export default defineCourseConfig({
	/** Shown in the header, the page titles and the worksheets. */
	title: 'AI Engineering Study Plan',
	/** One line under the title on the home page. */
	tagline: 'Twenty-four weeks from statistics to unsupervised learning, one page and one worksheet a week.',
	/** Your name, shown on the portfolio and in the feed. */
	author: 'A learner',
	/** Where the site is published, without the base path. */
	site: 'https://example.github.io',
	/** Sub-path the site is served from: '/' for a user site, '/<repo>/' for a project site. */
	base: '/',
	/** Your fork, for "edit this page" links. */
	repo: 'https://github.com/example/ai-engineering-study-plan',
	/** Monday of course week 1 (YYYY-MM-DD), or null to show no dates. */
	startDate: null,
	/** Namespace of the progress saved in the browser; make it unique per fork on one origin. */
	storageId: 'ai-eng-plan',
});
