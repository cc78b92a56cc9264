import { describe, expect, it } from 'vitest';
import { twoSampleTPower } from '../../src/lib/stats/power';
import { chiSquare2x2, drawTwoGroups, simulatePValues, welchStatistic, welchTTest, type ChiSquareResult, type Table2x2, type WelchResult } from '../../src/lib/stats/tests';
import type { Outcome } from '../../src/lib/stats/outcome';

function valueOf<T>(result: Outcome<T>): T {
	if (!result.ok) throw new Error(result.error);
	return result.value;
}

describe('welchTTest', () => {
	it('matches scipy.stats.ttest_ind(a, b, equal_var=False) with a clear difference', () => {
		const a = [5.1, 4.8, 6.2, 5.9, 5.5, 4.3, 6.8, 5.0];
		const b = [6.9, 7.4, 5.8, 8.1, 6.6, 7.9, 7.2, 6.1, 8.4, 7.0, 6.3];
		// r = stats.ttest_ind(a, b, equal_var=False); r.statistic, r.pvalue, r.df, r.confidence_interval(0.95)
		const r: WelchResult = valueOf(welchTTest(a, b));
		expect(r.t).toBeCloseTo(-4.204918318285836, 10);
		expect(r.p).toBeCloseTo(0.0007162608858329244, 12);
		expect(r.df).toBeCloseTo(15.49637364905267, 10);
		expect(r.ci95[0]).toBeCloseTo(-2.4293035551591733, 10);
		expect(r.ci95[1]).toBeCloseTo(-0.7979691721135534, 10);
		expect(r.meanDiff).toBeCloseTo((-2.4293035551591733 + -0.7979691721135534) / 2, 10);
	});

	it('matches scipy with unequal variances and no real difference', () => {
		const c = [12.0, 15.5, 11.2, 14.8, 13.9];
		const d = [13.1, 12.7, 14.0, 13.5, 12.9, 13.3];
		// r = stats.ttest_ind(c, d, equal_var=False)
		const r = valueOf(welchTTest(c, d));
		expect(r.t).toBeCloseTo(0.27388069442384555, 10);
		expect(r.p).toBeCloseTo(0.7964806193346926, 10);
		expect(r.df).toBeCloseTo(4.429551901804686, 10);
		expect(r.ci95[0]).toBeCloseTo(-2.015086941216135, 9);
		expect(r.ci95[1]).toBeCloseTo(2.475086941216136, 9);
	});

	it('returns a message instead of NaN for unusable groups', () => {
		expect(welchTTest([1], [2, 3])).toEqual({ ok: false, error: 'Group A needs at least 2 values.' });
		expect(welchTTest([1, 2], [3])).toEqual({ ok: false, error: 'Group B needs at least 2 values.' });
		expect(welchTTest([2, 2], [3, 3])).toEqual({ ok: false, error: 'Both groups have zero variance, so the t statistic is undefined.' });
		expect(welchTTest([1, Number.NaN], [3, 4]).ok).toBe(false);
	});
});

