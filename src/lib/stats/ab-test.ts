/**
 * The A/B-test demo, Bayesian and frequentist side by side.
 * Bayesian: Beta posteriors of both conversion rates; P(B > A) and expected
 * losses by numerical integration (beta-comparison.ts) and by seeded Monte
 * Carlo with standard errors; 95% credible intervals of each rate (beta
 * quantiles) and of the difference B − A (Monte Carlo quantiles).
 * Frequentist: difference of proportions with its 95% Wald interval and the
 * pooled two-proportion z-test (statsmodels' `proportions_ztest`).
 */
import { randomBeta } from 'd3-random';
import betaQuantile from '@stdlib/stats-base-dists-beta-quantile';
import normalCdf from '@stdlib/stats-base-dists-normal-cdf';
import normalQuantile from '@stdlib/stats-base-dists-normal-quantile';
import type { BetaParams } from './beta-binomial';
import { expectedLosses, probabilityBBeatsA, type ExpectedLosses } from './beta-comparison';
import { fail, firstProblem, isNonNegativeInteger, succeed, type Outcome } from './outcome';
import { seededSource } from './random';
import { quantileOfSorted } from './summary';

export interface ArmData {
	conversions: number;
	visitors: number;
}

export interface AbTestRequest {
	a: ArmData;
	b: ArmData;
	/** Prior for both rates; Beta(1, 1) (uniform) by default. Both parameters must be ≥ 1. */
	prior?: BetaParams;
	/** Monte Carlo draws per arm. */
	draws?: number;
	seed?: number;
}

export interface MonteCarloEstimate {
	estimate: number;
	/** Monte Carlo standard error of `estimate`. */
	se: number;
}

export interface BayesianAbResult {
	posteriorA: BetaParams;
	posteriorB: BetaParams;
	/** P(B > A) by numerical integration. */
	probabilityBBeatsA: number;
	/** Expected losses by numerical integration. */
	expectedLoss: ExpectedLosses;
	monteCarlo: {
		draws: number;
		probabilityBBeatsA: MonteCarloEstimate;
		lossChooseB: MonteCarloEstimate;
		lossChooseA: MonteCarloEstimate;
		/** 95% credible interval of pB − pA from the 2.5% and 97.5% quantiles of the draws. */
		differenceCi95: [number, number];
	};
	/** Exact equal-tailed 95% credible intervals of each rate. */
	rateCi95: { a: [number, number]; b: [number, number] };
}

export interface FrequentistAbResult {
	rateA: number;
	rateB: number;
	/** rateB − rateA. */
	difference: number;
	/** difference ± 1.96 · √(pA(1 − pA)/nA + pB(1 − pB)/nB). */
	waldCi95: [number, number];
	/** Pooled z statistic; null when every visitor or none converted (the pooled se is 0). */
	z: number | null;
	/** Two-sided p-value of the pooled z-test; null when z is. */
	p: number | null;
}

export interface AbTestResult {
	bayesian: BayesianAbResult;
	frequentist: FrequentistAbResult;
}

export const DEFAULT_DRAWS = 100_000;
export const MAX_DRAWS = 1_000_000;

function armProblem({ conversions, visitors }: ArmData, name: string): string | null {
	if (!Number.isInteger(visitors) || visitors < 1) return `Visitors of ${name} must be a whole number ≥ 1.`;
	if (!isNonNegativeInteger(conversions)) return `Conversions of ${name} must be a whole number ≥ 0.`;
	return conversions <= visitors ? null : `${name} cannot have more conversions than visitors.`;
}

function priorProblem({ a, b }: BetaParams): string | null {
	// The integration in beta-comparison.ts needs finite densities, hence ≥ 1 rather than > 0.
	return Number.isFinite(a) && Number.isFinite(b) && a >= 1 && b >= 1 ? null : 'The prior parameters must both be at least 1.';
}

function drawsProblem(draws: number): string | null {
	return Number.isInteger(draws) && draws >= 100 && draws <= MAX_DRAWS
		? null
		: `The number of draws must be a whole number from 100 to ${MAX_DRAWS.toLocaleString('en-US')}.`;
}

function posteriorOf(prior: BetaParams, { conversions, visitors }: ArmData): BetaParams {
	return { a: prior.a + conversions, b: prior.b + visitors - conversions };
}

