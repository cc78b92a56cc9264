import { describe, expect, it } from 'vitest';
import { spec } from '../../src/lib/demos/specs/distribution-explorer';
import { chartOf, factOf, normaliseSvg, renderFigures, seenView, viewOf } from '../support/demo-view';

const view = viewOf(spec);

/*
 * Reference for the default view (log-normal with mean 5 and sd 3, 500 draws, seed 1), with the
 * d3-random port in tests/unit/reference/d3_random.py:
 *   sys.path.insert(0, 'tests/unit/reference'); from d3_random import *
 *   s2 = math.log1p((3/5)**2); mu = math.log(5) - s2/2; sigma = math.sqrt(s2)   # 1.45569556256012, 0.5545130293761912
 *   g = lognormal(lcg(1), mu, sigma); x = pd.Series([g() for _ in range(500)])
 *   x.describe().to_dict() -> {'count': 500.0, 'mean': 5.217402274854174, 'std': 3.1658982393305934,
 *     'min': 0.7014356006332987, '25%': 2.994231946073862, '50%': 4.439081179032174, '75%': 6.498705527617302,
 *     'max': 23.182538623670354}; x.skew() -> 1.7810400808355116
 *   q1, q3 = x.quantile(.25), x.quantile(.75); (x > q3 + 1.5*(q3 - q1)).sum() -> 21; (x < q1 - 1.5*(q3 - q1)).sum() -> 0
 *   stats.lognorm(s=sigma, scale=math.exp(mu)).stats(moments='mvs') -> 5.0, 9.0, 2.016
 *   np.histogram(x, bins=22, range=(x.min(), x.max()))[0] (22 = round(√500) bins)
 *     -> [27, 76, 94, 69, 76, 41, 32, 30, 21, 9, 5, 6, 3, 2, 2, 3, 1, 1, 0, 0, 0, 2]
 */
describe('distribution explorer: default view', () => {
	it('shows pandas’ describe() numbers for the sample', () => {
		const v = view();
		expect(factOf(v, 'Population')).toBe('Log-normal(μ = 1.46, σ = 0.55 of log X): mean 5.000, sd 3.000, skewness 2.016');
		expect(factOf(v, 'count')).toBe('500');
		expect(factOf(v, 'mean')).toBe('5.217');
		expect(factOf(v, 'std')).toBe('3.166');
		expect(factOf(v, 'min')).toBe('0.701');
		expect(factOf(v, '25%')).toBe('2.994');
		expect(factOf(v, '50% (median)')).toBe('4.439');
		expect(factOf(v, '75%')).toBe('6.499');
		expect(factOf(v, 'max')).toBe('23.183');
		expect(factOf(v, 'skewness')).toBe('1.781');
		expect(v.notice).toBeUndefined();
	});

	it('reads the shape in words: skewness above 1, a single peak in the bins, 21 values beyond the upper fence', () => {
		const v = view();
		expect(factOf(v, 'Shape')).toBe('highly right-skewed, one mode, 21 outliers above 1.5 IQR');
		expect(v.description).toContain('highly right-skewed, one mode, 21 outliers above 1.5 IQR');
	});

	it('lists the histogram bins like numpy', () => {
		const v = view();
		expect(v.table.rows.map((r) => r[2])).toEqual([27, 76, 94, 69, 76, 41, 32, 30, 21, 9, 5, 6, 3, 2, 2, 3, 1, 1, 0, 0, 0, 2]);
		expect(v.table.rows[0]!.slice(0, 2)).toEqual(['0.701', '1.723']);
	});

	it('asks for the sample median', () => {
		expect(spec.predict!.answer(spec.defaults)).toBeCloseTo(4.439081179032174, 10);
	});
});

