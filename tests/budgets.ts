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
		// A page that only ticks loads the store's core alone: it checks the stored value's
		// ticks and settings and keeps the rest as it found it (store-core.ts, 4.0 KB with
		// the page's notice). The log, its records and their checks (store-log.ts, 4.3 KB)
		// load with the islands that use them: timers, forms, today's drill, the log's dashboard.
		// Split in two, a page with both pays about 0.8 KB more than when they were one file.
		// Meters, checklists, week dates, the store's core and the calendar are one file on
		// every page (astro.config.mjs): a week page makes 3 requests for its JavaScript
		// instead of 7, and a page without checklists pays about 0.8 KB for them. A demo
		// loads its spec and Observable Plot only when the reader changes it (1.6 KB till then).
		'week without demo': 13_400, // 5.9 KB on most; 12.7 KB on EDA track week 5, which has a timer
		'week with demo': 8_200, // 7.7 KB
		progress: 35_000, // 33.5 KB; a fork's longer base path adds a few bytes
		// Pagefind's UI (about 31 KB) loads on the first focus or keystroke in the search box, or with a query in the address.
		search: 6_200, // 5.9 KB
		other: 14_400, // 13.6 KB on the measurement guide, which has timers and forms
		// Home and daily practice: today's drill island (selection, estimate, drill record) and the timer (with its clock-change and two-tab handling).
		// The scheduler (ts-fsrs) is not counted: it loads only when an answer is recorded.
		drills: 23_200, // 22.1 KB
	},
	/** Stylesheets of any page: KaTeX's (less its @font-face rules) only on pages with maths. */
	css: 8_200, // 7.8 KB with KaTeX's, 4.6 KB without
	/** The HTML document of any page. The largest is /worksheets/, which prints every week's drills (42.6 KB with the second drills of weeks 1-12 and week 20's). */
	html: 43_000,
	/** KaTeX fonts (woff2) a page serves its maths, cut to its glyphs. The largest is week 11 (11.1 KB: Main, Math italic, bold, size fonts). */
	fonts: 11_700,
} as const;
