/**
 * Decision-tree splits and bagging (weeks 13–14), two views behind one select.
 *
 * Split scanner: one iris feature, versicolor against virginica (the two species
 * a single cut cannot separate perfectly). Every midpoint between consecutive
 * distinct values is a candidate threshold; the chart shows the weighted Gini of
 * the two children for each one, with the best split and the learner's own
 * threshold marked, beside the class counts along the feature.
 *
 * Bagging: seeded noisy data from y = sin(x); several regression trees grown on
 * bootstrap resamples (thin) against their average over B trees (thick), and the
 * variance of one tree against that of the bagged average across 30 fresh
 * training sets from the same curve.
 */
import * as Plot from '@observablehq/plot';
import { parseCsvRecords } from '../../ml/csv';
import iris from '../../../../public/data/iris.csv?raw';
import { baggingExperiment, fitBaggedTrees, predictBagged, type BaggingExperiment } from '../../ml/bagging';
import { evenGrid, sampleCurve, type CurveSampleOptions } from '../../ml/curve-data';
import { scanSplits, scoreThreshold, type SplitScan, type SplitScore } from '../../ml/gini-split';
import { predictTree, type TreeNode } from '../../ml/regression-tree';
import { formatCount, formatNumber } from '../../stats/format';
import { seededSource } from '../../stats/random';
import { parseControls } from '../params';
import { palette } from '../render';
import type { Control, DemoSpec, DemoView, Figure } from '../spec';

const FEATURES = {
	petal_length: 'Petal length',
	petal_width: 'Petal width',
	sepal_length: 'Sepal length',
	sepal_width: 'Sepal width',
} as const;
type Feature = keyof typeof FEATURES;
const SPECIES = ['versicolor', 'virginica'] as const;

const defaults = { view: 'split' as string, feature: 'petal_length' as string, threshold: 5, depth: 6, trees: 50, seed: 1 };
type P = typeof defaults;

const controls: Control[] = [
	{
		kind: 'select',
		name: 'view',
		label: 'View',
		options: [
			{ value: 'split', label: 'Split scanner (Gini impurity)' },
			{ value: 'bagging', label: 'Bagging: one tree vs the average of many' },
		],
	},
	{ kind: 'select', name: 'feature', label: 'Iris feature to split (split view)', options: Object.entries(FEATURES).map(([value, label]) => ({ value, label })) },
	{ kind: 'range', name: 'threshold', label: 'Your threshold in cm (split view)', min: 1, max: 8, step: 0.05 },
	{ kind: 'range', name: 'depth', label: 'Tree depth (bagging view)', min: 1, max: 10, step: 1 },
	{ kind: 'range', name: 'trees', label: 'Bootstrap trees B (bagging view)', min: 2, max: 100, step: 1 },
	{ kind: 'seed', name: 'seed', label: 'Seed (bagging view)' },
];

/** The bagging view's data: y = sin(x) + N(0, 0.5²), 60 points with x uniform on [0, 6]. */
export const BAGGING_DATA: CurveSampleOptions = { curve: Math.sin, n: 60, noiseSd: 0.5, xMin: 0, xMax: 6 };
/** Fresh training sets behind the variance numbers. */
export const REPEATS = 30;
const SHOWN_TREES = 5;
const PLOT_GRID = evenGrid(0, 6, 121);
const VARIANCE_GRID = evenGrid(0.15, 5.85, 39);

const isFeature = (name: string): name is Feature => Object.hasOwn(FEATURES, name);

/** Versicolor and virginica rows: one value of `feature` and the species per flower. */
export function irisPair(feature: Feature): { values: number[]; labels: string[] } {
	const rows = parseCsvRecords(iris).records.filter((r) => r.species === 'versicolor' || r.species === 'virginica');
	return { values: rows.map((r) => Number(r[feature])), labels: rows.map((r) => r.species!) };
}

const emptyView = (message: string): DemoView => ({ description: message, facts: [], figures: [], table: { caption: '', columns: [], rows: [] }, notice: message });

