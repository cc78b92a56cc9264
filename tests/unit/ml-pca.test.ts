import { describe, expect, it } from 'vitest';
import irisCsv from '../../public/data/iris.csv?raw';
import wineCsv from '../../public/data/wine.csv?raw';
import { distinctLabels, parseLabelledCsv, type LabelledData } from '../../src/lib/ml/dataset';
import { componentsNeeded, fixSign, pca, runningTotal, topLoading, type PcaResult } from '../../src/lib/ml/pca';
import { columnMeans, columnPopulationSds } from '../../src/lib/ml/columns';

function data(text: string, column: string): LabelledData {
	const parsed = parseLabelledCsv(text, column);
	if (!parsed.ok) throw new Error(parsed.error);
	return parsed.value;
}

function fitted(rows: number[][], standardise: boolean): PcaResult {
	const result = pca(rows, { standardise });
	if (!result.ok) throw new Error(result.error);
	return result.value;
}

/** Components are unique only up to sign: compare after aligning the sign with the reference. */
function expectSameUpToSign(actual: number[], reference: number[], digits: number) {
	const dot = actual.reduce((acc, a, j) => acc + a * reference[j]!, 0);
	const sign = dot < 0 ? -1 : 1;
	actual.forEach((a, j) => expect(sign * a).toBeCloseTo(reference[j]!, digits));
}

const iris = data(irisCsv, 'species');
const wine = data(wineCsv, 'cultivar');

describe('parseLabelledCsv', () => {
	it('splits features from the class column', () => {
		expect(iris.features).toEqual(['sepal_length', 'sepal_width', 'petal_length', 'petal_width']);
		expect(iris.rows).toHaveLength(150);
		expect(iris.rows[0]).toEqual([5.1, 3.5, 1.4, 0.2]);
		expect(distinctLabels(iris.labels)).toEqual(['setosa', 'versicolor', 'virginica']);
		expect(wine.features).toHaveLength(13);
		expect(wine.rows).toHaveLength(178);
		expect(distinctLabels(wine.labels)).toEqual(['class_0', 'class_1', 'class_2']);
	});

	it('drops rows with a missing or non-numeric feature and reports a missing class column', () => {
		const parsed = parseLabelledCsv('a,b,y\n1,2,u\n,3,v\nx,4,w\n5,6,z\n', 'y');
		expect(parsed.ok && parsed.value).toEqual({ features: ['a', 'b'], rows: [[1, 2], [5, 6]], labels: ['u', 'z'], dropped: 2 });
		expect(parseLabelledCsv('a,b\n1,2\n', 'y')).toEqual({ ok: false, error: 'The data has no column “y”.' });
	});
});

describe('columns', () => {
	it('gives population sds like StandardScaler', () => {
		// /tmp/py/bin/python: X = pd.read_csv('public/data/iris.csv').drop(columns='species'); list(StandardScaler().fit(X).scale_)
		const sds = columnPopulationSds(iris.rows);
		[0.8253012917851409, 0.4344109677354946, 1.759404065775303, 0.7596926279021594].forEach((s, j) => expect(sds[j]).toBeCloseTo(s, 12));
		// /tmp/py/bin/python: list(X.mean().to_numpy())
		const means = columnMeans(iris.rows);
		[5.843333333333334, 3.0573333333333337, 3.7580000000000005, 1.1993333333333336].forEach((m, j) => expect(means[j]).toBeCloseTo(m, 12));
	});
});