describe('distribution explorer: other families', () => {
	it('names each family’s own parameters and notes a tied sd', () => {
		expect(factOf(view({ distribution: 'binomial', sd: '2' }), 'Population')).toMatch(/^Binomial\(n = 25, p = 0\.200\): mean 5\.000, sd 2\.000/);
		const poisson = view({ distribution: 'poisson', mean: '12' });
		expect(factOf(poisson, 'Population')).toMatch(/^Poisson\(λ = 12\.00\)/);
		expect(poisson.notice).toBe("A Poisson's variance equals its mean, so the sd is √12 = 3.464, not 3.");
		expect(view({ distribution: 'exponential' }).notice).toBe("An exponential's sd always equals its mean, so the sd is 5, not 3.");
		expect(factOf(view({ distribution: 'uniform' }), 'Population')).toMatch(/^Uniform\(-0\.20, 10\.20\)/);
	});

	it('finds two modes in a large sample from the mixture', () => {
		const v = view({ distribution: 'mixture', n: '2000' });
		expect(factOf(v, 'Population')).toMatch(/^50% N\(2\.25, 1\.20\) \+ 50% N\(7\.75, 1\.20\)/);
		expect(factOf(v, 'Shape')).toMatch(/two modes/);
	});
});

describe('distribution explorer: figures', () => {
	it('draws the histogram bins under the density curve, and a box plot with its outliers', () => {
		const v = view();
		const [histogram, box] = renderFigures(v);
		for (const figure of [histogram!, box!]) {
			expect(chartOf(figure).getAttribute('aria-label')).toBeTruthy();
			expect(figure.outerHTML).not.toMatch(/NaN/);
		}
		expect(chartOf(histogram!).querySelectorAll('g[data-mark="rect"] rect')).toHaveLength(22);
		expect(chartOf(histogram!).querySelectorAll('g[data-mark="line"] path')).toHaveLength(1);
		expect(histogram!.textContent).toContain('True density');
		// boxX: one bar (IQR), one median tick, one whisker rule and a dot per outlier.
		expect(chartOf(box!).querySelectorAll('g[data-mark="bar"] rect')).toHaveLength(1);
		expect(chartOf(box!).querySelectorAll('g[data-mark="dot"] circle')).toHaveLength(21);
	});

	it('draws a discrete family’s pmf as dots, one per integer', () => {
		const [histogram] = renderFigures(view({ distribution: 'poisson', mean: '4' }));
		const bins = view({ distribution: 'poisson', mean: '4' }).table.rows.length;
		expect(chartOf(histogram!).querySelectorAll('g[data-mark="dot"] circle')).toHaveLength(bins);
		expect(histogram!.textContent).toContain('True probability (pmf)');
	});

	it('matches the SVG snapshot of the default view', async () => {
		const svg = normaliseSvg(renderFigures(view()).map((f) => f.outerHTML).join('\n'));
		await expect(svg).toMatchFileSnapshot('./__snapshots__/demo-distribution-explorer.svg');
	});
});

describe('distribution explorer: inputs', () => {
	it('clamps out-of-range values with a note and never shows NaN', () => {
		const { params, notes } = spec.parse({ n: '999999', sd: '-3', distribution: 'cauchy' });
		expect(params.n).toBe(5000);
		expect(params.sd).toBe(0.5);
		expect(params.distribution).toBe('lognormal');
		expect(notes).toHaveLength(3);
		expect(notes[0]).toMatch(/not an option/);
		for (const distribution of ['normal', 'lognormal', 'exponential', 'uniform', 'binomial', 'poisson', 'mixture']) {
			for (const raw of [{ mean: '1', sd: '10', n: '10' }, { mean: '20', sd: '0.5', n: '5000' }]) {
				const v = view({ distribution, ...raw });
				expect(seenView(v), `${distribution} ${JSON.stringify(raw)}`).not.toMatch(/NaN|Infinity/);
				expect(v.figures).toHaveLength(2);
			}
		}
	});

	it('gives the same view for the same seed and another sample for another seed', () => {
		expect(seenView(view({ seed: '42' }))).toBe(seenView(view({ seed: '42' })));
		expect(factOf(view({ seed: '43' }), 'mean')).not.toBe(factOf(view({ seed: '42' }), 'mean'));
	});
});
