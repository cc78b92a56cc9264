/**
 * Principal component analysis as scikit-learn's `PCA` computes it, optionally
 * after `StandardScaler`: centre (and scale by the population sd), take the
 * eigen-decomposition of the covariance matrix (ddof = 1), and project.
 *
 * Outputs follow sklearn's names: `components` = `components_` (one unit
 * vector per row), `explainedVariance` = `explained_variance_` (eigenvalues
 * of the ddof = 1 covariance), `explainedVarianceRatio`, and `scores` =
 * `transform(X)`. "Loadings" here are the entries of each component (the
 * weights φ of ISLR); some books scale them by √variance instead.
 *
 * An eigenvector is only defined up to sign, and sklearn's choice depends on
 * its SVD, so each component is flipped to make its largest-|value| entry
 * positive: the same data always gives the same picture.
 */
import { EigenvalueDecomposition, Matrix } from 'ml-matrix';
import { fail, succeed, type Outcome } from '../stats/outcome';
import { centreAndScaleRows, columnMeans, columnPopulationSds } from './columns';

export interface PcaOptions {
	/** Divide each centred column by its population sd (StandardScaler) before the PCA. */
	standardise: boolean;
}

export interface PcaResult {
	/** Column means subtracted before the PCA. */
	means: number[];
	/** What each centred column was divided by: its population sd, or 1 when not standardising. */
	scales: number[];
	/** One row per component, in order of decreasing variance; unit length, sign fixed. */
	components: number[][];
	/** Variance of the scores on each component (ddof = 1). */
	explainedVariance: number[];
	/** Each component's share of the total variance. */
	explainedVarianceRatio: number[];
	/** Running total of `explainedVarianceRatio`. */
	cumulativeRatio: number[];
	/** Coordinates of each row on every component (n × p). */
	scores: number[][];
}

/** Sample covariance (divisor n − 1) of already-centred rows, as a p × p matrix. */
export function covarianceOfCentred(centred: readonly (readonly number[])[]): Matrix {
	const data = new Matrix(centred.map((row) => [...row]));
	return data.transpose().mmul(data).div(centred.length - 1);
}

/** Flips `vector` so that its entry of largest absolute value is positive. */
export function fixSign(vector: readonly number[]): number[] {
	let largest = 0;
	for (let j = 1; j < vector.length; j++) if (Math.abs(vector[j]!) > Math.abs(vector[largest]!)) largest = j;
	return vector[largest]! < 0 ? vector.map((v) => -v) : [...vector];
}

/**
 * Eigenpairs of a symmetric matrix, largest eigenvalue first. Round-off can
 * make a zero eigenvalue slightly negative; those are set to 0.
 */
export function sortedEigenpairs(symmetric: Matrix): Array<{ value: number; vector: number[] }> {
	const evd = new EigenvalueDecomposition(symmetric, { assumeSymmetric: true });
	const vectors = evd.eigenvectorMatrix;
	return evd.realEigenvalues
		.map((value, i) => ({ value: Math.max(0, value), vector: fixSign(vectors.getColumn(i)) }))
		.sort((a, b) => b.value - a.value);
}

export function pca(rows: readonly (readonly number[])[], options: PcaOptions): Outcome<PcaResult> {
	const width = rows[0]?.length ?? 0;
	if (rows.length < 2) return fail('PCA needs at least two rows.');
	if (width < 1 || rows.some((r) => r.length !== width)) return fail('Every row must have the same number of features.');
	const means = columnMeans(rows);
	// StandardScaler leaves a constant column unscaled rather than dividing by zero.
	const scales = options.standardise ? columnPopulationSds(rows).map((sd) => (sd === 0 ? 1 : sd)) : means.map(() => 1);
	const centred = centreAndScaleRows(rows, means, scales);
	const pairs = sortedEigenpairs(covarianceOfCentred(centred));
	const explainedVariance = pairs.map((p) => p.value);
	const total = explainedVariance.reduce((a, b) => a + b, 0);
	if (!(total > 0)) return fail('Every feature is constant, so there is no variance to explain.');
	const explainedVarianceRatio = explainedVariance.map((v) => v / total);
	const components = pairs.map((p) => p.vector);
	return succeed({
		means,
		scales,
		components,
		explainedVariance,
		explainedVarianceRatio,
		cumulativeRatio: runningTotal(explainedVarianceRatio),
		scores: project(centred, components),
	});
}

/** Coordinates of centred rows on the given unit components. */
export function project(centred: readonly (readonly number[])[], components: readonly (readonly number[])[]): number[][] {
	return centred.map((row) => components.map((c) => row.reduce((acc, x, j) => acc + x * c[j]!, 0)));
}

export function runningTotal(xs: readonly number[]): number[] {
	let total = 0;
	return xs.map((x) => (total += x));
}

/** The feature with the largest absolute weight in `component`. */
export function topLoading(component: readonly number[], features: readonly string[]): { feature: string; index: number; weight: number } {
	let index = 0;
	for (let j = 1; j < component.length; j++) if (Math.abs(component[j]!) > Math.abs(component[index]!)) index = j;
	return { feature: features[index]!, index, weight: component[index]! };
}

/** How many leading components it takes to reach `share` of the variance. */
export function componentsNeeded(cumulativeRatio: readonly number[], share: number): number {
	const i = cumulativeRatio.findIndex((c) => c >= share - 1e-12);
	return i === -1 ? cumulativeRatio.length : i + 1;
}
