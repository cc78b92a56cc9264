import { describe, expect, it } from 'vitest';
import { spec } from '../../src/lib/demos/specs/bayes-theorem';
import { chartOf, factOf, normaliseSvg, renderFigures, viewOf } from '../support/demo-view';

const view = viewOf(spec);

describe('bayes-theorem demo', () => {
	// Reference, exact arithmetic (python3 -c "p=0.01*0.9; q=0.99*0.05; print(p/(p+q), p+q, 0.99*0.95/(0.99*0.95+0.01*0.1))"):
	//   P(D|+) = 0.15384615384615385, P(+) = 0.0585, P(no D|-) = 0.9989378651088688
	it('states the posterior of the default test as scipy-free arithmetic gives it', () => {
		const v = view();
		expect(factOf(v, 'P(disease | positive)')).toBe('15.4%');
		expect(factOf(v, 'P(positive)')).toBe('5.9%');
		expect(factOf(v, 'P(no disease | negative)')).toBe('99.89%');
		expect(factOf(v, 'Positives who are ill')).toBe('9 of 59');
		expect(spec.predict!.answer(spec.defaults)).toBeCloseTo(15.384615384615385, 12);
	});

	it('draws 1,000 people, one cell each, with a legend of the four groups', () => {
		const [figure] = renderFigures(view());
		const svg = chartOf(figure!);
		expect(svg.getAttribute('aria-label')).toMatch(/1,000 people/);
		expect(svg.querySelectorAll('g[data-mark="cell"] rect')).toHaveLength(1000);
		expect(figure!.textContent).toContain('Healthy, test positive');
		expect(view().table.rows.at(-1)).toEqual(['Total', 59, 941, 1000]);
	});

	it('matches the SVG snapshot of the default view', async () => {
		await expect(normaliseSvg(renderFigures(view())[0]!.outerHTML)).toMatchFileSnapshot('./__snapshots__/demo-bayes-theorem.svg');
	});

	it('keeps probabilities in [0, 1] with a note instead of a broken chart', () => {
		const { params, notes } = spec.parse({ prevalence: '1.5', sensitivity: 'abc' });
		expect(params.prevalence).toBe(1);
		expect(params.sensitivity).toBe(0.9);
		expect(notes).toHaveLength(2);
		expect(JSON.stringify(spec.view(params))).not.toMatch(/NaN/);
	});

	it('says when nobody can test positive rather than dividing by zero', () => {
		const v = view({ prevalence: '0', specificity: '1' });
		expect(factOf(v, 'P(disease | positive)')).toBe('—');
		expect(JSON.stringify(v)).not.toMatch(/NaN|Infinity/);
	});
});
