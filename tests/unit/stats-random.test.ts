import { describe, expect, it } from 'vitest';
import {
	densityAt,
	distributionProblem,
	drawSample,
	momentsOf,
	pmfAt,
	sample,
	sampleBinomial,
	sampleExponential,
	sampleLognormal,
	sampleMixture,
	sampleNormal,
	samplePoisson,
	sampleUniform,
	seededSource,
	type Distribution,
} from '../../src/lib/stats/random';
import { mean, sampleSd } from '../../src/lib/stats/summary';

const catalogue: Distribution[] = [
	{ kind: 'normal', params: { mean: 2, sd: 1.5 } },
	{ kind: 'lognormal', params: { mu: 0.2, sigma: 0.6 } },
	{ kind: 'exponential', params: { rate: 2.5 } },
	{ kind: 'uniform', params: { min: -1, max: 3 } },
	{ kind: 'binomial', params: { trials: 10, p: 0.3 } },
	{ kind: 'poisson', params: { lambda: 3.2 } },
	{ kind: 'mixture', params: { weight: 0.3, mean1: 0, sd1: 1, mean2: 4, sd2: 0.5 } },
];

describe('seeded sampling', () => {
	it('gives the same sample for the same seed and a different one for another seed', () => {
		for (const dist of catalogue) {
			const first = sample(dist, 50, 42);
			expect(sample(dist, 50, 42)).toEqual(first);
			expect(sample(dist, 50, 43)).not.toEqual(first);
		}
	});

	it('has one sampler per distribution with the (params, n, seed) signature', () => {
		expect(sampleNormal({ mean: 2, sd: 1.5 }, 5, 7)).toEqual(sample(catalogue[0]!, 5, 7));
		expect(sampleLognormal({ mu: 0.2, sigma: 0.6 }, 5, 7)).toEqual(sample(catalogue[1]!, 5, 7));
		expect(sampleExponential({ rate: 2.5 }, 5, 7)).toEqual(sample(catalogue[2]!, 5, 7));
		expect(sampleUniform({ min: -1, max: 3 }, 5, 7)).toEqual(sample(catalogue[3]!, 5, 7));
		expect(sampleBinomial({ trials: 10, p: 0.3 }, 5, 7)).toEqual(sample(catalogue[4]!, 5, 7));
		expect(samplePoisson({ lambda: 3.2 }, 5, 7)).toEqual(sample(catalogue[5]!, 5, 7));
		expect(sampleMixture({ weight: 0.3, mean1: 0, sd1: 1, mean2: 4, sd2: 0.5 }, 5, 7)).toEqual(sample(catalogue[6]!, 5, 7));
		expect(sampleNormal({ mean: 0, sd: 1 }, 5, 7)).toHaveLength(5);
	});

	it('gives samples whose mean and sd approach the true ones for large n', () => {
		const n = 40_000;
		for (const dist of catalogue) {
			const xs = sample(dist, n, 2024);
			const truth = momentsOf(dist);
			// Four standard errors of the mean; sd within 3% of the truth.
			expect(Math.abs(mean(xs) - truth.mean), dist.kind).toBeLessThan((4 * truth.sd) / Math.sqrt(n));
			expect(Math.abs(sampleSd(xs) / truth.sd - 1), dist.kind).toBeLessThan(0.03);
		}
	});

	it('keeps draws inside the support', () => {
		expect(sample(catalogue[2]!, 1000, 3).every((x) => x >= 0)).toBe(true);
		expect(sample(catalogue[3]!, 1000, 3).every((x) => x >= -1 && x < 3)).toBe(true);
		expect(sample(catalogue[4]!, 1000, 3).every((k) => Number.isInteger(k) && k >= 0 && k <= 10)).toBe(true);
		expect(sample(catalogue[5]!, 1000, 3).every((k) => Number.isInteger(k) && k >= 0)).toBe(true);
	});

	it('draws the first mixture component with probability weight', () => {
		// Components at 0 and 100 never overlap, so x < 50 identifies the first one.
		const xs = sampleMixture({ weight: 0.3, mean1: 0, sd1: 1, mean2: 100, sd2: 1 }, 20_000, 5);
		const share = xs.filter((x) => x < 50).length / xs.length;
		expect(Math.abs(share - 0.3)).toBeLessThan(4 * Math.sqrt((0.3 * 0.7) / 20_000));
	});

	it('accepts only integer seeds', () => {
		expect(() => seededSource(1.5)).toThrow(RangeError);
		expect(seededSource(9)()).toBe(seededSource(9)());
	});
});

