// Page-weight budgets on the built site (gzip, as served): JavaScript per kind of page,
// CSS, HTML and fonts per page. The figures live in tests/budgets.ts.
import { describe, expect, it } from 'vitest';
import { budgets } from '../budgets';
import { pageWeights, type PageKind } from '../support/weight';

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
