import { describe, expect, it } from 'vitest';
import { betaBinomialCurves, betaFromMeanAndStrength, betaMode, summarizeBeta, updateBeta, type BetaBinomialResult } from '../../src/lib/stats/beta-binomial';
import type { Outcome } from '../../src/lib/stats/outcome';

function valueOf<T>(result: Outcome<T>): T {
	if (!result.ok) throw new Error(result.error);
	return result.value;
}

describe('updateBeta', () => {
	it('turns Beta(2, 2) and 7 successes in 10 trials into Beta(9, 5)', () => {
		const r: BetaBinomialResult = valueOf(updateBeta({ a: 2, b: 2 }, { successes: 7, trials: 10 }));
		expect(r.posterior).toEqual({ a: 9, b: 5 });
		expect(r.observedRate).toBe(0.7);
		// stats.beta.mean(9, 5), stats.beta.std(9, 5), stats.beta.ppf([0.025, 0.975], 9, 5)
		expect(r.posteriorSummary.mean).toBeCloseTo(0.6428571428571429, 14);
		expect(r.posteriorSummary.sd).toBeCloseTo(0.12371791482634838, 14);
		expect(r.posteriorSummary.mode).toBeCloseTo(8 / 12, 14);
		expect(r.posteriorSummary.ci95[0]).toBeCloseTo(0.3857383382492956, 10);
		expect(r.posteriorSummary.ci95[1]).toBeCloseTo(0.8614206611098394, 10);
		// stats.beta.ppf([0.025, 0.975], 2, 2)
		expect(r.priorSummary.ci95[0]).toBeCloseTo(0.09429932405024609, 10);
		expect(r.priorSummary.ci95[1]).toBeCloseTo(0.9057006759497539, 10);
	});

	it('handles a Jeffreys prior with zero successes', () => {
		const r = valueOf(updateBeta({ a: 0.5, b: 0.5 }, { successes: 0, trials: 12 }));
		// stats.beta.ppf([0.025, 0.975], 0.5, 12.5), stats.beta.mean(0.5, 12.5)
		expect(r.posteriorSummary.ci95[0]).toBeCloseTo(4.0075310076598856e-5, 12);
		expect(r.posteriorSummary.ci95[1]).toBeCloseTo(0.18530593831248504, 10);
		expect(r.posteriorSummary.mean).toBeCloseTo(0.038461538461538464, 14);
		expect(r.posteriorSummary.mode).toBe(0);
	});

	it('places the mode at an edge or reports none when there is no single peak', () => {
		expect(betaMode({ a: 3, b: 5 })).toBeCloseTo(2 / 6, 14);
		expect(betaMode({ a: 1, b: 4 })).toBe(0);
		expect(betaMode({ a: 4, b: 1 })).toBe(1);
		expect(betaMode({ a: 1, b: 1 })).toBeNull();
		expect(betaMode({ a: 0.5, b: 0.5 })).toBeNull();
		expect(summarizeBeta({ a: 1, b: 1 }).ci95).toEqual([0.025, 0.975]);
	});

	it('validates the prior and the data', () => {
		expect(updateBeta({ a: 1, b: 1 }, { successes: 11, trials: 10 })).toEqual({ ok: false, error: 'There cannot be more successes than trials.' });
		expect(updateBeta({ a: 0, b: 1 }, { successes: 1, trials: 10 }).ok).toBe(false);
		expect(updateBeta({ a: 1, b: -2 }, { successes: 1, trials: 10 }).ok).toBe(false);
		expect(updateBeta({ a: 1, b: 1 }, { successes: 1.5, trials: 10 }).ok).toBe(false);
		expect(updateBeta({ a: 1, b: 1 }, { successes: 1, trials: 10.2 }).ok).toBe(false);
		expect(updateBeta({ a: 1, b: 1 }, { successes: 0, trials: 0 }).ok).toBe(true);
	});
});

describe('betaBinomialCurves', () => {
	it('evaluates prior, scaled likelihood and posterior on grid midpoints', () => {
		const curves = valueOf(betaBinomialCurves({ a: 2, b: 2 }, { successes: 7, trials: 10 }, 200));
		expect(curves).toHaveLength(200);
		expect(curves[0]!.x).toBe(0.0025);
		expect(curves[199]!.x).toBe(0.9975);
		const point = curves[120]!;
		expect(point.x).toBeCloseTo(0.6025, 14);
		// stats.beta.pdf(0.6025, 2, 2), stats.beta.pdf(0.6025, 8, 4), stats.beta.pdf(0.6025, 9, 5)
		expect(point.prior).toBeCloseTo(1.4369625000000004, 12);
		expect(point.likelihood).toBeCloseTo(2.3893770551676377, 12);
		expect(point.posterior).toBeCloseTo(2.7896742466420203, 12);
	});

	it('keeps every density finite for priors below 1 and integrates each curve to about 1', () => {
		const curves = valueOf(betaBinomialCurves({ a: 0.5, b: 0.5 }, { successes: 0, trials: 3 }, 400));
		expect(curves.every((p) => Number.isFinite(p.prior) && Number.isFinite(p.posterior))).toBe(true);
		const area = (key: 'prior' | 'likelihood' | 'posterior') => curves.reduce((acc, p) => acc + p[key], 0) / curves.length;
		expect(area('likelihood')).toBeCloseTo(1, 3);
		expect(area('posterior')).toBeGreaterThan(0.9);
	});

	it('validates like updateBeta', () => {
		expect(betaBinomialCurves({ a: 1, b: 1 }, { successes: 5, trials: 4 }).ok).toBe(false);
		expect(betaBinomialCurves({ a: 1, b: 1 }, { successes: 1, trials: 4 }, 1).ok).toBe(false);
	});
});

describe('betaFromMeanAndStrength', () => {
	it('puts mean × strength on a and the rest on b', () => {
		// stats.beta(0.2 * 30, 0.8 * 30).mean() -> 0.2 (a = 6.0, b = 24.0)
		expect(betaFromMeanAndStrength(0.2, 30)).toEqual({ ok: true, value: { a: expect.closeTo(6, 12), b: expect.closeTo(24, 12) } });
		expect(betaFromMeanAndStrength(0.5, 2)).toEqual({ ok: true, value: { a: 1, b: 1 } });
	});

	it('rejects a mean at 0 or 1 and a strength of 0', () => {
		expect(betaFromMeanAndStrength(0, 10).ok).toBe(false);
		expect(betaFromMeanAndStrength(1, 10).ok).toBe(false);
		expect(betaFromMeanAndStrength(0.3, 0)).toEqual({ ok: false, error: 'The prior strength must be greater than 0.' });
	});
});
