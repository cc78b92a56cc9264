/**
 * Cross-validation and bias–variance (weeks 15–16): seeded noisy points from
 * y = sin(2πx) on [0, 1], polynomials of degree 1 to 12 fitted by least squares,
 * and for every degree the training RMSE against the k-fold cross-validated RMSE
 * (mean over folds ± its standard error). Training error only falls as the degree
 * grows; validation error falls, bottoms out and rises again. The learner picks
 * a degree to see its fit over the data.
 */
import * as Plot from '@observablehq/plot';
import { foldsFromTestSets, kFoldTestSets } from '../../ml/cross-validation';
import { evenGrid, sampleCurve, type CurvePoint } from '../../ml/curve-data';
import { scanDegrees, type DegreeScan } from '../../ml/degree-selection';
import { evaluatePolynomial, fitPolynomial } from '../../ml/polynomial';
import { formatEstimate, formatNumber } from '../../stats/format';
import { fail, succeed, type Outcome } from '../../stats/outcome';
import { seededSource } from '../../stats/random';
import { parseControls } from '../params';
import { palette } from '../render';
import type { Control, DemoSpec, DemoView } from '../spec';

const defaults = { degree: 9, folds: 5, n: 30, noise: 0.3, seed: 1 };
type P = typeof defaults;

const controls: Control[] = [
	{ kind: 'range', name: 'degree', label: 'Polynomial degree to show', min: 1, max: 12, step: 1 },
	{ kind: 'range', name: 'folds', label: 'Folds k', min: 3, max: 10, step: 1 },
	{ kind: 'range', name: 'n', label: 'Number of points', min: 30, max: 200, step: 10 },
	{ kind: 'range', name: 'noise', label: 'Noise sd σ', min: 0.05, max: 1, step: 0.05 },
	{ kind: 'seed', name: 'seed', label: 'Seed' },
];

export const MAX_DEGREE = 12;
const DEGREES = Array.from({ length: MAX_DEGREE }, (_, i) => i + 1);
/** x is drawn on this interval, which is also the polynomial's domain (mapped to [−1, 1]). */
export const DOMAIN = [0, 1] as const;
export const truth = (x: number) => Math.sin(2 * Math.PI * x);
const CURVE_GRID = evenGrid(0, 1, 201);

export interface Experiment {
	points: CurvePoint[];
	/** Held-out rows of each fold. */
	testSets: number[][];
	scan: DegreeScan;
}

/** Draws the data, then the folds, from one seeded source, and scores every degree. */
export function runExperiment({ folds, n, noise, seed }: Pick<P, 'folds' | 'n' | 'noise' | 'seed'>): Outcome<Experiment> {
	const source = seededSource(seed);
	const points = sampleCurve({ curve: truth, n, noiseSd: noise, xMin: DOMAIN[0], xMax: DOMAIN[1] }, source);
	const testSets = kFoldTestSets(n, folds, source);
	const scan = scanDegrees(points, DEGREES, foldsFromTestSets(n, testSets), DOMAIN);
	return scan.ok ? succeed({ points, testSets, scan: scan.value }) : fail(scan.error);
}

const empty = (message: string): DemoView => ({ description: message, facts: [], figures: [], table: { caption: '', columns: [], rows: [] }, notice: message });

