/**
 * Principal component analysis (weeks 23–24): project Iris or Wine onto its
 * principal components, with or without standardising, and read the scree
 * plot, the PC1–PC2 scatter by class and the loadings of PC1 and PC2.
 * Maths: src/lib/ml/pca.ts (checked against scikit-learn's PCA).
 */
import * as Plot from '@observablehq/plot';
import irisCsv from '../../../../public/data/iris.csv?raw';
import wineCsv from '../../../../public/data/wine.csv?raw';
import { distinctLabels, parseLabelledCsv, type LabelledData } from '../../ml/dataset';
import { componentsNeeded, pca, topLoading } from '../../ml/pca';
import { formatCount, formatNumber, formatPercent } from '../../stats/format';
import { parseControls } from '../params';
import { palette } from '../render';
import type { Control, DemoSpec, DemoView } from '../spec';

const defaults = { dataset: 'iris', standardise: true };
type P = typeof defaults;

const sources = {
	iris: { name: 'Iris', csv: irisCsv, classColumn: 'species', rowNoun: 'flowers' },
	wine: { name: 'Wine', csv: wineCsv, classColumn: 'cultivar', rowNoun: 'wines' },
} as const;
type DatasetId = keyof typeof sources;

const controls: Control[] = [
	{
		kind: 'select',
		name: 'dataset',
		label: 'Data set',
		options: [
			{ value: 'iris', label: 'Iris (4 measurements of 150 flowers)' },
			{ value: 'wine', label: 'Wine (13 chemical measurements of 178 wines)' },
		],
	},
	{ kind: 'checkbox', name: 'standardise', label: 'Standardise the features (divide each by its standard deviation)' },
];

/** Short axis labels; the wine data set's longest column name would eat the chart. */
const displayNames: Record<string, string> = {
	od280_od315_of_diluted_wines: 'OD280/OD315',
	nonflavanoid_phenols: 'nonflavanoid phen.',
	alcalinity_of_ash: 'alcalinity of ash',
};
export const featureLabel = (feature: string) => displayNames[feature] ?? feature.replaceAll('_', ' ');

const parsedData = new Map<DatasetId, LabelledData | string>();
/** Each CSV is parsed once per page, on first use. */
function loadDataset(id: DatasetId): LabelledData | string {
	let data = parsedData.get(id);
	if (data === undefined) {
		const parsed = parseLabelledCsv(sources[id].csv, sources[id].classColumn);
		data = parsed.ok ? parsed.value : parsed.error;
		parsedData.set(id, data);
	}
	return data;
}

/** A share as a percentage; two decimals near 100% so 99.98% is not printed as a misleading 100.0%. */
export const formatShare = (x: number | undefined) => formatPercent(x, x !== undefined && x < 1 && x >= 0.9995 ? 2 : 1);

const isDatasetId = (value: string): value is DatasetId => Object.hasOwn(sources, value);

function failedView(message: string): DemoView {
	return { description: message, facts: [], figures: [], table: { caption: '', columns: [], rows: [] }, notice: message };
}

/** PC1's share of the variance in percent, the number the learner is asked to predict. */
function pc1Percent(params: P): number {
	if (!isDatasetId(params.dataset)) return 0;
	const data = loadDataset(params.dataset);
	if (typeof data === 'string') return 0;
	const result = pca(data.rows, { standardise: params.standardise });
	return result.ok ? result.value.explainedVarianceRatio[0]! * 100 : 0;
}

