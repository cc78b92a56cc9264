/**
 * A regression tree on one numeric feature, grown as scikit-learn's
 * `DecisionTreeRegressor(max_depth=d)` grows it with the default squared-error
 * criterion: at each node try the midpoint between every pair of consecutive
 * distinct x values, keep the split that most reduces the children's summed
 * squared error (the first one on ties), and stop at the depth limit, at a
 * node with constant y or fewer than two points, or when every x is equal.
 * A leaf predicts the mean y of its points.
 */

export type TreeNode =
	| { kind: 'leaf'; value: number; size: number }
	| { kind: 'split'; threshold: number; left: TreeNode; right: TreeNode; size: number };

/** The points x[start..end), y[start..end) of a node, x sorted ascending. */
interface Slice {
	x: readonly number[];
	y: readonly number[];
	start: number;
	end: number;
}

/** Index i of the best split "points start … i go left", or −1 when no split exists. */
function bestSplitIndex({ x, y, start, end }: Slice, total: number): number {
	const n = end - start;
	let leftSum = 0;
	let bestIndex = -1;
	let bestProxy = Number.NEGATIVE_INFINITY;
	for (let i = start; i < end - 1; i++) {
		leftSum += y[i]!;
		if (x[i + 1] === x[i]) continue;
		const nLeft = i + 1 - start;
		const rightSum = total - leftSum;
		// SSE_L + SSE_R = Σy² − S_L²/n_L − S_R²/n_R, so maximising the last two terms minimises the error.
		const proxy = (leftSum * leftSum) / nLeft + (rightSum * rightSum) / (n - nLeft);
		if (proxy > bestProxy) {
			bestProxy = proxy;
			bestIndex = i;
		}
	}
	return bestIndex;
}

function grow(slice: Slice, depthLeft: number): TreeNode {
	const { x, y, start, end } = slice;
	const size = end - start;
	let total = 0;
	let constant = true;
	for (let i = start; i < end; i++) {
		total += y[i]!;
		if (y[i] !== y[start]) constant = false;
	}
	const value = total / size;
	if (depthLeft === 0 || size < 2 || constant) return { kind: 'leaf', value, size };
	const i = bestSplitIndex(slice, total);
	if (i < 0) return { kind: 'leaf', value, size };
	let threshold = x[i]! / 2 + x[i + 1]! / 2;
	if (threshold === x[i + 1]) threshold = x[i]!;
	return {
		kind: 'split',
		threshold,
		left: grow({ x, y, start, end: i + 1 }, depthLeft - 1),
		right: grow({ x, y, start: i + 1, end }, depthLeft - 1),
		size,
	};
}

function checkDepth(maxDepth: number): void {
	if (!Number.isInteger(maxDepth) || maxDepth < 0) throw new RangeError(`maxDepth must be a whole number ≥ 0, got ${maxDepth}`);
}

/** Grows a tree of at most `maxDepth` levels of splits (0 gives a single leaf: the mean). */
export function fitRegressionTree(x: readonly number[], y: readonly number[], maxDepth: number): TreeNode {
	if (x.length !== y.length || x.length === 0) throw new RangeError('x and y must be non-empty and of the same length');
	checkDepth(maxDepth);
	const order = x.map((_, i) => i).sort((a, b) => x[a]! - x[b]!);
	return grow({ x: order.map((i) => x[i]!), y: order.map((i) => y[i]!), start: 0, end: x.length }, maxDepth);
}

/** `fitRegressionTree` for x already sorted ascending: skips the sort, for the many trees of a bag. */
export function fitRegressionTreeSorted(x: readonly number[], y: readonly number[], maxDepth: number): TreeNode {
	if (x.length !== y.length || x.length === 0) throw new RangeError('x and y must be non-empty and of the same length');
	checkDepth(maxDepth);
	return grow({ x, y, start: 0, end: x.length }, maxDepth);
}

/** The tree's prediction at x: follow x ≤ threshold to the left until a leaf. */
export function predictTree(tree: TreeNode, x: number): number {
	let node = tree;
	while (node.kind === 'split') node = x <= node.threshold ? node.left : node.right;
	return node.value;
}

/** Number of leaves, i.e. of distinct flat pieces in the prediction. */
export function leafCount(tree: TreeNode): number {
	return tree.kind === 'leaf' ? 1 : leafCount(tree.left) + leafCount(tree.right);
}
