// Page-weight budgets on the built site (gzip, as served): JavaScript per kind of page,
// CSS, HTML and fonts per page. The figures live in tests/budgets.ts.
import { describe, expect, it } from 'vitest';
import { budgets } from '../budgets';
import { readFileSync } from 'node:fs';
import { allPages, pagePath } from '../support/dist';
import { loadedScripts, pageWeights, type PageKind } from '../support/weight';

const weights = pageWeights();
const over = (measure: 'html' | 'css' | 'fonts' | 'js', budgetOf: (kind: PageKind) => number) =>
	weights.filter((p) => p[measure] > budgetOf(p.kind)).map((p) => `${p.path} (${p.kind}): ${measure} ${p[measure]} B gzip, budget ${budgetOf(p.kind)} B`);

describe('page-weight budgets', () => {
	it('sorts pages into every kind it budgets', () => {
		const kinds = new Set(weights.map((p) => p.kind));
		expect(Object.keys(budgets.js).filter((k) => !kinds.has(k as PageKind))).toEqual([]);
	});

	it('keeps the JavaScript of each kind of page within its budget', () => {
		expect(over('js', (kind) => budgets.js[kind])).toEqual([]);
	});

	it('keeps every page\'s CSS, HTML and fonts within budget', () => {
		expect([...over('css', () => budgets.css), ...over('html', () => budgets.html), ...over('fonts', () => budgets.fonts)]).toEqual([]);
	});
});

describe('a page pays for what it does', () => {
	// The log's row check names itself in its error message, which survives minifying.
	const logCode = 'is not a valid log row';
	// Elements that only read or write ticks, dates and the start of the course.
	const tickOnly = new Set(['sp-checklist', 'sp-progress-meter', 'sp-progress-notice', 'sp-week-dates', 'sp-start-date', 'sp-continue', 'sp-dashboard', 'sp-demo']);
	const pages = allPages().map((path) => {
		const html = readFileSync(pagePath(path), 'utf8');
		const elements = new Set([...html.matchAll(/<(sp-[a-z-]+)/g)].map((m) => m[1]!));
		const loadsLog = loadedScripts(html).files.some((f) => readFileSync(f, 'utf8').includes(logCode));
		return { path, elements, loadsLog };
	});

	it('loads the log\'s code only on pages with a timer, form or record of the log', () => {
		const ticking = pages.filter((p) => [...p.elements].every((e) => tickOnly.has(e)));
		expect(ticking.length).toBeGreaterThan(20);
		expect(ticking.filter((p) => p.loadsLog).map((p) => p.path)).toEqual([]);
		const logging = pages.filter((p) => p.elements.has('sp-timer') || p.elements.has('sp-log-form'));
		expect(logging.length).toBeGreaterThan(0);
		expect(logging.filter((p) => !p.loadsLog).map((p) => p.path)).toEqual([]);
	});
});
