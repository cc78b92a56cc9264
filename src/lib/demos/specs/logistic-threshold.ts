/**
 * The classification threshold (weeks 11–12): an unpenalised logistic model on
 * two standardised features of the Breast Cancer Wisconsin (Diagnostic) data
 * (UCI, CC BY 4.0; 569 tumours, 212 malignant, coded 1) gives every tumour a
 * probability of malignancy; a threshold slider turns those into decisions and
 * shows the confusion matrix, precision, recall, F1, the false positive rate and
 * the current point on the ROC curve. Everything is measured on the same 569
 * tumours the model was fitted to, so the numbers are in-sample.
 *
 * public/data/breast-cancer-subset.csv was written from scikit-learn's copy with
 * d = load_breast_cancer(as_frame=True).frame; the four `mean ...` columns below
 * (spaces → underscores) and diagnosis = target.map({0: 'malignant', 1: 'benign'}),
 * saved with pandas' to_csv(index=False).
 */
import * as Plot from '@observablehq/plot';
import csv from '../../../../public/data/breast-cancer-subset.csv?raw';
import { areaUnderRoc, confusionAt, ratesOf, rocCurve, type Confusion, type RocPoint } from '../../ml/classification-metrics';
import { centreAndScaleRows, columnMeans, columnPopulationSds } from '../../ml/columns';
import { parseLabelledCsv } from '../../ml/dataset';
import { fitLogistic, predictProbabilities, type LogisticFit } from '../../ml/logistic';
import { formatCount, formatNumber, formatPercent } from '../../stats/format';
import { fail, succeed, type Outcome } from '../../stats/outcome';
import { parseControls } from '../params';
import { palette } from '../render';
import type { Control, DemoSpec, DemoView } from '../spec';

const FEATURE_PAIRS = {
	'radius-texture': { label: 'Mean radius + mean texture', columns: ['mean_radius', 'mean_texture'] },
	'concave-texture': { label: 'Mean concave points + mean texture', columns: ['mean_concave_points', 'mean_texture'] },
	'texture-smoothness': { label: 'Mean texture + mean smoothness (weaker)', columns: ['mean_texture', 'mean_smoothness'] },
} as const;
type PairId = keyof typeof FEATURE_PAIRS;

const defaults = { features: 'radius-texture' as string, threshold: 0.5 };
type P = typeof defaults;

const controls: Control[] = [
	{
		kind: 'select',
		name: 'features',
		label: 'Features in the model',
		options: Object.entries(FEATURE_PAIRS).map(([value, pair]) => ({ value, label: pair.label })),
	},
	{ kind: 'range', name: 'threshold', label: 'Threshold: flag as malignant when P(malignant) ≥', min: 0.01, max: 0.99, step: 0.01 },
];

const CLASSES = ['Benign', 'Malignant'] as const;
const HISTOGRAM_BINS = 20;
const SWEEP = Array.from({ length: 19 }, (_, i) => Number(((i + 1) * 0.05).toFixed(2)));

export interface FittedModel {
	columns: readonly string[];
	fit: LogisticFit;
	/** P(malignant) for every tumour, in file order. */
	probabilities: number[];
	/** 1 = malignant. */
	labels: number[];
	roc: RocPoint[];
	auc: number;
}

const isPairId = (id: string): id is PairId => Object.hasOwn(FEATURE_PAIRS, id);

/** Standardises the pair's columns (StandardScaler), fits the model and scores every tumour. */
export function fitPair(id: PairId): Outcome<FittedModel> {
	const parsed = parseLabelledCsv(csv, 'diagnosis');
	if (!parsed.ok) return parsed;
	const { features, rows, labels: names } = parsed.value;
	const columns = FEATURE_PAIRS[id].columns;
	const picked = rows.map((r) => columns.map((c) => r[features.indexOf(c)]!));
	const scaled = centreAndScaleRows(picked, columnMeans(picked), columnPopulationSds(picked));
	const labels = names.map((n) => (n === 'malignant' ? 1 : 0));
	const fitted = fitLogistic(scaled, labels);
	if (!fitted.ok) return fail(fitted.error);
	const probabilities = predictProbabilities(fitted.value, scaled);
	const roc = rocCurve(probabilities, labels);
	return succeed({ columns, fit: fitted.value, probabilities, labels, roc, auc: areaUnderRoc(roc) });
}

