import { describe, expect, it } from 'vitest';
import { spec } from '../../src/lib/demos/specs/logistic-threshold';
import { chartOf, factOf, normaliseSvg, renderFigures, seenView, viewOf } from '../support/demo-view';

const defaultView = viewOf(spec);

describe('logistic-threshold demo', () => {
	it('shows the default facts sklearn computes', () => {
		// d = pd.read_csv('public/data/breast-cancer-subset.csv'); y = (d.diagnosis == 'malignant').astype(int)
		// X = d[['mean_radius', 'mean_texture']].values; Z = (X - X.mean(0)) / X.std(0)
		// m = LogisticRegression(C=np.inf, solver='newton-cholesky', tol=1e-12).fit(Z, y); p = m.predict_proba(Z)[:, 1]
		// pred = p >= 0.5: confusion_matrix(y, pred).ravel() = [334 23 39 173]; recall_score 0.8160377358490566;
		// precision_score 0.8826530612244898; accuracy_score 0.8910369068541301; f1_score 0.8480392156862745;
		// roc_auc_score(y, p) = 0.9516806722689076; m.intercept_ = -0.70757; m.coef_ = [3.72200, 0.93741]
		const view = defaultView();
		expect(factOf(view, 'Recall (sensitivity)')).toBe('81.6% (173 of 212 malignant)');
		expect(factOf(view, 'Precision')).toBe('88.3% (173 of 196 flagged)');
		expect(factOf(view, 'False positive rate')).toBe('6.4% (23 of 357 benign)');
		expect(factOf(view, 'Accuracy')).toBe('89.1%');
		expect(factOf(view, 'F1 score')).toBe('0.848');
		expect(factOf(view, 'ROC AUC (all thresholds)')).toBe('0.952');
		expect(factOf(view, 'Log-odds of malignancy')).toBe('−0.71 + 3.72·z(radius) + 0.94·z(texture)');
		expect(view.description).toContain('catches 173 of 212 malignant tumours');
		expect(view.notice).toBeUndefined();
		expect(spec.predict!.answer(spec.defaults)).toBeCloseTo(81.60377358490566, 10);
	});

	it('matches sklearn for another feature pair and threshold', () => {
		// As above with X = d[['mean_concave_points', 'mean_texture']] and pred = p >= 0.3:
		// confusion_matrix ravel [325 32 16 196]; precision 0.8596491228070176; recall 0.9245283018867925;
		// f1 0.8909090909090909; accuracy 0.9156414762741653; roc_auc_score 0.9785291475080597
		const view = spec.view(spec.parse({ features: 'concave-texture', threshold: '0.3' }).params);
		expect(factOf(view, 'Recall (sensitivity)')).toBe('92.5% (196 of 212 malignant)');
		expect(factOf(view, 'Precision')).toBe('86.0% (196 of 228 flagged)');
		expect(factOf(view, 'False positive rate')).toBe('9.0% (32 of 357 benign)');
		expect(factOf(view, 'Accuracy')).toBe('91.6%');
		expect(factOf(view, 'F1 score')).toBe('0.891');
		expect(factOf(view, 'ROC AUC (all thresholds)')).toBe('0.979');
		// The same pair's first table row (threshold 0.05) must add up to 569 tumours.
		const row = view.table.rows[0]!;
		expect((row[1] as number) + (row[2] as number) + (row[3] as number) + (row[4] as number)).toBe(569);
	});

	it('renders a histogram, a 2×2 confusion matrix and an ROC curve', () => {
		const view = defaultView();
		const [histogram, matrix, roc] = renderFigures(view);
		for (const figure of [histogram, matrix, roc]) expect(chartOf(figure!).getAttribute('aria-label')).toBeTruthy();
		expect(chartOf(histogram!).getAttribute('aria-label')).toContain('threshold at 0.50');
		expect(chartOf(roc!).getAttribute('aria-label')).toBe('ROC curve (AUC 0.952) with the point for threshold 0.50');
		// 20 bins × 2 classes
		expect(histogram!.querySelectorAll('g[data-mark="rect"] rect')).toHaveLength(40);
		expect(matrix!.querySelectorAll('g[data-mark="cell"] rect')).toHaveLength(4);
		expect(matrix!.textContent).toContain('173');
		expect(matrix!.textContent).toContain('334');
		expect(roc!.querySelectorAll('g[data-mark="line"] path')).toHaveLength(2);
		expect(roc!.querySelectorAll('g[data-mark="dot"] circle')).toHaveLength(1);
	});

	it('keeps the default SVG stable', async () => {
		const svg = renderFigures(defaultView())
			.map((e) => normaliseSvg(e.outerHTML))
			.join('\n');
		await expect(svg).toMatchFileSnapshot('./__snapshots__/demo-logistic-threshold.svg');
	});

	it('clamps bad input with a note and never shows NaN', () => {
		const { params, notes } = spec.parse({ threshold: '1.5', features: 'everything' });
		expect(params.threshold).toBe(0.99);
		expect(params.features).toBe('radius-texture');
		expect(notes).toHaveLength(2);
		expect(notes.some((n) => n.includes('between 0.01 and 0.99; 1.5 was changed to 0.99'))).toBe(true);
		expect(notes.some((n) => n.includes('“everything” is not an option'))).toBe(true);
		for (const threshold of [0.01, 0.99, 1]) {
			const text = JSON.stringify(spec.view({ ...params, threshold }));
			expect(text).not.toContain('NaN');
		}
		// Above every probability nothing is flagged: precision has no value and says so.
		expect(factOf(spec.view({ ...params, threshold: 1 }), 'Precision')).toBe('— (nothing flagged)');
		expect(spec.view({ features: 'nonsense', threshold: 0.5 }).notice).toBeTruthy();
	});

	it('gives the same view for the same settings and a different one for other features', () => {
		const a = seenView(defaultView());
		expect(seenView(defaultView())).toBe(a);
		expect(seenView(spec.view({ features: 'texture-smoothness', threshold: 0.5 }))).not.toBe(a);
	});
});
