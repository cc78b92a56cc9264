/**
 * Lloyd's algorithm for k-means, written as its two alternating half-steps so
 * the demo can show each one: *assign* every point to its nearest centroid,
 * then *update* every centroid to the mean of its points. It stops at the
 * first assign step that changes no label — the same strict convergence as
 * scikit-learn's `KMeans(algorithm='lloyd', tol=0)`, so for the same initial
 * centroids the final centroids, labels and inertia agree with sklearn's.
 *
 * Differences from sklearn, on purpose: ties go to the lower-numbered
 * centroid, and a centroid that loses all its points stays where it is
 * (sklearn moves it to a far-away point). Initialisation lives in
 * kmeans-init.ts.
 */
import { squaredDistance } from './columns';

export type Point = readonly number[];

/** Index of the nearest centroid for every point (ties: the lower index). */
export function assignToNearest(points: readonly Point[], centroids: readonly Point[]): number[] {
	return points.map((p) => {
		let best = 0;
		let bestDistance = Number.POSITIVE_INFINITY;
		centroids.forEach((c, j) => {
			const d = squaredDistance(p, c);
			if (d < bestDistance) {
				best = j;
				bestDistance = d;
			}
		});
		return best;
	});
}

/** Mean of each cluster's points; an empty cluster keeps its previous centroid. */
export function updateCentroids(points: readonly Point[], labels: readonly number[], previous: readonly Point[]): number[][] {
	const dims = previous[0]?.length ?? 0;
	const sums = previous.map(() => new Array<number>(dims).fill(0));
	const counts = previous.map(() => 0);
	points.forEach((p, i) => {
		const j = labels[i]!;
		counts[j]!++;
		for (let d = 0; d < dims; d++) sums[j]![d]! += p[d]!;
	});
	return sums.map((sum, j) => (counts[j] === 0 ? [...previous[j]!] : sum.map((s) => s / counts[j]!)));
}

/** Within-cluster sum of squared distances (sklearn's `inertia_`). */
export function inertia(points: readonly Point[], centroids: readonly Point[], labels: readonly number[]): number {
	let total = 0;
	points.forEach((p, i) => (total += squaredDistance(p, centroids[labels[i]!]!)));
	return total;
}

/** Per-cluster point counts and sums of squares, for the demo's table. */
export function clusterSummaries(
	points: readonly Point[],
	centroids: readonly Point[],
	labels: readonly number[],
): Array<{ size: number; sumOfSquares: number }> {
	const out = centroids.map(() => ({ size: 0, sumOfSquares: 0 }));
	points.forEach((p, i) => {
		const j = labels[i]!;
		out[j]!.size++;
		out[j]!.sumOfSquares += squaredDistance(p, centroids[j]!);
	});
	return out;
}

export interface KMeansState {
	/** 0 for the initial centroids, then 1, 2, … alternating assign and update. */
	step: number;
	phase: 'init' | 'assign' | 'update';
	/** Lloyd iteration this half-step belongs to (sklearn's `n_iter_` counts these); 0 at init. */
	iteration: number;
	centroids: number[][];
	/** Current cluster of each point; null before the first assign step. */
	labels: number[] | null;
	/** Inertia of `labels` around `centroids`; null before the first assign step. */
	inertia: number | null;
	/** Points whose label this assign step changed (all of them on the first); null for other phases. */
	changed: number | null;
}

export interface KMeansTrace {
	/** Every half-step from the initial centroids to the last one computed. */
	states: KMeansState[];
	/** True when an assign step changed no label within `maxIterations`. */
	converged: boolean;
	/** Lloyd iterations run (the converging one included), as sklearn's `n_iter_`. */
	iterations: number;
}

/** Runs Lloyd's algorithm from `initial`, recording every half-step. */
export function lloydTrace(points: readonly Point[], initial: readonly Point[], maxIterations = 300): KMeansTrace {
	const states: KMeansState[] = [
		{ step: 0, phase: 'init', iteration: 0, centroids: initial.map((c) => [...c]), labels: null, inertia: null, changed: null },
	];
	let centroids = initial.map((c) => [...c]);
	let labels: number[] | null = null;
	for (let iteration = 1; iteration <= maxIterations; iteration++) {
		const previous: number[] | null = labels;
		const next = assignToNearest(points, centroids);
		const changed = previous === null ? next.length : next.filter((label, i) => label !== previous[i]).length;
		labels = next;
		states.push({ step: states.length, phase: 'assign', iteration, centroids, labels, inertia: inertia(points, centroids, labels), changed });
		if (previous !== null && changed === 0) return { states, converged: true, iterations: iteration };
		centroids = updateCentroids(points, labels, centroids);
		states.push({ step: states.length, phase: 'update', iteration, centroids, labels, inertia: inertia(points, centroids, labels), changed: null });
	}
	return { states, converged: false, iterations: maxIterations };
}

/** The state after `step` half-steps; past convergence the algorithm stands still, so the last state is returned. */
export function stateAt(trace: KMeansTrace, step: number): KMeansState {
	const index = Math.max(0, Math.min(trace.states.length - 1, Math.floor(step)));
	return trace.states[index]!;
}
