/**
 * Bayes' theorem for a diagnostic test (Bayesian track, week 1): prevalence,
 * sensitivity and specificity give P(disease | positive), shown as a number and as
 * an icon array of 1,000 people.
 */
import * as Plot from '@observablehq/plot';
import { diagnosticPosterior } from '../../stats/bayes';
import { formatCount, formatPercent } from '../../stats/format';
import { parseControls } from '../params';
import { palette } from '../render';
import type { Control, DemoSpec } from '../spec';

const defaults = { prevalence: 0.01, sensitivity: 0.9, specificity: 0.95 };
type P = typeof defaults;

const controls: Control[] = [
	{ kind: 'range', name: 'prevalence', label: 'Prevalence P(disease)', min: 0, max: 1, step: 0.001, format: 'percent' },
	{ kind: 'range', name: 'sensitivity', label: 'Sensitivity P(positive | disease)', min: 0, max: 1, step: 0.01, format: 'percent' },
	{ kind: 'range', name: 'specificity', label: 'Specificity P(negative | no disease)', min: 0, max: 1, step: 0.01, format: 'percent' },
];

const GRID_COLUMNS = 40;
const groups = ['Ill, test positive', 'Ill, test negative', 'Healthy, test positive', 'Healthy, test negative'] as const;

/** One record per person, in the order of `groups`, for the icon array. */
export function people(counts: number[]): Array<{ i: number; group: string }> {
	const out: Array<{ i: number; group: string }> = [];
	counts.forEach((n, g) => {
		for (let k = 0; k < n; k++) out.push({ i: out.length, group: groups[g]! });
	});
	return out;
}

export const spec: DemoSpec<P> = {
	id: 'bayes-theorem',
	defaults,
	controls,
	parse: (raw) => parseControls(controls, defaults, raw),
	predict: {
		question: 'Before you look: of everyone who tests positive, what percentage is really ill?',
		unit: 'percent',
		min: 0,
		max: 100,
		step: 0.1,
		answer: (params) => {
			const result = diagnosticPosterior(params as P);
			return result.ok ? (result.value.diseaseGivenPositive ?? 0) * 100 : 0;
		},
	},
	view(params) {
		const result = diagnosticPosterior(params);
		if (!result.ok) return { description: result.error, facts: [], figures: [], table: { caption: '', columns: [], rows: [] }, notice: result.error };
		const { diseaseGivenPositive, healthyGivenNegative, positiveRate, frequencies: f } = result.value;
		const counts = [f.truePositives, f.falseNegatives, f.falsePositives, f.trueNegatives];
		const positives = f.truePositives + f.falsePositives;
		return {
			description: `Of 1,000 people, ${formatCount(f.diseased)} are ill and ${formatCount(positives)} test positive; ${formatCount(f.truePositives)} of those ${formatCount(positives)} positives are really ill.`,
			facts: [
				{ label: 'P(disease | positive)', value: formatPercent(diseaseGivenPositive) },
				{ label: 'P(no disease | negative)', value: formatPercent(healthyGivenNegative, 2) },
				{ label: 'P(positive)', value: formatPercent(positiveRate) },
				{ label: 'Positives who are ill', value: `${formatCount(f.truePositives)} of ${formatCount(positives)}` },
			],
			figures: [
				{
					title: 'Icon array: 1,000 people by disease and test result',
					options: {
						height: 300,
						aspectRatio: 1,
						axis: null,
						x: { domain: Array.from({ length: GRID_COLUMNS }, (_, i) => i) },
						y: { domain: Array.from({ length: 1000 / GRID_COLUMNS }, (_, i) => i) },
						color: { domain: [...groups], range: [...palette.slice(0, 4)], legend: true },
						marks: [
							Plot.cell(people(counts), {
								x: (d: { i: number }) => d.i % GRID_COLUMNS,
								y: (d: { i: number }) => Math.floor(d.i / GRID_COLUMNS),
								fill: 'group',
								inset: 0.6,
								title: 'group',
							}),
						],
					},
				},
			],
			table: {
				caption: 'Natural frequencies out of 1,000 people',
				columns: ['', 'Test positive', 'Test negative', 'Total'],
				rows: [
					['Ill', f.truePositives, f.falseNegatives, f.diseased],
					['Healthy', f.falsePositives, f.trueNegatives, f.healthy],
					['Total', positives, f.falseNegatives + f.trueNegatives, f.population],
				],
			},
		};
	},
};
