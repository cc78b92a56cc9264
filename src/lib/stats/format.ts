/**
 * How the demos write numbers in sentences and tables: "16.1%", "p = 0.031",
 * "p < 0.001", "0.904 ± 0.009", "[0.012, 0.034]", "1,000". Missing or
 * undefined values (null, NaN, ±Infinity) print as an em dash, so a demo
 * never shows "NaN" to a learner.
 */

export const MISSING = '—';

function isPrintable(x: number | null | undefined): x is number {
	return typeof x === 'number' && Number.isFinite(x);
}

/** Fixed decimals without a stray "-0.000" for values that round to zero. */
export function formatNumber(x: number | null | undefined, digits = 3): string {
	if (!isPrintable(x)) return MISSING;
	const text = x.toFixed(digits);
	return Number(text) === 0 ? text.replace(/^-/, '') : text;
}

/** A proportion as a percentage: 0.1612 → "16.1%". */
export function formatPercent(x: number | null | undefined, digits = 1): string {
	return isPrintable(x) ? `${formatNumber(x * 100, digits)}%` : MISSING;
}

/**
 * "p = 0.031" with three decimals; below 0.001 "p < 0.001" and above 0.999
 * "p > 0.999", because three decimals would print those as 0.000 and 1.000.
 */
export function formatPValue(p: number | null | undefined): string {
	if (!isPrintable(p)) return `p = ${MISSING}`;
	if (p < 0.001) return 'p < 0.001';
	if (p > 0.999) return 'p > 0.999';
	return `p = ${p.toFixed(3)}`;
}

/** An estimate with its standard error: "0.904 ± 0.009". */
export function formatEstimate(value: number | null | undefined, se: number | null | undefined, digits = 3): string {
	return `${formatNumber(value, digits)} ± ${formatNumber(se, digits)}`;
}

/** An interval: "[0.012, 0.034]". */
export function formatInterval(interval: readonly [number, number] | null | undefined, digits = 3): string {
	if (!interval) return MISSING;
	return `[${formatNumber(interval[0], digits)}, ${formatNumber(interval[1], digits)}]`;
}

/** A percentage interval: "[1.2%, 3.4%]". */
export function formatPercentInterval(interval: readonly [number, number] | null | undefined, digits = 1): string {
	if (!interval) return MISSING;
	return `[${formatPercent(interval[0], digits)}, ${formatPercent(interval[1], digits)}]`;
}

/** A whole count with thousands separators: 1000 → "1,000". */
export function formatCount(n: number | null | undefined): string {
	return isPrintable(n) ? Math.round(n).toLocaleString('en-US') : MISSING;
}
