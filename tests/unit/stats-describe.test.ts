import { describe, expect, it } from 'vitest';
import { adjustedSkewness, classifySkew, describeSample, describeShape, type SampleSummary } from '../../src/lib/stats/describe';
import { countModes, histogramCounts, smoothCounts } from '../../src/lib/stats/modes';
import { sample } from '../../src/lib/stats/random';

const withOutliers = [2.1, 3.4, 1.9, 5.6, 2.8, 3.3, 14.2, 2.2, 4.1, 3.0, 2.6, 3.9, 0.4, 2.9, 3.1];
const withTies = [5, 1, 3, 3, 8, 2, 3, 1, 9, 4, 4, 7];

function summaryOf(xs: number[]): SampleSummary {
	const result = describeSample(xs);
	if (!result.ok) throw new Error(result.error);
	return result.value;
}

describe('describeSample', () => {
	it('matches pandas describe() and skew() on a sample with outliers', () => {
		// pd.Series(withOutliers).describe().to_dict()
		// {'count': 15.0, 'mean': 3.7, 'std': 3.1254713930176083, 'min': 0.4, '25%': 2.4000000000000004,
		//  '50%': 3.0, '75%': 3.65, 'max': 14.2}; pd.Series(withOutliers).skew() -> 3.0020283140739608
		const s = summaryOf(withOutliers);
		expect(s.count).toBe(15);
		expect(s.mean).toBeCloseTo(3.7, 12);
		expect(s.std).toBeCloseTo(3.1254713930176083, 12);
		expect(s.min).toBe(0.4);
		expect(s.q25).toBeCloseTo(2.4, 12);
		expect(s.median).toBe(3.0);
		expect(s.q75).toBeCloseTo(3.65, 12);
		expect(s.max).toBe(14.2);
		expect(s.skewness).toBeCloseTo(3.0020283140739608, 12);
	});

	it('finds the values beyond the 1.5 IQR fences', () => {
		// Fences 2.4 - 1.5 * 1.25 = 0.525 and 3.65 + 1.5 * 1.25 = 5.525.
		const s = summaryOf(withOutliers);
		expect(s.iqr).toBeCloseTo(1.25, 12);
		expect(s.lowerFence).toBeCloseTo(0.525, 12);
		expect(s.upperFence).toBeCloseTo(5.525, 12);
		expect(s.outliersBelow).toEqual([0.4]);
		expect(s.outliersAbove).toEqual([5.6, 14.2]);
	});

	it('interpolates quartiles like numpy on an even-sized sample with ties', () => {
		// pd.Series([5, 1, 3, 3, 8, 2, 3, 1, 9, 4, 4, 7], dtype=float).describe().to_dict()
		// {'count': 12.0, 'mean': 4.166666666666667, 'std': 2.622744341103013, 'min': 1.0, '25%': 2.75,
		//  '50%': 3.5, '75%': 5.5, 'max': 9.0}; .skew() -> 0.6899992506303029
		const s = summaryOf(withTies);
		expect(s.mean).toBeCloseTo(4.166666666666667, 12);
		expect(s.std).toBeCloseTo(2.622744341103013, 12);
		expect([s.q25, s.median, s.q75]).toEqual([2.75, 3.5, 5.5]);
		expect(s.skewness).toBeCloseTo(0.6899992506303029, 12);
		expect(s.outliersAbove).toEqual([]);
	});

	it('follows pandas on tiny and constant samples', () => {
		// pd.Series([7.0]).describe() has std NaN; pd.Series([3, 3, 3.]).skew() -> 0.0
		const single = summaryOf([7]);
		expect(single.std).toBeNull();
		expect(single.skewness).toBeNull();
		expect([single.q25, single.median, single.q75]).toEqual([7, 7, 7]);
		expect(adjustedSkewness([3, 3, 3])).toBe(0);
		expect(adjustedSkewness([1, 2])).toBeNull();
	});

	it('returns a message for an empty or non-numeric sample', () => {
		expect(describeSample([])).toEqual({ ok: false, error: 'The sample is empty.' });
		expect(describeSample([1, Number.NaN]).ok).toBe(false);
	});
});

describe('describeShape', () => {
	it('classifies skewness with Bulmer’s thresholds', () => {
		expect(classifySkew(0.49)).toEqual({ direction: 'symmetric', strength: 'roughly' });
		expect(classifySkew(0.69)).toEqual({ direction: 'right', strength: 'moderately' });
		expect(classifySkew(-1.3)).toEqual({ direction: 'left', strength: 'highly' });
		expect(classifySkew(null)).toEqual({ direction: 'symmetric', strength: 'roughly' });
	});

	it('reads a right-skewed sample with outliers', () => {
		const xs = sample({ kind: 'exponential', params: { rate: 1 } }, 2000, 11);
		const shape = describeShape(summaryOf(xs), xs);
		expect(shape.direction).toBe('right');
		expect(shape.modes).toBe(1);
		expect(shape.outliersBelow).toBe(0);
		expect(shape.outliersAbove).toBeGreaterThan(0);
		expect(shape.text).toBe(`highly right-skewed, one mode, ${shape.outliersAbove} outliers above 1.5 IQR`);
	});

	it('sees two modes in a well-separated mixture and one in a normal sample', () => {
		const mixture = sample({ kind: 'mixture', params: { weight: 0.5, mean1: 0, sd1: 1, mean2: 5, sd2: 1 } }, 2000, 11);
		expect(describeShape(summaryOf(mixture), mixture).text).toBe('roughly symmetric, two modes, no outliers beyond 1.5 IQR');
		const normal = sample({ kind: 'normal', params: { mean: 0, sd: 1 } }, 2000, 11);
		expect(describeShape(summaryOf(normal), normal).text).toMatch(/^roughly symmetric, one mode, /);
	});

	it('words singular outliers and small samples', () => {
		const shape = describeShape(summaryOf(withOutliers), withOutliers);
		expect(shape.text).toBe('highly right-skewed, too few values to count modes, 1 outlier below and 2 above 1.5 IQR');
	});
});

describe('mode counting rule', () => {
	it('bins integer data one integer per bin while the range fits', () => {
		expect(histogramCounts([0, 1, 1, 2, 2, 2, 5])).toEqual([1, 2, 3, 0, 0, 1]);
		// Range 0..59 has 60 integers, so two integers share each of 30 bins.
		expect(histogramCounts([0, 1, 59])).toHaveLength(30);
	});

	it('smooths with [1, 2, 1] / 4, renormalised at the edges', () => {
		expect(smoothCounts([4, 0, 8])).toEqual([8 / 3, 3, 16 / 3]);
	});

	it('counts one mode for unimodal shapes across many seeds and two for a separated mixture', () => {
		for (let seed = 1; seed <= 20; seed++) {
			expect(countModes(sample({ kind: 'normal', params: { mean: 0, sd: 1 } }, 500, seed))).toBe(1);
			expect(countModes(sample({ kind: 'poisson', params: { lambda: 4 } }, 500, seed))).toBe(1);
			expect(countModes(sample({ kind: 'mixture', params: { weight: 0.4, mean1: 0, sd1: 1, mean2: 6, sd2: 1 } }, 500, seed))).toBe(2);
		}
		expect(countModes([1, 2, 3])).toBeNull();
	});
});
