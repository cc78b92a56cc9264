import { describe, expect, it } from 'vitest';
import { analyzeAbTest, frequentistAb, posteriorDifferenceDraws, type AbTestResult } from '../../src/lib/stats/ab-test';
import { expectedLosses, probabilityBBeatsA } from '../../src/lib/stats/beta-comparison';
import type { Outcome } from '../../src/lib/stats/outcome';

function valueOf<T>(result: Outcome<T>): T {
	if (!result.ok) throw new Error(result.error);
	return result.value;
}

/*
 * Python references (scipy 1.17, statsmodels 0.15), with Beta(1, 1) priors so that
 * aA, bA, aB, bB = 1 + cA, 1 + nA - cA, 1 + cB, 1 + nB - cB:
 *
 * def miller(aA, bA, aB, bB):  # Evan Miller's closed form for P(pB > pA), integer aB
 *     i = np.arange(int(aB))
 *     return np.sum(np.exp(betaln(aA + i, bA + bB) - np.log(bB + i) - betaln(1 + i, bB) - betaln(aA, bA)))
 *
 * def losses(aA, bA, aB, bB, m=6000):  # E[(A-B)+], E[(B-A)+] on a 6000 x 6000 trapezoid grid
 *     xa = np.linspace(stats.beta.ppf(1e-10, aA, bA), stats.beta.ppf(1-1e-10, aA, bA), m)   # same for xb
 *     ... np.sum(np.maximum(xa[:, None] - xb[None, :], 0) * weights)
 *
 * def diff_quantile(q, ...):  # brentq on P(B - A <= d) = quad(beta.pdf(x, aA, bA) * beta.cdf(x + d, aB, bB))
 */
const cases = [
	{
		data: { a: { conversions: 120, visitors: 1000 }, b: { conversions: 145, visitors: 1000 } },
		miller: 0.950196907616723,
		losses: { chooseB: 0.0003158389179842965, chooseA: 0.025265938708550345 },
	},
	{
		// Lopsided: a narrow A against a wide B.
		data: { a: { conversions: 30, visitors: 1000 }, b: { conversions: 2, visitors: 10 } },
		miller: 0.9956336946838032,
		losses: { chooseB: 3.83130601967707e-5, chooseA: 0.21910018918248064 },
	},
	{
		// Very lopsided: 100,000 visitors against 40.
		data: { a: { conversions: 5000, visitors: 100_000 }, b: { conversions: 3, visitors: 40 } },
		miller: 0.8524882611211424,
		losses: { chooseB: 0.0019183675231340387, chooseA: 0.04714746288693345 },
	},
	{
		data: { a: { conversions: 4, visitors: 25 }, b: { conversions: 9, visitors: 30 } },
		miller: 0.8785252788460004,
		losses: { chooseB: 0.006854787578896318, chooseA: 0.1341696023601536 },
	},
];

describe('exact P(B > A) and expected loss (numerical integration)', () => {
	it('matches Evan Miller’s closed form and the 2-D grid', () => {
		for (const { data, miller, losses } of cases) {
			const A = { a: 1 + data.a.conversions, b: 1 + data.a.visitors - data.a.conversions };
			const B = { a: 1 + data.b.conversions, b: 1 + data.b.visitors - data.b.conversions };
			// The integration agrees with the closed form to about 1e-10 (scipy's quad gives 0.8524882612652169 in case 3).
			expect(probabilityBBeatsA(A, B)).toBeCloseTo(miller, 9);
			const computed = expectedLosses(A, B);
			expect(computed.chooseB).toBeCloseTo(losses.chooseB, 9);
			expect(computed.chooseA).toBeCloseTo(losses.chooseA, 9);
		}
	});

	it('is symmetric: P(B > A) + P(A > B) = 1 and the losses swap', () => {
		const A = { a: 13, b: 40 };
		const B = { a: 20, b: 35 };
		expect(probabilityBBeatsA(A, B) + probabilityBBeatsA(B, A)).toBeCloseTo(1, 10);
		expect(expectedLosses(A, B).chooseB).toBeCloseTo(expectedLosses(B, A).chooseA, 10);
		expect(probabilityBBeatsA(A, A)).toBeCloseTo(0.5, 10);
	});
});

