import { describe, expect, it } from 'vitest';
import irisCsv from '../../public/data/iris.csv?raw';
import { csvParse } from 'd3-dsv';
import { confidenceInterval, fitLine, leastSquares, withIntercept } from '../../src/lib/ml/linear-regression';
import { OUTLIER, outlierFor, simulateLine } from '../../src/lib/ml/regression-data';

const x = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
const y = [2.1, 3.9, 6.2, 7.8, 10.1, 12.2, 13.8, 16.1, 18.3, 19.7];

describe('fitLine', () => {
	// /tmp/py/bin/python: np.polyfit(x, y, 1) → [1.9927272727272733, 0.0599999999999925]
	//   X = np.column_stack([np.ones_like(x), x]); b = np.linalg.solve(X.T@X, X.T@y); r = y - X@b; s2 = r@r/(n-2)
	//   np.sqrt(np.diag(s2*np.linalg.inv(X.T@X))) → [0.14723718239217945, 0.02372942054600231]
	//   1 - r@r/((y-y.mean())@(y-y.mean())) → 0.9988668793947229; np.sqrt(s2) → 0.2155331655558966
	//   (statsmodels sm.OLS(y, X).fit().bse and .rsquared agree)
	it('matches numpy.polyfit and the classical standard errors', () => {
		const fit = fitLine(x, y);
		if (!fit.ok) throw new Error(fit.error);
		expect(fit.value.slope).toBeCloseTo(1.9927272727272733, 12);
		expect(fit.value.intercept).toBeCloseTo(0.0599999999999925, 12);
		expect(fit.value.interceptSe).toBeCloseTo(0.14723718239217945, 12);
		expect(fit.value.slopeSe).toBeCloseTo(0.02372942054600231, 12);
		expect(fit.value.rSquared).toBeCloseTo(0.9988668793947229, 12);
		expect(fit.value.residualSd).toBeCloseTo(0.2155331655558966, 12);
		expect(fit.value.df).toBe(8);
		expect(fit.value.residuals.reduce((a, b) => a + b, 0)).toBeCloseTo(0, 12);
		expect(fit.value.fitted[0]! + fit.value.residuals[0]!).toBeCloseTo(2.1, 12);
	});

	// sm.OLS(y, X).fit().conf_int(0.05)[1] → [1.9380071308221931, 2.0474474146323534]
	it('gives statsmodels’ 95% t interval', () => {
		const [lo, hi] = confidenceInterval(1.9927272727272733, 0.02372942054600231, 8);
		expect(lo).toBeCloseTo(1.9380071308221931, 10);
		expect(hi).toBeCloseTo(2.0474474146323534, 10);
	});

	it('returns messages instead of NaN', () => {
		expect(fitLine([1, 2], [1, 2]).ok).toBe(false);
		expect(fitLine([3, 3, 3], [1, 2, 3])).toEqual({ ok: false, error: 'All x values are equal, so the slope is undefined.' });
		expect(fitLine([1, 2, 3], [1, 2]).ok).toBe(false);
		const flat = fitLine([1, 2, 3], [5, 5, 5]);
		expect(flat.ok && flat.value).toMatchObject({ slope: 0, intercept: 5, rSquared: 1, residualSd: 0 });
	});
});

describe('leastSquares', () => {
	const iris = csvParse(irisCsv);
	const features = iris.map((r) => [Number(r.petal_length), Number(r.sepal_length), Number(r.sepal_width)]);
	const target = iris.map((r) => Number(r.petal_width));

	// /tmp/py/bin/python: d = pd.read_csv('public/data/iris.csv'); F = d[['petal_length','sepal_length','sepal_width']]; t = d['petal_width']
	//   lr = LinearRegression().fit(F, t): intercept_ -0.24030738911225824, coef_ [0.5240831147784293, -0.20726607375742656, 0.22282854386093004],
	//   lr.score(F, t) 0.9378502736046809; X = [1 F]: np.sqrt(np.diag(s2*np.linalg.inv(X.T@X))) with s2 = r@r/(n-4)
	//   → [0.17836974630353608, 0.02449134401676974, 0.04750617515116395, 0.04893803982536705], np.sqrt(s2) 0.191967064646761
	it('matches sklearn LinearRegression and the hand-computed standard errors on iris', () => {
		const fit = leastSquares(withIntercept(features), target);
		if (!fit.ok) throw new Error(fit.error);
		[-0.24030738911225824, 0.5240831147784293, -0.20726607375742656, 0.22282854386093004].forEach((b, j) =>
			expect(fit.value.coefficients[j]).toBeCloseTo(b, 10),
		);
		[0.17836974630353608, 0.02449134401676974, 0.04750617515116395, 0.04893803982536705].forEach((se, j) =>
			expect(fit.value.standardErrors[j]).toBeCloseTo(se, 10),
		);
		expect(fit.value.rSquared).toBeCloseTo(0.9378502736046809, 12);
		expect(fit.value.residualSd).toBeCloseTo(0.191967064646761, 12);
		expect(fit.value.df).toBe(146);
	});

	it('agrees with fitLine for one feature', () => {
		const general = leastSquares(withIntercept(x.map((v) => [v])), y);
		const line = fitLine(x, y);
		if (!general.ok || !line.ok) throw new Error('fit failed');
		expect(general.value.coefficients[0]).toBeCloseTo(line.value.intercept, 10);
		expect(general.value.coefficients[1]).toBeCloseTo(line.value.slope, 10);
		expect(general.value.standardErrors[1]).toBeCloseTo(line.value.slopeSe, 10);
	});

	it('rejects collinear columns and too few rows', () => {
		expect(leastSquares([[1, 2], [2, 4], [3, 6]], [1, 2, 3])).toEqual({
			ok: false,
			error: 'The columns of X are linearly dependent, so the coefficients are not unique.',
		});
		expect(leastSquares([[1, 2], [3, 4]], [1, 2]).ok).toBe(false);
		expect(leastSquares([[1], [2, 3], [4]], [1, 2, 3]).ok).toBe(false);
	});
});

describe('simulated line data', () => {
	it('is reproducible and stays on the true line within the noise', () => {
		const options = { intercept: 2, slope: 1.5, noiseSd: 1, n: 2000, seed: 9 };
		const points = simulateLine(options);
		expect(points).toEqual(simulateLine(options));
		expect(points).not.toEqual(simulateLine({ ...options, seed: 10 }));
		for (const p of points) expect(p.x >= 0 && p.x < 10).toBe(true);
		const fit = fitLine(points.map((p) => p.x), points.map((p) => p.y));
		if (!fit.ok) throw new Error(fit.error);
		// Four standard errors from the truth.
		expect(Math.abs(fit.value.slope - 1.5)).toBeLessThan(4 * fit.value.slopeSe);
		expect(Math.abs(fit.value.residualSd - 1)).toBeLessThan(0.1);
	});

	it('puts the outlier off the true line beyond the data', () => {
		expect(outlierFor(2, 1.5)).toEqual({ x: OUTLIER.x, y: 2 + 1.5 * OUTLIER.x + OUTLIER.drop, outlier: true });
		expect(OUTLIER.x).toBeGreaterThan(10);
	});
});
