import { describe, expect, it } from 'vitest';
import { spec } from '../../src/lib/demos/specs/hypothesis-tests';
import { chartOf, factOf, normaliseSvg, renderFigures, seenView, viewOf } from '../support/demo-view';

const view = viewOf(spec);

const CHI = 'Chi-square test on the 2×2 table (Yates’ correction, scipy’s default)';

/*
 * Reference for the default view (effect 0.5 sd, 30 per group, seed 1, table [[30, 20], [18, 32]]), with the
 * d3-random port in tests/unit/reference/d3_random.py:
 *   sys.path.insert(0, 'tests/unit/reference'); from d3_random import *
 *   g = normal(lcg(1)); a = [g() for _ in range(30)]; b = [g() + 0.5 for _ in range(30)]
 *   r = stats.ttest_ind(b, a, equal_var=False); ci = r.confidence_interval(0.95)
 *     -> np.mean(b) - np.mean(a) 0.4384723334152515, t 1.7442159464806084, df 57.400858967517415,
 *        p 0.08647441662248039, ci (-0.06484426288370193, 0.9417889297142049)
 *   def sim(effect):  # 1,000 experiments from one stream, A then B, as simulatePValues
 *       g = normal(lcg(1)); return np.array([stats.ttest_ind([g() for _ in range(30)],
 *           [g() + effect for _ in range(30)], equal_var=False).pvalue for _ in range(1000)])
 *   (sim(0) < 0.05).mean() -> 0.052 (se np.sqrt(0.052 * 0.948 / 1000) = 0.00702)
 *   (sim(0.5) < 0.05).mean() -> 0.464 (se 0.01577)
 *   np.histogram(sim(0), bins=20, range=(0, 1))[0] -> [52, 47, 54, 55, 62, 68, 49, 51, 48, 46, 45, 46, 46, 42, 45, 46, 55, 50, 51, 42]
 *   np.histogram(sim(0.5), bins=20, range=(0, 1))[0] -> [464, 122, 76, 51, 55, 27, 28, 26, 21, 23, 16, 22, 9, 9, 8, 8, 13, 5, 7, 10]
 *   statsmodels TTestIndPower().power(effect_size=0.5, nobs1=30, alpha=0.05) -> 0.4778965207601643
 *   stats.chi2_contingency([[30, 20], [18, 32]]) -> statistic 4.847756410256411, dof 1, pvalue 0.02768211649783557,
 *     expected [[24.0, 26.0], [24.0, 26.0]]
 */
describe('hypothesis tests: default view', () => {
	it('gives Welch’s test for this experiment like scipy', () => {
		const v = view();
		expect(factOf(v, 'This experiment: mean of B − mean of A')).toBe('0.438 (95% CI [-0.065, 0.942])');
		expect(factOf(v, 'Welch’s t-test')).toBe('t = 1.744, df = 57.4, p = 0.086');
		expect(v.description).toMatch(/^One experiment with 30 values per group and a true difference of 0\.50 sd gives p = 0\.086;/);
	});

	it('gives the rejection rates of 1,000 experiments beside α and the exact power', () => {
		const v = view();
		expect(factOf(v, 'Rejection rate at α = 0.05 with no effect (1,000 experiments)')).toBe('simulated 0.052 ± 0.007, exact 0.05');
		expect(factOf(v, 'Rejection rate at α = 0.05 with effect 0.50 sd (power)')).toBe(
			'simulated 0.464 ± 0.016, exact 0.4779 (Student’s t-test, df = 58; Welch’s power is a little lower)',
		);
		expect(v.table.rows.map((r) => r[2])).toEqual([52, 47, 54, 55, 62, 68, 49, 51, 48, 46, 45, 46, 46, 42, 45, 46, 55, 50, 51, 42]);
		expect(v.table.rows.map((r) => r[3])).toEqual([464, 122, 76, 51, 55, 27, 28, 26, 21, 23, 16, 22, 9, 9, 8, 8, 13, 5, 7, 10]);
		expect(spec.predict!.answer(spec.defaults)).toBeCloseTo(46.4, 10);
	});

	it('gives the Yates-corrected chi-square test and the expected counts like scipy', () => {
		const v = view();
		expect(factOf(v, CHI)).toBe('χ² = 4.848, df = 1, p = 0.028');
		expect(factOf(v, 'Expected counts under independence')).toBe('treatment 24.0 improved, 26.0 not; control 24.0 improved, 26.0 not');
		expect(v.notice).toBeUndefined();
	});
});

describe('hypothesis tests: figures', () => {
	it('draws the two samples, the p-value histograms and the observed and expected counts', () => {
		const [strip, pValues, table] = renderFigures(view());
		for (const figure of [strip!, pValues!, table!]) {
			expect(chartOf(figure).getAttribute('aria-label')).toBeTruthy();
			expect(figure.outerHTML).not.toMatch(/NaN/);
		}
		// 30 + 30 value ticks and 2 mean ticks.
		expect(chartOf(strip!).querySelectorAll('g[data-mark="tick"] line')).toHaveLength(62);
		// 20 bins in each of two facets.
		expect(chartOf(pValues!).querySelectorAll('g[data-mark="rect"] rect')).toHaveLength(40);
		expect(pValues!.textContent).toContain('No effect (null true)');
		expect(pValues!.textContent).toContain('Effect 0.50 sd');
		expect(chartOf(table!).querySelectorAll('g[data-mark="bar"] rect')).toHaveLength(8);
		expect(table!.textContent).toContain('Expected if independent');
	});

	it('matches the SVG snapshot of the default view', async () => {
		const svg = normaliseSvg(renderFigures(view()).map((f) => f.outerHTML).join('\n'));
		await expect(svg).toMatchFileSnapshot('./__snapshots__/demo-hypothesis-tests.svg');
	});
});

describe('hypothesis tests: inputs', () => {
	it('clamps out-of-range values with a note and never shows NaN', () => {
		const { params, notes } = spec.parse({ n: '1', effect: '3', treatedYes: '-4' });
		expect(params).toMatchObject({ n: 2, effect: 1.5, treatedYes: 0 });
		expect(notes).toHaveLength(3);
		expect(notes[0]).toBe('True difference of means B − A (in sd units) must be between 0 and 1.5; 3 was changed to 1.5.');
		const cases: Array<Record<string, string>> = [{ n: '2', effect: '0' }, { n: '100', effect: '1.5' }, { n: '2', effect: '1.5', seed: '7' }];
		for (const raw of cases) {
			expect(seenView(view(raw)), JSON.stringify(raw)).not.toMatch(/NaN|Infinity/);
		}
	});

	it('says when the 2×2 table cannot be tested, and keeps the rest', () => {
		const v = view({ treatedYes: '0', controlYes: '0' });
		expect(v.notice).toBe('Chi-square test: Each column needs at least one observation.');
		expect(v.figures).toHaveLength(2);
		expect(factOf(v, 'Welch’s t-test')).toBe('t = 1.744, df = 57.4, p = 0.086');
	});

	it('shows the same null simulation twice when the effect is 0', () => {
		const v = view({ effect: '0' });
		expect(v.table.rows.every((r) => r[2] === r[3])).toBe(true);
		expect(v.description).toContain('the second panel is the same null simulation');
	});

	it('gives the same view for the same seed and other samples for another seed', () => {
		expect(seenView(view({ seed: '5' }))).toBe(seenView(view({ seed: '5' })));
		expect(factOf(view({ seed: '6' }), 'Welch’s t-test')).not.toBe(factOf(view({ seed: '5' }), 'Welch’s t-test'));
	});
});