describe('analyzeAbTest', () => {
	const headline: AbTestResult = valueOf(analyzeAbTest({ ...cases[0]!.data, seed: 1 }));

	it('reports the Bayesian headline for 120/1000 against 145/1000', () => {
		const { bayesian } = headline;
		expect(bayesian.posteriorA).toEqual({ a: 121, b: 881 });
		expect(bayesian.posteriorB).toEqual({ a: 146, b: 856 });
		expect(bayesian.probabilityBBeatsA).toBeCloseTo(0.950196907616723, 9);
		// stats.beta.ppf([0.025, 0.975], 121, 881) and stats.beta.ppf([0.025, 0.975], 146, 856)
		expect(bayesian.rateCi95.a[0]).toBeCloseTo(0.10132341964422845, 10);
		expect(bayesian.rateCi95.a[1]).toBeCloseTo(0.1416269997488508, 10);
		expect(bayesian.rateCi95.b[0]).toBeCloseTo(0.12455601040524399, 10);
		expect(bayesian.rateCi95.b[1]).toBeCloseTo(0.16820043646646218, 10);
	});

	it('gives Monte Carlo estimates within four standard errors of the exact values', () => {
		for (const { data } of cases) {
			const { bayesian } = valueOf(analyzeAbTest({ ...data, seed: 1 }));
			const mc = bayesian.monteCarlo;
			expect(mc.draws).toBe(100_000);
			expect(Math.abs(mc.probabilityBBeatsA.estimate - bayesian.probabilityBBeatsA)).toBeLessThan(4 * mc.probabilityBBeatsA.se);
			expect(Math.abs(mc.lossChooseB.estimate - bayesian.expectedLoss.chooseB)).toBeLessThan(4 * mc.lossChooseB.se);
			expect(Math.abs(mc.lossChooseA.estimate - bayesian.expectedLoss.chooseA)).toBeLessThan(4 * mc.lossChooseA.se);
			const p = mc.probabilityBBeatsA.estimate;
			expect(mc.probabilityBBeatsA.se).toBeCloseTo(Math.sqrt((p * (1 - p)) / 100_000), 6);
		}
	});

	it('puts the Monte Carlo interval of the difference near the exact quantiles', () => {
		// diff_quantile(0.025 / 0.975, 121, 881, 146, 856) -> -0.0047517261233247015, 0.054715168670764786
		// Quantile standard error here is about 1.3e-4, so allow 6e-4.
		const [lo, hi] = headline.bayesian.monteCarlo.differenceCi95;
		expect(Math.abs(lo - -0.0047517261233247015)).toBeLessThan(6e-4);
		expect(Math.abs(hi - 0.054715168670764786)).toBeLessThan(6e-4);
		// diff_quantile(0.025 / 0.975, 5, 22, 10, 22) -> -0.09057534031596438, 0.33820454825877044 (quantile se about 1e-3)
		const small = valueOf(analyzeAbTest({ ...cases[3]!.data, seed: 1 })).bayesian.monteCarlo.differenceCi95;
		expect(Math.abs(small[0] - -0.09057534031596438)).toBeLessThan(4e-3);
		expect(Math.abs(small[1] - 0.33820454825877044)).toBeLessThan(4e-3);
	});

	it('is deterministic for a seed and changes with it', () => {
		const again = valueOf(analyzeAbTest({ ...cases[0]!.data, seed: 1 }));
		expect(again.bayesian.monteCarlo).toEqual(headline.bayesian.monteCarlo);
		const other = valueOf(analyzeAbTest({ ...cases[0]!.data, seed: 2 }));
		expect(other.bayesian.monteCarlo.probabilityBBeatsA.estimate).not.toBe(headline.bayesian.monteCarlo.probabilityBBeatsA.estimate);
	});

	it('matches statsmodels on the frequentist side', () => {
		// proportions_ztest([145, 120], [1000, 1000]) -> (1.648854485267929, 0.09917744952840564)
		// confint_proportions_2indep(145, 1000, 120, 1000, method='wald', compare='diff')
		//   -> (-0.00469685014880963, 0.05469685014880962)
		const f = headline.frequentist;
		expect(f.difference).toBeCloseTo(0.025, 14);
		expect(f.z).toBeCloseTo(1.648854485267929, 12);
		expect(f.p).toBeCloseTo(0.09917744952840564, 12);
		expect(f.waldCi95[0]).toBeCloseTo(-0.00469685014880963, 12);
		expect(f.waldCi95[1]).toBeCloseTo(0.05469685014880962, 12);
		// proportions_ztest([9, 4], [30, 25]) -> (1.2168686168889515, 0.223654207792224)
		// confint_proportions_2indep(9, 30, 4, 25, method='wald', compare='diff') -> (-0.07804103825865102, 0.35804103825865097)
		const small = frequentistAb(cases[3]!.data.a, cases[3]!.data.b);
		expect(small.z).toBeCloseTo(1.2168686168889515, 12);
		expect(small.p).toBeCloseTo(0.223654207792224, 12);
		expect(small.waldCi95[0]).toBeCloseTo(-0.07804103825865102, 12);
		expect(small.waldCi95[1]).toBeCloseTo(0.35804103825865097, 12);
	});

	it('reports an undefined z-test as null when nobody or everybody converted', () => {
		const none = frequentistAb({ conversions: 0, visitors: 50 }, { conversions: 0, visitors: 80 });
		expect(none.z).toBeNull();
		expect(none.p).toBeNull();
		expect(none.waldCi95).toEqual([0, 0]);
		expect(frequentistAb({ conversions: 50, visitors: 50 }, { conversions: 80, visitors: 80 }).p).toBeNull();
	});

	it('validates conversions, visitors, prior and draws', () => {
		const b = { conversions: 3, visitors: 10 };
		expect(analyzeAbTest({ a: { conversions: 11, visitors: 10 }, b })).toEqual({ ok: false, error: 'A cannot have more conversions than visitors.' });
		expect(analyzeAbTest({ a: { conversions: 1, visitors: 0 }, b }).ok).toBe(false);
		expect(analyzeAbTest({ a: { conversions: 1.5, visitors: 10 }, b }).ok).toBe(false);
		expect(analyzeAbTest({ a: b, b: { conversions: -1, visitors: 10 } }).ok).toBe(false);
		expect(analyzeAbTest({ a: b, b, prior: { a: 0.5, b: 0.5 } })).toEqual({ ok: false, error: 'The prior parameters must both be at least 1.' });
		expect(analyzeAbTest({ a: b, b, draws: 10 }).ok).toBe(false);
		expect(analyzeAbTest({ a: b, b, draws: 1000 }).ok).toBe(true);
	});
});