describe('pca against scikit-learn', () => {
	// Reference: /tmp/py/bin/python with pandas + sklearn 1.9:
	//   X = pd.read_csv('public/data/iris.csv').drop(columns='species').to_numpy(float)
	//   p = PCA().fit(StandardScaler().fit_transform(X)); p.explained_variance_, p.explained_variance_ratio_, p.components_[:2], p.transform(Z)[0, :2]
	it('matches standardised iris', () => {
		const r = fitted(iris.rows, true);
		[2.938085050199996, 0.9201649041624855, 0.147741821044948, 0.02085386217646304].forEach((v, j) => expect(r.explainedVariance[j]).toBeCloseTo(v, 10));
		[0.729624454132999, 0.2285076178670172, 0.03668921889282875, 0.00517870910715499].forEach((v, j) =>
			expect(r.explainedVarianceRatio[j]).toBeCloseTo(v, 12),
		);
		expectSameUpToSign(r.components[0]!, [0.5210659146701198, -0.26934744250594256, 0.5804130957962944, 0.564856535779361], 10);
		expectSameUpToSign(r.components[1]!, [0.3774176155645678, 0.923295659540715, 0.02449160908558601, 0.0669419869680578], 10);
		// Scores of the first row on PC1 and PC2 (same signs as sklearn's for iris).
		expect(Math.abs(r.scores[0]![0]!)).toBeCloseTo(2.2647028088075873, 10);
		expect(Math.abs(r.scores[0]![1]!)).toBeCloseTo(0.4800265965209898, 10);
		expect(r.cumulativeRatio[1]).toBeCloseTo(0.729624454132999 + 0.2285076178670172, 12);
	});

	// Same, without StandardScaler: p = PCA().fit(X)
	it('matches raw (centred only) iris', () => {
		const r = fitted(iris.rows, false);
		expect(r.scales).toEqual([1, 1, 1, 1]);
		[4.228241706034863, 0.24267074792861842, 0.07820950004290925, 0.02383509297344664].forEach((v, j) => expect(r.explainedVariance[j]).toBeCloseTo(v, 10));
		expect(r.explainedVarianceRatio[0]).toBeCloseTo(0.9246187232017327, 12);
		expectSameUpToSign(r.components[0]!, [0.3613865917853675, -0.08452251406456968, 0.8566706059498354, 0.3582891971515502], 10);
		expect(Math.abs(r.scores[149]![0]!)).toBeCloseTo(1.390188861947916, 10);
	});

	// X = pd.read_csv('public/data/wine.csv').drop(columns='cultivar'); PCA().fit(StandardScaler().fit_transform(X))
	it('matches standardised wine', () => {
		const r = fitted(wine.rows, true);
		expect(r.components).toHaveLength(13);
		[0.3619884809992633, 0.19207490257008944, 0.11123630536249975, 0.07069030182714031].forEach((v, j) =>
			expect(r.explainedVarianceRatio[j]).toBeCloseTo(v, 10),
		);
		expect(r.explainedVariance[0]).toBeCloseTo(4.732436977583588, 10);
		expect(r.explainedVariance[12]).toBeCloseTo(0.10396199182075323, 10);
		expectSameUpToSign(
			r.components[0]!,
			[
				0.14432939540601183, -0.24518758025722048, -0.00205106144437095, -0.23932040548753503, 0.1419920419529875, 0.3946608450666301,
				0.422934296710059, -0.2985331029547152, 0.3134294883076886, -0.08861670472472248, 0.29671456358638104, 0.3761674107387126,
				0.2867522268968052,
			],
			9,
		);
		expect(Math.abs(r.scores[0]![0]!)).toBeCloseTo(3.3167508122147784, 9);
	});

	// PCA().fit(X) on raw wine: proline's scale swamps everything else.
	it('matches raw wine, where one feature dominates', () => {
		const r = fitted(wine.rows, false);
		expect(r.explainedVariance[0]! / 99201.789517480895).toBeCloseTo(1, 10);
		expect(r.explainedVarianceRatio[0]).toBeCloseTo(0.9980912304918973, 10);
		expect(r.explainedVarianceRatio[1]).toBeCloseTo(0.0017359156247057494, 10);
		expect(topLoading(r.components[0]!, wine.features)).toMatchObject({ feature: 'proline', index: 12 });
		expect(topLoading(r.components[0]!, wine.features).weight).toBeCloseTo(0.9998229365233259, 9);
	});

	it('makes components orthonormal and the largest entry of each positive', () => {
		const r = fitted(wine.rows, true);
		for (let a = 0; a < 13; a++) {
			const c = r.components[a]!;
			expect(Math.max(...c)).toBe(Math.max(...c.map(Math.abs)));
			for (let b = 0; b < 13; b++) {
				const dot = c.reduce((acc, v, j) => acc + v * r.components[b]![j]!, 0);
				expect(dot).toBeCloseTo(a === b ? 1 : 0, 10);
			}
		}
	});

	it('gives scores whose variances are the explained variances', () => {
		const r = fitted(iris.rows, true);
		const pc1 = r.scores.map((s) => s[0]!);
		const m = pc1.reduce((a, b) => a + b, 0) / pc1.length;
		expect(m).toBeCloseTo(0, 12);
		expect(pc1.reduce((acc, s) => acc + (s - m) ** 2, 0) / (pc1.length - 1)).toBeCloseTo(r.explainedVariance[0]!, 10);
	});
});

describe('pca helpers', () => {
	it('fixes signs, finds the top loading, accumulates and counts components', () => {
		expect(fixSign([0.2, -0.9, 0.3])).toEqual([-0.2, 0.9, -0.3]);
		expect(fixSign([0.2, 0.9])).toEqual([0.2, 0.9]);
		expect(topLoading([0.52, -0.27, 0.58, 0.56], ['a', 'b', 'c', 'd'])).toEqual({ feature: 'c', index: 2, weight: 0.58 });
		expect(runningTotal([0.5, 0.3, 0.2])).toEqual([0.5, 0.8, 1]);
		expect(componentsNeeded([0.73, 0.958, 0.995, 1], 0.9)).toBe(2);
		expect(componentsNeeded([0.5, 0.7], 0.9)).toBe(2);
	});

	it('refuses data it cannot analyse', () => {
		expect(pca([[1, 2]], { standardise: true }).ok).toBe(false);
		expect(pca([[1, 2], [3]], { standardise: false }).ok).toBe(false);
		expect(pca([[1, 1], [1, 1], [1, 1]], { standardise: true })).toEqual({ ok: false, error: 'Every feature is constant, so there is no variance to explain.' });
	});

	it('leaves a constant column unscaled, as StandardScaler does', () => {
		const r = fitted([[1, 5], [2, 5], [4, 5]], true);
		expect(r.scales[1]).toBe(1);
		expect(r.explainedVarianceRatio[0]).toBeCloseTo(1, 12);
	});
});
