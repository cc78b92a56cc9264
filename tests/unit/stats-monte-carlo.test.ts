import { describe, expect, it } from 'vitest';
import { meanEstimate, proportionEstimate, sdEstimate } from '../../src/lib/stats/monte-carlo';
import { sample } from '../../src/lib/stats/random';

const xs = [2.1, 3.4, 1.9, 5.6, 2.8, 3.3, 14.2, 2.2, 4.1, 3.0, 2.6, 3.9, 0.4, 2.9, 3.1, 7.7, 0.9, 4.4, 2.5, 3.6, 1.2, 6.3, 2.4, 3.8, 5.1];

describe('Monte Carlo standard errors', () => {
	it('gives the mean with s/√R', () => {
		// x = np.array(xs); x.mean(), x.std(ddof=1) / np.sqrt(len(x)) -> 3.7359999999999998, 0.546469883281168
		const e = meanEstimate(xs);
		expect(e.estimate).toBeCloseTo(3.736, 12);
		expect(e.se).toBeCloseTo(0.546469883281168, 12);
	});

	it('gives the sd with a kurtosis-aware standard error', () => {
		// R = 25; s = x.std(ddof=1); k = stats.kurtosis(x, fisher=False, bias=True) (= 9.77899581632229);
		// s / 2 * np.sqrt(k / R - (R - 3) / (R * (R - 1))) -> 0.8134112498825894; s -> 2.7323494164058397
		const e = sdEstimate(xs);
		expect(e.estimate).toBeCloseTo(2.7323494164058397, 12);
		expect(e.se).toBeCloseTo(0.8134112498825894, 12);
	});

	it('reduces to the normal-theory s/√(2(R − 1)) for normal draws', () => {
		const normal = sample({ kind: 'normal', params: { mean: 0, sd: 1 } }, 20_000, 11);
		const e = sdEstimate(normal);
		expect(e.se / (e.estimate / Math.sqrt(2 * (normal.length - 1)))).toBeGreaterThan(0.95);
		expect(e.se / (e.estimate / Math.sqrt(2 * (normal.length - 1)))).toBeLessThan(1.05);
		expect(Number.isNaN(sdEstimate([1, 2, 3]).se)).toBe(true);
	});

	it('gives a proportion with the binomial standard error', () => {
		// np.sqrt(0.052 * 0.948 / 1000) -> 0.007021111023192838
		expect(proportionEstimate(52, 1000)).toEqual({ estimate: 0.052, se: expect.closeTo(0.007021111023192838, 12) });
	});
});
