/**
 * The distribution explorer's summary table and its one-line reading.
 * `describeSample` reproduces pandas' `Series.describe()` (std with ddof = 1,
 * quartiles with numpy's linear interpolation) plus `Series.skew()` and the
 * 1.5 × IQR outlier fences; `describeShape` turns those into words.
 */
import { countModes } from './modes';
import { fail, succeed, type Outcome } from './outcome';
import { mean, quantileOfSorted, sampleSd, sortedAscending } from './summary';

export interface SampleSummary {
	count: number;
	mean: number;
	/** ddof = 1; null for a single value (pandas shows NaN). */
	std: number | null;
	min: number;
	q25: number;
	median: number;
	q75: number;
	max: number;
	/** Adjusted Fisher–Pearson G1 as in pandas' skew(); null below 3 values (pandas shows NaN). */
	skewness: number | null;
	iqr: number;
	lowerFence: number;
	upperFence: number;
	/** Values strictly below q25 − 1.5 IQR, ascending. */
	outliersBelow: number[];
	/** Values strictly above q75 + 1.5 IQR, ascending. */
	outliersAbove: number[];
}

/**
 * Adjusted Fisher–Pearson skewness G1 = √(n(n−1))/(n−2) · m3 / m2^{3/2},
 * with biased central moments m2, m3 — the formula of pandas' `skew()`,
 * which also returns 0 for a constant sample.
 */
export function adjustedSkewness(xs: readonly number[]): number | null {
	const n = xs.length;
	if (n < 3) return null;
	const m = mean(xs);
	let m2 = 0;
	let m3 = 0;
	for (const x of xs) {
		const d = x - m;
		m2 += d * d;
		m3 += d * d * d;
	}
	m2 /= n;
	m3 /= n;
	if (m2 === 0) return 0;
	return ((Math.sqrt(n * (n - 1)) / (n - 2)) * m3) / m2 ** 1.5;
}

export function describeSample(xs: readonly number[]): Outcome<SampleSummary> {
	if (xs.length === 0) return fail('The sample is empty.');
	if (!xs.every(Number.isFinite)) return fail('The sample contains a value that is not a finite number.');
	const sorted = sortedAscending(xs);
	const q25 = quantileOfSorted(sorted, 0.25);
	const q75 = quantileOfSorted(sorted, 0.75);
	const iqr = q75 - q25;
	const lowerFence = q25 - 1.5 * iqr;
	const upperFence = q75 + 1.5 * iqr;
	return succeed({
		count: xs.length,
		mean: mean(xs),
		std: xs.length < 2 ? null : sampleSd(xs),
		min: sorted[0] as number,
		q25,
		median: quantileOfSorted(sorted, 0.5),
		q75,
		max: sorted[sorted.length - 1] as number,
		skewness: adjustedSkewness(xs),
		iqr,
		lowerFence,
		upperFence,
		outliersBelow: sorted.filter((x) => x < lowerFence),
		outliersAbove: sorted.filter((x) => x > upperFence),
	});
}

export type SkewDirection = 'symmetric' | 'right' | 'left';
export type SkewStrength = 'roughly' | 'moderately' | 'highly';

export interface ShapeReading {
	direction: SkewDirection;
	strength: SkewStrength;
	/** null when the sample is too small to count modes (see modes.ts). */
	modes: number | null;
	outliersBelow: number;
	outliersAbove: number;
	/** e.g. "highly right-skewed, one mode, 3 outliers above 1.5 IQR". */
	text: string;
}

/**
 * Bulmer's rule of thumb for skewness: |G1| < 0.5 roughly symmetric,
 * 0.5–1 moderately skewed, > 1 highly skewed.
 */
export function classifySkew(skewness: number | null): { direction: SkewDirection; strength: SkewStrength } {
	if (skewness === null || Math.abs(skewness) < 0.5) return { direction: 'symmetric', strength: 'roughly' };
	return {
		direction: skewness > 0 ? 'right' : 'left',
		strength: Math.abs(skewness) <= 1 ? 'moderately' : 'highly',
	};
}

const MODE_WORDS = ['no mode', 'one mode', 'two modes', 'three modes'];

function modesPhrase(modes: number | null): string {
	if (modes === null) return 'too few values to count modes';
	return MODE_WORDS[modes] ?? `${modes} modes`;
}

function outliersPhrase(below: number, above: number): string {
	const noun = (k: number) => (k === 1 ? 'outlier' : 'outliers');
	if (below === 0 && above === 0) return 'no outliers beyond 1.5 IQR';
	if (below === 0) return `${above} ${noun(above)} above 1.5 IQR`;
	if (above === 0) return `${below} ${noun(below)} below 1.5 IQR`;
	return `${below} ${noun(below)} below and ${above} above 1.5 IQR`;
}

/** Words for the shape: skew (Bulmer), mode count (modes.ts rule), outliers beyond the fences. */
export function describeShape(summary: SampleSummary, xs: readonly number[]): ShapeReading {
	const { direction, strength } = classifySkew(summary.skewness);
	const modes = countModes(xs);
	const skewText = direction === 'symmetric' ? 'roughly symmetric' : `${strength} ${direction}-skewed`;
	const below = summary.outliersBelow.length;
	const above = summary.outliersAbove.length;
	return {
		direction,
		strength,
		modes,
		outliersBelow: below,
		outliersAbove: above,
		text: `${skewText}, ${modesPhrase(modes)}, ${outliersPhrase(below, above)}`,
	};
}