export const spec: DemoSpec<P> = {
	id: 'pca',
	defaults,
	controls,
	parse: (raw) => parseControls(controls, defaults, raw),
	predict: {
		question: 'Before you look: what share of the total variance will the first principal component (PC1) explain?',
		unit: 'percent',
		min: 0,
		max: 100,
		step: 0.1,
		answer: (params) => pc1Percent(params as P),
	},
	view(params) {
		if (!isDatasetId(params.dataset)) return failedView(`There is no data set “${params.dataset}”.`);
		const source = sources[params.dataset];
		const data = loadDataset(params.dataset);
		if (typeof data === 'string') return failedView(data);
		const result = pca(data.rows, { standardise: params.standardise });
		if (!result.ok) return failedView(result.error);
		const { components, explainedVariance, explainedVarianceRatio: ratio, cumulativeRatio, scores } = result.value;
		const top = topLoading(components[0]!, data.features);
		const classes = distinctLabels(data.labels);
		const scaling = params.standardise ? 'standardised' : 'centred but not standardised';

		const scree = ratio.map((share, i) => ({ component: `PC${i + 1}`, share, cumulative: cumulativeRatio[i]! }));
		const points = scores.map((s, i) => ({ pc1: s[0]!, pc2: s[1] ?? 0, label: data.labels[i]! }));
		const features = data.features.map(featureLabel);
		const loadings = data.features.flatMap((_, j) =>
			['PC1', 'PC2'].map((component, c) => ({ feature: features[j]!, component, weight: components[c]?.[j] ?? 0 })),
		);
		const marginLeft = 8 + 6.5 * Math.max(...features.map((f) => f.length));

		return {
			description: `${source.name} (${formatCount(data.rows.length)} ${source.rowNoun}, ${data.features.length} features, ${scaling}): PC1 explains ${formatShare(ratio[0])} of the variance and PC1 and PC2 together ${formatShare(cumulativeRatio[1])}; ${featureLabel(top.feature)} has the largest PC1 loading (${formatNumber(top.weight)}).`,
			facts: [
				{ label: 'Variance explained by PC1', value: formatShare(ratio[0]) },
				{ label: 'PC1 + PC2 together', value: formatShare(cumulativeRatio[1]) },
				{ label: 'Largest PC1 loading', value: `${featureLabel(top.feature)} (${formatNumber(top.weight)})` },
				{ label: 'Components needed for 90% of the variance', value: String(componentsNeeded(cumulativeRatio, 0.9)) },
			],
			figures: [
				{
					title: 'Scree plot: share of the variance per component, and the running total',
					options: {
						x: { domain: scree.map((d) => d.component), label: null, tickRotate: scree.length > 6 ? -45 : 0 },
						y: { domain: [0, 100], percent: true, label: 'Share of variance (%)', grid: true },
						color: { domain: ['Each component', 'Cumulative'], range: [palette[0], palette[1]], legend: true },
						marks: [
							Plot.barY(scree, { x: 'component', y: 'share', fill: () => 'Each component', title: (d: (typeof scree)[number]) => `${d.component}: ${formatPercent(d.share)}` }),
							Plot.lineY(scree, { x: 'component', y: 'cumulative', stroke: () => 'Cumulative', strokeWidth: 2 }),
							Plot.dot(scree, { x: 'component', y: 'cumulative', fill: () => 'Cumulative', r: 3 }),
							Plot.ruleY([0]),
						],
					},
				},
				{
					title: `The ${source.rowNoun} on the first two principal components, coloured by ${source.classColumn}`,
					options: {
						x: { label: `PC1 (${formatShare(ratio[0])})`, grid: true },
						y: { label: `PC2 (${formatPercent(ratio[1])})`, grid: true },
						color: { domain: classes, range: palette.slice(0, classes.length), legend: true },
						marks: [
							Plot.dot(points, { x: 'pc1', y: 'pc2', fill: 'label', r: 3, fillOpacity: 0.85, title: 'label' }),
						],
					},
				},
				{
					title: 'Loadings: the weight of each feature in PC1 and PC2',
					options: {
						height: 50 + features.length * 30,
						marginLeft,
						fy: { domain: features, label: null, axis: 'left' },
						y: { domain: ['PC1', 'PC2'], axis: null },
						x: { domain: [-1, 1], label: 'Loading', grid: true },
						color: { domain: ['PC1', 'PC2'], range: [palette[0], palette[2]], legend: true },
						marks: [
							Plot.barX(loadings, { x: 'weight', y: 'component', fy: 'feature', fill: 'component', title: (d: (typeof loadings)[number]) => `${d.component}, ${d.feature}: ${formatNumber(d.weight)}` }),
							Plot.ruleX([0]),
						],
					},
				},
			],
			table: {
				caption: `Variance explained by each principal component (${source.name}, ${scaling})`,
				columns: ['Component', 'Variance (eigenvalue)', 'Share', 'Cumulative share', 'Largest loading'],
				rows: scree.map((d, i) => {
					const best = topLoading(components[i]!, data.features);
					return [d.component, formatNumber(explainedVariance[i], 4), formatPercent(d.share, 2), formatPercent(d.cumulative, 2), `${featureLabel(best.feature)} (${formatNumber(best.weight)})`];
				}),
			},
			...(data.dropped > 0 ? { notice: `${data.dropped} rows with a missing value were left out.` } : {}),
		};
	},
};
