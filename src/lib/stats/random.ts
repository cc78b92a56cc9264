/**
 * The distribution catalogue of the distribution explorer and the CLT demo:
 * parameters, seeded sampling (d3-random on its LCG, so a seed always gives
 * the same sample in every browser), true density/pmf (@stdlib) and the
 * theoretical mean, sd and skewness a sample is compared with.
 */
import {
	randomBinomial,
	randomExponential,
	randomLcg,
	randomLogNormal,
	randomNormal,
	randomPoisson,
	randomUniform,
} from 'd3-random';
import binomialPmf from '@stdlib/stats-base-dists-binomial-pmf';
import exponentialPdf from '@stdlib/stats-base-dists-exponential-pdf';
import lognormalPdf from '@stdlib/stats-base-dists-lognormal-pdf';
import normalPdf from '@stdlib/stats-base-dists-normal-pdf';
import poissonPmf from '@stdlib/stats-base-dists-poisson-pmf';
import { fail, isNonNegativeInteger, isPositiveFinite, isProbability, succeed, type Outcome } from './outcome';

export interface NormalParams {
	mean: number;
	sd: number;
}
/** Parameters of log(X), as in numpy's `lognormal(mean, sigma)` and scipy's `lognorm(s=sigma, scale=exp(mu))`. */
export interface LognormalParams {
	mu: number;
	sigma: number;
}
/** Rate λ; scipy's `expon(scale=1/rate)`. */
export interface ExponentialParams {
	rate: number;
}
export interface UniformParams {
	min: number;
	max: number;
}
export interface BinomialParams {
	trials: number;
	p: number;
}
export interface PoissonParams {
	lambda: number;
}
/** Two normal components; `weight` is the share drawn from the first. */
export interface MixtureParams {
	weight: number;
	mean1: number;
	sd1: number;
	mean2: number;
	sd2: number;
}

export type ContinuousDistribution =
	| { kind: 'normal'; params: NormalParams }
	| { kind: 'lognormal'; params: LognormalParams }
	| { kind: 'exponential'; params: ExponentialParams }
	| { kind: 'uniform'; params: UniformParams }
	| { kind: 'mixture'; params: MixtureParams };

export type DiscreteDistribution =
	| { kind: 'binomial'; params: BinomialParams }
	| { kind: 'poisson'; params: PoissonParams };

export type Distribution = ContinuousDistribution | DiscreteDistribution;

export type Source = () => number;

/**
 * A uniform [0, 1) source that depends only on the seed. Seeds must be
 * integers: d3's LCG reads a seed in [0, 1) as a fraction of its state
 * space and truncates others, so 1 and 1.5 would silently collide.
 */
export function seededSource(seed: number): Source {
	if (!Number.isSafeInteger(seed)) throw new RangeError(`seed must be an integer, got ${seed}`);
	return randomLcg(seed);
}

/** One-draw-at-a-time generator for `dist`, pulling its randomness from `source`. */
export function samplerFor(dist: Distribution, source: Source): () => number {
	switch (dist.kind) {
		case 'normal':
			return randomNormal.source(source)(dist.params.mean, dist.params.sd);
		case 'lognormal':
			return randomLogNormal.source(source)(dist.params.mu, dist.params.sigma);
		case 'exponential':
			return randomExponential.source(source)(dist.params.rate);
		case 'uniform':
			return randomUniform.source(source)(dist.params.min, dist.params.max);
		case 'binomial':
			return randomBinomial.source(source)(dist.params.trials, dist.params.p);
		case 'poisson':
			return randomPoisson.source(source)(dist.params.lambda);
		case 'mixture':
			return mixtureSampler(dist.params, source);
	}
}

function mixtureSampler(params: MixtureParams, source: Source): () => number {
	const first = randomNormal.source(source)(params.mean1, params.sd1);
	const second = randomNormal.source(source)(params.mean2, params.sd2);
	return () => (source() < params.weight ? first() : second());
}

/** `n` independent draws from `dist`; the same seed always gives the same array. */
export function sample(dist: Distribution, n: number, seed: number): number[] {
	const next = samplerFor(dist, seededSource(seed));
	return Array.from({ length: n }, () => next());
}

export const sampleNormal = (params: NormalParams, n: number, seed: number): number[] =>
	sample({ kind: 'normal', params }, n, seed);
export const sampleLognormal = (params: LognormalParams, n: number, seed: number): number[] =>
	sample({ kind: 'lognormal', params }, n, seed);
export const sampleExponential = (params: ExponentialParams, n: number, seed: number): number[] =>
	sample({ kind: 'exponential', params }, n, seed);
export const sampleUniform = (params: UniformParams, n: number, seed: number): number[] =>
	sample({ kind: 'uniform', params }, n, seed);
export const sampleBinomial = (params: BinomialParams, n: number, seed: number): number[] =>
	sample({ kind: 'binomial', params }, n, seed);
export const samplePoisson = (params: PoissonParams, n: number, seed: number): number[] =>
	sample({ kind: 'poisson', params }, n, seed);
export const sampleMixture = (params: MixtureParams, n: number, seed: number): number[] =>
	sample({ kind: 'mixture', params }, n, seed);

