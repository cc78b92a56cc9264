/**
 * Beta-Binomial updating: a Beta(a, b) prior on a success probability and
 * s successes in n trials give the Beta(a + s, b + n − s) posterior. Owns the
 * posterior's summaries (mean, mode, equal-tailed 95% credible interval from
 * @stdlib's beta quantile) and the three curves the demo draws.
 */
import betaPdf from '@stdlib/stats-base-dists-beta-pdf';
import betaQuantile from '@stdlib/stats-base-dists-beta-quantile';
import { fail, isNonNegativeInteger, isPositiveFinite, succeed, type Outcome } from './outcome';

export interface BetaParams {
	a: number;
	b: number;
}

export interface BinomialData {
	successes: number;
	trials: number;
}

export interface BetaSummary {
	mean: number;
	sd: number;
	/**
	 * Most probable value; 0 or 1 when the density is highest at an edge, null
	 * when it has no single mode (a = b = 1 is flat; a, b < 1 peaks at both ends).
	 */
	mode: number | null;
	/** Equal-tailed 95% credible interval: the 2.5% and 97.5% quantiles. */
	ci95: [number, number];
}

export interface BetaBinomialResult {
	prior: BetaParams;
	posterior: BetaParams;
	priorSummary: BetaSummary;
	posteriorSummary: BetaSummary;
	/** s / n, the maximum-likelihood estimate; null with no trials. */
	observedRate: number | null;
}

/**
 * Beta(a, b) with mean m and strength a + b = k: a = m k, b = (1 − m) k. The
 * strength acts like k earlier trials, the usual way to state an informative prior.
 */
export function betaFromMeanAndStrength(mean: number, strength: number): Outcome<BetaParams> {
	if (!(mean > 0 && mean < 1)) return fail('The prior mean must be strictly between 0 and 1.');
	if (!isPositiveFinite(strength)) return fail('The prior strength must be greater than 0.');
	return succeed({ a: mean * strength, b: (1 - mean) * strength });
}

export function betaMode({ a, b }: BetaParams): number | null {
	if (a > 1 && b > 1) return (a - 1) / (a + b - 2);
	if (a <= 1 && b > 1) return 0;
	if (a > 1 && b <= 1) return 1;
	if (a < 1 && b === 1) return 0;
	if (a === 1 && b < 1) return 1;
	return null;
}

export function summarizeBeta(params: BetaParams): BetaSummary {
	const { a, b } = params;
	const total = a + b;
	return {
		mean: a / total,
		sd: Math.sqrt((a * b) / (total ** 2 * (total + 1))),
		mode: betaMode(params),
		ci95: [betaQuantile(0.025, a, b), betaQuantile(0.975, a, b)],
	};
}

export function betaBinomialProblem(prior: BetaParams, { successes, trials }: BinomialData): string | null {
	if (!isPositiveFinite(prior.a) || !isPositiveFinite(prior.b)) return 'The prior parameters a and b must both be greater than 0.';
	if (!isNonNegativeInteger(trials)) return 'The number of trials must be a whole number ≥ 0.';
	if (!isNonNegativeInteger(successes)) return 'The number of successes must be a whole number ≥ 0.';
	return successes <= trials ? null : 'There cannot be more successes than trials.';
}

export function updateBeta(prior: BetaParams, data: BinomialData): Outcome<BetaBinomialResult> {
	const problem = betaBinomialProblem(prior, data);
	if (problem !== null) return fail(problem);
	const posterior = { a: prior.a + data.successes, b: prior.b + data.trials - data.successes };
	return succeed({
		prior,
		posterior,
		priorSummary: summarizeBeta(prior),
		posteriorSummary: summarizeBeta(posterior),
		observedRate: data.trials > 0 ? data.successes / data.trials : null,
	});
}

export interface BetaCurvePoint {
	x: number;
	prior: number;
	/** The likelihood θ^s (1 − θ)^(n − s) scaled to integrate to 1, i.e. the Beta(s + 1, n − s + 1) density. */
	likelihood: number;
	posterior: number;
}

/**
 * Densities on `points` midpoints (i + 0.5) / points of [0, 1]. Midpoints
 * keep every value finite: Beta densities with a or b below 1 are infinite
 * at the edges.
 */
export function betaBinomialCurves(prior: BetaParams, data: BinomialData, points = 200): Outcome<BetaCurvePoint[]> {
	const problem = betaBinomialProblem(prior, data);
	if (problem !== null) return fail(problem);
	if (!Number.isInteger(points) || points < 2) return fail('The grid needs at least 2 points.');
	const failures = data.trials - data.successes;
	const posterior = { a: prior.a + data.successes, b: prior.b + failures };
	return succeed(
		Array.from({ length: points }, (_, i) => {
			const x = (i + 0.5) / points;
			return {
				x,
				prior: betaPdf(x, prior.a, prior.b),
				likelihood: betaPdf(x, data.successes + 1, failures + 1),
				posterior: betaPdf(x, posterior.a, posterior.b),
			};
		}),
	);
}
