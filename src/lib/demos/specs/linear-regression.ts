/**
 * Linear regression and residuals (weeks 9–10): seeded points around a true
 * line y = 2 + slope · x, the least-squares line with its standard errors,
 * and the residuals against the fitted values; an optional high-leverage
 * outlier shows how one point can pull the slope. Maths:
 * src/lib/ml/linear-regression.ts and regression-data.ts.
 */
import * as Plot from '@observablehq/plot';
import { confidenceInterval, fitLine, type LineFit } from '../../ml/linear-regression';
import { OUTLIER, outlierFor, simulateLine, type LinePoint } from '../../ml/regression-data';
import { formatEstimate, formatInterval, formatNumber } from '../../stats/format';
import { parseControls } from '../params';
import { palette } from '../render';
import type { Control, DemoSpec, DemoView } from '../spec';

const defaults = { slope: 1.5, noiseSd: 2, n: 30, outlier: false, seed: 1 };
type P = typeof defaults;

/** The true intercept is fixed so the sliders stay few; the slope is the number to watch. */
export const TRUE_INTERCEPT = 2;
const X_RANGE = { xMin: 0, xMax: 10 } as const;

const controls: Control[] = [
	{ kind: 'range', name: 'slope', label: 'True slope', min: -3, max: 3, step: 0.1 },
	{ kind: 'range', name: 'noiseSd', label: 'Noise sd', min: 0.1, max: 5, step: 0.1 },
	{ kind: 'range', name: 'n', label: 'Points (n)', min: 5, max: 200, step: 1 },
	{ kind: 'checkbox', name: 'outlier', label: `Add an outlier at x = ${OUTLIER.x}, ${-OUTLIER.drop} below the true line` },
	{ kind: 'seed', name: 'seed', label: 'Seed' },
];

/** The simulated points, with the outlier appended when asked for. */
export function pointsFor(params: P): LinePoint[] {
	const points = simulateLine({ intercept: TRUE_INTERCEPT, slope: params.slope, noiseSd: params.noiseSd, n: params.n, seed: params.seed, ...X_RANGE });
	return params.outlier ? [...points, outlierFor(TRUE_INTERCEPT, params.slope)] : points;
}

export function fitFor(params: P): { points: LinePoint[]; fit: ReturnType<typeof fitLine> } {
	const points = pointsFor(params);
	return { points, fit: fitLine(points.map((p) => p.x), points.map((p) => p.y)) };
}

/** The fitted slope of the same sample without the outlier, to say how far the outlier moved it. */
function slopeWithoutOutlier(params: P): number {
	const { fit } = fitFor({ ...params, outlier: false });
	return fit.ok ? fit.value.slope : Number.NaN;
}

const signed = (x: number, digits = 2) => (x < 0 ? `− ${formatNumber(-x, digits)}` : `+ ${formatNumber(x, digits)}`);
const lineText = (intercept: number, slope: number, y = 'y') => `${y} = ${formatNumber(intercept, 2)} ${signed(slope)}x`;

function failedView(message: string): DemoView {
	return { description: message, facts: [], figures: [], table: { caption: '', columns: [], rows: [] }, notice: message };
}

function coefficientRow(term: string, truth: number, estimate: number, se: number, fit: LineFit): Array<string | number> {
	return [term, formatNumber(truth, 2), formatNumber(estimate), formatNumber(se), formatNumber(estimate / se, 2), formatInterval(confidenceInterval(estimate, se, fit.df))];
}

