import { describe, expect, it } from 'vitest';
import { runExperiment, spec } from '../../src/lib/demos/specs/model-comparison';
import { chartOf, factOf, normaliseSvg, renderFigures, seenView, viewOf } from '../support/demo-view';

const defaultView = viewOf(spec);

describe('model-comparison demo', () => {
	// /tmp/py/bin/python, regenerating the demo's draws with the d3-random port:
	//   import sys, math; sys.path.insert(0, 'tests/unit/reference'); from d3_random import *
	//   src = lcg(1); noise = normal(src, 0, 0.3)
	//   pts = [(x, math.sin(2 * math.pi * x) + noise()) for x in (src() for _ in range(30))]
	//   order = list(range(30))
	//   for i in range(29, 0, -1): j = min(i, math.floor(src() * (i + 1))); order[i], order[j] = order[j], order[i]
	//   folds = [sorted(order[6 * f:6 * f + 6]) for f in range(5)]
	it('draws the sample and folds the numpy reference below was computed on', () => {
		const experiment = runExperiment(spec.defaults);
		if (!experiment.ok) throw new Error(experiment.error);
		const { points, testSets } = experiment.value;
		expect(points).toHaveLength(30);
		expect(points[0]!.x).toBe(0.23645552527159452);
		expect(points[0]!.y).toBe(1.0189145648664064);
		expect(points[1]!.x).toBe(0.7048832636792213);
		expect(points[1]!.y).toBe(-1.6545204273529879);
		expect(testSets).toEqual([
			[1, 6, 8, 14, 16, 22],
			[2, 4, 11, 18, 23, 28],
			[5, 7, 9, 15, 19, 24],
			[0, 12, 17, 21, 25, 26],
			[3, 10, 13, 20, 27, 29],
		]);
		// The folds partition the 30 rows.
		expect(testSets.flat().sort((a, b) => a - b)).toEqual(Array.from({ length: 30 }, (_, i) => i));
	});

	it('shows the default facts numpy computes on those folds', () => {
		// x, y = np.array(pts).T and folds from the script above; for each degree d:
		// train = np.sqrt(np.mean((Polynomial.fit(x, y, d, domain=[0, 1])(x) - y)**2));
		// r = [np.sqrt(np.mean((Polynomial.fit(x[t], y[t], d, domain=[0, 1])(x[f]) - y[f])**2))
		//      for f in folds for t in [np.setdiff1d(np.arange(30), f)]]; cv = r.mean(); se = r.std(ddof=1) / np.sqrt(5)
		// degree 9: train 0.22960029074410435, cv 0.8467595697650723, se 0.5135135951886436
		// degree 5 (lowest cv): cv 0.3908581868138358, se 0.030538620352817066; one-SE rule: degree 5
		const view = defaultView();
		expect(factOf(view, 'Chosen degree')).toBe('9');
		expect(factOf(view, 'Training RMSE (degree 9)')).toBe('0.230');
		expect(factOf(view, 'CV RMSE (degree 9, 5 folds)')).toBe('0.847 ± 0.514');
		expect(factOf(view, 'Lowest CV error')).toBe('degree 5: 0.391 ± 0.031');
		expect(factOf(view, 'Simplest degree within one SE of it')).toBe('5');
		expect(factOf(view, 'Noise sd σ (the best RMSE possible)')).toBe('0.300');
		expect(spec.predict!.answer(spec.defaults)).toBe(5);
		// degree 1 row: train 0.6495101404030031, cv 0.6955070441958296, se 0.03622538897132162;
		// degree 12 row: train 0.2228546839848234, cv 9.851185435988182, se 9.48618338611711
		expect(view.table.rows[0]).toEqual([1, '0.650', '0.696', '0.036']);
		expect(view.table.rows[11]).toEqual([12, '0.223', '9.851', '9.486']);
		expect(view.notice).toBeUndefined();
	});

	it('renders the error curves with error bars and the fit over the data', () => {
		const [errors, fit] = renderFigures(defaultView());
		expect(chartOf(errors!).getAttribute('aria-label')).toBe('Training and 5-fold cross-validated RMSE for polynomial degrees 1 to 12, lowest CV error at degree 5');
		expect(chartOf(fit!).getAttribute('aria-label')).toBe('The degree-9 polynomial fitted to all 30 points, with the true curve sin(2πx)');
		// two error curves, 12 degrees each, plus the ring around the lowest CV error
		expect(errors!.querySelectorAll('g[data-mark="line"] path')).toHaveLength(2);
		expect(errors!.querySelectorAll('g[data-mark="dot"] circle')).toHaveLength(25);
		// 12 error bars, the chosen-degree rule and the noise line
		expect(errors!.querySelectorAll('g[data-mark="rule"] line')).toHaveLength(14);
		expect(fit!.querySelectorAll('g[data-mark="dot"] circle')).toHaveLength(30);
		expect(fit!.querySelectorAll('g[data-mark="line"] path')).toHaveLength(2);
	});

	it('keeps the default SVG stable', async () => {
		const svg = renderFigures(defaultView())
			.map((e) => normaliseSvg(e.outerHTML))
			.join('\n');
		await expect(svg).toMatchFileSnapshot('./__snapshots__/demo-model-comparison.svg');
	});

	it('clamps bad input with a note and never shows NaN', () => {
		const { params, notes } = spec.parse({ degree: '15', folds: '1', n: '5000', noise: '-1' });
		expect(params).toMatchObject({ degree: 12, folds: 3, n: 200, noise: 0.05 });
		expect(notes).toHaveLength(4);
		expect(notes[0]).toBe('Polynomial degree to show must be between 1 and 12; 15 was changed to 12.');
		// The hardest settings: fewest rows per fold with the highest degree, and the most folds.
		for (const raw of [{ n: '30', folds: '3', degree: '12', noise: '1' }, { n: '30', folds: '10', degree: '12' }, { n: '200', folds: '10', degree: '1', noise: '0.05' }]) {
			const view = spec.view(spec.parse(raw).params);
			expect(view.notice).toBeUndefined();
			expect(JSON.stringify(view)).not.toContain('NaN');
		}
	});

	it('gives the same view for the same seed and another sample for a new seed', () => {
		const a = seenView(defaultView());
		expect(seenView(defaultView())).toBe(a);
		expect(seenView(spec.view({ ...spec.defaults, seed: 2 }))).not.toBe(a);
		// Changing k re-folds the same sample: the training errors stay, the CV errors move.
		const five = defaultView();
		const ten = spec.view({ ...spec.defaults, folds: 10 });
		expect(ten.table.rows.map((r) => r[1])).toEqual(five.table.rows.map((r) => r[1]));
		expect(ten.table.rows.map((r) => r[2])).not.toEqual(five.table.rows.map((r) => r[2]));
	});
});