describe('posteriorDifferenceDraws', () => {
	it('draws pB − pA like d3-random, A before B from one stream', () => {
		// sys.path.insert(0, 'tests/unit/reference'); from d3_random import *
		// src = lcg(1); A = beta(src, 121, 881); B = beta(src, 146, 856); [-A() + B() for _ in range(4)]
		const draws = posteriorDifferenceDraws({ a: 121, b: 881 }, { a: 146, b: 856 }, 4, 1);
		[0.027196034752093035, 0.01642204598487304, 0.03405592301772799, 0.033099217841878165].forEach((x, i) => expect(draws[i]).toBeCloseTo(x, 12));
	});

	it('are the draws analyzeAbTest summarises', () => {
		const data = { a: { conversions: 120, visitors: 1000 }, b: { conversions: 145, visitors: 1000 } };
		const result = valueOf(analyzeAbTest({ ...data, draws: 2000, seed: 7 }));
		const draws = Array.from(posteriorDifferenceDraws({ a: 121, b: 881 }, { a: 146, b: 856 }, 2000, 7));
		expect(result.bayesian.monteCarlo.probabilityBBeatsA.estimate).toBe(draws.filter((d) => d > 0).length / 2000);
		expect(result.bayesian.monteCarlo.lossChooseA.estimate).toBeCloseTo(draws.reduce((acc, d) => acc + Math.max(d, 0), 0) / 2000, 14);
	});
});
