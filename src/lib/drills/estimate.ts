/**
 * Wednesday's estimates: reading the learner's number, reading the true value a
 * block printed, and judging the gap by the drill's stated tolerance. Pure; shared
 * by the validator (build) and the drill island (browser).
 */

export type Tolerance = { absolute: number } | { relative: number };

const NUMBER = /^[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[-+]?\d+)?$/i;

/** True when a block's output is exactly one number (what an estimate's answer block must print). */
export function isEstimateOutput(stdout: string): boolean {
	return NUMBER.test(stdout.trim());
}

/** The true value a block printed, or null when it printed anything else. */
export function trueValueOf(stdout: string): number | null {
	return isEstimateOutput(stdout) ? Number(stdout.trim()) : null;
}

/**
 * The learner's estimate as a number: digits with an optional sign, decimal point,
 * thousands separators ("5,000") or a trailing percent sign ("36%" is 0.36 when the
 * truth is a share). Null for anything else, so the page can refuse it.
 */
export function parseEstimate(input: string, options: { share?: boolean } = {}): number | null {
	let text = input.trim();
	let percent = false;
	if (text.endsWith('%')) {
		percent = true;
		text = text.slice(0, -1).trimEnd();
	}
	if (/^[-+]?\d{1,3}(?:,\d{3})+(?:\.\d+)?$/.test(text)) text = text.replace(/,/g, '');
	if (!NUMBER.test(text)) return null;
	const value = Number(text);
	if (!Number.isFinite(value)) return null;
	return percent && options.share ? value / 100 : value;
}

export interface Verdict {
	truth: number;
	estimate: number;
	/** estimate - truth */
	gap: number;
	/** |gap| / |truth|, or null when the truth is 0. */
	relativeGap: number | null;
	right: boolean;
}

/** Right when the gap is within the tolerance: absolute units, or a share of the true value. */
export function judgeEstimate(estimate: number, truth: number, tolerance: Tolerance): Verdict {
	const gap = estimate - truth;
	const relativeGap = truth === 0 ? null : Math.abs(gap) / Math.abs(truth);
	// A hair of slack so that an estimate exactly on the boundary (0.3 vs 0.36 ± 0.06) counts despite float rounding.
	const slack = 1e-9 * Math.max(1, Math.abs(truth));
	const right = 'absolute' in tolerance ? Math.abs(gap) <= tolerance.absolute + slack : Math.abs(gap) <= tolerance.relative * Math.abs(truth) + slack;
	return { truth, estimate, gap, relativeGap, right };
}

/** The tolerance as the page states it: "within 5 mm" or "within 20% of the true value". */
export function describeTolerance(tolerance: Tolerance, unit = ''): string {
	if ('absolute' in tolerance) return `within ${tolerance.absolute}${unit ? ` ${unit}` : ''} of the true value`;
	return `within ${Math.round(tolerance.relative * 100)}% of the true value`;
}
