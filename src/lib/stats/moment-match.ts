/**
 * Picks each distribution's own parameters so that its mean and sd are the
 * ones asked for — the distribution explorer's two sliders mean the same
 * thing whatever the family, so the learner compares shapes at equal mean
 * and spread. Families that tie the sd to the mean (exponential: sd = mean;
 * Poisson: sd = √mean; binomial: sd < √mean) get the nearest they can have
 * and a sentence saying so.
 */
import { momentsOf, type Distribution } from './random';
import { fail, isPositiveFinite, succeed, type Outcome } from './outcome';

export type DistributionKind = Distribution['kind'];

export interface MatchedDistribution {
	distribution: Distribution;
	/** Why the sd differs from the one asked for; null when both moments are met. */
	compromise: string | null;
}

/** Most binomial trials the explorer uses, so a sample stays quick to draw and to bin. */
export const MAX_BINOMIAL_TRIALS = 1000;
/** Each mixture component's sd as a share of the overall sd. */
export const MIXTURE_COMPONENT_SHARE = 0.4;
/** A binomial sd within this relative distance of the target counts as met. */
const SD_TOLERANCE = 0.02;

const NEEDS_POSITIVE_MEAN: ReadonlySet<DistributionKind> = new Set(['lognormal', 'exponential', 'poisson', 'binomial']);

const round3 = (x: number) => Number(x.toFixed(3));

/**
 * Binomial with mean np = m and variance m(1 − p) as close to s² as whole
 * trials allow: n = m² / (m − s²), rounded, at least ⌈m⌉ (so p ≤ 1) and at
 * most MAX_BINOMIAL_TRIALS; then p = m / n keeps the mean exact.
 */
function binomialWithMoments(m: number, s: number): MatchedDistribution {
	const ideal = s * s < m ? (m * m) / (m - s * s) : Number.POSITIVE_INFINITY;
	const trials = Math.max(Math.ceil(m), Math.min(MAX_BINOMIAL_TRIALS, Math.round(ideal)));
	const distribution: Distribution = { kind: 'binomial', params: { trials, p: m / trials } };
	const { sd } = momentsOf(distribution);
	if (Math.abs(sd / s - 1) <= SD_TOLERANCE) return { distribution, compromise: null };
	const reason =
		s * s >= m
			? `A binomial's variance np(1 − p) is always below its mean, so its sd cannot reach ${round3(s)}`
			: `A binomial needs a whole number of trials, so the sd cannot be exactly ${round3(s)}`;
	return { distribution, compromise: `${reason}; the closest is n = ${trials}, p = ${round3(m / trials)}, with sd ${round3(sd)}.` };
}

export function distributionWithMoments(kind: DistributionKind, mean: number, sd: number): Outcome<MatchedDistribution> {
	if (!Number.isFinite(mean)) return fail('The mean must be a number.');
	if (!isPositiveFinite(sd)) return fail('The standard deviation must be greater than 0.');
	if (NEEDS_POSITIVE_MEAN.has(kind) && !(mean > 0)) return fail(`A ${kind === 'lognormal' ? 'log-normal' : kind} distribution needs a mean greater than 0.`);
	switch (kind) {
		case 'normal':
			return succeed({ distribution: { kind, params: { mean, sd } }, compromise: null });
		case 'lognormal': {
			// Mean e^(μ + σ²/2) and variance (e^(σ²) − 1) e^(2μ + σ²), solved for μ and σ.
			const sigma2 = Math.log1p((sd / mean) ** 2);
			return succeed({ distribution: { kind, params: { mu: Math.log(mean) - sigma2 / 2, sigma: Math.sqrt(sigma2) } }, compromise: null });
		}
		case 'exponential':
			return succeed({
				distribution: { kind, params: { rate: 1 / mean } },
				compromise: sd === mean ? null : `An exponential's sd always equals its mean, so the sd is ${round3(mean)}, not ${round3(sd)}.`,
			});
		case 'uniform': {
			// A uniform's sd is its width / √12, so the half-width is sd · √3.
			const half = sd * Math.sqrt(3);
			return succeed({ distribution: { kind, params: { min: mean - half, max: mean + half } }, compromise: null });
		}
		case 'mixture': {
			// Equal halves with sd c·sd each, at mean ± √(1 − c²)·sd: variance c²sd² + (1 − c²)sd² = sd². With
			// c = 0.4 the peaks are 4.6 component sds apart, far beyond the 2 that two equal normals need
			// for two modes, so the dip between them shows even in a few hundred draws.
			const componentSd = MIXTURE_COMPONENT_SHARE * sd;
			const offset = Math.sqrt(1 - MIXTURE_COMPONENT_SHARE ** 2) * sd;
			return succeed({
				distribution: { kind, params: { weight: 0.5, mean1: mean - offset, sd1: componentSd, mean2: mean + offset, sd2: componentSd } },
				compromise: null,
			});
		}
		case 'poisson': {
			const own = Math.sqrt(mean);
			return succeed({
				distribution: { kind, params: { lambda: mean } },
				compromise: Math.abs(own / sd - 1) <= SD_TOLERANCE ? null : `A Poisson's variance equals its mean, so the sd is √${round3(mean)} = ${round3(own)}, not ${round3(sd)}.`,
			});
		}
		case 'binomial':
			return succeed(binomialWithMoments(mean, sd));
	}
}
