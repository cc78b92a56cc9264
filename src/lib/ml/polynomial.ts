/**
 * Least-squares polynomial fits that stay accurate up to degree 12: x is first
 * mapped from its domain [lo, hi] onto t ∈ [−1, 1] (numpy's
 * `Polynomial.fit(x, y, deg, domain=[lo, hi])` does the same), and the
 * Vandermonde system in t is solved by Householder QR, never by the normal
 * equations, whose condition number is the square of the design's.
 */
import { Matrix, QrDecomposition } from 'ml-matrix';
import { fail, succeed, type Outcome } from '../stats/outcome';

export interface PolynomialFit {
	/** Coefficients of 1, t, t², … in the scaled variable t. */
	coefficients: number[];
	/** The x interval mapped onto t ∈ [−1, 1]. */
	domain: readonly [number, number];
}

/** t = (2x − lo − hi) / (hi − lo). */
export function toUnitInterval(x: number, [lo, hi]: readonly [number, number]): number {
	return (2 * x - lo - hi) / (hi - lo);
}

/** The polynomial's value at x (Horner's rule in t). */
export function evaluatePolynomial(fit: PolynomialFit, x: number): number {
	const t = toUnitInterval(x, fit.domain);
	let value = 0;
	for (let j = fit.coefficients.length - 1; j >= 0; j--) value = value * t + fit.coefficients[j]!;
	return value;
}

/** Least-squares polynomial of `degree` through (x, y); needs more distinct x values than the degree. */
export function fitPolynomial(
	x: readonly number[],
	y: readonly number[],
	degree: number,
	domain: readonly [number, number],
): Outcome<PolynomialFit> {
	if (x.length !== y.length) return fail('x and y must have the same length.');
	if (!Number.isInteger(degree) || degree < 0) return fail('The degree must be a whole number ≥ 0.');
	if (!(domain[1] > domain[0])) return fail('The domain must be an interval [lo, hi] with lo < hi.');
	if (x.length < degree + 1) return fail(`A degree-${degree} polynomial needs at least ${degree + 1} points; there are ${x.length}.`);
	// Fewer distinct x values than coefficients leaves the fit non-unique; QR's rank test alone misses it through round-off.
	if (new Set(x).size < degree + 1) return fail(`A degree-${degree} polynomial needs at least ${degree + 1} distinct x values.`);
	const design = new Matrix(
		x.map((xi) => {
			const t = toUnitInterval(xi, domain);
			return Array.from({ length: degree + 1 }, (_, j) => t ** j);
		}),
	);
	const qr = new QrDecomposition(design);
	if (!qr.isFullRank()) return fail(`A degree-${degree} polynomial needs at least ${degree + 1} distinct x values.`);
	const coefficients = qr.solve(Matrix.columnVector([...y])).getColumn(0);
	return succeed({ coefficients, domain });
}

/** Root mean squared difference between predictions and observations. */
export function rootMeanSquaredError(predicted: readonly number[], observed: readonly number[]): number {
	const total = predicted.reduce((acc, p, i) => acc + (p - observed[i]!) ** 2, 0);
	return Math.sqrt(total / predicted.length);
}
