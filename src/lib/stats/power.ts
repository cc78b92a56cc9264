/**
 * Theoretical power of a two-sided two-sample t-test with n per group and a
 * common sd, for the hypothesis-test demo to set beside its simulated
 * rejection rate. No installed library has the noncentral t distribution,
 * so its tail is integrated here from the normal density and the chi-square
 * CDF (both @stdlib); the normal approximation is given too.
 *
 * With equal group sizes Welch's t statistic equals Student's pooled one;
 * only the degrees of freedom differ (Welch's are random and ≤ 2n − 2). The
 * noncentral-t power below uses df = 2n − 2, so it is the exact power of
 * Student's test and a close upper approximation for Welch's — the same
 * number statsmodels' `TTestIndPower().power(...)` reports.
 */
import chisquareCdf from '@stdlib/stats-base-dists-chisquare-cdf';
import normalCdf from '@stdlib/stats-base-dists-normal-cdf';
import normalPdf from '@stdlib/stats-base-dists-normal-pdf';
import normalQuantile from '@stdlib/stats-base-dists-normal-quantile';
import tQuantile from '@stdlib/stats-base-dists-t-quantile';
import { simpson } from './integrate';

export interface PowerRequest {
	/** True difference of the group means. */
	effect: number;
	/** Common standard deviation of both groups. */
	sd: number;
	/** Observations per group. */
	n: number;
	alpha?: number;
}

export interface PowerResult {
	/** Noncentrality δ = effect / (sd √(2/n)). */
	noncentrality: number;
	/** P(|T| > t_crit) with T noncentral t(df = 2n − 2, δ). */
	noncentralT: number;
	/** Φ(δ − z) + Φ(−δ − z), the large-sample approximation. */
	normalApprox: number;
}

/**
 * P(|T| > c) for T = (Z + δ) / √(V/ν), Z standard normal, V ~ χ²(ν):
 * |T| > c ⇔ V < ν (Z + δ)² / c², so the power is E_Z[F_χ²ν(ν (Z + δ)² / c²)],
 * a smooth one-dimensional integral over z.
 */
export function noncentralTTwoSidedTail(critical: number, df: number, noncentrality: number): number {
	const integrand = (z: number) => normalPdf(z, 0, 1) * chisquareCdf((df * (z + noncentrality) ** 2) / critical ** 2, df);
	return simpson(integrand, -12, 12, 4000);
}

export function twoSampleTPower({ effect, sd, n, alpha = 0.05 }: PowerRequest): PowerResult {
	const noncentrality = effect / (sd * Math.sqrt(2 / n));
	const df = 2 * n - 2;
	const z = normalQuantile(1 - alpha / 2, 0, 1);
	return {
		noncentrality,
		noncentralT: noncentralTTwoSidedTail(tQuantile(1 - alpha / 2, df), df, noncentrality),
		normalApprox: normalCdf(noncentrality - z, 0, 1) + normalCdf(-noncentrality - z, 0, 1),
	};
}
