/**
 * The sampling / central-limit demo: repeated sample means from a skewed
 * population, their spread against the theoretical standard error σ/√n, and
 * the empirical CDF of the means next to the normal CDF the CLT predicts.
 */
import normalCdf from '@stdlib/stats-base-dists-normal-cdf';
import { fail, succeed, type Outcome } from './outcome';
import { distributionProblem, momentsOf, samplerFor, seededSource, type ExponentialParams, type LognormalParams } from './random';
import { mean, sampleSd, sortedAscending } from './summary';

export type SkewedPopulation =
	| { kind: 'exponential'; params: ExponentialParams }
	| { kind: 'lognormal'; params: LognormalParams };

export interface SampleMeansRequest {
	population: SkewedPopulation;
	/** Size of each sample. */
	n: number;
	/** How many samples (and so how many means). */
	repetitions: number;
	seed: number;
}

export interface SampleMeansResult {
	means: number[];
	/** Average of the sample means; approaches the population mean. */
	meanOfMeans: number;
	/** Sd (ddof = 1) of the sample means; approaches σ/√n. */
	sdOfMeans: number;
	populationMean: number;
	populationSd: number;
	/** σ/√n, the CLT's prediction for `sdOfMeans`. */
	standardError: number;
}

/** Largest repetitions × n the demo will draw at once, to keep a slider responsive. */
export const MAX_DRAWS = 2_000_000;

export function simulateSampleMeans({ population, n, repetitions, seed }: SampleMeansRequest): Outcome<SampleMeansResult> {
	if (!Number.isInteger(n) || n < 1) return fail('The sample size n must be a whole number ≥ 1.');
	if (!Number.isInteger(repetitions) || repetitions < 2) return fail('The number of repetitions must be a whole number ≥ 2.');
	if (n * repetitions > MAX_DRAWS) return fail(`n × repetitions must be at most ${MAX_DRAWS.toLocaleString('en-US')}.`);
	const problem = distributionProblem(population);
	if (problem !== null) return fail(problem);
	// One stream for all repetitions: the k-th mean depends only on the seed and k.
	const draw = samplerFor(population, seededSource(seed));
	const means = Array.from({ length: repetitions }, () => {
		let total = 0;
		for (let i = 0; i < n; i++) total += draw();
		return total / n;
	});
	const { mean: populationMean, sd: populationSd } = momentsOf(population);
	return succeed({
		means,
		meanOfMeans: mean(means),
		sdOfMeans: sampleSd(means),
		populationMean,
		populationSd,
		standardError: populationSd / Math.sqrt(n),
	});
}

export interface CdfPoint {
	x: number;
	/** Share of values ≤ x. */
	p: number;
}

/** Empirical CDF: one point per distinct value, at the height after its last tie. */
export function ecdf(xs: readonly number[]): CdfPoint[] {
	const sorted = sortedAscending(xs);
	const n = sorted.length;
	const points: CdfPoint[] = [];
	sorted.forEach((x, i) => {
		if (sorted[i + 1] !== x) points.push({ x, p: (i + 1) / n });
	});
	return points;
}

/** The normal CDF at each x: the curve the ECDF of the means should hug. */
export function normalCdfPoints(xs: readonly number[], mean: number, sd: number): CdfPoint[] {
	return xs.map((x) => ({ x, p: normalCdf(x, mean, sd) }));
}

/**
 * Largest vertical gap between the sample's ECDF and a continuous CDF: the
 * Kolmogorov–Smirnov statistic D, as `scipy.stats.kstest(...).statistic`.
 */
export function maxCdfGap(xs: readonly number[], cdf: (x: number) => number): number {
	const sorted = sortedAscending(xs);
	const n = sorted.length;
	let gap = 0;
	sorted.forEach((x, i) => {
		const f = cdf(x);
		gap = Math.max(gap, (i + 1) / n - f, f - i / n);
	});
	return gap;
}
