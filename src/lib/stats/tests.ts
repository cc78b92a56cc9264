/**
 * The hypothesis-test demo: Welch's t-test (as scipy's
 * `ttest_ind(a, b, equal_var=False)`), the 2×2 chi-square test (as scipy's
 * `chi2_contingency`, with or without Yates' correction), and a seeded
 * simulation of many experiments showing how p-values behave under the null
 * and under a real effect.
 */
import { randomNormal } from 'd3-random';
import chisquareCdf from '@stdlib/stats-base-dists-chisquare-cdf';
import tCdf from '@stdlib/stats-base-dists-t-cdf';
import tQuantile from '@stdlib/stats-base-dists-t-quantile';
import { fail, firstProblem, isNonNegativeInteger, isPositiveFinite, succeed, type Outcome } from './outcome';
import { twoSampleTPower, type PowerResult } from './power';
import { seededSource } from './random';
import { mean, sampleVariance } from './summary';

export interface WelchResult {
	t: number;
	/** Welch–Satterthwaite degrees of freedom. */
	df: number;
	/** Two-sided p-value. */
	p: number;
	/** mean(a) − mean(b), the sign convention of scipy. */
	meanDiff: number;
	/** Standard error of meanDiff, √(s²a/na + s²b/nb). */
	se: number;
	/** 95% confidence interval of meanDiff with the Welch df. */
	ci95: [number, number];
}

function groupProblem(xs: readonly number[], name: string): string | null {
	if (xs.length < 2) return `Group ${name} needs at least 2 values.`;
	return xs.every(Number.isFinite) ? null : `Group ${name} contains a value that is not a finite number.`;
}

/**
 * Welch's t, df and two-sided p without the confidence interval: the part a
 * simulation of many experiments needs (the interval's t quantile would
 * double its cost). Returns null when both groups have zero variance.
 */
export function welchStatistic(a: readonly number[], b: readonly number[]): Pick<WelchResult, 't' | 'df' | 'p' | 'meanDiff' | 'se'> | null {
	const va = sampleVariance(a) / a.length;
	const vb = sampleVariance(b) / b.length;
	const se = Math.sqrt(va + vb);
	if (se === 0) return null;
	const meanDiff = mean(a) - mean(b);
	const t = meanDiff / se;
	const df = (va + vb) ** 2 / (va ** 2 / (a.length - 1) + vb ** 2 / (b.length - 1));
	return { t, df, p: 2 * tCdf(-Math.abs(t), df), meanDiff, se };
}

export function welchTTest(a: readonly number[], b: readonly number[]): Outcome<WelchResult> {
	const problem = firstProblem(groupProblem(a, 'A'), groupProblem(b, 'B'));
	if (problem !== null) return fail(problem);
	const statistic = welchStatistic(a, b);
	if (statistic === null) return fail('Both groups have zero variance, so the t statistic is undefined.');
	const { meanDiff, se, df } = statistic;
	const halfWidth = tQuantile(0.975, df) * se;
	return succeed({ ...statistic, ci95: [meanDiff - halfWidth, meanDiff + halfWidth] });
}

/** Rows are groups, columns outcomes: [[a, b], [c, d]]. */
export type Table2x2 = readonly [readonly [number, number], readonly [number, number]];

export interface ChiSquareResult {
	chi2: number;
	df: 1;
	p: number;
	/** Counts expected under independence: row total × column total / grand total. */
	expected: [[number, number], [number, number]];
	/** Whether Yates' continuity correction was applied. */
	corrected: boolean;
}

function tableProblem(table: Table2x2): string | null {
	const cells = table.flat();
	if (!cells.every(isNonNegativeInteger)) return 'Every count must be a whole number ≥ 0.';
	const [[a, b], [c, d]] = table;
	if (a + b === 0 || c + d === 0) return 'Each row needs at least one observation.';
	if (a + c === 0 || b + d === 0) return 'Each column needs at least one observation.';
	return null;
}

/**
 * Pearson's chi-square test of independence for a 2×2 table. With
 * `correction` (scipy's default, so it is ours too) each observed count is
 * moved up to 0.5 towards its expected count before squaring — exactly
 * scipy's Yates correction, which never overshoots the expected count.
 */
