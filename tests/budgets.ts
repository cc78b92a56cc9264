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
		// Store v2 (the practice log, claims, decisions and timers beside the ticks) and the
		// week dates added about 3.5 KB to every page with a checklist or a meter; timers,
		// forms and the log's dashboard add their islands where they are used. The timer's
		// clock-change and two-tab handling added about 0.4 KB to the pages with a timer only.
		'week without demo': 10_400, // 7.9 KB; 9.9 KB on EDA track week 5, which has a timer
		'week with demo': 11_500,
		progress: 22_100,
		search: 40_300,
		other: 11_900, // 11.3 KB on the measurement guide, which has timers
	},
	/** Stylesheets of any page. */
	css: 15_100,
	/** The HTML document of any page. */
	html: 42_200,
	/** KaTeX fonts (woff2) the maths of any page needs. */
	fonts: 100_000,
} as const;