// The fit depends only on the feature pair, so the threshold slider never refits.
const fits = new Map<PairId, Outcome<FittedModel>>();
function modelFor(id: PairId): Outcome<FittedModel> {
	if (!fits.has(id)) fits.set(id, fitPair(id));
	return fits.get(id)!;
}

/** Counts of each class's probabilities in HISTOGRAM_BINS equal bins on [0, 1]. */
export function probabilityBins(model: FittedModel): Array<{ x1: number; x2: number; count: number; class: string }> {
	const width = 1 / HISTOGRAM_BINS;
	const counts = CLASSES.map(() => new Array<number>(HISTOGRAM_BINS).fill(0));
	model.probabilities.forEach((p, i) => counts[model.labels[i]!]![Math.min(HISTOGRAM_BINS - 1, Math.floor(p / width))]!++);
	return CLASSES.flatMap((name, k) => counts[k]!.map((count, b) => ({ x1: b * width, x2: (b + 1) * width, count, class: name })));
}

function confusionCells(c: Confusion) {
	return [
		{ actual: 'Benign', predicted: 'Benign', count: c.trueNegatives, name: 'TN', outcome: 'Correct decision' },
		{ actual: 'Benign', predicted: 'Malignant', count: c.falsePositives, name: 'FP', outcome: 'Error' },
		{ actual: 'Malignant', predicted: 'Benign', count: c.falseNegatives, name: 'FN', outcome: 'Error' },
		{ actual: 'Malignant', predicted: 'Malignant', count: c.truePositives, name: 'TP', outcome: 'Correct decision' },
	];
}

const shortName = (column: string) => column.replace(/^mean_/, '').replace(/_/g, ' ');

/** "−0.71 + 3.72·z(radius) + 0.94·z(texture)": the log-odds per standard deviation of each feature. */
function equation(model: FittedModel): string {
	const terms = model.fit.coefficients.map((b, j) => `${b < 0 ? '−' : '+'} ${formatNumber(Math.abs(b), 2)}·z(${shortName(model.columns[j]!)})`);
	return `${formatNumber(model.fit.intercept, 2).replace('-', '−')} ${terms.join(' ')}`;
}

const empty = (message: string): DemoView => ({ description: message, facts: [], figures: [], table: { caption: '', columns: [], rows: [] }, notice: message });