export function chiSquare2x2(table: Table2x2, { correction = true }: { correction?: boolean } = {}): Outcome<ChiSquareResult> {
	const problem = tableProblem(table);
	if (problem !== null) return fail(problem);
	const [[a, b], [c, d]] = table;
	const total = a + b + c + d;
	const rows = [a + b, c + d] as const;
	const cols = [a + c, b + d] as const;
	const expected: [[number, number], [number, number]] = [
		[(rows[0] * cols[0]) / total, (rows[0] * cols[1]) / total],
		[(rows[1] * cols[0]) / total, (rows[1] * cols[1]) / total],
	];
	let chi2 = 0;
	table.forEach((row, i) =>
		row.forEach((observed, j) => {
			const e = expected[i]?.[j] as number;
			const gap = Math.abs(observed - e);
			const adjusted = correction ? gap - Math.min(0.5, gap) : gap;
			chi2 += adjusted ** 2 / e;
		}),
	);
	return succeed({ chi2, df: 1, p: 1 - chisquareCdf(chi2, 1), expected, corrected: correction });
}

export interface PValueSimulationRequest {
	/** True difference mean(B) − mean(A); 0 simulates the null hypothesis. */
	effect: number;
	/** Observations per group. */
	n: number;
	/** Common standard deviation of both groups. */
	sd: number;
	/** Number of simulated experiments. */
	experiments: number;
	seed: number;
	alpha?: number;
}

export interface PValueSimulationResult {
	/** Welch p-value of each simulated experiment, in order. */
	pValues: number[];
	alpha: number;
	/** Share of experiments with p < alpha: the false-positive rate under the null, power otherwise. */
	rejectionRate: number;
	/** Monte-Carlo standard error of rejectionRate, √(r(1 − r)/experiments). */
	rejectionRateSe: number;
	/** Theoretical power for comparison (equals alpha when effect = 0); see power.ts. */
	power: PowerResult;
}

export const MAX_EXPERIMENTS = 100_000;

function simulationProblem({ effect, n, sd, experiments, alpha }: Required<Omit<PValueSimulationRequest, 'seed'>>): string | null {
	if (!Number.isFinite(effect)) return 'The effect must be a number.';
	if (!Number.isInteger(n) || n < 2) return 'Each group needs n ≥ 2 observations (a whole number).';
	if (!isPositiveFinite(sd)) return 'The standard deviation must be greater than 0.';
	if (!Number.isInteger(experiments) || experiments < 1 || experiments > MAX_EXPERIMENTS)
		return `The number of experiments must be a whole number from 1 to ${MAX_EXPERIMENTS.toLocaleString('en-US')}.`;
	return alpha > 0 && alpha < 1 ? null : 'α must be between 0 and 1.';
}

export interface TwoGroups {
	a: number[];
	b: number[];
}

/** One experiment: n draws for A, then n for B shifted by `effect`, from the same stream. */
function nextExperiment(draw: () => number, n: number, effect: number): TwoGroups {
	const a = Array.from({ length: n }, () => draw());
	const b = Array.from({ length: n }, () => draw() + effect);
	return { a, b };
}

/**
 * A single experiment, A ~ N(0, sd) and B ~ N(effect, sd): exactly the first
 * experiment `simulatePValues` runs with the same effect, n, sd and seed.
 */
export function drawTwoGroups({ effect, n, sd, seed }: { effect: number; n: number; sd: number; seed: number }): TwoGroups {
	return nextExperiment(randomNormal.source(seededSource(seed))(0, sd), n, effect);
}

/** Runs `experiments` two-group experiments, A ~ N(0, sd) and B ~ N(effect, sd), and Welch-tests each. */
export function simulatePValues(request: PValueSimulationRequest): Outcome<PValueSimulationResult> {
	const { effect, n, sd, experiments, seed, alpha = 0.05 } = request;
	const problem = simulationProblem({ effect, n, sd, experiments, alpha });
	if (problem !== null) return fail(problem);
	const draw = randomNormal.source(seededSource(seed))(0, sd);
	const pValues: number[] = [];
	for (let k = 0; k < experiments; k++) {
		const { a, b } = nextExperiment(draw, n, effect);
		// Continuous draws are never all equal, so the statistic is always defined here.
		pValues.push(welchStatistic(a, b)?.p ?? Number.NaN);
	}
	const rejectionRate = pValues.filter((p) => p < alpha).length / experiments;
	return succeed({
		pValues,
		alpha,
		rejectionRate,
		rejectionRateSe: Math.sqrt((rejectionRate * (1 - rejectionRate)) / experiments),
		power: twoSampleTPower({ effect, sd, n, alpha }),
	});
}
