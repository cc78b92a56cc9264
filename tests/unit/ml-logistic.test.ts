import { describe, expect, it } from 'vitest';
import csv from '../../public/data/breast-cancer-subset.csv?raw';
import { parseLabelledCsv } from '../../src/lib/ml/dataset';
import { centreAndScaleRows, columnMeans, columnPopulationSds } from '../../src/lib/ml/columns';
import { fitLogistic, meanLogLoss, predictProbabilities, sigmoid } from '../../src/lib/ml/logistic';
import { areaUnderRoc, confusionAt, ratesOf, rocCurve } from '../../src/lib/ml/classification-metrics';

const smallX = [
	[0.5, 1.2],
	[1.5, -0.3],
	[2.0, 0.8],
	[-1.0, 0.1],
	[0.3, -1.5],
	[2.5, 2.0],
	[-0.7, -0.2],
	[1.1, 0.4],
	[0.0, 0.9],
	[-1.8, -1.1],
];
const smallY = [0, 1, 1, 0, 0, 1, 1, 0, 1, 0];

function fitOf(rows: number[][], labels: number[]) {
	const result = fitLogistic(rows, labels);
	if (!result.ok) throw new Error(result.error);
	return result.value;
}

/** The demo's data: two standardised columns (StandardScaler) and malignant coded 1. */
function breastCancer(columns: string[]) {
	const parsed = parseLabelledCsv(csv, 'diagnosis');
	if (!parsed.ok) throw new Error(parsed.error);
	const { features, rows, labels } = parsed.value;
	const picked = rows.map((r) => columns.map((c) => r[features.indexOf(c)]!));
	const scaled = centreAndScaleRows(picked, columnMeans(picked), columnPopulationSds(picked));
	return { rows: scaled, labels: labels.map((l) => (l === 'malignant' ? 1 : 0)) };
}

describe('sigmoid and log loss', () => {
	it('stays finite for huge scores', () => {
		expect(sigmoid(0)).toBe(0.5);
		expect(sigmoid(1000)).toBe(1);
		expect(sigmoid(-1000)).toBe(0);
		// scipy.special.expit(-30) = 9.357622968839299e-14
		expect(sigmoid(-30)).toBeCloseTo(9.357622968839299e-14, 25);
		expect(Number.isFinite(meanLogLoss([1000, -1000], [0, 1]))).toBe(true);
		expect(meanLogLoss([1000, -1000], [0, 1])).toBeCloseTo(1000, 9);
	});
});

describe('fitLogistic', () => {
	it('matches sklearn LogisticRegression(C=np.inf) on a small data set', () => {
		// X, y = smallX, smallY as numpy arrays;
		// m = LogisticRegression(C=np.inf, solver='newton-cholesky', tol=1e-14, max_iter=1000).fit(X, y)
		// m.intercept_[0], m.coef_[0], log_loss(y, m.predict_proba(X)[:, 1]), m.predict_proba(X)[:3, 1]
		const fit = fitOf(smallX, smallY);
		expect(fit.intercept).toBeCloseTo(-0.4210040347130469, 8);
		expect(fit.coefficients[0]).toBeCloseTo(0.707176464869264, 8);
		expect(fit.coefficients[1]).toBeCloseTo(0.5010835140611872, 8);
		expect(fit.logLoss).toBeCloseTo(0.5517271327649464, 10);
		const p = predictProbabilities(fit, smallX.slice(0, 3));
		expect(p[0]).toBeCloseTo(0.630388633416433, 8);
		expect(p[1]).toBeCloseTo(0.6199734670889336, 8);
		expect(p[2]).toBeCloseTo(0.8012644038793333, 8);
	});

	it('matches sklearn on standardised breast cancer radius and texture', () => {
		// d = pd.read_csv('public/data/breast-cancer-subset.csv'); y = (d.diagnosis == 'malignant')
		// X = d[['mean_radius', 'mean_texture']].values; Z = (X - X.mean(0)) / X.std(0)
		// m = LogisticRegression(C=np.inf, solver='newton-cholesky', tol=1e-12, max_iter=1000).fit(Z, y)
		// m.intercept_, m.coef_, log_loss(y, m.predict_proba(Z)[:, 1])
		const { rows, labels } = breastCancer(['mean_radius', 'mean_texture']);
		expect(rows).toHaveLength(569);
		expect(labels.filter((y) => y === 1)).toHaveLength(212);
		const fit = fitOf(rows, labels);
		expect(fit.intercept).toBeCloseTo(-0.7075672753440164, 7);
		expect(fit.coefficients[0]).toBeCloseTo(3.722003494310807, 7);
		expect(fit.coefficients[1]).toBeCloseTo(0.9374074500170357, 7);
		expect(fit.logLoss).toBeCloseTo(0.2558201286274962, 9);
		expect(fit.iterations).toBeLessThan(15);
	});

	it('refuses perfectly separated classes and bad labels', () => {
		const separated = fitLogistic([[0], [1], [2], [3]], [0, 0, 1, 1]);
		expect(separated.ok).toBe(false);
		expect(fitLogistic([[0], [1]], [0, 2]).ok).toBe(false);
		expect(fitLogistic([[0], [1]], [1, 1])).toEqual({ ok: false, error: 'Both classes must occur in the data.' });
	});
});

