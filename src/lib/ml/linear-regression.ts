/**
 * Ordinary least squares, two ways. `fitLine` is the closed form for one
 * feature (what `numpy.polyfit(x, y, 1)` returns); `leastSquares` solves the
 * normal equations XᵀXβ = Xᵀy for any design matrix with ml-matrix's Cholesky
 * decomposition (sklearn's `LinearRegression` coefficients when X has a
 * column of ones). Standard errors are the classical ones statsmodels' OLS
 * reports: √diag(s²(XᵀX)⁻¹) with s² = RSS / (n − p).
 */
import { CholeskyDecomposition, Matrix } from 'ml-matrix';
import tQuantile from '@stdlib/stats-base-dists-t-quantile';
import { fail, succeed, type Outcome } from '../stats/outcome';

export interface LineFit {
	intercept: number;
	slope: number;
	interceptSe: number;
	slopeSe: number;
	/** 1 − RSS / TSS. */
	rSquared: number;
	/** Residual standard error √(RSS / (n − 2)), statsmodels' √scale. */
	residualSd: number;
	/** Residual degrees of freedom, n − 2. */
	df: number;
	fitted: number[];
	residuals: number[];
}

/** Least-squares line through (x, y); needs at least three points and two distinct x values. */
export function fitLine(x: readonly number[], y: readonly number[]): Outcome<LineFit> {
	const n = x.length;
	if (n !== y.length) return fail('x and y must have the same length.');
	if (n < 3) return fail('A line with standard errors needs at least three points.');
	const meanX = x.reduce((a, b) => a + b, 0) / n;
	const meanY = y.reduce((a, b) => a + b, 0) / n;
	let sxx = 0;
	let sxy = 0;
	let syy = 0;
	for (let i = 0; i < n; i++) {
		sxx += (x[i]! - meanX) ** 2;
		sxy += (x[i]! - meanX) * (y[i]! - meanY);
		syy += (y[i]! - meanY) ** 2;
	}
	if (!(sxx > 0)) return fail('All x values are equal, so the slope is undefined.');
	const slope = sxy / sxx;
	const intercept = meanY - slope * meanX;
	const fitted = x.map((xi) => intercept + slope * xi);
	const residuals = y.map((yi, i) => yi - fitted[i]!);
	const rss = residuals.reduce((acc, r) => acc + r * r, 0);
	const df = n - 2;
	const residualSd = Math.sqrt(rss / df);
	return succeed({
		intercept,
		slope,
		interceptSe: residualSd * Math.sqrt(1 / n + meanX ** 2 / sxx),
		slopeSe: residualSd / Math.sqrt(sxx),
		// A constant y is fitted perfectly; call that R² = 1 rather than 0/0.
		rSquared: syy > 0 ? 1 - rss / syy : 1,
		residualSd,
		df,
		fitted,
		residuals,
	});
}

export interface LeastSquaresFit {
	/** One coefficient per column of X. */
	coefficients: number[];
	standardErrors: number[];
	fitted: number[];
	residuals: number[];
	/** Centred R², 1 − RSS / TSS (meaningful when X has a column of ones). */
	rSquared: number;
	/** √(RSS / (n − p)). */
	residualSd: number;
	/** n − p. */
	df: number;
}

/** X with a leading column of ones, so `leastSquares` fits an intercept. */
export function withIntercept(rows: readonly (readonly number[])[]): number[][] {
	return rows.map((r) => [1, ...r]);
}

/** Least squares for a full design matrix X (n × p) by the normal equations. */
export function leastSquares(X: readonly (readonly number[])[], y: readonly number[]): Outcome<LeastSquaresFit> {
	const n = X.length;
	const p = X[0]?.length ?? 0;
	if (n !== y.length) return fail('X and y must have the same number of rows.');
	if (p === 0 || X.some((r) => r.length !== p)) return fail('Every row of X must have the same, non-zero number of columns.');
	if (n <= p) return fail(`Least squares with ${p} coefficients needs more than ${p} rows.`);
	const design = new Matrix(X.map((r) => [...r]));
	const gram = design.transpose().mmul(design);
	const cholesky = new CholeskyDecomposition(gram);
	// XᵀX is positive definite exactly when the columns of X are linearly independent.
	if (!cholesky.isPositiveDefinite()) return fail('The columns of X are linearly dependent, so the coefficients are not unique.');
	const coefficients = cholesky.solve(design.transpose().mmul(Matrix.columnVector([...y]))).getColumn(0);
	const fitted = X.map((r) => r.reduce((acc, v, j) => acc + v * coefficients[j]!, 0));
	const residuals = y.map((yi, i) => yi - fitted[i]!);
	const rss = residuals.reduce((acc, r) => acc + r * r, 0);
	const meanY = y.reduce((a, b) => a + b, 0) / n;
	const tss = y.reduce((acc, yi) => acc + (yi - meanY) ** 2, 0);
	const df = n - p;
	const scale = rss / df;
	// diag((XᵀX)⁻¹) from the same factorisation: solve against the identity.
	const inverse = cholesky.solve(Matrix.eye(p));
	return succeed({
		coefficients,
		standardErrors: coefficients.map((_, j) => Math.sqrt(scale * inverse.get(j, j))),
		fitted,
		residuals,
		rSquared: tss > 0 ? 1 - rss / tss : 1,
		residualSd: Math.sqrt(scale),
		df,
	});
}

/** Two-sided t interval estimate ± t(df, (1 + level) / 2) · se, as statsmodels' conf_int. */
export function confidenceInterval(estimate: number, se: number, df: number, level = 0.95): [number, number] {
	const half = tQuantile((1 + level) / 2, df) * se;
	return [estimate - half, estimate + half];
}
