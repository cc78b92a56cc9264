/**
 * Exact (numerically integrated) comparisons of two independent Beta
 * variables A and B: P(B > A) and the expected losses E[(A − B)⁺] and
 * E[(B − A)⁺]. Method: one-dimensional Simpson integration over B's
 * density, using @stdlib's beta pdf and cdf, not a closed-form sum.
 *
 * Why split the range: with thousands of visitors a posterior is a few
 * thousandths wide, so a single grid over [0, 1] would miss it. Outside A's
 * central range [qA(ε), qA(1 − ε)] the integrands are known in closed form
 * (F_A is 0 below it and 1 above it), so only the overlap of A's and B's
 * central ranges — never wider than the narrower posterior — is integrated.
 * Requires a, b ≥ 1 so that the densities stay finite.
 */
import betaCdf from '@stdlib/stats-base-dists-beta-cdf';
import betaPdf from '@stdlib/stats-base-dists-beta-pdf';
import betaQuantile from '@stdlib/stats-base-dists-beta-quantile';
import type { BetaParams } from './beta-binomial';
import { simpson } from './integrate';

/** Tail mass left out at each end of a central range. */
const TAIL = 1e-12;
const INTERVALS = 4000;

function centralRange({ a, b }: BetaParams): [number, number] {
	return [betaQuantile(TAIL, a, b), betaQuantile(1 - TAIL, a, b)];
}

/** The part of [lo, hi] shared by both posteriors' central ranges, or null when they do not meet. */
function overlap(first: [number, number], second: [number, number]): [number, number] | null {
	const lo = Math.max(first[0], second[0]);
	const hi = Math.min(first[1], second[1]);
	return hi > lo ? [lo, hi] : null;
}

/** P(B > A) = ∫ f_B(x) F_A(x) dx. */
export function probabilityBBeatsA(A: BetaParams, B: BetaParams): number {
	const rangeA = centralRange(A);
	// Where x is above A's range, F_A(x) = 1, contributing P(B > qA(1 − ε)).
	const above = 1 - betaCdf(rangeA[1], B.a, B.b);
	const shared = overlap(rangeA, centralRange(B));
	const middle = shared === null ? 0 : simpson((x) => betaPdf(x, B.a, B.b) * betaCdf(x, A.a, A.b), shared[0], shared[1], INTERVALS);
	return Math.min(1, Math.max(0, above + middle));
}

/**
 * E[(A − y)⁺] for A ~ Beta(a, b): mean_A · (1 − I_y(a + 1, b)) − y · (1 − I_y(a, b)),
 * from E[A · 1{A > y}] = mean_A · P(Beta(a + 1, b) > y).
 */
function expectedExcess({ a, b }: BetaParams, y: number): number {
	return (a / (a + b)) * (1 - betaCdf(y, a + 1, b)) - y * (1 - betaCdf(y, a, b));
}

export interface ExpectedLosses {
	/** E[(A − B)⁺]: the rate given up, on average, by choosing B. */
	chooseB: number;
	/** E[(B − A)⁺]: the rate given up, on average, by choosing A. */
	chooseA: number;
}

export function expectedLosses(A: BetaParams, B: BetaParams): ExpectedLosses {
	const meanA = A.a / (A.a + A.b);
	const meanB = B.a / (B.a + B.b);
	const rangeA = centralRange(A);
	// Below A's range (A − y)⁺ = A − y, whose expectation is meanA − y, so that part is
	// meanA · P(B < lo) − E[B · 1{B < lo}] = meanA · F_B(lo) − meanB · I_lo(aB + 1, bB).
	const below = meanA * betaCdf(rangeA[0], B.a, B.b) - meanB * betaCdf(rangeA[0], B.a + 1, B.b);
	const shared = overlap(rangeA, centralRange(B));
	const middle = shared === null ? 0 : simpson((y) => betaPdf(y, B.a, B.b) * expectedExcess(A, y), shared[0], shared[1], INTERVALS);
	const chooseB = Math.max(0, below + middle);
	// E[(A − B)⁺] − E[(B − A)⁺] = E[A − B], so the other loss needs no second integral.
	return { chooseB, chooseA: Math.max(0, chooseB - meanA + meanB) };
}
