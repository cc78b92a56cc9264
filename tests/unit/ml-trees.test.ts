import { describe, expect, it } from 'vitest';
import { csvParse } from 'd3-dsv';
import iris from '../../public/data/iris.csv?raw';
import { gini, giniFromCounts, scanSplits, scoreThreshold } from '../../src/lib/ml/gini-split';
import { fitRegressionTree, leafCount, predictTree, type TreeNode } from '../../src/lib/ml/regression-tree';
import { baggingExperiment, bootstrapIndices, fitBaggedTrees, fitTreeOnRows, predictBagged, squaredBiasAcrossRows, varianceAcrossRows } from '../../src/lib/ml/bagging';
import { evenGrid } from '../../src/lib/ml/curve-data';
import { seededSource } from '../../src/lib/stats/random';

const twoSpecies = csvParse(iris).filter((r) => r.species !== 'setosa');
const labels = twoSpecies.map((r) => r.species!);
const column = (name: string) => twoSpecies.map((r) => Number(r[name]));

describe('Gini impurity', () => {
	it('is 0 for a pure node, 1/2 for two balanced classes and 2/3 for three', () => {
		expect(gini(['a', 'a', 'a'])).toBe(0);
		expect(gini(['a', 'b', 'a', 'b'])).toBe(0.5);
		expect(gini(['a', 'b', 'c'])).toBeCloseTo(2 / 3, 15);
		expect(giniFromCounts([])).toBe(0);
		// 1 - (0.9**2 + 0.1**2) = 0.18
		expect(giniFromCounts([9, 1])).toBeCloseTo(0.18, 15);
	});
});

describe('scanSplits on iris, versicolor vs virginica', () => {
	// d = pd.read_csv('public/data/iris.csv'); d = d[d.species != 'setosa']
	// t = DecisionTreeClassifier(max_depth=1, random_state=0).fit(d[[feature]].values, d.species).tree_
	// t.threshold[0], t.impurity[0..2], t.n_node_samples[1..2]; weighted = (nL*t.impurity[1] + nR*t.impurity[2]) / 100
	const cases = [
		{ feature: 'petal_length', threshold: 4.75, left: 0.04345679012345682, right: 0.19438016528925617, nLeft: 45, weighted: 0.12646464646464647, candidates: 33 },
		{ feature: 'petal_width', threshold: 1.75, left: 0.16803840877914955, right: 0.042533081285444196, nLeft: 54, weighted: 0.11030595813204509, candidates: 15 },
		{ feature: 'sepal_length', threshold: 6.1499998569488525, left: 0.36938271604938266, right: 0.4125619834710744, nLeft: 45, weighted: 0.39313131313131316, candidates: 27 },
		{ feature: 'sepal_width', threshold: 2.450000047683716, left: 0.18000000000000005, right: 0.49604938271604937, nLeft: 10, weighted: 0.46444444444444444, candidates: 15 },
	];
	for (const c of cases) {
		it(`finds sklearn's depth-1 split on ${c.feature}`, () => {
			const scan = scanSplits(column(c.feature), labels);
			expect(scan.classes).toEqual(['versicolor', 'virginica']);
			expect(scan.parentGini).toBe(0.5);
			// len(np.unique(x)) - 1 midpoints
			expect(scan.candidates).toHaveLength(c.candidates);
			const best = scan.best!;
			// sklearn stores thresholds computed from float32 copies of X, hence 6 decimals.
			expect(best.threshold).toBeCloseTo(c.threshold, 6);
			expect(best.leftGini).toBeCloseTo(c.left, 12);
			expect(best.rightGini).toBeCloseTo(c.right, 12);
			expect(best.leftCounts.reduce((a, b) => a + b, 0)).toBe(c.nLeft);
			expect(best.weightedGini).toBeCloseTo(c.weighted, 12);
		});
	}

	it('scores any threshold, including one with an empty side', () => {
		// weighted Gini of petal_length <= 5.0 computed with numpy as in the loop above: 0.17159277504105083
		expect(scoreThreshold(column('petal_length'), labels, 5.0).weightedGini).toBeCloseTo(0.17159277504105083, 12);
		const everything = scoreThreshold(column('petal_length'), labels, 100);
		expect(everything.weightedGini).toBe(0.5);
		expect(everything.rightCounts).toEqual([0, 0]);
	});

	it('has no split when every value is equal', () => {
		const scan = scanSplits([1, 1, 1], ['a', 'b', 'a']);
		expect(scan.best).toBeNull();
		expect(scan.candidates).toEqual([]);
	});
});