function buildView(model: FittedModel, threshold: number): DemoView {
	const cells = confusionAt(model.probabilities, model.labels, threshold);
	const rates = ratesOf(cells);
	const flagged = cells.truePositives + cells.falsePositives;
	const malignant = cells.truePositives + cells.falseNegatives;
	const benign = cells.trueNegatives + cells.falsePositives;
	const current = { falsePositiveRate: rates.falsePositiveRate, truePositiveRate: rates.recall };
	const t = formatNumber(threshold, 2);
	return {
		description: `At threshold ${t} the model flags ${formatCount(flagged)} of ${formatCount(model.labels.length)} tumours as malignant: it catches ${formatCount(cells.truePositives)} of ${formatCount(malignant)} malignant tumours (recall ${formatPercent(rates.recall)}) and raises ${formatCount(cells.falsePositives)} false alarms among ${formatCount(benign)} benign ones (false positive rate ${formatPercent(rates.falsePositiveRate)}).`,
		facts: [
			{ label: 'Recall (sensitivity)', value: `${formatPercent(rates.recall)} (${formatCount(cells.truePositives)} of ${formatCount(malignant)} malignant)` },
			{ label: 'Precision', value: flagged > 0 ? `${formatPercent(rates.precision)} (${formatCount(cells.truePositives)} of ${formatCount(flagged)} flagged)` : `${formatPercent(rates.precision)} (nothing flagged)` },
			{ label: 'False positive rate', value: `${formatPercent(rates.falsePositiveRate)} (${formatCount(cells.falsePositives)} of ${formatCount(benign)} benign)` },
			{ label: 'Accuracy', value: formatPercent(rates.accuracy) },
			{ label: 'F1 score', value: formatNumber(rates.f1) },
			{ label: 'ROC AUC (all thresholds)', value: formatNumber(model.auc) },
			{ label: 'Log-odds of malignancy', value: equation(model) },
		],
		figures: [
			{
				title: `Predicted probability of malignancy by actual class, with the threshold at ${t}`,
				options: {
					height: 260,
					x: { domain: [0, 1], label: 'Predicted P(malignant)' },
					y: { label: 'Tumours', grid: true },
					color: { domain: [...CLASSES], range: [palette[0], palette[3]], legend: true },
					marks: [
						Plot.rectY(probabilityBins(model), { x1: 'x1', x2: 'x2', y: 'count', fill: 'class', inset: 0.5 }),
						Plot.ruleY([0]),
						Plot.ruleX([threshold], { stroke: 'currentColor', strokeWidth: 2 }),
						Plot.text([threshold], { x: (d: number) => d, frameAnchor: 'top', dy: -2, text: () => `threshold ${t}`, textAnchor: threshold > 0.7 ? 'end' : 'start', dx: threshold > 0.7 ? -4 : 4 }),
					],
				},
			},
			{
				title: `Confusion matrix at threshold ${t}: actual class in rows, predicted class in columns`,
				options: {
					height: 220,
					marginLeft: 80,
					x: { domain: [...CLASSES], label: 'Predicted', axis: 'top' },
					y: { domain: [...CLASSES], label: 'Actual' },
					color: { domain: ['Correct decision', 'Error'], range: [palette[2], palette[1]], legend: true },
					marks: [
						Plot.cell(confusionCells(cells), { x: 'predicted', y: 'actual', fill: 'outcome', fillOpacity: 0.85, inset: 1 }),
						Plot.text(confusionCells(cells), { x: 'predicted', y: 'actual', text: (d: { name: string; count: number }) => `${d.name}\n${formatCount(d.count)}`, fontSize: 16, fontWeight: 'bold', fill: 'black' }),
					],
				},
			},
			{
				title: `ROC curve (AUC ${formatNumber(model.auc)}) with the point for threshold ${t}`,
				options: {
					height: 320,
					x: { domain: [0, 1], label: 'False positive rate', grid: true },
					y: { domain: [0, 1], label: 'True positive rate (recall)', grid: true },
					marks: [
						Plot.line(
							[
								[0, 0],
								[1, 1],
							],
							{ stroke: 'currentColor', strokeOpacity: 0.4, strokeDasharray: '4 4' },
						),
						Plot.line(model.roc, { x: 'falsePositiveRate', y: 'truePositiveRate', stroke: palette[0], strokeWidth: 2 }),
						Plot.dot([current], { x: 'falsePositiveRate', y: 'truePositiveRate', r: 6, fill: palette[1], stroke: 'white' }),
						Plot.text([current], { x: 'falsePositiveRate', y: 'truePositiveRate', text: () => `threshold ${t}`, dx: current.falsePositiveRate > 0.6 ? -10 : 10, textAnchor: current.falsePositiveRate > 0.6 ? 'end' : 'start' }),
					],
				},
			},
		],
		table: {
			caption: 'Confusion matrix counts and rates for thresholds from 0.05 to 0.95',
			columns: ['Threshold', 'TP', 'FP', 'FN', 'TN', 'Precision', 'Recall', 'False positive rate'],
			rows: SWEEP.map((s) => {
				const c = confusionAt(model.probabilities, model.labels, s);
				const r = ratesOf(c);
				return [formatNumber(s, 2), c.truePositives, c.falsePositives, c.falseNegatives, c.trueNegatives, formatPercent(r.precision), formatPercent(r.recall), formatPercent(r.falsePositiveRate)];
			}),
		},
	};
}

export const spec: DemoSpec<P> = {
	id: 'logistic-threshold',
	defaults,
	controls,
	parse: (raw) => parseControls(controls, defaults, raw),
	predict: {
		question: 'Before you look: at this threshold, what percentage of the malignant tumours does the model flag (its recall)?',
		unit: 'percent',
		min: 0,
		max: 100,
		step: 0.1,
		answer: (params) => {
			const id = String(params.features);
			const model = isPairId(id) ? modelFor(id) : null;
			if (!model?.ok) return 0;
			return ratesOf(confusionAt(model.value.probabilities, model.value.labels, Number(params.threshold))).recall * 100;
		},
	},
	view(params) {
		if (!isPairId(params.features)) return empty(`“${params.features}” is not a feature pair of this demo.`);
		const model = modelFor(params.features);
		return model.ok ? buildView(model.value, params.threshold) : empty(model.error);
	},
};