describe('confusion matrix, rates and ROC', () => {
	const scores = [0.9, 0.8, 0.8, 0.7, 0.55, 0.55, 0.4, 0.3, 0.2, 0.1];
	const labels = [1, 1, 0, 1, 0, 1, 0, 0, 1, 0];

	it('counts cells with score ≥ threshold as positive, like sklearn', () => {
		// pred = (s >= 0.55); confusion_matrix(y, pred).ravel() = [3 2 1 4] (tn, fp, fn, tp)
		const cells = confusionAt(scores, labels, 0.55);
		expect(cells).toEqual({ trueNegatives: 3, falsePositives: 2, falseNegatives: 1, truePositives: 4 });
		// precision_score, recall_score, f1_score, accuracy_score of the same pred
		const rates = ratesOf(cells);
		expect(rates.precision).toBeCloseTo(0.6666666666666666, 12);
		expect(rates.recall).toBeCloseTo(0.8, 12);
		expect(rates.f1).toBeCloseTo(0.7272727272727273, 12);
		expect(rates.accuracy).toBeCloseTo(0.7, 12);
		expect(rates.falsePositiveRate).toBeCloseTo(0.4, 12);
		expect(rates.specificity).toBeCloseTo(0.6, 12);
	});

	it('leaves precision undefined when nothing is flagged', () => {
		const rates = ratesOf(confusionAt(scores, labels, 0.95));
		expect(rates.precision).toBeNaN();
		expect(rates.recall).toBe(0);
		expect(rates.f1).toBe(0);
	});

	it('traces the same ROC points and area as sklearn', () => {
		// fpr, tpr, th = roc_curve(y, s, drop_intermediate=False); roc_auc_score(y, s) = 0.72
		const roc = rocCurve(scores, labels);
		expect(roc.map((p) => p.falsePositiveRate)).toEqual([0.0, 0.0, 0.2, 0.2, 0.4, 0.6, 0.8, 0.8, 1.0]);
		expect(roc.map((p) => p.truePositiveRate)).toEqual([0.0, 0.2, 0.4, 0.6, 0.8, 0.8, 0.8, 1.0, 1.0]);
		expect(roc.slice(1).map((p) => p.threshold)).toEqual([0.9, 0.8, 0.7, 0.55, 0.4, 0.3, 0.2, 0.1]);
		expect(areaUnderRoc(roc)).toBeCloseTo(0.72, 12);
	});

	it('gives sklearn roc_auc_score on the breast cancer model', () => {
		// roc_auc_score(y, m.predict_proba(Z)[:, 1]) for the radius + texture model above; len(roc_curve(...)[0]) = 570
		const { rows, labels: y } = breastCancer(['mean_radius', 'mean_texture']);
		const p = predictProbabilities(fitOf(rows, y), rows);
		const roc = rocCurve(p, y);
		expect(roc).toHaveLength(570);
		expect(areaUnderRoc(roc)).toBeCloseTo(0.9516806722689076, 12);
		// confusion_matrix(y, p >= 0.5).ravel() = [334 23 39 173]
		expect(confusionAt(p, y, 0.5)).toEqual({ trueNegatives: 334, falsePositives: 23, falseNegatives: 39, truePositives: 173 });
	});
});