// rng = np.random.default_rng(1); y = np.round(np.sin(x) + rng.normal(0, 0.3, len(x)), 2)
const x = [0.25, 0.5, 1.0, 1.25, 1.75, 2.0, 2.5, 3.0, 3.25, 3.5, 4.0, 4.5];
const y = [0.35, 0.73, 0.94, 0.56, 1.26, 1.04, 0.44, 0.32, 0.0, -0.26, -0.75, -0.81];
const probes = [0.0, 1.1, 2.2, 3.3, 4.4, 5.0];

function preorderThresholds(node: TreeNode): number[] {
	return node.kind === 'leaf' ? [] : [node.threshold, ...preorderThresholds(node.left), ...preorderThresholds(node.right)];
}

describe('fitRegressionTree', () => {
	// t = DecisionTreeRegressor(max_depth=d).fit(x[:, None], y)
	// [v for v in t.tree_.threshold if v != -2], t.get_n_leaves(), t.predict(probes[:, None])
	const cases = [
		{ depth: 1, thresholds: [3.125], leaves: 2, predictions: [0.7050000000000001, 0.7050000000000001, 0.7050000000000001, -0.455, -0.455, -0.455] },
		{ depth: 2, thresholds: [3.125, 2.25, 3.75], leaves: 4, predictions: [0.8133333333333334, 0.8133333333333334, 0.8133333333333334, -0.13, -0.78, -0.78] },
		{ depth: 3, thresholds: [3.125, 2.25, 1.5, 2.75, 3.75, 3.375, 4.25], leaves: 8, predictions: [0.645, 0.645, 1.15, 0.0, -0.81, -0.81] },
	];
	for (const c of cases) {
		it(`grows sklearn's tree at depth ${c.depth}`, () => {
			const tree = fitRegressionTree(x, y, c.depth);
			expect(preorderThresholds(tree)).toEqual(c.thresholds);
			expect(leafCount(tree)).toBe(c.leaves);
			probes.forEach((p, i) => expect(predictTree(tree, p)).toBeCloseTo(c.predictions[i]!, 12));
		});
	}

	it('is the mean at depth 0 and interpolates the data when deep enough', () => {
		const mean = y.reduce((a, b) => a + b, 0) / y.length;
		expect(predictTree(fitRegressionTree(x, y, 0), 2)).toBeCloseTo(mean, 14);
		const deep = fitRegressionTree(x, y, 10);
		expect(leafCount(deep)).toBe(12);
		x.forEach((xi, i) => expect(predictTree(deep, xi)).toBe(y[i]));
	});
});