const sideText = (counts: readonly number[]) => SPECIES.map((s, k) => `${formatCount(counts[k])} ${s}`).join(' + ');

/** Flowers per (value, species), for bars centred on each measured value (iris is recorded to 0.1 cm). */
function classCounts(values: readonly number[], labels: readonly string[]): Array<{ x1: number; x2: number; count: number; species: string }> {
	const counts = new Map<string, { value: number; species: string; count: number }>();
	values.forEach((v, i) => {
		const key = `${v}|${labels[i]}`;
		const entry = counts.get(key) ?? { value: v, species: labels[i]!, count: 0 };
		entry.count++;
		counts.set(key, entry);
	});
	return [...counts.values()].sort((a, b) => a.value - b.value || a.species.localeCompare(b.species)).map((e) => ({ x1: e.value - 0.045, x2: e.value + 0.045, count: e.count, species: e.species }));
}

function splitView(feature: Feature, threshold: number): DemoView {
	const { values, labels } = irisPair(feature);
	const scan: SplitScan = scanSplits(values, labels);
	const best = scan.best;
	if (!best) return emptyView('Every flower has the same value, so there is no split to make.');
	const mine: SplitScore = scoreThreshold(values, labels, threshold);
	const name = FEATURES[feature].toLowerCase();
	const b = formatNumber(best.threshold, 2);
	const m = formatNumber(threshold, 2);
	const decrease = scan.parentGini - best.weightedGini;
	const lo = Math.min(...values);
	const hi = Math.max(...values);
	const outside = threshold < lo || threshold >= hi;
	return {
		description: `Scanning ${scan.candidates.length} candidate thresholds on ${name}, the best split is ${name} ≤ ${b} cm with weighted Gini ${formatNumber(best.weightedGini)} (parent ${formatNumber(scan.parentGini)}); your threshold ${m} cm gives ${formatNumber(mine.weightedGini)}.`,
		facts: [
			{ label: 'Best split', value: `${name} ≤ ${b} cm` },
			{ label: 'Weighted Gini of the best split', value: formatNumber(best.weightedGini) },
			{ label: 'Parent Gini', value: formatNumber(scan.parentGini) },
			{ label: 'Impurity decrease', value: formatNumber(decrease) },
			{ label: 'Best split, left | right', value: `${sideText(best.leftCounts)} | ${sideText(best.rightCounts)}` },
			{ label: `Your split (≤ ${m} cm)`, value: `weighted Gini ${formatNumber(mine.weightedGini)}, decrease ${formatNumber(scan.parentGini - mine.weightedGini)}` },
		],
		notice: outside ? `Your threshold ${m} cm puts every flower on one side (${name} runs from ${lo} to ${hi} cm), so it does not split the node.` : undefined,
		figures: [
			{
				title: `Weighted Gini impurity of the children for every candidate threshold on ${name}`,
				options: {
					height: 280,
					x: { label: `Threshold on ${name} (cm)`, domain: [Math.min(lo, threshold) - 0.1, Math.max(hi, threshold) + 0.1] },
					y: { label: 'Weighted Gini of the children', domain: [0, 0.55], grid: true },
					color: { domain: ['Candidate', 'Best split', 'Your threshold'], range: [palette[0], palette[1], palette[3]], legend: true },
					marks: [
						Plot.ruleY([scan.parentGini], { stroke: 'currentColor', strokeDasharray: '4 4', strokeOpacity: 0.6 }),
						Plot.text([scan.parentGini], { y: (d: number) => d, frameAnchor: 'left', dy: -7, dx: 4, textAnchor: 'start', text: () => `parent ${formatNumber(scan.parentGini)}` }),
						Plot.line(scan.candidates, { x: 'threshold', y: 'weightedGini', stroke: palette[0], strokeOpacity: 0.6 }),
						Plot.dot(scan.candidates, { x: 'threshold', y: 'weightedGini', fill: () => 'Candidate', r: 2.5 }),
						Plot.dot([best], { x: 'threshold', y: 'weightedGini', fill: () => 'Best split', r: 6, stroke: 'white' }),
						Plot.ruleX([threshold], { stroke: palette[3], strokeWidth: 2, strokeDasharray: '6 3' }),
						Plot.dot([mine], { x: 'threshold', y: 'weightedGini', fill: () => 'Your threshold', r: 5, stroke: 'white' }),
					],
				},
			},
			{
				title: `Versicolor and virginica flowers by ${name}, with the best split and your threshold`,
				options: {
					height: 240,
					x: { label: `${FEATURES[feature]} (cm)`, domain: [Math.min(lo, threshold) - 0.1, Math.max(hi, threshold) + 0.1] },
					y: { label: 'Flowers', grid: true },
					color: { domain: [...SPECIES], range: [palette[0], palette[2]], legend: true },
					marks: [
						Plot.rectY(classCounts(values, labels), { x1: 'x1', x2: 'x2', y: 'count', fill: 'species' }),
						Plot.ruleY([0]),
						Plot.ruleX([best.threshold], { stroke: palette[1], strokeWidth: 2 }),
						Plot.text([best.threshold], { x: (d: number) => d, frameAnchor: 'top', dy: -2, text: () => `best ≤ ${b}`, textAnchor: 'end', dx: -4, fill: 'currentColor' }),
						Plot.ruleX([threshold], { stroke: palette[3], strokeWidth: 2, strokeDasharray: '6 3' }),
						Plot.text([threshold], { x: (d: number) => d, frameAnchor: 'top', dy: 12, text: () => `yours ≤ ${m}`, textAnchor: 'start', dx: 4, fill: 'currentColor' }),
					],
				},
			},
		],
		table: {
			caption: `Every candidate split on ${name}: flowers on each side and the weighted Gini of the children`,
			columns: ['Threshold (cm)', 'Left versicolor', 'Left virginica', 'Right versicolor', 'Right virginica', 'Weighted Gini'],
			rows: scan.candidates.map((c) => [formatNumber(c.threshold, 2), c.leftCounts[0]!, c.leftCounts[1]!, c.rightCounts[0]!, c.rightCounts[1]!, formatNumber(c.weightedGini)]),
		},
	};
}

