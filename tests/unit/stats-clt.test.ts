import { describe, expect, it } from 'vitest';
import { ecdf, maxCdfGap, normalCdfPoints, simulateSampleMeans, type SampleMeansResult } from '../../src/lib/stats/clt';
import normalCdf from '@stdlib/stats-base-dists-normal-cdf';

function meansOf(result: ReturnType<typeof simulateSampleMeans>): SampleMeansResult {
	if (!result.ok) throw new Error(result.error);
	return result.value;
}

describe('simulateSampleMeans', () => {
	it('centres the means on the population mean with sd close to σ/√n (exponential)', () => {
		const r = meansOf(simulateSampleMeans({ population: { kind: 'exponential', params: { rate: 0.5 } }, n: 30, repetitions: 4000, seed: 3 }));
		expect(r.means).toHaveLength(4000);
		expect(r.populationMean).toBe(2);
		expect(r.standardError).toBeCloseTo(2 / Math.sqrt(30), 12);
		// Four standard errors of the mean of 4000 means; sd of the means within 5% of σ/√n.
		expect(Math.abs(r.meanOfMeans - 2)).toBeLessThan((4 * r.standardError) / Math.sqrt(4000));
		expect(Math.abs(r.sdOfMeans / r.standardError - 1)).toBeLessThan(0.05);
	});

	it('does the same for a lognormal population', () => {
		const r = meansOf(simulateSampleMeans({ population: { kind: 'lognormal', params: { mu: 0, sigma: 0.5 } }, n: 50, repetitions: 4000, seed: 8 }));
		// np.exp(0 + 0.5**2 / 2), np.sqrt((np.exp(0.25) - 1) * np.exp(0.25))
		expect(r.populationMean).toBeCloseTo(1.1331484530668263, 12);
		expect(r.populationSd).toBeCloseTo(0.6039005332108811, 12);
		expect(Math.abs(r.meanOfMeans - r.populationMean)).toBeLessThan((4 * r.standardError) / Math.sqrt(4000));
		expect(Math.abs(r.sdOfMeans / r.standardError - 1)).toBeLessThan(0.05);
	});

	it('makes the means look more normal as n grows', () => {
		const gapFor = (n: number) => {
			const r = meansOf(simulateSampleMeans({ population: { kind: 'exponential', params: { rate: 1 } }, n, repetitions: 3000, seed: 12 }));
			return maxCdfGap(r.means, (x) => normalCdf(x, r.populationMean, r.standardError));
		};
		expect(gapFor(2)).toBeGreaterThan(gapFor(50));
	});

	it('is deterministic for a seed', () => {
		const request = { population: { kind: 'exponential', params: { rate: 1 } }, n: 5, repetitions: 10, seed: 4 } as const;
		expect(meansOf(simulateSampleMeans(request)).means).toEqual(meansOf(simulateSampleMeans(request)).means);
	});

	it('returns messages for invalid requests', () => {
		const population = { kind: 'exponential', params: { rate: 1 } } as const;
		expect(simulateSampleMeans({ population, n: 0, repetitions: 10, seed: 1 }).ok).toBe(false);
		expect(simulateSampleMeans({ population, n: 5, repetitions: 1, seed: 1 }).ok).toBe(false);
		expect(simulateSampleMeans({ population, n: 10_000, repetitions: 10_000, seed: 1 }).ok).toBe(false);
		expect(simulateSampleMeans({ population: { kind: 'exponential', params: { rate: 0 } }, n: 5, repetitions: 10, seed: 1 })).toEqual({
			ok: false,
			error: 'The rate must be greater than 0.',
		});
	});
});

describe('ecdf and the normal CDF', () => {
	it('steps once per distinct value, after its last tie', () => {
		expect(ecdf([3, 1, 2, 2])).toEqual([
			{ x: 1, p: 0.25 },
			{ x: 2, p: 0.75 },
			{ x: 3, p: 1 },
		]);
	});

	it('computes the normal CDF curve and the KS gap like scipy', () => {
		// stats.norm.cdf(1.2, 1, 0.25)
		expect(normalCdfPoints([1.2], 1, 0.25)[0]!.p).toBeCloseTo(0.7881446014166033, 12);
		// stats.kstest([0.8, 1.3, 0.95, 1.1, 0.7, 1.6, 1.05, 0.9, 1.2, 0.85], 'norm', args=(1, 0.25)).statistic
		const xs = [0.8, 1.3, 0.95, 1.1, 0.7, 1.6, 1.05, 0.9, 1.2, 0.85];
		expect(maxCdfGap(xs, (x) => normalCdf(x, 1, 0.25))).toBeCloseTo(0.11506967022170828, 12);
	});
});