function buildView(params: P, { points, scan }: Experiment): DemoView {
	const { degree, folds, n, noise } = params;
	const chosen = scan.scores.find((s) => s.degree === degree)!;
	const best = scan.scores.find((s) => s.degree === scan.bestDegree)!;
	const fit = fitPolynomial(
		points.map((p) => p.x),
		points.map((p) => p.y),
		degree,
		DOMAIN,
	);
	const curve = fit.ok ? CURVE_GRID.map((x) => ({ x, y: evaluatePolynomial(fit.value, x), series: `Degree-${degree} fit` })) : [];
	const ys = points.map((p) => p.y);
	const yDomain = [Math.min(...ys, -1) - 0.3, Math.max(...ys, 1) + 0.3];
	const errorRows = scan.scores.flatMap((s) => [
		{ degree: s.degree, rmse: s.trainRmse, kind: 'Training RMSE' },
		{ degree: s.degree, rmse: s.cvRmse, kind: `${folds}-fold CV RMSE` },
	]);
	// A log axis cannot show 0, so an error bar reaching below the lowest RMSE on the chart stops at the chart's floor.
	const floor = Math.min(noise, ...scan.scores.map((s) => s.trainRmse)) * 0.8;
	const ceiling = Math.max(...scan.scores.map((s) => s.cvRmse + s.cvStandardError)) * 1.2;
	const errorBars = scan.scores.map((s) => ({ degree: s.degree, low: Math.max(s.cvRmse - s.cvStandardError, floor), high: s.cvRmse + s.cvStandardError }));
	return {
		description: `With ${n} points and ${folds}-fold cross-validation, training error falls steadily with the degree while validation error is lowest at degree ${best.degree} (${formatEstimate(best.cvRmse, best.cvStandardError)}); degree ${degree} has training RMSE ${formatNumber(chosen.trainRmse)} and CV RMSE ${formatEstimate(chosen.cvRmse, chosen.cvStandardError)}.`,
		facts: [
			{ label: 'Chosen degree', value: String(degree) },
			{ label: `Training RMSE (degree ${degree})`, value: formatNumber(chosen.trainRmse) },
			{ label: `CV RMSE (degree ${degree}, ${folds} folds)`, value: formatEstimate(chosen.cvRmse, chosen.cvStandardError) },
			{ label: 'Lowest CV error', value: `degree ${best.degree}: ${formatEstimate(best.cvRmse, best.cvStandardError)}` },
			{ label: 'Simplest degree within one SE of it', value: String(scan.oneStandardErrorDegree) },
			{ label: 'Noise sd σ (the best RMSE possible)', value: formatNumber(noise) },
		],
		figures: [
			{
				title: `Training and ${folds}-fold cross-validated RMSE for polynomial degrees 1 to ${MAX_DEGREE}, lowest CV error at degree ${best.degree}`,
				options: {
					height: 300,
					x: { label: 'Polynomial degree', ticks: DEGREES, domain: [0.5, MAX_DEGREE + 0.5] },
					y: { type: 'log', label: 'RMSE (log scale)', grid: true, domain: [floor, ceiling], tickFormat: '~g' },
					color: { domain: ['Training RMSE', `${folds}-fold CV RMSE`], range: [palette[0], palette[1]], legend: true },
					marks: [
						Plot.ruleY([noise], { stroke: 'currentColor', strokeDasharray: '4 4', strokeOpacity: 0.6 }),
						Plot.text([noise], { y: (d: number) => d, frameAnchor: 'left', dy: -7, dx: 4, textAnchor: 'start', text: () => `noise σ = ${formatNumber(noise, 2)}` }),
						Plot.ruleX([degree], { stroke: palette[3], strokeWidth: 2, strokeOpacity: 0.6 }),
						Plot.text([degree], { x: (d: number) => d, frameAnchor: 'top', dy: -4, text: () => `shown: degree ${degree}`, fill: palette[3], textAnchor: degree > 9 ? 'end' : 'start', dx: degree > 9 ? -5 : 5 }),
						Plot.ruleX(errorBars, { x: 'degree', y1: 'low', y2: 'high', stroke: palette[1], strokeWidth: 1.5 }),
						Plot.line(errorRows, { x: 'degree', y: 'rmse', stroke: 'kind', strokeWidth: 2 }),
						Plot.dot(errorRows, { x: 'degree', y: 'rmse', fill: 'kind', r: 3 }),
						Plot.dot([best], { x: 'degree', y: 'cvRmse', r: 7, stroke: palette[1], strokeWidth: 2, fill: 'none' }),
						Plot.text([best], { x: 'degree', y: 'cvRmse', text: () => 'lowest CV', dy: -14 }),
					],
				},
			},
			{
				title: `The degree-${degree} polynomial fitted to all ${n} points, with the true curve sin(2πx)`,
				options: {
					height: 280,
					x: { label: 'x', domain: [0, 1] },
					y: { label: 'y', domain: yDomain, grid: true },
					color: { domain: [`Degree-${degree} fit`, 'True curve sin(2πx)'], range: [palette[1], 'currentColor'], legend: true },
					marks: [
						Plot.dot(points, { x: 'x', y: 'y', r: 2.5, fill: palette[0], fillOpacity: 0.7 }),
						Plot.line(
							CURVE_GRID.map((x) => ({ x, y: truth(x), series: 'True curve sin(2πx)' })),
							{ x: 'x', y: 'y', stroke: 'series', strokeDasharray: '5 4', strokeWidth: 1.5 },
						),
						Plot.line(curve, { x: 'x', y: 'y', stroke: 'series', strokeWidth: 2.5, clip: true }),
					],
				},
			},
		],
		table: {
			caption: `Training and ${folds}-fold CV RMSE by degree (CV: mean over folds and its standard error)`,
			columns: ['Degree', 'Training RMSE', 'CV RMSE', 'Standard error'],
			rows: scan.scores.map((s) => [s.degree, formatNumber(s.trainRmse), formatNumber(s.cvRmse), formatNumber(s.cvStandardError)]),
		},
	};
}

export const spec: DemoSpec<P> = {
	id: 'model-comparison',
	defaults,
	controls,
	parse: (raw) => parseControls(controls, defaults, raw),
	predict: {
		question: 'Before you look: which polynomial degree (1–12) will have the lowest cross-validated error?',
		unit: 'number',
		min: 1,
		max: MAX_DEGREE,
		step: 1,
		answer: (params) => {
			const result = runExperiment(params as P);
			return result.ok ? result.value.scan.bestDegree : 0;
		},
	},
	view(params) {
		const result = runExperiment(params);
		return result.ok ? buildView(params, result.value) : empty(result.error);
	},
};
