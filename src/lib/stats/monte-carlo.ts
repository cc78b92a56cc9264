/**
 * Monte Carlo standard errors for simulated summaries, so a demo can print
 * "simulated 0.182 ± 0.003, exact 0.1826": the mean of simulated values, their
 * standard deviation, and a share of successes, each with its own standard error.
 */
import { mean, sampleSd } from './summary';

export interface Estimate {
	estimate: number;
	/** Monte Carlo standard error of `estimate`. */
	se: number;
}

/** Mean of the draws with se = s / √R (s with ddof = 1). */
export function meanEstimate(xs: readonly number[]): Estimate {
	return { estimate: mean(xs), se: sampleSd(xs) / Math.sqrt(xs.length) };
}

/**
 * Sample sd (ddof = 1) with its large-sample standard error. For iid draws
 * Var(s²) = σ⁴ (κ/R − (R − 3)/(R(R − 1))) with κ = μ₄/σ⁴ the kurtosis, and
 * the delta method gives se(s) ≈ √Var(s²) / (2σ); κ is estimated by m₄/m₂²
 * (biased moments). Skewed draws have κ > 3, so their sd is less certain
 * than the normal-theory s/√(2(R − 1)) would claim; for κ = 3 the two agree.
 */
export function sdEstimate(xs: readonly number[]): Estimate {
	const r = xs.length;
	const s = sampleSd(xs);
	if (r < 4 || !(s > 0)) return { estimate: s, se: Number.NaN };
	const m = mean(xs);
	let m2 = 0;
	let m4 = 0;
	for (const x of xs) {
		const d2 = (x - m) ** 2;
		m2 += d2;
		m4 += d2 * d2;
	}
	const kurtosis = m4 / r / (m2 / r) ** 2;
	const varianceOfVariance = Math.max(0, kurtosis / r - (r - 3) / (r * (r - 1)));
	return { estimate: s, se: (s * Math.sqrt(varianceOfVariance)) / 2 };
}

/** Share of `hits` in `trials` with the binomial se √(p(1 − p)/trials). */
export function proportionEstimate(hits: number, trials: number): Estimate {
	const p = hits / trials;
	return { estimate: p, se: Math.sqrt((p * (1 - p)) / trials) };
}