describe('bagging', () => {
	const points = x.map((xi, i) => ({ x: xi, y: y[i]! }));

	it('averages trees grown on resamples, as sklearn trees on X[idx] do', () => {
		// idx = [[3,3,0,11,5,7,7,9,2,1,10,6], [0,1,1,4,4,8,9,9,10,11,2,5]]
		// np.mean([DecisionTreeRegressor(max_depth=2).fit(x[i][:, None], y[i]).predict(g[:, None]) for i in idx], axis=0)
		const trees = [
			fitTreeOnRows(points, [3, 3, 0, 11, 5, 7, 7, 9, 2, 1, 10, 6], 2),
			fitTreeOnRows(points, [0, 1, 1, 4, 4, 8, 9, 9, 10, 11, 2, 5], 2),
		];
		const expected = [0.65, 0.9108333333333334, 0.9108333333333334, -0.21666666666666667, -0.78];
		[0.0, 1.1, 2.2, 3.3, 4.4].forEach((g, i) => expect(predictBagged(trees, g)).toBeCloseTo(expected[i]!, 12));
	});

	it('grows each bagged tree on one bootstrap resample (the sorted shortcut changes nothing)', () => {
		const bag = fitBaggedTrees(points, 3, 2, seededSource(8));
		const source = seededSource(8);
		const direct = [0, 1, 2].map(() => fitTreeOnRows(points, bootstrapIndices(points.length, source), 2));
		for (const g of [0.1, 1.3, 2.6, 3.9, 4.6]) bag.forEach((tree, k) => expect(predictTree(tree, g)).toBe(predictTree(direct[k]!, g)));
	});

	it('draws bootstrap indices in range, about 63.2% of them distinct', () => {
		const indices = bootstrapIndices(10_000, seededSource(5));
		expect(Math.min(...indices)).toBeGreaterThanOrEqual(0);
		expect(Math.max(...indices)).toBeLessThan(10_000);
		// 1 - (1 - 1/n)^n ≈ 1 - 1/e = 0.6321; sd of the distinct share ≈ 0.0034 at n = 10,000
		expect(Math.abs(new Set(indices).size / 10_000 - 0.6321)).toBeLessThan(0.015);
		expect(bootstrapIndices(50, seededSource(5))).toEqual(bootstrapIndices(50, seededSource(5)));
	});

	it('measures variance and squared bias across rows like numpy', () => {
		const m = [
			[1.0, 2.0, 0.5],
			[1.5, 2.5, 0.0],
			[0.5, 1.0, 1.0],
			[2.0, 2.0, 0.25],
		];
		// np.var(M, axis=0, ddof=1)
		const variance = varianceAcrossRows(m);
		[0.4166666666666667, 0.3958333333333333, 0.18229166666666666].forEach((v, j) => expect(variance[j]).toBeCloseTo(v, 14));
		// (M.mean(0) - [1.0, 2.0, 0.5])**2
		expect(squaredBiasAcrossRows(m, [1.0, 2.0, 0.5])).toEqual([0.0625, 0.015625, 0.00390625]);
	});

	it('halves the variance of deep trees, as sklearn BaggingRegressor does on the same curve', () => {
		const result = baggingExperiment(
			{
				data: { curve: Math.sin, n: 60, noiseSd: 0.5, xMin: 0, xMax: 6 },
				maxDepth: 8,
				trees: 50,
				repeats: 100,
				grid: evenGrid(0.2, 5.8, 30),
			},
			seededSource(11),
		);
		// Different random numbers, same experiment (Python, rng = np.random.default_rng(seed)): for r in range(R): x = rng.uniform(0, 6, 60);
		// y = np.sin(x) + rng.normal(0, 0.5, 60); predict on np.linspace(0.2, 5.8, 30) with
		// DecisionTreeRegressor(max_depth=8) and BaggingRegressor(DecisionTreeRegressor(max_depth=8), n_estimators=50);
		// np.var(P, 0, ddof=1).mean(): single tree 0.2399, 0.2404, 0.2381 (R = 1000, seeds 1-3); ratio 2.0096 (R = 200).
		expect(Math.abs(result.singleTree.variance - 0.24)).toBeLessThan(0.025);
		expect(Math.abs(result.varianceRatio - 2.0)).toBeLessThan(0.3);
		// Bagging leaves the (already small) squared bias of a deep tree small: sklearn 0.0011 and 0.0004.
		expect(result.singleTree.squaredBias).toBeLessThan(0.01);
		expect(result.bagged.squaredBias).toBeLessThan(0.01);
	});
});
