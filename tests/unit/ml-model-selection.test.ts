import { describe, expect, it } from 'vitest';
import { evaluatePolynomial, fitPolynomial, rootMeanSquaredError, type PolynomialFit } from '../../src/lib/ml/polynomial';
import { foldsFromTestSets, kFoldTestSets, shuffledIndices, summariseFolds } from '../../src/lib/ml/cross-validation';
import { scanDegrees } from '../../src/lib/ml/degree-selection';
import { sampleCurve } from '../../src/lib/ml/curve-data';
import { seededSource } from '../../src/lib/stats/random';

// rng = np.random.default_rng(3); x = np.round(rng.uniform(0, 1, 15), 3)
// y = np.round(np.sin(2 * np.pi * x) + rng.normal(0, 0.3, 15), 3)
const x = [0.086, 0.237, 0.801, 0.582, 0.094, 0.433, 0.479, 0.16, 0.735, 0.114, 0.391, 0.517, 0.431, 0.587, 0.738];
const y = [0.397, 1.141, -1.021, -0.205, 0.497, 0.416, 0.595, 1.008, -1.147, 0.602, 0.795, 0.474, 0.339, -0.593, -0.696];
const domain = [0, 1] as const;

function fitOf(degree: number): PolynomialFit {
	const result = fitPolynomial(x, y, degree, domain);
	if (!result.ok) throw new Error(result.error);
	return result.value;
}

const trainRmse = (fit: PolynomialFit) =>
	rootMeanSquaredError(
		x.map((xi) => evaluatePolynomial(fit, xi)),
		y,
	);

describe('fitPolynomial', () => {
	it('matches numpy Polynomial.fit(x, y, 3, domain=[0, 1])', () => {
		// p = Polynomial.fit(x, y, 3, domain=[0, 1]); p.coef, p(0.37), np.sqrt(np.mean((p(x) - y)**2))
		const fit = fitOf(3);
		const expected = [0.2171325403047572, -2.8945955518737114, -0.5393872686401309, 3.2204281911450092];
		expected.forEach((c, j) => expect(fit.coefficients[j]).toBeCloseTo(c, 11));
		expect(evaluatePolynomial(fit, 0.37)).toBeCloseTo(0.8766625585442847, 12);
		expect(trainRmse(fit)).toBeCloseTo(0.18292336013515453, 12);
	});

	it('matches numpy for a line and for degree 12 on 15 points', () => {
		// Polynomial.fit(x, y, 1, domain=[0, 1]).coef; for degree 12: p(0.37) and the training RMSE
		const line = fitOf(1);
		expect(line.coefficients[0]).toBeCloseTo(-0.006679301781272446, 12);
		expect(line.coefficients[1]).toBeCloseTo(-1.2117441823852404, 12);
		expect(trainRmse(line)).toBeCloseTo(0.4097672778732701, 12);
		const wiggly = fitOf(12);
		// Degree 12 on clustered x is badly conditioned (coefficients up to 6e4), so fewer digits agree.
		expect(evaluatePolynomial(wiggly, 0.37)).toBeCloseTo(1.1268562617806606, 5);
		expect(trainRmse(wiggly)).toBeCloseTo(0.06132989114936918, 6);
	});

	it('needs more points than the degree', () => {
		expect(fitPolynomial([0, 0.5, 1], [1, 2, 3], 3, domain)).toEqual({ ok: false, error: 'A degree-3 polynomial needs at least 4 points; there are 3.' });
		expect(fitPolynomial([0.5, 0.5, 0.5, 1], [1, 2, 3, 4], 2, domain).ok).toBe(false);
	});
});