export interface BaggingPicture {
	points: Array<{ x: number; y: number }>;
	/** Predictions of the first SHOWN_TREES bootstrap trees and of the bag, on PLOT_GRID. */
	lines: Array<{ x: number; y: number; tree: string; series: string }>;
	/** The B bootstrap trees fitted to `points`. */
	bag: TreeNode[];
	experiment: BaggingExperiment;
}

/** The displayed sample and its bag, then the repeated experiment, all from one seeded source. */
export function baggingPicture(depth: number, trees: number, seed: number): BaggingPicture {
	const source = seededSource(seed);
	const points = sampleCurve(BAGGING_DATA, source);
	const bag = fitBaggedTrees(points, trees, depth, source);
	const shown = bag.slice(0, SHOWN_TREES);
	const lines = [
		...PLOT_GRID.map((x) => ({ x, y: Math.sin(x), tree: 'truth', series: 'True curve sin(x)' })),
		...shown.flatMap((tree, k) => PLOT_GRID.map((x) => ({ x, y: predictTree(tree, x), tree: `tree ${k + 1}`, series: 'One bootstrap tree' }))),
		...PLOT_GRID.map((x) => ({ x, y: predictBagged(bag, x), tree: 'bag', series: `Average of ${trees} trees` })),
	];
	const experiment = baggingExperiment({ data: BAGGING_DATA, maxDepth: depth, trees, repeats: REPEATS, grid: VARIANCE_GRID }, source);
	return { points, lines, bag, experiment };
}

