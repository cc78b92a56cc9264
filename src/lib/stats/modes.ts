/**
 * Counts the modes (peaks) of a sample for the distribution explorer's
 * one-line description. The rule is deliberately simple and written out, so
 * the page can explain it:
 *
 * 1. Histogram. Integer-valued samples get bins of whole integers (one
 *    integer per bin while the range fits in MAX_BINS), so counts are never
 *    aliased into alternating full and empty bins. Other samples get
 *    round(√n) equal-width bins between min and max, clamped to 5…MAX_BINS.
 * 2. Smoothing. Each count is replaced by a [1, 2, 1] / 4 weighted average
 *    of itself and its neighbours (weights renormalised at the edges).
 * 3. Peaks. A run of equal smoothed counts higher than both neighbours (an
 *    edge counts as lower) is a candidate; candidates under MIN_PEAK_SHARE
 *    of the tallest are dropped as tail noise.
 * 4. Valleys. Two neighbouring candidates are separate modes only when the
 *    lowest point between them is at least VALLEY_DROP below the lower
 *    peak AND that drop exceeds NOISE_SDS × √(lower peak), i.e. it is larger
 *    than the Poisson noise of a count that size. Otherwise they merge.
 *
 * Samples of fewer than MIN_SAMPLE_FOR_MODES values are not judged.
 */

const MAX_BINS = 30;
const MIN_BINS = 5;
const MIN_PEAK_SHARE = 0.1;
const VALLEY_DROP = 0.2;
const NOISE_SDS = 2.5;
export const MIN_SAMPLE_FOR_MODES = 20;

/** Counts per bin, following rule 1 above. */
export function histogramCounts(xs: readonly number[]): number[] {
	let min = Number.POSITIVE_INFINITY;
	let max = Number.NEGATIVE_INFINITY;
	for (const x of xs) {
		if (x < min) min = x;
		if (x > max) max = x;
	}
	if (xs.length === 0) return [];
	if (min === max) return [xs.length];
	let bins: number;
	let width: number;
	if (xs.every((x) => Number.isInteger(x))) {
		const distinctValues = max - min + 1;
		width = Math.ceil(distinctValues / MAX_BINS);
		bins = Math.ceil(distinctValues / width);
	} else {
		bins = Math.min(MAX_BINS, Math.max(MIN_BINS, Math.round(Math.sqrt(xs.length))));
		width = (max - min) / bins;
	}
	const counts = new Array<number>(bins).fill(0);
	for (const x of xs) {
		const index = Math.min(bins - 1, Math.floor((x - min) / width));
		counts[index] = (counts[index] ?? 0) + 1;
	}
	return counts;
}

/** Rule 2: [1, 2, 1] / 4 smoothing, renormalised where a neighbour is missing. */
export function smoothCounts(counts: readonly number[]): number[] {
	return counts.map((c, i) => {
		const left = counts[i - 1];
		const right = counts[i + 1];
		const weighted = 2 * c + (left ?? 0) + (right ?? 0);
		const weights = 2 + (left === undefined ? 0 : 1) + (right === undefined ? 0 : 1);
		return weighted / weights;
	});
}

/** Rule 3: index ranges [start, end] of plateaus higher than both sides. */
function candidatePeaks(values: readonly number[]): Array<{ start: number; end: number; height: number }> {
	const peaks: Array<{ start: number; end: number; height: number }> = [];
	let i = 0;
	while (i < values.length) {
		const height = values[i] as number;
		let end = i;
		while (end + 1 < values.length && values[end + 1] === height) end++;
		const leftLower = i === 0 || (values[i - 1] as number) < height;
		const rightLower = end === values.length - 1 || (values[end + 1] as number) < height;
		if (leftLower && rightLower) peaks.push({ start: i, end, height });
		i = end + 1;
	}
	const tallest = Math.max(0, ...peaks.map((p) => p.height));
	return peaks.filter((p) => p.height >= MIN_PEAK_SHARE * tallest);
}

function isRealValley(lowerPeak: number, valley: number): boolean {
	const drop = lowerPeak - valley;
	return drop >= VALLEY_DROP * lowerPeak && drop > NOISE_SDS * Math.sqrt(lowerPeak);
}

/** Rules 1–4: the number of modes, or null when the sample is too small to say. */
export function countModes(xs: readonly number[]): number | null {
	if (xs.length < MIN_SAMPLE_FOR_MODES) return null;
	const smoothed = smoothCounts(histogramCounts(xs));
	const peaks = candidatePeaks(smoothed);
	const [first, ...rest] = peaks;
	if (first === undefined) return 1;
	let modes = 1;
	let current = first;
	for (const next of rest) {
		const valley = Math.min(...smoothed.slice(current.end + 1, next.start));
		if (isRealValley(Math.min(current.height, next.height), valley)) {
			modes++;
			current = next;
		} else if (next.height > current.height) {
			current = next;
		}
	}
	return modes;
}
