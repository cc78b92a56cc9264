import { describe, expect, it } from 'vitest';
import { spec } from '../../src/lib/demos/specs/sampling-clt';
import { chartOf, factOf, normaliseSvg, renderFigures, seenView, viewOf } from '../support/demo-view';

const view = viewOf(spec);

/*
 * Reference for the default view (exponential, rate 1; n = 5; 2,000 repetitions; seed 1), with the
 * d3-random port in tests/unit/reference/d3_random.py:
 *   sys.path.insert(0, 'tests/unit/reference'); from d3_random import *
 *   g = exponential(lcg(1), 1); means = np.array([np.mean([g() for _ in range(5)]) for _ in range(2000)])
 *   means.mean(), means.std(ddof=1) / np.sqrt(2000) -> 0.9898884781471545, 0.010015971559642215
 *   s = means.std(ddof=1); k = stats.kurtosis(means, fisher=False, bias=True); R = 2000
 *   s, s / 2 * np.sqrt(k / R - (R - 3) / (R * (R - 1))) -> 0.44792786536129164, 0.00878974145131195
 *   1 / np.sqrt(5) -> 0.4472135954999579
 *   pd.Series(means).skew() -> 0.8734477787414321; 2 / np.sqrt(5) -> 0.8944271909999159
 *   stats.kstest(means, 'norm', args=(1, 1 / np.sqrt(5))).statistic -> 0.07271294774083059
 *   1.358 / np.sqrt(2000) -> 0.030365803134447145
 */
describe('sampling and the CLT: default view', () => {
	it('compares the simulated mean, sd and skewness of the means with the exact values', () => {
		const v = view();
		expect(factOf(v, 'Mean of the sample means')).toBe('0.990 ± 0.010 (population μ = 1.000)');
		expect(factOf(v, 'Sd of the sample means')).toBe('simulated 0.448 ± 0.009, exact σ/√n = 0.4472');
		expect(factOf(v, 'Skewness of the sample means')).toBe('0.873 (population skewness / √n = 0.894)');
		expect(factOf(v, 'Largest CDF gap (Kolmogorov–Smirnov D)')).toBe('0.073; for 2,000 truly normal means D stays below 0.030 95% of the time');
		expect(v.description).toContain('N(1.000, 0.447)');
		expect(v.description).toContain('more than chance alone would usually give');
		expect(v.notice).toBeUndefined();
	});

	it('asks for the sd of the means and tabulates the histogram', () => {
		expect(spec.predict!.answer(spec.defaults)).toBeCloseTo(0.44792786536129164, 10);
		const v = view();
		// round(√2000) = 45 bins, capped at 30.
		expect(v.table.rows).toHaveLength(30);
		expect(v.table.rows.reduce((acc, r) => acc + (r[2] as number), 0)).toBe(2000);
	});

	it('shows the means turning normal as n grows', () => {
		const gap = (n: string) => Number(factOf(view({ n }), 'Largest CDF gap (Kolmogorov–Smirnov D)')!.split(';')[0]);
		expect(gap('1')).toBeGreaterThan(gap('100'));
		expect(view({ n: '100' }).description).toContain('within what chance alone gives');
	});
});

describe('sampling and the CLT: figures', () => {
	it('draws the histogram under the normal curve, and the ECDF beside the normal CDF', () => {
		const [histogram, cdf] = renderFigures(view());
		for (const figure of [histogram!, cdf!]) {
			expect(chartOf(figure).getAttribute('aria-label')).toBeTruthy();
			expect(figure.outerHTML).not.toMatch(/NaN/);
			expect(figure.textContent).toContain('Normal N(μ, σ/√n)');
		}
		expect(chartOf(histogram!).querySelectorAll('g[data-mark="rect"] rect')).toHaveLength(30);
		expect(chartOf(histogram!).querySelectorAll('g[data-mark="line"] path')).toHaveLength(1);
		// Two lines: the ECDF as steps and the normal CDF.
		expect(chartOf(cdf!).querySelectorAll('g[data-mark="line"] path')).toHaveLength(2);
	});

	it('matches the SVG snapshot of the default view', async () => {
		const svg = normaliseSvg(renderFigures(view()).map((f) => f.outerHTML).join('\n'));
		await expect(svg).toMatchFileSnapshot('./__snapshots__/demo-sampling-clt.svg');
	});
});

describe('sampling and the CLT: inputs', () => {
	it('clamps out-of-range values with a note and never shows NaN', () => {
		const { params, notes } = spec.parse({ n: '0', repetitions: '100000' });
		expect(params.n).toBe(1);
		expect(params.repetitions).toBe(5000);
		expect(notes).toEqual(['Sample size n must be between 1 and 100; 0 was changed to 1.', 'Repetitions (number of samples) must be between 100 and 5000; 100000 was changed to 5000.']);
		for (const population of ['exponential', 'lognormal-moderate', 'lognormal-high']) {
			for (const raw of [{ n: '1', repetitions: '100' }, { n: '100', repetitions: '5000' }]) {
				expect(seenView(view({ population, ...raw })), population).not.toMatch(/NaN|Infinity/);
			}
		}
	});

	it('gives the same view for the same seed and other means for another seed', () => {
		expect(seenView(view({ seed: '9' }))).toBe(seenView(view({ seed: '9' })));
		expect(factOf(view({ seed: '10' }), 'Mean of the sample means')).not.toBe(factOf(view({ seed: '9' }), 'Mean of the sample means'));
	});
});
