import { describe, expect, it } from 'vitest';
import { spec } from '../../src/lib/demos/specs/ab-test';
import { chartOf, factOf, normaliseSvg, renderFigures, seenView, viewOf } from '../support/demo-view';

const view = viewOf(spec);

const LOSS_A = 'Expected loss of choosing A (conversion rate given up, on average, because B was better)';

/*
 * Reference for the default view (A: 120 of 1,000; B: 145 of 1,000; uniform prior; 10,000 draws; seed 1):
 *   exact P(B > A) and losses: the closed form and 2-D grid of tests/unit/stats-ab-test.test.ts (case 1)
 *     -> 0.950196907616723, E[(B − A)+] 0.025265938708550345, E[(A − B)+] 0.0003158389179842965
 *   A, B = stats.beta(121, 881), stats.beta(146, 856); A.ppf([.025, .975]) -> [0.10132341964422845, 0.1416269997488508],
 *   B.ppf([.025, .975]) -> [0.12455601040524399, 0.16820043646646218]; A.mean(), B.mean() -> 0.12075848, 0.14570858
 *   Monte Carlo with the d3-random port in tests/unit/reference/d3_random.py:
 *     sys.path.insert(0, 'tests/unit/reference'); from d3_random import *
 *     src = lcg(1); dA = beta(src, 121, 881); dB = beta(src, 146, 856); d = np.array([-dA() + dB() for _ in range(10000)])
 *     (d > 0).mean() -> 0.9508 (se 0.002162853670501082)
 *     np.maximum(d, 0).mean() -> 0.025192678947666806 (se .std(ddof=1)/100 = 0.0001458271007485878)
 *     np.maximum(-d, 0).mean() -> 0.0003155115021309125 (se 1.8775799317579013e-05)
 *     np.quantile(d, [0.025, 0.975]) -> [-0.004594403418411655, 0.05503316993743098]
 *   statsmodels: proportions_ztest([145, 120], [1000, 1000]) -> z 1.648854485267929, p 0.09917744952840564
 *     confint_proportions_2indep(145, 1000, 120, 1000, method='wald') -> (-0.00469685014880963, 0.05469685014880962)
 */
describe('A/B test: default view', () => {
	it('gives P(B > A) and the expected losses exactly and simulated', () => {
		const v = view();
		expect(factOf(v, 'P(B > A)')).toBe('simulated 0.951 ± 0.002, exact 0.9502');
		expect(factOf(v, LOSS_A)).toBe('simulated 0.02519 ± 0.00015, exact 0.02527');
		expect(factOf(v, 'Expected loss of choosing B')).toBe('simulated 0.00032 ± 0.00002, exact 0.00032');
		expect(spec.predict!.answer(spec.defaults)).toBeCloseTo(95.0196907616723, 6);
	});

	it('gives each rate’s credible interval and the difference’s, like scipy and numpy', () => {
		const v = view();
		expect(factOf(v, 'Rate of A: posterior mean, 95% credible interval')).toBe('12.08%, [10.13%, 14.16%]');
		expect(factOf(v, 'Rate of B: posterior mean, 95% credible interval')).toBe('14.57%, [12.46%, 16.82%]');
		expect(factOf(v, 'B − A: 95% credible interval (Monte Carlo)')).toBe('[-0.46, 5.50] percentage points');
	});

	it('sets the frequentist difference, Wald interval and p-value beside them, with what each means', () => {
		const v = view();
		expect(factOf(v, 'Frequentist difference B − A')).toBe('2.50 percentage points, 95% Wald confidence interval [-0.47, 5.47] percentage points');
		expect(factOf(v, 'Two-proportion z-test (pooled, two-sided)')).toBe('z = 1.649, p = 0.099');
		expect(factOf(v, 'What the intervals mean')).toMatch(/probability statement about the rate itself, given the data, the model and the prior/);
		expect(factOf(v, 'What the intervals mean')).toMatch(/over many repeated experiments, 95% of the intervals it builds would cover/);
		expect(factOf(v, 'What the p-value means')).toMatch(/not the probability that A and B are equal/);
		expect(v.description).toContain('P(B > A) = 95.0%');
		expect(v.description).toContain('p = 0.099');
		expect(v.notice).toBeUndefined();
	});
});

describe('A/B test: figures', () => {
	it('draws both posterior densities and the histogram of B − A split at 0', () => {
		const [densities, difference] = renderFigures(view());
		for (const figure of [densities!, difference!]) {
			expect(chartOf(figure).getAttribute('aria-label')).toBeTruthy();
			expect(figure.outerHTML).not.toMatch(/NaN/);
		}
		expect(chartOf(densities!).querySelectorAll('g[data-mark="line"] path')).toHaveLength(2);
		expect(chartOf(densities!).querySelectorAll('g[data-mark="area"] path')).toHaveLength(2);
		// round(√10000) = 100 bins, capped at 30.
		expect(chartOf(difference!).querySelectorAll('g[data-mark="rect"] rect')).toHaveLength(30);
		expect(difference!.textContent).toContain('B better (B − A > 0)');
	});

	it('matches the SVG snapshot of the default view', async () => {
		const svg = normaliseSvg(renderFigures(view()).map((f) => f.outerHTML).join('\n'));
		await expect(svg).toMatchFileSnapshot('./__snapshots__/demo-ab-test.svg');
	});
});

describe('A/B test: inputs', () => {
	it('clamps conversions to visitors and out-of-range values, with notes', () => {
		const { params, notes } = spec.parse({ visitorsA: '0', conversionsA: '5', conversionsB: '2000' });
		expect(params).toMatchObject({ visitorsA: 1, conversionsA: 1, visitorsB: 1000, conversionsB: 1000 });
		expect(notes).toEqual([
			'Visitors of A must be between 1 and 100000; 0 was changed to 1.',
			'A cannot have more conversions than visitors, so its 5 conversions were changed to 1.',
			'B cannot have more conversions than visitors, so its 2000 conversions were changed to 1000.',
		]);
	});

	it('never shows NaN, even when every or no visitor converts', () => {
		const cases: Array<Record<string, string>> = [
			{ conversionsA: '0', conversionsB: '0' },
			{ conversionsA: '1000', conversionsB: '1000' },
			{ visitorsA: '1', conversionsA: '1', visitorsB: '100000', conversionsB: '3' },
		];
		for (const raw of cases) {
			expect(seenView(view(raw)), JSON.stringify(raw)).not.toMatch(/NaN|Infinity/);
		}
		expect(factOf(view({ conversionsA: '0', conversionsB: '0' }), 'Two-proportion z-test (pooled, two-sided)')).toBe('z = —, p = —');
	});

	it('gives the same view for the same seed and other draws for another seed', () => {
		expect(seenView(view({ seed: '3' }))).toBe(seenView(view({ seed: '3' })));
		expect(factOf(view({ seed: '4' }), 'P(B > A)')).not.toBe(factOf(view({ seed: '3' }), 'P(B > A)'));
	});
});
