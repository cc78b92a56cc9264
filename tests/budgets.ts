/**
 * Page-weight budgets: gzip bytes per page, as GitHub Pages serves them. Each is
 * today's largest figure plus a small margin (about 5%), so a regression fails the
 * build tests (tests/build/budgets.test.ts) with the figure and its budget. When a
 * change adds weight on purpose, update the figure here and say why in the commit.
 * `npm run bench` prints the figures of every kind of page.
 */
export const budgets = {
	/** JavaScript a page runs on load (its scripts and their static imports), per kind of page. */
	js: {
		'week without demo': 4_500,
		'week with demo': 7_300,
		progress: 9_300,
		search: 37_200,
		other: 4_600,
	},
	/** Stylesheets of any page. */
	css: 15_100,
	/** The HTML document of any page. */
	html: 42_200,
	/** KaTeX fonts (woff2) the maths of any page needs. */
	fonts: 100_000,
} as const;
