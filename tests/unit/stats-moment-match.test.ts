import { describe, expect, it } from 'vitest';
import { distributionWithMoments, type DistributionKind, type MatchedDistribution } from '../../src/lib/stats/moment-match';
import { momentsOf } from '../../src/lib/stats/random';
import type { Outcome } from '../../src/lib/stats/outcome';

function valueOf(result: Outcome<MatchedDistribution>): MatchedDistribution {
	if (!result.ok) throw new Error(result.error);
	return result.value;
}

describe('distributionWithMoments', () => {
	it('meets the mean and sd exactly for the families with a free sd', () => {
		for (const kind of ['normal', 'lognormal', 'uniform', 'mixture'] as DistributionKind[]) {
			const { distribution, compromise } = valueOf(distributionWithMoments(kind, 5, 3));
			const moments = momentsOf(distribution);
			expect(moments.mean, kind).toBeCloseTo(5, 12);
			expect(moments.sd, kind).toBeCloseTo(3, 12);
			expect(compromise).toBeNull();
		}
	});

	it('solves the log-normal parameters like scipy', () => {
		// s2 = np.log1p((3/5)**2); mu = np.log(5) - s2/2 -> 1.45569556256012, np.sqrt(s2) -> 0.5545130293761912;
		// stats.lognorm(s=np.sqrt(s2), scale=np.exp(mu)).mean(), .std() -> 5.0, 3.0000000000000004
		const { distribution } = valueOf(distributionWithMoments('lognormal', 5, 3));
		expect(distribution).toEqual({ kind: 'lognormal', params: { mu: expect.closeTo(1.45569556256012, 12), sigma: expect.closeTo(0.5545130293761912, 12) } });
	});

	it('gives a clearly bimodal mixture: peaks 4.6 component sds apart', () => {
		const { distribution } = valueOf(distributionWithMoments('mixture', 5, 3));
		if (distribution.kind !== 'mixture') throw new Error('expected a mixture');
		const { mean1, mean2, sd1, sd2, weight } = distribution.params;
		expect(weight).toBe(0.5);
		expect(sd1).toBeCloseTo(1.2, 12);
		expect(sd2).toBeCloseTo(1.2, 12);
		expect((mean2 - mean1) / sd1).toBeCloseTo((2 * Math.sqrt(0.84)) / 0.4, 12);
	});

	it('solves a binomial from mean and sd when the sd is below √mean', () => {
		// stats.binom(25, 0.2).mean(), .std() -> 5.0, 2.0
		const exact = valueOf(distributionWithMoments('binomial', 5, 2));
		expect(exact.distribution).toEqual({ kind: 'binomial', params: { trials: 25, p: 0.2 } });
		expect(exact.compromise).toBeNull();
		// n = 25 / 2.75 = 9.09 rounds to 9; stats.binom(9, 5/9).std() -> 1.4907119849998596, within 2% of 1.5
		const rounded = valueOf(distributionWithMoments('binomial', 5, 1.5));
		expect(rounded.distribution).toEqual({ kind: 'binomial', params: { trials: 9, p: 5 / 9 } });
		expect(momentsOf(rounded.distribution).sd).toBeCloseTo(1.4907119849998596, 12);
		expect(rounded.compromise).toBeNull();
	});

	it('says so when a family cannot have the sd asked for', () => {
		// stats.binom(1000, 0.005).std() -> 2.2304708023195463
		const binomial = valueOf(distributionWithMoments('binomial', 5, 3));
		expect(binomial.distribution).toEqual({ kind: 'binomial', params: { trials: 1000, p: 0.005 } });
		expect(binomial.compromise).toBe("A binomial's variance np(1 − p) is always below its mean, so its sd cannot reach 3; the closest is n = 1000, p = 0.005, with sd 2.23.");
		const exponential = valueOf(distributionWithMoments('exponential', 5, 3));
		expect(exponential.distribution).toEqual({ kind: 'exponential', params: { rate: 0.2 } });
		expect(exponential.compromise).toBe("An exponential's sd always equals its mean, so the sd is 5, not 3.");
		expect(valueOf(distributionWithMoments('exponential', 4, 4)).compromise).toBeNull();
		const poisson = valueOf(distributionWithMoments('poisson', 12, 3));
		expect(poisson.distribution).toEqual({ kind: 'poisson', params: { lambda: 12 } });
		expect(poisson.compromise).toBe("A Poisson's variance equals its mean, so the sd is √12 = 3.464, not 3.");
		expect(valueOf(distributionWithMoments('poisson', 9, 3)).compromise).toBeNull();
	});

	it('rejects impossible requests', () => {
		expect(distributionWithMoments('normal', 1, 0)).toEqual({ ok: false, error: 'The standard deviation must be greater than 0.' });
		expect(distributionWithMoments('lognormal', -1, 1)).toEqual({ ok: false, error: 'A log-normal distribution needs a mean greater than 0.' });
		expect(distributionWithMoments('normal', -1, 1).ok).toBe(true);
	});
});