export const spec: DemoSpec<P> = {
	id: 'linear-regression',
	defaults,
	controls,
	parse: (raw) => parseControls(controls, defaults, raw),
	predict: {
		question: 'Before you look: what slope will the least-squares line have? (Try it again with the outlier switched on.)',
		unit: 'number',
		min: -10,
		max: 10,
		step: 0.01,
		answer: (params) => {
			const { fit } = fitFor(params as P);
			return fit.ok ? fit.value.slope : 0;
		},
	},
	view(params) {
		const { points, fit: result } = fitFor(params);
		if (!result.ok) return failedView(result.error);
		const fit = result.value;
		const kind = (p: LinePoint) => (p.outlier ? 'Outlier' : 'Data');
		const xs = points.map((p) => p.x);
		const [x1, x2] = [Math.min(...xs), Math.max(...xs)];
		const lines = [
			{ x1, x2, y1: fit.intercept + fit.slope * x1, y2: fit.intercept + fit.slope * x2, line: 'Least-squares line' },
			{ x1, x2, y1: TRUE_INTERCEPT + params.slope * x1, y2: TRUE_INTERCEPT + params.slope * x2, line: 'True line' },
		];
		const pointKinds = params.outlier ? ['Data', 'Outlier'] : ['Data'];
		const colour = {
			domain: [...pointKinds, 'Least-squares line', 'True line'],
			range: [palette[0], ...(params.outlier ? [palette[1]] : []), palette[2], palette[3]],
			legend: true,
		};
		const residuals = points.map((p, i) => ({ fitted: fit.fitted[i]!, residual: fit.residuals[i]!, kind: kind(p) }));
		const outlierNote = params.outlier ? `; the outlier at x = ${OUTLIER.x} moves the fitted slope from ${formatNumber(slopeWithoutOutlier(params), 2)} to ${formatNumber(fit.slope, 2)}` : '';

		return {
			description: `${points.length} points around the true line ${lineText(TRUE_INTERCEPT, params.slope)} with noise sd ${formatNumber(params.noiseSd, 1)}: the least-squares line is ${lineText(fit.intercept, fit.slope, 'ŷ')} with R² = ${formatNumber(fit.rSquared, 2)}${outlierNote}.`,
			facts: [
				{ label: 'Fitted line', value: lineText(fit.intercept, fit.slope, 'ŷ') },
				{ label: `Intercept ± SE (true ${formatNumber(TRUE_INTERCEPT, 1)})`, value: formatEstimate(fit.intercept, fit.interceptSe) },
				{ label: `Slope ± SE (true ${formatNumber(params.slope, 1)})`, value: formatEstimate(fit.slope, fit.slopeSe) },
				{ label: 'R²', value: formatNumber(fit.rSquared) },
				{ label: `Residual sd (true noise sd ${formatNumber(params.noiseSd, 1)})`, value: formatNumber(fit.residualSd) },
			],
			figures: [
				{
					title: 'The data with the least-squares line and the true line',
					options: {
						x: { label: 'x', grid: true },
						y: { label: 'y', grid: true },
						color: colour,
						marks: [
							Plot.dot(points, { x: 'x', y: 'y', fill: kind, r: 3.5, fillOpacity: 0.85 }),
							// strokeDasharray is a constant in Plot, so the dashed true line is its own mark.
							Plot.link([lines[1]], { x1: 'x1', y1: 'y1', x2: 'x2', y2: 'y2', stroke: 'line', strokeWidth: 2, strokeDasharray: '6,4' }),
							Plot.link([lines[0]], { x1: 'x1', y1: 'y1', x2: 'x2', y2: 'y2', stroke: 'line', strokeWidth: 2.5 }),
						],
					},
				},
				{
					title: 'Residuals against fitted values',
					options: {
						height: 240,
						x: { label: 'Fitted value ŷ', grid: true },
						y: { label: 'Residual y − ŷ', grid: true },
						color: { domain: pointKinds, range: [palette[0], ...(params.outlier ? [palette[1]] : [])], legend: params.outlier },
						marks: [Plot.ruleY([0]), Plot.dot(residuals, { x: 'fitted', y: 'residual', fill: 'kind', r: 3.5, fillOpacity: 0.85 })],
					},
				},
			],
			table: {
				caption: `Least-squares coefficients (n = ${points.length}, ${fit.df} residual degrees of freedom)`,
				columns: ['Term', 'True value', 'Estimate', 'Std. error', 't', '95% confidence interval'],
				rows: [
					coefficientRow('Intercept', TRUE_INTERCEPT, fit.intercept, fit.interceptSe, fit),
					coefficientRow('Slope', params.slope, fit.slope, fit.slopeSe, fit),
				],
			},
		};
	},
};