describe('chiSquare2x2', () => {
	const cases: Array<{ table: Table2x2; yates: [number, number]; plain: [number, number] }> = [
		// stats.chi2_contingency(t, correction=True / False) -> (statistic, pvalue)
		{ table: [[12, 5], [7, 15]], yates: [4.322120391218687, 0.03762001663483994], plain: [5.769596115958342, 0.01630578158465016] },
		{ table: [[20, 30], [25, 25]], yates: [0.6464646464646464, 0.4213795037428696], plain: [1.0101010101010102, 0.3148786413364169] },
		{ table: [[3, 1], [1, 3]], yates: [0.5, 0.47950012218695337], plain: [2.0, 0.15729920705028105] },
		// |O − E| < 0.5 everywhere: scipy's correction stops at the expected count, giving chi2 = 0 and p = 1.
		{ table: [[10, 10], [10, 11]], yates: [0, 1], plain: [0.02324263038548757, 0.8788278129295307] },
	];

	it('matches scipy.stats.chi2_contingency with and without Yates’ correction', () => {
		for (const { table, yates, plain } of cases) {
			const corrected: ChiSquareResult = valueOf(chiSquare2x2(table, { correction: true }));
			expect(corrected.chi2).toBeCloseTo(yates[0], 10);
			expect(corrected.p).toBeCloseTo(yates[1], 10);
			expect(corrected.df).toBe(1);
			const uncorrected = valueOf(chiSquare2x2(table, { correction: false }));
			expect(uncorrected.chi2).toBeCloseTo(plain[0], 10);
			expect(uncorrected.p).toBeCloseTo(plain[1], 10);
		}
	});

	it('corrects by default, like scipy, and reports expected counts', () => {
		const r = valueOf(chiSquare2x2([[12, 5], [7, 15]]));
		expect(r.corrected).toBe(true);
		expect(r.chi2).toBeCloseTo(4.322120391218687, 10);
		// stats.chi2_contingency([[12, 5], [7, 15]]).expected_freq
		expect(r.expected[0][0]).toBeCloseTo(8.282051282051283, 12);
		expect(r.expected[0][1]).toBeCloseTo(8.717948717948717, 12);
		expect(r.expected[1][0]).toBeCloseTo(10.717948717948717, 12);
		expect(r.expected[1][1]).toBeCloseTo(11.282051282051283, 12);
	});

	it('rejects tables it cannot test', () => {
		expect(chiSquare2x2([[1.5, 2], [3, 4]])).toEqual({ ok: false, error: 'Every count must be a whole number ≥ 0.' });
		expect(chiSquare2x2([[-1, 2], [3, 4]]).ok).toBe(false);
		expect(chiSquare2x2([[0, 0], [3, 4]])).toEqual({ ok: false, error: 'Each row needs at least one observation.' });
		expect(chiSquare2x2([[0, 2], [0, 4]])).toEqual({ ok: false, error: 'Each column needs at least one observation.' });
	});
});

describe('twoSampleTPower', () => {
	it('matches statsmodels TTestIndPower (noncentral t, df = 2n − 2)', () => {
		// TTestIndPower().power(effect_size=eff, nobs1=n, alpha=0.05, ratio=1), with effect = eff and sd = 1
		const references: Array<[number, number, number]> = [
			[0.5, 30, 0.4778965207601643],
			[0.3, 100, 0.5600592535808472],
			[1.0, 10, 0.5620066465861491],
			[0.0, 20, 0.05000000000000001],
			[0.8, 3, 0.11932928311866443],
		];
		for (const [effect, n, power] of references) {
			expect(twoSampleTPower({ effect, sd: 1, n }).noncentralT).toBeCloseTo(power, 7);
		}
		// Only effect / sd matters.
		expect(twoSampleTPower({ effect: 1.5, sd: 3, n: 30 }).noncentralT).toBeCloseTo(0.4778965207601643, 7);
	});

	it('gives the normal approximation alongside', () => {
		// d = 0.5 / np.sqrt(2 / 30); z = stats.norm.ppf(0.975); stats.norm.cdf(d - z) + stats.norm.cdf(-d - z)
		expect(twoSampleTPower({ effect: 0.5, sd: 1, n: 30 }).normalApprox).toBeCloseTo(0.4906855676699692, 12);
	});
});

