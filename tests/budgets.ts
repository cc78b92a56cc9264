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
		// Store v2 (the practice log, claims, decisions and timers beside the ticks) and the
		// week dates added about 3.5 KB to every page with a checklist or a meter; timers,
		// forms and the log's dashboard add their islands where they are used. The timer's
		// clock-change and two-tab handling added about 0.4 KB to the pages with a timer only.
		// Store v3 added about 1.2 KB to every ticking page: row ids and the deterministic
		// ids of migrated v2 rows, tombstone-aware reads, writes read back before "saved",
		// and the notice's "Download what you have" / "start a fresh store" way out.
		// Imports, edits, deletions and the records table (about 7 KB) load on /progress/ only.
		'week without demo': 11_500, // 9.2 KB; 11.0 KB on EDA track week 5, which has a timer
		// The drills' three log metrics (recall_correct, golf_lines, mistake_pattern) in the row table add about 70 B.
		'week with demo': 12_900, // 12.4 KB
		// The drill review queue and the full check of an imported drill record added about 1.5 KB.
		progress: 32_600, // 32.2 KB; a fork's longer base path adds a few bytes
		search: 40_300,
		other: 13_000, // 12.5 KB on the measurement guide, which has timers and forms
		// Home and daily practice: today's drill island (selection, estimate, drill record) and the timer (with its clock-change and two-tab handling).
		// The scheduler (ts-fsrs) is not counted: it loads only when an answer is recorded.
		drills: 21_600,
	},
	/** Stylesheets of any page. */
	// The `hidden` rule for tables, buttons and the edit form, whose own display rules would show them.
	css: 15_200,
	/** The HTML document of any page. The largest is /worksheets/, which prints every week's drills (42.6 KB with the second drills of weeks 1-12 and week 20's). */
	html: 43_000,
	/** KaTeX fonts (woff2) a page serves its maths, cut to its glyphs. The largest is week 11 (11.1 KB: Main, Math italic, bold, size fonts). */
	fonts: 11_700,
} as const;
