/**
 * Elementary sample summaries shared by the demos: mean, variance with
 * Bessel's correction, and quantiles interpolated the way numpy and pandas
 * do by default, so the numbers match what learners see in a notebook.
 */

export function mean(xs: readonly number[]): number {
	let total = 0;
	for (const x of xs) total += x;
	return total / xs.length;
}

/** Sample variance with ddof = 1 (pandas' default); NaN when fewer than 2 values. */
export function sampleVariance(xs: readonly number[]): number {
	const n = xs.length;
	if (n < 2) return Number.NaN;
	const m = mean(xs);
	let squares = 0;
	for (const x of xs) squares += (x - m) ** 2;
	return squares / (n - 1);
}

export function sampleSd(xs: readonly number[]): number {
	return Math.sqrt(sampleVariance(xs));
}

export function sortedAscending(xs: readonly number[]): number[] {
	return [...xs].sort((a, b) => a - b);
}

/**
 * Quantile of already-sorted values with numpy's default 'linear' method:
 * position h = (n - 1) q, interpolated between its two neighbours.
 */
export function quantileOfSorted(sorted: ArrayLike<number>, q: number): number {
	const n = sorted.length;
	if (n === 0) return Number.NaN;
	const h = (n - 1) * q;
	const lower = Math.floor(h);
	const upper = Math.min(lower + 1, n - 1);
	const below = sorted[lower] as number;
	const above = sorted[upper] as number;
	return below + (h - lower) * (above - below);
}

/** Evenly spaced values from `start` to `stop` inclusive (numpy's linspace). */
export function linspace(start: number, stop: number, count: number): number[] {
	if (count === 1) return [start];
	const step = (stop - start) / (count - 1);
	return Array.from({ length: count }, (_, i) => (i === count - 1 ? stop : start + i * step));
}
