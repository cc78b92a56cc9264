/**
 * Unpenalised logistic regression fitted by Newton's method (iteratively
 * reweighted least squares), the model scikit-learn's
 * `LogisticRegression(C=np.inf)` fits: P(y = 1 | x) = σ(β₀ + β·x). Newton
 * converges in a handful of steps on a well-posed problem, so the result
 * agrees with sklearn's to many decimals instead of to a solver's tolerance.
 */
import { CholeskyDecomposition, Matrix } from 'ml-matrix';
import { fail, succeed, type Outcome } from '../stats/outcome';

export interface LogisticFit {
	intercept: number;
	/** One coefficient per feature (per unit of each column as given). */
	coefficients: number[];
	/** Newton steps taken until the coefficients stopped moving. */
	iterations: number;
	/** Mean log loss on the training data. */
	logLoss: number;
}

export interface LogisticOptions {
	/** Stop when no coefficient moves by more than this in one step. */
	tolerance?: number;
	maxIterations?: number;
}

/** σ(z) = 1 / (1 + e^(−z)), written so that neither branch overflows for large |z|. */
export function sigmoid(z: number): number {
	if (z >= 0) return 1 / (1 + Math.exp(-z));
	const e = Math.exp(z);
	return e / (1 + e);
}

/** The linear score β₀ + β·x of one row. */
export function linearScore(fit: Pick<LogisticFit, 'intercept' | 'coefficients'>, row: readonly number[]): number {
	return row.reduce((acc, x, j) => acc + x * fit.coefficients[j]!, fit.intercept);
}

/** P(y = 1) for each row, sklearn's `predict_proba(X)[:, 1]`. */
export function predictProbabilities(fit: Pick<LogisticFit, 'intercept' | 'coefficients'>, rows: readonly (readonly number[])[]): number[] {
	return rows.map((row) => sigmoid(linearScore(fit, row)));
}

/** Mean negative log-likelihood, with log(1 + e^(∓z)) computed without overflow. */
export function meanLogLoss(scores: readonly number[], labels: readonly number[]): number {
	const softplus = (z: number) => (z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z)));
	const total = scores.reduce((acc, z, i) => acc + (labels[i] === 1 ? softplus(-z) : softplus(z)), 0);
	return total / scores.length;
}

/** XᵀWX for W = diag(weights), filled symmetrically so Cholesky accepts it despite round-off. */
function weightedGram(design: Matrix, weights: readonly number[]): Matrix {
	const p = design.columns;
	const gram = new Matrix(p, p);
	for (let j = 0; j < p; j++) {
		for (let k = j; k < p; k++) {
			let total = 0;
			for (let i = 0; i < design.rows; i++) total += design.get(i, j) * design.get(i, k) * weights[i]!;
			gram.set(j, k, total);
			gram.set(k, j, total);
		}
	}
	return gram;
}

/**
 * Fits β by Newton–Raphson: β ← β + (XᵀWX)⁻¹Xᵀ(y − p) with W = diag(p(1 − p)).
 * `labels` are 0/1. Fails when the classes can be separated perfectly (the
 * unpenalised coefficients then run off to infinity) or when a feature is constant.
 */
export function fitLogistic(
	rows: readonly (readonly number[])[],
	labels: readonly number[],
	{ tolerance = 1e-10, maxIterations = 100 }: LogisticOptions = {},
): Outcome<LogisticFit> {
	const n = rows.length;
	const p = (rows[0]?.length ?? 0) + 1;
	if (n !== labels.length) return fail('There must be one label per row.');
	if (labels.some((y) => y !== 0 && y !== 1)) return fail('Labels must be 0 or 1.');
	const positives = labels.filter((y) => y === 1).length;
	if (positives === 0 || positives === n) return fail('Both classes must occur in the data.');
	const design = new Matrix(rows.map((r) => [1, ...r]));
	let beta = new Array<number>(p).fill(0);
	for (let iteration = 1; iteration <= maxIterations; iteration++) {
		const scores = rows.map((r) => linearScore({ intercept: beta[0]!, coefficients: beta.slice(1) }, r));
		const probabilities = scores.map(sigmoid);
		const gradient = design.transpose().mmul(Matrix.columnVector(labels.map((y, i) => y - probabilities[i]!)));
		const hessian = weightedGram(design, probabilities.map((q) => q * (1 - q)));
		const cholesky = new CholeskyDecomposition(hessian);
		if (!cholesky.isPositiveDefinite()) return fail('The features are linearly dependent or the classes are perfectly separated, so the coefficients are not unique.');
		const step = cholesky.solve(gradient).getColumn(0);
		beta = beta.map((b, j) => b + step[j]!);
		if (beta.some((b) => !Number.isFinite(b))) break;
		if (Math.max(...step.map(Math.abs)) < tolerance) {
			const finalScores = rows.map((r) => linearScore({ intercept: beta[0]!, coefficients: beta.slice(1) }, r));
			return succeed({ intercept: beta[0]!, coefficients: beta.slice(1), iterations: iteration, logLoss: meanLogLoss(finalScores, labels) });
		}
	}
	return fail('The fit did not converge: the classes may be perfectly separated, so the coefficients grow without bound.');
}