/** Mean of `sum` over `count` draws and its standard error from the sum of squares (ddof = 1). */
function monteCarloEstimate(sum: number, sumOfSquares: number, count: number): MonteCarloEstimate {
	const estimate = sum / count;
	const variance = Math.max(0, (sumOfSquares - count * estimate ** 2) / (count - 1));
	return { estimate, se: Math.sqrt(variance / count) };
}

/**
 * Seeded draws of pB − pA from the two posteriors, A's and B's draws
 * alternating from one stream: the same (posteriors, draws, seed) always
 * gives the same array, so a chart can show the draws the estimates used.
 */
export function posteriorDifferenceDraws(posteriorA: BetaParams, posteriorB: BetaParams, draws: number, seed: number): Float64Array {
	const source = seededSource(seed);
	const drawA = randomBeta.source(source)(posteriorA.a, posteriorA.b);
	const drawB = randomBeta.source(source)(posteriorB.a, posteriorB.b);
	const differences = new Float64Array(draws);
	for (let i = 0; i < draws; i++) {
		const pA = drawA();
		differences[i] = drawB() - pA;
	}
	return differences;
}

/** The draws of `posteriorDifferenceDraws`, summarised in one pass (a demo re-runs this on every input change). */
function monteCarloAb(posteriorA: BetaParams, posteriorB: BetaParams, draws: number, seed: number): BayesianAbResult['monteCarlo'] {
	const differences = posteriorDifferenceDraws(posteriorA, posteriorB, draws, seed);
	let wins = 0;
	let lossB = 0;
	let lossBSquares = 0;
	let lossA = 0;
	let lossASquares = 0;
	for (const difference of differences) {
		if (difference > 0) {
			wins++;
			lossA += difference;
			lossASquares += difference ** 2;
		} else {
			lossB -= difference;
			lossBSquares += difference ** 2;
		}
	}
	// A typed array sorts numerically and several times faster than a plain array.
	differences.sort();
	return {
		draws,
		// For a 0/1 indicator the sum of squares equals the sum.
		probabilityBBeatsA: monteCarloEstimate(wins, wins, draws),
		lossChooseB: monteCarloEstimate(lossB, lossBSquares, draws),
		lossChooseA: monteCarloEstimate(lossA, lossASquares, draws),
		differenceCi95: [quantileOfSorted(differences, 0.025), quantileOfSorted(differences, 0.975)],
	};
}

function bayesianAb(posteriorA: BetaParams, posteriorB: BetaParams, draws: number, seed: number): BayesianAbResult {
	return {
		posteriorA,
		posteriorB,
		probabilityBBeatsA: probabilityBBeatsA(posteriorA, posteriorB),
		expectedLoss: expectedLosses(posteriorA, posteriorB),
		monteCarlo: monteCarloAb(posteriorA, posteriorB, draws, seed),
		rateCi95: {
			a: [betaQuantile(0.025, posteriorA.a, posteriorA.b), betaQuantile(0.975, posteriorA.a, posteriorA.b)],
			b: [betaQuantile(0.025, posteriorB.a, posteriorB.b), betaQuantile(0.975, posteriorB.a, posteriorB.b)],
		},
	};
}

export function frequentistAb(a: ArmData, b: ArmData): FrequentistAbResult {
	const rateA = a.conversions / a.visitors;
	const rateB = b.conversions / b.visitors;
	const difference = rateB - rateA;
	const z975 = normalQuantile(0.975, 0, 1);
	const waldSe = Math.sqrt((rateA * (1 - rateA)) / a.visitors + (rateB * (1 - rateB)) / b.visitors);
	const pooled = (a.conversions + b.conversions) / (a.visitors + b.visitors);
	const pooledSe = Math.sqrt(pooled * (1 - pooled) * (1 / a.visitors + 1 / b.visitors));
	const z = pooledSe > 0 ? difference / pooledSe : null;
	return {
		rateA,
		rateB,
		difference,
		waldCi95: [difference - z975 * waldSe, difference + z975 * waldSe],
		z,
		p: z === null ? null : 2 * normalCdf(-Math.abs(z), 0, 1),
	};
}

export function analyzeAbTest({ a, b, prior = { a: 1, b: 1 }, draws = DEFAULT_DRAWS, seed = 1 }: AbTestRequest): Outcome<AbTestResult> {
	const problem = firstProblem(armProblem(a, 'A'), armProblem(b, 'B'), priorProblem(prior), drawsProblem(draws));
	if (problem !== null) return fail(problem);
	return succeed({
		bayesian: bayesianAb(posteriorOf(prior, a), posteriorOf(prior, b), draws, seed),
		frequentist: frequentistAb(a, b),
	});
}
