import { describe, expect, it } from 'vitest';
import { fixedHistogram, sampleHistogram } from '../../src/lib/stats/histogram';
import { histogramCounts } from '../../src/lib/stats/modes';
import { sample } from '../../src/lib/stats/random';

const continuous = [2.1, 3.4, 1.9, 5.6, 2.8, 3.3, 14.2, 2.2, 4.1, 3.0, 2.6, 3.9, 0.4, 2.9, 3.1, 7.7, 0.9, 4.4, 2.5, 3.6, 1.2, 6.3, 2.4, 3.8, 5.1];
const integers = [3, 5, 4, 4, 7, 2, 4, 5, 3, 3, 6, 4];

describe('sampleHistogram', () => {
	it('bins a continuous sample like numpy with round(√n) bins between min and max', () => {
		// np.histogram(continuous, bins=5, range=(min, max)) and the same with density=True:
		// counts [13, 9, 2, 0, 1], edges [0.4, 3.16, 5.92, 8.68, 11.44, 14.2],
		// density [0.1884057971014493, 0.13043478260869565, 0.028985507246376815, 0.0, 0.014492753623188408]
		const bins = sampleHistogram(continuous);
		expect(bins.map((b) => b.count)).toEqual([13, 9, 2, 0, 1]);
		expect(bins.map((b) => b.x0)).toEqual([0.4, 3.16, 5.92, 8.68, 11.44].map((x) => expect.closeTo(x, 12)));
		expect(bins[4]!.x1).toBe(14.2);
		const densities = [0.1884057971014493, 0.13043478260869565, 0.028985507246376815, 0.0, 0.014492753623188408];
		bins.forEach((b, i) => expect(b.density).toBeCloseTo(densities[i]!, 12));
	});

	it('centres whole-number bins on the integers, so a density is the share of that value', () => {
		// np.histogram(integers, bins=np.arange(1.5, 8.5)): counts [1, 3, 4, 2, 1, 1],
		// density=True: [0.0833.., 0.25, 0.333.., 0.1666.., 0.0833.., 0.0833..]
		const bins = sampleHistogram(integers);
		expect(bins.map((b) => [b.x0, b.x1])).toEqual([
			[1.5, 2.5],
			[2.5, 3.5],
			[3.5, 4.5],
			[4.5, 5.5],
			[5.5, 6.5],
			[6.5, 7.5],
		]);
		expect(bins.map((b) => b.count)).toEqual([1, 3, 4, 2, 1, 1]);
		expect(bins[2]!.density).toBeCloseTo(1 / 3, 12);
	});

	it('uses exactly the bins the mode count reads (modes.ts rule 1)', () => {
		for (const xs of [continuous, integers, sample({ kind: 'poisson', params: { lambda: 40 } }, 300, 5), sample({ kind: 'normal', params: { mean: 0, sd: 1 } }, 2000, 9)]) {
			expect(sampleHistogram(xs).map((b) => b.count)).toEqual(histogramCounts(xs));
		}
	});

	it('has densities that integrate to 1 and handles a constant or empty sample', () => {
		const bins = sampleHistogram(sample({ kind: 'exponential', params: { rate: 1 } }, 900, 3));
		expect(bins).toHaveLength(30);
		expect(bins.reduce((acc, b) => acc + b.density * (b.x1 - b.x0), 0)).toBeCloseTo(1, 12);
		expect(sampleHistogram([4, 4, 4])).toEqual([{ x0: 3.5, x1: 4.5, count: 3, density: 1 }]);
		expect(sampleHistogram([])).toEqual([]);
	});
});

describe('fixedHistogram', () => {
	it('counts into equal bins on [lo, hi] like numpy, the last bin closed', () => {
		const ps = [0.01, 0.04, 0.05, 0.2, 0.5, 0.95, 1.0, 0.33, 0.049, 0.051];
		// np.histogram(ps, bins=20, range=(0, 1)) -> [3, 2, 0, 0, 1, 0, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1, 1];
		// density=True starts [6.0, 4.0]
		const bins = fixedHistogram(ps, 0, 1, 20);
		expect(bins.map((b) => b.count)).toEqual([3, 2, 0, 0, 1, 0, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1, 1]);
		expect(bins[0]!.density).toBeCloseTo(6, 12);
		expect(bins[1]!.density).toBeCloseTo(4, 12);
		expect(bins[19]!.x1).toBe(1);
	});

	it('ignores values outside the range and rejects an empty range', () => {
		expect(fixedHistogram([-1, 0.5, 2], 0, 1, 2).map((b) => b.count)).toEqual([0, 1]);
		expect(fixedHistogram([0.5], 1, 1, 4)).toEqual([]);
	});
});