describe('simulatePValues', () => {
	it('rejects about alpha of the time under the null, with roughly uniform p-values', () => {
		const r = valueOf(simulatePValues({ effect: 0, n: 20, sd: 1, experiments: 4000, seed: 17 }));
		expect(r.pValues).toHaveLength(4000);
		expect(r.power.noncentralT).toBeCloseTo(0.05, 10);
		expect(r.rejectionRateSe).toBeCloseTo(Math.sqrt((r.rejectionRate * (1 - r.rejectionRate)) / 4000), 15);
		expect(Math.abs(r.rejectionRate - 0.05)).toBeLessThan(4 * Math.sqrt((0.05 * 0.95) / 4000));
		const belowHalf = r.pValues.filter((p) => p < 0.5).length / 4000;
		expect(Math.abs(belowHalf - 0.5)).toBeLessThan(4 * Math.sqrt(0.25 / 4000));
	});

	it('rejects at about the theoretical power under a real effect', () => {
		const r = valueOf(simulatePValues({ effect: 0.5, n: 30, sd: 1, experiments: 4000, seed: 29 }));
		// Welch's power sits a hair below Student's (its df are ≤ 2n − 2), far inside four Monte-Carlo standard errors.
		expect(Math.abs(r.rejectionRate - r.power.noncentralT)).toBeLessThan(4 * r.rejectionRateSe);
		expect(r.rejectionRate).toBeGreaterThan(0.3);
	});

	it('is deterministic for a seed', () => {
		const request = { effect: 0.2, n: 10, sd: 2, experiments: 50, seed: 5 };
		expect(valueOf(simulatePValues(request)).pValues).toEqual(valueOf(simulatePValues(request)).pValues);
		expect(valueOf(simulatePValues({ ...request, seed: 6 })).pValues).not.toEqual(valueOf(simulatePValues(request)).pValues);
	});

	it('validates its inputs', () => {
		const base = { effect: 0.5, n: 10, sd: 1, experiments: 100, seed: 1 };
		expect(simulatePValues({ ...base, n: 1 })).toEqual({ ok: false, error: 'Each group needs n ≥ 2 observations (a whole number).' });
		expect(simulatePValues({ ...base, sd: 0 }).ok).toBe(false);
		expect(simulatePValues({ ...base, experiments: 0 }).ok).toBe(false);
		expect(simulatePValues({ ...base, effect: Number.NaN }).ok).toBe(false);
		expect(simulatePValues({ ...base, alpha: 1 }).ok).toBe(false);
	});
});

describe('drawTwoGroups and welchStatistic', () => {
	it('draws A then B from one seeded stream, like d3-random', () => {
		// sys.path.insert(0, 'tests/unit/reference'); from d3_random import *
		// g = normal(lcg(3)); a = [g() for _ in range(4)]; b = [g() + 0.5 for _ in range(4)]
		const { a, b } = drawTwoGroups({ effect: 0.5, n: 4, sd: 1, seed: 3 });
		[0.29944068397482626, -1.5526169745568728, 0.316132993973522, 0.4235174983538007].forEach((x, i) => expect(a[i]).toBeCloseTo(x, 12));
		[1.4832470128556015, 0.18605330904740092, -0.7891667498877326, 2.0820361877612217].forEach((x, i) => expect(b[i]).toBeCloseTo(x, 12));
	});

	it('is the first experiment of simulatePValues with the same arguments', () => {
		const { a, b } = drawTwoGroups({ effect: 0.5, n: 4, sd: 1, seed: 3 });
		// stats.ttest_ind(b, a, equal_var=False) -> statistic 1.0838746241859, df 5.515809821302686, pvalue 0.32350815249194526
		const statistic = welchStatistic(b, a);
		expect(statistic?.t).toBeCloseTo(1.0838746241859, 10);
		expect(statistic?.df).toBeCloseTo(5.515809821302686, 10);
		expect(statistic?.p).toBeCloseTo(0.32350815249194526, 10);
		const simulated = valueOf(simulatePValues({ effect: 0.5, n: 4, sd: 1, experiments: 3, seed: 3 }));
		expect(simulated.pValues[0]).toBe(statistic?.p);
	});

	it('gives the same t, df and p as welchTTest, or null without variance', () => {
		const a = [1.2, 3.4, 2.2, 5.1];
		const b = [0.3, 1.9, 2.5];
		const full = valueOf(welchTTest(a, b));
		expect(welchStatistic(a, b)).toEqual({ t: full.t, df: full.df, p: full.p, meanDiff: full.meanDiff, se: full.se });
		expect(welchStatistic([2, 2], [3, 3])).toBeNull();
	});
});