/** The true density at x, for drawing the curve over a histogram. */
export function densityAt(dist: ContinuousDistribution, x: number): number {
	switch (dist.kind) {
		case 'normal':
			return normalPdf(x, dist.params.mean, dist.params.sd);
		case 'lognormal':
			return lognormalPdf(x, dist.params.mu, dist.params.sigma);
		case 'exponential':
			return exponentialPdf(x, dist.params.rate);
		case 'uniform': {
			const { min, max } = dist.params;
			return x >= min && x <= max ? 1 / (max - min) : 0;
		}
		case 'mixture': {
			const { weight, mean1, sd1, mean2, sd2 } = dist.params;
			return weight * normalPdf(x, mean1, sd1) + (1 - weight) * normalPdf(x, mean2, sd2);
		}
	}
}

/** The true probability of the integer k, for drawing bars next to a sample's counts. */
export function pmfAt(dist: DiscreteDistribution, k: number): number {
	switch (dist.kind) {
		case 'binomial':
			return binomialPmf(k, dist.params.trials, dist.params.p);
		case 'poisson':
			return poissonPmf(k, dist.params.lambda);
	}
}

export interface Moments {
	mean: number;
	sd: number;
	/** Population skewness E[(X - μ)³] / σ³; 0 for symmetric distributions. */
	skewness: number;
}

/** Theoretical mean, sd and skewness: what a large sample's describe() should approach. */
export function momentsOf(dist: Distribution): Moments {
	switch (dist.kind) {
		case 'normal':
			return { mean: dist.params.mean, sd: dist.params.sd, skewness: 0 };
		case 'lognormal': {
			const { mu, sigma } = dist.params;
			const spread = Math.expm1(sigma ** 2);
			return {
				mean: Math.exp(mu + sigma ** 2 / 2),
				sd: Math.sqrt(spread * Math.exp(2 * mu + sigma ** 2)),
				skewness: (spread + 3) * Math.sqrt(spread),
			};
		}
		case 'exponential':
			return { mean: 1 / dist.params.rate, sd: 1 / dist.params.rate, skewness: 2 };
		case 'uniform': {
			const { min, max } = dist.params;
			return { mean: (min + max) / 2, sd: (max - min) / Math.sqrt(12), skewness: 0 };
		}
		case 'binomial': {
			const { trials, p } = dist.params;
			const sd = Math.sqrt(trials * p * (1 - p));
			return { mean: trials * p, sd, skewness: sd === 0 ? 0 : (1 - 2 * p) / sd };
		}
		case 'poisson':
			return { mean: dist.params.lambda, sd: Math.sqrt(dist.params.lambda), skewness: 1 / Math.sqrt(dist.params.lambda) };
		case 'mixture':
			return mixtureMoments(dist.params);
	}
}

function mixtureMoments({ weight, mean1, sd1, mean2, sd2 }: MixtureParams): Moments {
	const components = [
		{ w: weight, m: mean1, s: sd1 },
		{ w: 1 - weight, m: mean2, s: sd2 },
	];
	const mean = components.reduce((acc, c) => acc + c.w * c.m, 0);
	// Central moments of a mixture are weighted sums of each component's moments about the overall mean.
	const variance = components.reduce((acc, c) => acc + c.w * (c.s ** 2 + (c.m - mean) ** 2), 0);
	const third = components.reduce((acc, c) => acc + c.w * ((c.m - mean) ** 3 + 3 * (c.m - mean) * c.s ** 2), 0);
	const sd = Math.sqrt(variance);
	return { mean, sd, skewness: sd === 0 ? 0 : third / sd ** 3 };
}

/** A sentence for the first invalid parameter, or null when the distribution can be sampled. */
export function distributionProblem(dist: Distribution): string | null {
	switch (dist.kind) {
		case 'normal':
			if (!Number.isFinite(dist.params.mean)) return 'The mean must be a number.';
			return isPositiveFinite(dist.params.sd) ? null : 'The standard deviation must be greater than 0.';
		case 'lognormal':
			if (!Number.isFinite(dist.params.mu)) return 'μ (the mean of log X) must be a number.';
			return isPositiveFinite(dist.params.sigma) ? null : 'σ (the sd of log X) must be greater than 0.';
		case 'exponential':
			return isPositiveFinite(dist.params.rate) ? null : 'The rate must be greater than 0.';
		case 'uniform':
			return Number.isFinite(dist.params.min) && Number.isFinite(dist.params.max) && dist.params.min < dist.params.max
				? null
				: 'The minimum must be below the maximum.';
		case 'binomial':
			if (!isNonNegativeInteger(dist.params.trials)) return 'The number of trials must be a whole number ≥ 0.';
			return isProbability(dist.params.p) ? null : 'p must be between 0 and 1.';
		case 'poisson':
			return isPositiveFinite(dist.params.lambda) ? null : 'λ must be greater than 0.';
		case 'mixture': {
			const { weight, mean1, sd1, mean2, sd2 } = dist.params;
			if (!isProbability(weight)) return 'The weight must be between 0 and 1.';
			if (!Number.isFinite(mean1) || !Number.isFinite(mean2)) return 'Both means must be numbers.';
			return isPositiveFinite(sd1) && isPositiveFinite(sd2) ? null : 'Both standard deviations must be greater than 0.';
		}
	}
}

/** `sample` for user input: checks the parameters and the size before drawing. */
export function drawSample(dist: Distribution, n: number, seed: number): Outcome<number[]> {
	if (!Number.isInteger(n) || n < 1) return fail('The sample size must be a whole number ≥ 1.');
	const problem = distributionProblem(dist);
	return problem === null ? succeed(sample(dist, n, seed)) : fail(problem);
}
