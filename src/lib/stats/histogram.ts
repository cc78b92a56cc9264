/**
 * Histogram bins with their edges, counts and density (count / (n · width)),
 * for demos that draw a sample over a true density and list the bins in a
 * data table. `sampleHistogram` uses exactly the bins of modes.ts rule 1, so
 * the chart shows the histogram the mode count was read from.
 */

export interface HistogramBin {
	/** Left edge (inclusive). */
	x0: number;
	/** Right edge (exclusive, except for the last bin). */
	x1: number;
	count: number;
	/** count / (n · width): on the scale of a probability density. */
	density: number;
}

const MAX_BINS = 30;
const MIN_BINS = 5;

function withDensities(edges: number[], counts: number[], total: number): HistogramBin[] {
	return counts.map((count, i) => {
		const x0 = edges[i] as number;
		const x1 = edges[i + 1] as number;
		return { x0, x1, count, density: total > 0 ? count / (total * (x1 - x0)) : 0 };
	});
}

/**
 * Bins as modes.ts rule 1: integer-valued samples get bins of whole integers
 * centred on them (k − ½ to k + ½ when the range fits in 30 bins), so a
 * bin's density equals the share of that integer and sits next to a pmf;
 * other samples get round(√n) equal-width bins from min to max, 5 to 30.
 * A constant sample gets one bin of width 1 around its value.
 */
export function sampleHistogram(xs: readonly number[]): HistogramBin[] {
	if (xs.length === 0) return [];
	let min = Number.POSITIVE_INFINITY;
	let max = Number.NEGATIVE_INFINITY;
	for (const x of xs) {
		if (x < min) min = x;
		if (x > max) max = x;
	}
	if (min === max) return [{ x0: min - 0.5, x1: min + 0.5, count: xs.length, density: 1 }];
	const integers = xs.every((x) => Number.isInteger(x));
	let bins: number;
	let width: number;
	let start: number;
	if (integers) {
		const distinctValues = max - min + 1;
		width = Math.ceil(distinctValues / MAX_BINS);
		bins = Math.ceil(distinctValues / width);
		start = min - 0.5;
	} else {
		bins = Math.min(MAX_BINS, Math.max(MIN_BINS, Math.round(Math.sqrt(xs.length))));
		width = (max - min) / bins;
		start = min;
	}
	const counts = new Array<number>(bins).fill(0);
	for (const x of xs) {
		// Membership is computed from min (not from start), exactly as in modes.ts.
		const index = Math.min(bins - 1, Math.floor((x - min) / width));
		counts[index] = (counts[index] ?? 0) + 1;
	}
	const edges = Array.from({ length: bins + 1 }, (_, i) => (!integers && i === bins ? max : start + i * width));
	return withDensities(edges, counts, xs.length);
}

/**
 * `bins` equal-width bins on [lo, hi]; the last bin includes hi, values
 * outside [lo, hi] are not counted (but still count in n for the density).
 */
export function fixedHistogram(xs: readonly number[], lo: number, hi: number, bins: number): HistogramBin[] {
	if (!(hi > lo) || !Number.isInteger(bins) || bins < 1) return [];
	const width = (hi - lo) / bins;
	const counts = new Array<number>(bins).fill(0);
	for (const x of xs) {
		if (!(x >= lo && x <= hi)) continue;
		const index = Math.min(bins - 1, Math.floor((x - lo) / width));
		counts[index] = (counts[index] ?? 0) + 1;
	}
	const edges = Array.from({ length: bins + 1 }, (_, i) => (i === bins ? hi : lo + i * width));
	return withDensities(edges, counts, xs.length);
}