describe('true densities', () => {
	it('match scipy', () => {
		// stats.norm.pdf(1.3, loc=2, scale=1.5)
		expect(densityAt({ kind: 'normal', params: { mean: 2, sd: 1.5 } }, 1.3)).toBeCloseTo(0.23852228611197934, 12);
		// stats.lognorm.pdf(1.7, s=0.6, scale=np.exp(0.2))
		expect(densityAt({ kind: 'lognormal', params: { mu: 0.2, sigma: 0.6 } }, 1.7)).toBeCloseTo(0.3360257095254251, 12);
		// stats.expon.pdf(0.8, scale=1/2.5)
		expect(densityAt({ kind: 'exponential', params: { rate: 2.5 } }, 0.8)).toBeCloseTo(0.33833820809153176, 12);
		// stats.uniform.pdf(1.5, loc=-1, scale=4)
		expect(densityAt({ kind: 'uniform', params: { min: -1, max: 3 } }, 1.5)).toBe(0.25);
		expect(densityAt({ kind: 'uniform', params: { min: -1, max: 3 } }, 3.5)).toBe(0);
		// 0.3*stats.norm.pdf(2.5, 0, 1) + 0.7*stats.norm.pdf(2.5, 4, 0.5)
		expect(densityAt(catalogue[6] as Extract<Distribution, { kind: 'mixture' }>, 2.5)).toBeCloseTo(0.011463077924783772, 12);
	});

	it('gives pmfs that match scipy', () => {
		// stats.binom.pmf(3, 10, 0.3)
		expect(pmfAt({ kind: 'binomial', params: { trials: 10, p: 0.3 } }, 3)).toBeCloseTo(0.2668279319999998, 12);
		// stats.poisson.pmf(4, 3.2)
		expect(pmfAt({ kind: 'poisson', params: { lambda: 3.2 } }, 4)).toBeCloseTo(0.17809278666174716, 12);
	});
});

describe('theoretical moments', () => {
	it('match scipy', () => {
		// stats.lognorm.stats(s=0.6, scale=np.exp(0.2), moments='mvs') -> mean, variance, skewness
		const lognormal = momentsOf(catalogue[1]!);
		expect(lognormal.mean).toBeCloseTo(1.4622845894342245, 12);
		expect(lognormal.sd ** 2).toBeCloseTo(0.9265779827961832, 12);
		expect(lognormal.skewness).toBeCloseTo(2.2600838884867054, 12);
		// stats.binom.stats(10, 0.3, moments='mvs')
		const binomial = momentsOf(catalogue[4]!);
		expect(binomial.mean).toBeCloseTo(3, 12);
		expect(binomial.sd ** 2).toBeCloseTo(2.1, 12);
		expect(binomial.skewness).toBeCloseTo(0.27602622373694163, 12);
		// stats.poisson.stats(3.2, moments='mvs')
		const poisson = momentsOf(catalogue[5]!);
		expect(poisson.sd ** 2).toBeCloseTo(3.2, 12);
		expect(poisson.skewness).toBeCloseTo(0.5590169943749475, 12);
		// integrate.quad of x f(x), (x-m)^2 f(x), (x-m)^3 f(x) for f = 0.3 N(0,1) + 0.7 N(4,0.5) over [-20, 20]
		const mixture = momentsOf(catalogue[6]!);
		expect(mixture.mean).toBeCloseTo(2.8, 10);
		expect(mixture.sd).toBeCloseTo(1.958315602756614, 10);
		expect(mixture.skewness).toBeCloseTo(-0.967491907523652, 8);
		expect(momentsOf(catalogue[2]!)).toEqual({ mean: 0.4, sd: 0.4, skewness: 2 });
	});
});

describe('parameter validation', () => {
	it('names the first invalid parameter instead of sampling NaN', () => {
		expect(distributionProblem({ kind: 'normal', params: { mean: 0, sd: 0 } })).toMatch(/standard deviation/);
		expect(distributionProblem({ kind: 'uniform', params: { min: 2, max: 1 } })).toMatch(/minimum/);
		expect(distributionProblem({ kind: 'binomial', params: { trials: 4.5, p: 0.3 } })).toMatch(/trials/);
		expect(distributionProblem({ kind: 'binomial', params: { trials: 4, p: 1.3 } })).toMatch(/p must/);
		expect(distributionProblem({ kind: 'mixture', params: { weight: 1.2, mean1: 0, sd1: 1, mean2: 1, sd2: 1 } })).toMatch(/weight/);
		for (const dist of catalogue) expect(distributionProblem(dist)).toBeNull();
	});

	it('drawSample checks the size and the parameters', () => {
		expect(drawSample(catalogue[0]!, 0, 1)).toEqual({ ok: false, error: 'The sample size must be a whole number ≥ 1.' });
		expect(drawSample({ kind: 'poisson', params: { lambda: -1 } }, 10, 1).ok).toBe(false);
		expect(drawSample(catalogue[0]!, 10, 1)).toEqual({ ok: true, value: sample(catalogue[0]!, 10, 1) });
	});
});
