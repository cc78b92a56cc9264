/**
 * k-fold cross-validation: a seeded shuffle cut into k contiguous folds whose
 * sizes differ by at most one (the first n mod k folds get the extra row, as in
 * scikit-learn's `KFold(shuffle=True)`, though its random shuffle differs),
 * and the summary of fold errors as a mean with its standard error
 * sd / √k — the "± 0.04" of "CV RMSE 0.52 ± 0.04" and the basis of the
 * one-standard-error rule.
 */
import type { Source } from '../stats/random';

export interface Fold {
	train: number[];
	test: number[];
}

/** A uniformly random permutation of 0 … n − 1 (Fisher–Yates). */
export function shuffledIndices(n: number, source: Source): number[] {
	const order = Array.from({ length: n }, (_, i) => i);
	for (let i = n - 1; i > 0; i--) {
		const j = Math.min(i, Math.floor(source() * (i + 1)));
		[order[i], order[j]] = [order[j]!, order[i]!];
	}
	return order;
}

/** The test rows of each fold: a shuffled 0 … n − 1 cut into k pieces of size ⌈n/k⌉ or ⌊n/k⌋. */
export function kFoldTestSets(n: number, k: number, source: Source): number[][] {
	if (!Number.isInteger(k) || k < 2 || k > n) throw new RangeError(`k must be a whole number from 2 to n = ${n}, got ${k}`);
	const order = shuffledIndices(n, source);
	const folds: number[][] = [];
	let start = 0;
	for (let f = 0; f < k; f++) {
		const size = Math.floor(n / k) + (f < n % k ? 1 : 0);
		folds.push(order.slice(start, start + size).sort((a, b) => a - b));
		start += size;
	}
	return folds;
}

/** Each fold's test rows with every other row as its training set. */
export function foldsFromTestSets(n: number, testSets: readonly (readonly number[])[]): Fold[] {
	return testSets.map((test) => {
		const held = new Set(test);
		return { train: Array.from({ length: n }, (_, i) => i).filter((i) => !held.has(i)), test: [...test] };
	});
}

export interface FoldSummary {
	mean: number;
	/** Sample sd of the fold values (divisor k − 1) over √k. */
	standardError: number;
}

export function summariseFolds(values: readonly number[]): FoldSummary {
	const k = values.length;
	const mean = values.reduce((a, b) => a + b, 0) / k;
	const variance = values.reduce((acc, v) => acc + (v - mean) ** 2, 0) / (k - 1);
	return { mean, standardError: Math.sqrt(variance / k) };
}