describe('k-fold cross-validation', () => {
	it('cuts a seeded shuffle into a partition with sklearn KFold fold sizes', () => {
		// [len(test) for _, test in KFold(4, shuffle=True, random_state=0).split(np.zeros(23))] = [6, 6, 6, 5]
		const folds = kFoldTestSets(23, 4, seededSource(9));
		expect(folds.map((f) => f.length)).toEqual([6, 6, 6, 5]);
		const all = folds.flat().sort((a, b) => a - b);
		expect(all).toEqual(Array.from({ length: 23 }, (_, i) => i));
		for (const fold of foldsFromTestSets(23, folds)) {
			expect(fold.train.length + fold.test.length).toBe(23);
			expect(fold.train.some((i) => fold.test.includes(i))).toBe(false);
		}
		expect(kFoldTestSets(23, 4, seededSource(9))).toEqual(folds);
		expect(kFoldTestSets(23, 4, seededSource(10))).not.toEqual(folds);
	});

	it('shuffles every position about equally often', () => {
		const source = seededSource(2);
		const firsts = new Array<number>(5).fill(0);
		for (let r = 0; r < 5000; r++) firsts[shuffledIndices(5, source)[0]!]!++;
		// Each count ~ Binomial(5000, 0.2): sd = 28.3; allow 4 sd.
		for (const count of firsts) expect(Math.abs(count - 1000)).toBeLessThan(113);
	});

	it('summarises fold errors as mean ± sd/√k', () => {
		// r = np.array([0.5, 0.6, 0.4]); r.mean(), r.std(ddof=1) / np.sqrt(3)
		const summary = summariseFolds([0.5, 0.6, 0.4]);
		expect(summary.mean).toBeCloseTo(0.5, 14);
		expect(summary.standardError).toBeCloseTo(0.05773502691896258, 14);
	});

	it('scores degrees on given folds exactly as numpy does', () => {
		// folds = [[0,3,6,9,12],[1,4,7,10,13],[2,5,8,11,14]]; for each fold: tr = np.setdiff1d(np.arange(15), f);
		// p = Polynomial.fit(x[tr], y[tr], deg, domain=[0, 1]); rmse = np.sqrt(np.mean((p(x[f]) - y[f])**2))
		// then r.mean() and r.std(ddof=1) / np.sqrt(3)
		const points = x.map((xi, i) => ({ x: xi, y: y[i]! }));
		const folds = foldsFromTestSets(15, [
			[0, 3, 6, 9, 12],
			[1, 4, 7, 10, 13],
			[2, 5, 8, 11, 14],
		]);
		const result = scanDegrees(points, [1, 3, 5], folds, domain);
		if (!result.ok) throw new Error(result.error);
		const [one, three, five] = result.value.scores;
		[0.519959642601307, 0.457967045085511, 0.5807882299546298].forEach((v, i) => expect(one!.foldRmse[i]).toBeCloseTo(v, 12));
		expect(one!.cvRmse).toBeCloseTo(0.519571639213816, 12);
		expect(one!.cvStandardError).toBeCloseTo(0.035455952829461936, 12);
		expect(three!.cvRmse).toBeCloseTo(0.2970752324947526, 12);
		expect(three!.cvStandardError).toBeCloseTo(0.0753760630775659, 12);
		expect(three!.trainRmse).toBeCloseTo(0.18292336013515453, 12);
		// Degree 5 extrapolates wildly on the third fold (one fold RMSE is 21.04).
		expect(five!.foldRmse[2]).toBeCloseTo(21.04123338896372, 8);
		expect(five!.cvRmse).toBeCloseTo(7.20655397348956, 8);
		expect(result.value.bestDegree).toBe(3);
		expect(result.value.oneStandardErrorDegree).toBe(3);
	});

	it('reports folds too small for a degree', () => {
		const points = sampleCurve({ curve: Math.sin, n: 12, noiseSd: 0.1, xMin: 0, xMax: 1 }, seededSource(1));
		const folds = foldsFromTestSets(12, kFoldTestSets(12, 3, seededSource(1)));
		const result = scanDegrees(points, [1, 9], folds, domain);
		expect(result.ok).toBe(false);
	});
});