function baggingView(depth: number, trees: number, seed: number): DemoView {
	const { points, lines, bag, experiment } = baggingPicture(depth, trees, seed);
	const { singleTree, bagged, varianceRatio } = experiment;
	const bagLabel = `Average of ${trees} trees`;
	const seriesDomain = ['One bootstrap tree', bagLabel, 'True curve sin(x)'];
	const varianceRows = VARIANCE_GRID.flatMap((x, j) => [
		{ x, variance: singleTree.varianceByX[j]!, model: 'One tree' },
		{ x, variance: bagged.varianceByX[j]!, model: bagLabel },
	]);
	const shown = Math.min(SHOWN_TREES, trees);
	const figures: Figure[] = [
		{
			title: `${shown} bootstrap trees of depth ${depth} (thin) and the average of ${trees} (thick) on 60 noisy points from sin(x)`,
			options: {
				height: 300,
				x: { label: 'x', domain: [0, 6] },
				y: { label: 'y', grid: true },
				color: { domain: seriesDomain, range: [palette[0], palette[1], 'currentColor'], legend: true },
				marks: [
					Plot.dot(points, { x: 'x', y: 'y', r: 2.5, fill: 'currentColor', fillOpacity: 0.35 }),
					Plot.line(
						lines.filter((l) => l.tree.startsWith('tree')),
						{ x: 'x', y: 'y', z: 'tree', stroke: 'series', strokeWidth: 1, strokeOpacity: 0.55, curve: 'step' },
					),
					Plot.line(
						lines.filter((l) => l.tree === 'truth'),
						{ x: 'x', y: 'y', stroke: 'series', strokeWidth: 1.5, strokeDasharray: '5 4' },
					),
					Plot.line(
						lines.filter((l) => l.tree === 'bag'),
						{ x: 'x', y: 'y', stroke: 'series', strokeWidth: 3.5, curve: 'step' },
					),
				],
			},
		},
		{
			title: `Prediction variance across ${REPEATS} fresh training sets: one tree against the average of ${trees}`,
			options: {
				height: 220,
				x: { label: 'x', domain: [0, 6] },
				y: { label: 'Variance of the prediction', grid: true, zero: true },
				color: { domain: ['One tree', bagLabel], range: [palette[0], palette[1]], legend: true },
				marks: [Plot.line(varianceRows, { x: 'x', y: 'variance', stroke: 'model', strokeWidth: 2 }), Plot.ruleY([0])],
			},
		},
	];
	return {
		description: `Bootstrap trees of depth ${depth} jump around the true curve; over ${REPEATS} fresh training sets the prediction variance of one tree is ${formatNumber(singleTree.variance)} and that of the average of ${trees} trees is ${formatNumber(bagged.variance)}, ${formatNumber(varianceRatio, 1)} times smaller.`,
		facts: [
			{ label: 'Variance of one tree (mean over x)', value: formatNumber(singleTree.variance) },
			{ label: `Variance of the average of ${trees} trees`, value: formatNumber(bagged.variance) },
			{ label: 'Variance ratio (one tree ÷ bagged)', value: `${formatNumber(varianceRatio, 2)}×` },
			{ label: 'Ratio if the trees were uncorrelated', value: `about ${trees}×` },
			{ label: 'Noise variance σ² (no model can beat it)', value: formatNumber(BAGGING_DATA.noiseSd ** 2) },
		],
		figures,
		table: {
			caption: `Truth, this sample's bagged prediction and the variance across ${REPEATS} training sets, at 20 values of x`,
			columns: ['x', 'sin(x)', `Bagged prediction (${trees} trees)`, 'Variance, one tree', 'Variance, bagged'],
			rows: VARIANCE_GRID.flatMap((x, j) =>
				j % 2 === 0 ? [[formatNumber(x, 2), formatNumber(Math.sin(x)), formatNumber(predictBagged(bag, x)), formatNumber(singleTree.varianceByX[j]), formatNumber(bagged.varianceByX[j])]] : [],
			),
		},
	};
}

export const spec: DemoSpec<P> = {
	id: 'tree-splits',
	defaults,
	controls,
	parse: (raw) => parseControls(controls, defaults, raw),
	view(params) {
		if (params.view === 'bagging') return baggingView(params.depth, params.trees, params.seed);
		if (!isFeature(params.feature)) return emptyView(`“${params.feature}” is not an iris feature.`);
		return splitView(params.feature, params.threshold);
	},
};
