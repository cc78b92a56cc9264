/**
 * Choosing a polynomial degree: for each degree, the training RMSE of a fit to
 * all the data and the k-fold cross-validated RMSE (each fold's RMSE on its
 * held-out rows, then their mean ± standard error), plus the degree with the
 * lowest CV error and the simplest degree within one standard error of it.
 */
import { fail, succeed, type Outcome } from '../stats/outcome';
import type { CurvePoint } from './curve-data';
import { summariseFolds, type Fold } from './cross-validation';
import { evaluatePolynomial, fitPolynomial, rootMeanSquaredError } from './polynomial';

export interface DegreeScore {
	degree: number;
	trainRmse: number;
	/** RMSE on each fold's held-out rows. */
	foldRmse: number[];
	cvRmse: number;
	cvStandardError: number;
}

export interface DegreeScan {
	scores: DegreeScore[];
	/** The degree with the lowest mean CV RMSE (the lower degree on ties). */
	bestDegree: number;
	/** The lowest degree whose CV RMSE is within one standard error of the best one's. */
	oneStandardErrorDegree: number;
}

function rmseOfFit(train: readonly CurvePoint[], test: readonly CurvePoint[], degree: number, domain: readonly [number, number]): Outcome<number> {
	const fit = fitPolynomial(
		train.map((p) => p.x),
		train.map((p) => p.y),
		degree,
		domain,
	);
	if (!fit.ok) return fit;
	return succeed(
		rootMeanSquaredError(
			test.map((p) => evaluatePolynomial(fit.value, p.x)),
			test.map((p) => p.y),
		),
	);
}

/** Scores each degree in `degrees` by training and cross-validated RMSE on the given folds. */
export function scanDegrees(points: readonly CurvePoint[], degrees: readonly number[], folds: readonly Fold[], domain: readonly [number, number]): Outcome<DegreeScan> {
	if (degrees.length === 0) return fail('There must be at least one degree to compare.');
	const scores: DegreeScore[] = [];
	for (const degree of degrees) {
		const train = rmseOfFit(points, points, degree, domain);
		if (!train.ok) return train;
		const foldRmse: number[] = [];
		for (const fold of folds) {
			const error = rmseOfFit(
				fold.train.map((i) => points[i]!),
				fold.test.map((i) => points[i]!),
				degree,
				domain,
			);
			if (!error.ok) return fail(`Too few training rows per fold for degree ${degree}: ${error.error}`);
			foldRmse.push(error.value);
		}
		const { mean, standardError } = summariseFolds(foldRmse);
		scores.push({ degree, trainRmse: train.value, foldRmse, cvRmse: mean, cvStandardError: standardError });
	}
	const best = scores.reduce((a, b) => (b.cvRmse < a.cvRmse ? b : a));
	const limit = best.cvRmse + best.cvStandardError;
	const simplest = [...scores].sort((a, b) => a.degree - b.degree).find((s) => s.cvRmse <= limit) ?? best;
	return succeed({ scores, bestDegree: best.degree, oneStandardErrorDegree: simplest.degree });
}
