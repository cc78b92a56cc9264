/**
 * How a classification tree picks one split on one numeric feature (CART with
 * Gini impurity, as scikit-learn's `DecisionTreeClassifier`): sort the values,
 * try the midpoint between every pair of consecutive distinct values, send
 * x ≤ threshold left, and score each candidate by the children's Gini
 * impurities weighted by their sizes. The best split is the first candidate
 * (smallest threshold) with the lowest weighted impurity, as sklearn keeps
 * the first of equally good splits it meets when it scans one feature.
 */

/** Gini impurity 1 − Σ pₖ² of a node with these class counts (0 for an empty node). */
export function giniFromCounts(counts: readonly number[]): number {
	const total = counts.reduce((a, b) => a + b, 0);
	if (total === 0) return 0;
	return 1 - counts.reduce((acc, c) => acc + (c / total) ** 2, 0);
}

/** Gini impurity of a list of labels. */
export function gini<L>(labels: readonly L[]): number {
	const counts = new Map<L, number>();
	for (const label of labels) counts.set(label, (counts.get(label) ?? 0) + 1);
	return giniFromCounts([...counts.values()]);
}

export interface SplitScore {
	threshold: number;
	/** Class counts at x ≤ threshold and at x > threshold, in the order of `classes`. */
	leftCounts: number[];
	rightCounts: number[];
	leftGini: number;
	rightGini: number;
	/** (n_L · Gini_L + n_R · Gini_R) / n. */
	weightedGini: number;
}

export interface SplitScan {
	classes: string[];
	parentCounts: number[];
	parentGini: number;
	/** One entry per candidate threshold, in increasing order. */
	candidates: SplitScore[];
	/** The lowest weighted Gini (first one on ties); null when all values are equal. */
	best: SplitScore | null;
}

function scoreCounts(threshold: number, leftCounts: number[], rightCounts: number[]): SplitScore {
	const nLeft = leftCounts.reduce((a, b) => a + b, 0);
	const nRight = rightCounts.reduce((a, b) => a + b, 0);
	const leftGini = giniFromCounts(leftCounts);
	const rightGini = giniFromCounts(rightCounts);
	return {
		threshold,
		leftCounts,
		rightCounts,
		leftGini,
		rightGini,
		weightedGini: nLeft + nRight === 0 ? 0 : (nLeft * leftGini + nRight * rightGini) / (nLeft + nRight),
	};
}

/** The distinct labels, sorted, so class order never depends on row order. */
export function classesOf(labels: readonly string[]): string[] {
	return [...new Set(labels)].sort();
}

/** The split x ≤ threshold scored on these data, for any threshold (a side may be empty). */
export function scoreThreshold(values: readonly number[], labels: readonly string[], threshold: number): SplitScore {
	const classes = classesOf(labels);
	const left = classes.map(() => 0);
	const right = classes.map(() => 0);
	values.forEach((v, i) => {
		const k = classes.indexOf(labels[i]!);
		if (v <= threshold) left[k]!++;
		else right[k]!++;
	});
	return scoreCounts(threshold, left, right);
}

/** Every candidate split of one feature, in one pass over the sorted values. */
export function scanSplits(values: readonly number[], labels: readonly string[]): SplitScan {
	const classes = classesOf(labels);
	const order = values.map((v, i) => ({ v, k: classes.indexOf(labels[i]!) })).sort((a, b) => a.v - b.v);
	const parentCounts = classes.map(() => 0);
	for (const o of order) parentCounts[o.k]!++;
	const left = classes.map(() => 0);
	const candidates: SplitScore[] = [];
	let best: SplitScore | null = null;
	for (let i = 0; i < order.length - 1; i++) {
		left[order[i]!.k]!++;
		const here = order[i]!.v;
		const next = order[i + 1]!.v;
		if (next === here) continue;
		const right = parentCounts.map((c, k) => c - left[k]!);
		// sklearn's midpoint, falling back to the lower value if rounding lands on the upper one.
		let threshold = here / 2 + next / 2;
		if (threshold === next) threshold = here;
		const score = scoreCounts(threshold, [...left], right);
		candidates.push(score);
		if (best === null || score.weightedGini < best.weightedGini) best = score;
	}
	return { classes, parentCounts, parentGini: giniFromCounts(parentCounts), candidates, best };
}
