/**
 * Bagging (bootstrap aggregating) of regression trees and the experiment that
 * shows why it helps: draw many fresh training sets from the same curve, fit
 * one tree and one bag of B bootstrapped trees to each, and compare how much
 * their predictions vary from one training set to the next (the variance term
 * of the bias–variance decomposition) and how far their average is from the
 * truth (the squared bias). Averaging leaves the bias of a deep tree about
 * where it was and divides the variance, though by less than B because the
 * bootstrapped trees are correlated.
 */
import type { Source } from '../stats/random';
import { sampleCurve, type CurvePoint, type CurveSampleOptions } from './curve-data';
import { fitRegressionTree, fitRegressionTreeSorted, predictTree, type TreeNode } from './regression-tree';

/** n row indices drawn uniformly with replacement. */
export function bootstrapIndices(n: number, source: Source): number[] {
	return Array.from({ length: n }, () => Math.min(n - 1, Math.floor(source() * n)));
}

/** A tree grown on the rows `indices` of `points` (repeats allowed, as in a bootstrap resample). */
export function fitTreeOnRows(points: readonly CurvePoint[], indices: readonly number[], maxDepth: number): TreeNode {
	const rows = indices.map((i) => points[i]!);
	return fitRegressionTree(
		rows.map((p) => p.x),
		rows.map((p) => p.y),
		maxDepth,
	);
}

/** One tree per bootstrap resample of `points`. */
export function fitBaggedTrees(points: readonly CurvePoint[], trees: number, maxDepth: number, source: Source): TreeNode[] {
	// Sort once; a resample is then already in x order if each point is repeated as often as it was drawn.
	const order = points.map((_, i) => i).sort((a, b) => points[a]!.x - points[b]!.x);
	const sorted = order.map((i) => points[i]!);
	const rank = new Array<number>(points.length);
	order.forEach((i, k) => (rank[i] = k));
	return Array.from({ length: trees }, () => {
		const draws = new Array<number>(sorted.length).fill(0);
		for (const i of bootstrapIndices(points.length, source)) draws[rank[i]!]!++;
		const x: number[] = [];
		const y: number[] = [];
		draws.forEach((count, k) => {
			for (let c = 0; c < count; c++) {
				x.push(sorted[k]!.x);
				y.push(sorted[k]!.y);
			}
		});
		return fitRegressionTreeSorted(x, y, maxDepth);
	});
}

/** The bag's prediction: the mean of its trees' predictions at x. */
export function predictBagged(trees: readonly TreeNode[], x: number): number {
	return trees.reduce((acc, t) => acc + predictTree(t, x), 0) / trees.length;
}

/** Per column (grid point), the sample variance (divisor R − 1) across the R rows (training sets). */
export function varianceAcrossRows(predictions: readonly (readonly number[])[]): number[] {
	const r = predictions.length;
	const width = predictions[0]?.length ?? 0;
	return Array.from({ length: width }, (_, j) => {
		const column = predictions.map((row) => row[j]!);
		const m = column.reduce((a, b) => a + b, 0) / r;
		return column.reduce((acc, v) => acc + (v - m) ** 2, 0) / (r - 1);
	});
}

/** Per column, (mean across rows − truth)²: the plug-in squared bias, which includes variance / R. */
export function squaredBiasAcrossRows(predictions: readonly (readonly number[])[], truth: readonly number[]): number[] {
	const r = predictions.length;
	return truth.map((t, j) => (predictions.reduce((acc, row) => acc + row[j]!, 0) / r - t) ** 2);
}

const average = (values: readonly number[]) => values.reduce((a, b) => a + b, 0) / values.length;

export interface BiasVariance {
	/** Prediction variance across training sets, averaged over the grid. */
	variance: number;
	/**
	 * Squared bias averaged over the grid, estimated without the var/R that the mean
	 * of R predictions adds to (mean − truth)²; can dip below 0 by chance.
	 */
	squaredBias: number;
	/** The variance at each grid point. */
	varianceByX: number[];
}

export interface BaggingExperiment {
	singleTree: BiasVariance;
	bagged: BiasVariance;
	/** singleTree.variance / bagged.variance. */
	varianceRatio: number;
	repeats: number;
}

export interface BaggingExperimentOptions {
	data: CurveSampleOptions;
	maxDepth: number;
	trees: number;
	/** Number of fresh training sets (at least 2). */
	repeats: number;
	grid: readonly number[];
}

/** Fits a single tree and a bag to `repeats` fresh training sets and compares their bias and variance on `grid`. */
export function baggingExperiment({ data, maxDepth, trees, repeats, grid }: BaggingExperimentOptions, source: Source): BaggingExperiment {
	if (!Number.isInteger(repeats) || repeats < 2) throw new RangeError(`repeats must be a whole number ≥ 2, got ${repeats}`);
	const single: number[][] = [];
	const bagged: number[][] = [];
	for (let r = 0; r < repeats; r++) {
		const points = sampleCurve(data, source);
		const tree = fitTreeOnRows(points, points.map((_, i) => i), maxDepth);
		const bag = fitBaggedTrees(points, trees, maxDepth, source);
		single.push(grid.map((x) => predictTree(tree, x)));
		bagged.push(grid.map((x) => predictBagged(bag, x)));
	}
	const truth = grid.map(data.curve);
	const summarise = (predictions: number[][]): BiasVariance => {
		const varianceByX = varianceAcrossRows(predictions);
		const plugIn = squaredBiasAcrossRows(predictions, truth);
		const squaredBias = average(plugIn.map((b, j) => b - varianceByX[j]! / predictions.length));
		return { variance: average(varianceByX), squaredBias, varianceByX };
	};
	const singleTree = summarise(single);
	const bag = summarise(bagged);
	return { singleTree, bagged: bag, varianceRatio: singleTree.variance / bag.variance, repeats };
}
