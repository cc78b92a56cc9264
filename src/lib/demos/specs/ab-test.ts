/**
 * Bayesian and frequentist A/B test (Bayesian track, week 3): visitors and
 * conversions per arm give two Beta posteriors (uniform prior) and a seeded
 * Monte Carlo posterior of B − A; P(B > A) and the expected losses exactly and
 * simulated; beside them the frequentist difference, its Wald interval and
 * the pooled z-test's p-value, with what each of them does and does not mean.
 */
import * as Plot from '@observablehq/plot';
import betaPdf from '@stdlib/stats-base-dists-beta-pdf';
import betaQuantile from '@stdlib/stats-base-dists-beta-quantile';
import { analyzeAbTest, posteriorDifferenceDraws } from '../../stats/ab-test';
import type { BetaParams } from '../../stats/beta-binomial';
import { formatCount, formatEstimate, formatInterval, formatNumber, formatPercent, formatPercentInterval, formatPValue } from '../../stats/format';
import { sampleHistogram } from '../../stats/histogram';
import { linspace } from '../../stats/summary';
import { parseControls } from '../params';
import { palette } from '../render';
import type { Control, DemoSpec, DemoView } from '../spec';

const defaults = { visitorsA: 1000, conversionsA: 120, visitorsB: 1000, conversionsB: 145, seed: 1 };
type P = typeof defaults;

const MAX_VISITORS = 100_000;
const controls: Control[] = [
	{ kind: 'number', name: 'visitorsA', label: 'Visitors of A', min: 1, max: MAX_VISITORS, step: 1 },
	{ kind: 'number', name: 'conversionsA', label: 'Conversions of A', min: 0, max: MAX_VISITORS, step: 1 },
	{ kind: 'number', name: 'visitorsB', label: 'Visitors of B', min: 1, max: MAX_VISITORS, step: 1 },
	{ kind: 'number', name: 'conversionsB', label: 'Conversions of B', min: 0, max: MAX_VISITORS, step: 1 },
	{ kind: 'seed', name: 'seed', label: 'Random seed' },
];

/** Monte Carlo draws per arm: enough for a standard error near 0.002 on P(B > A), few enough to redraw at once. */
export const DRAWS = 10_000;
const PRIOR: BetaParams = { a: 1, b: 1 };
const CURVE_POINTS = 200;
/** The density chart spans both posteriors from their 0.05% to their 99.95% quantile. */
const TAIL = 0.0005;

/** Conversions can never exceed visitors: clamp after the range check, with a note. */
export function parseAbTest(raw: Partial<Record<string, string>>): { params: P; notes: string[] } {
	const { params, notes } = parseControls(controls, defaults, raw);
	const fixed = { ...params };
	for (const arm of ['A', 'B'] as const) {
		const conversions = `conversions${arm}` as const;
		const visitors = `visitors${arm}` as const;
		if (fixed[conversions] > fixed[visitors]) {
			notes.push(`${arm} cannot have more conversions than visitors, so its ${fixed[conversions]} conversions were changed to ${fixed[visitors]}.`);
			fixed[conversions] = fixed[visitors];
		}
	}
	return { params: fixed, notes };
}

const betaText = ({ a, b }: BetaParams) => `Beta(${a}, ${b})`;

/** A difference of two rates in percentage points: 0.025 → "2.50 percentage points". */
const points = (x: number | null) => `${formatNumber(x === null ? null : x * 100, 2)} percentage points`;
const pointsInterval = ([lo, hi]: readonly [number, number]) => `${formatInterval([lo * 100, hi * 100], 2)} percentage points`;

/** The central range of a posterior, from its 0.05% to its 99.95% quantile. */
function centralRange({ a, b }: BetaParams): [number, number] {
	return [betaQuantile(TAIL, a, b), betaQuantile(1 - TAIL, a, b)];
}

/**
 * Both densities on the union of a grid across each posterior's own central range, so
 * a narrow posterior (100,000 visitors) keeps its peak beside a wide one (10 visitors).
 */
function densityCurves(posteriorA: BetaParams, posteriorB: BetaParams): Array<{ x: number; density: number; arm: string }> {
	const grid = [...linspace(...centralRange(posteriorA), CURVE_POINTS), ...linspace(...centralRange(posteriorB), CURVE_POINTS)].sort((x, y) => x - y);
	return [
		...grid.map((x) => ({ x, density: betaPdf(x, posteriorA.a, posteriorA.b), arm: 'A' })),
		...grid.map((x) => ({ x, density: betaPdf(x, posteriorB.a, posteriorB.b), arm: 'B' })),
	];
}

function emptyView(message: string): DemoView {
	return { description: message, facts: [], figures: [], table: { caption: '', columns: [], rows: [] }, notice: message };
}

const B_BETTER = 'B better (B − A > 0)';
const A_BETTER = 'A better or equal';

export const spec: DemoSpec<P> = {
	id: 'ab-test',
	defaults,
	controls,
	parse: parseAbTest,
	predict: {
		question: 'Before you look: given these data and a uniform prior, what is the probability (in percent) that B’s conversion rate is higher than A’s?',
		unit: 'percent',
		min: 0,
		max: 100,
		step: 0.1,
		answer: (params) => {
			const { visitorsA, conversionsA, visitorsB, conversionsB, seed } = params as P;
			const result = analyzeAbTest({ a: { conversions: conversionsA, visitors: visitorsA }, b: { conversions: conversionsB, visitors: visitorsB }, prior: PRIOR, draws: 100, seed });
			return result.ok ? result.value.bayesian.probabilityBBeatsA * 100 : 0;
		},
	},
	view(params) {
		const a = { conversions: params.conversionsA, visitors: params.visitorsA };
		const b = { conversions: params.conversionsB, visitors: params.visitorsB };
		const result = analyzeAbTest({ a, b, prior: PRIOR, draws: DRAWS, seed: params.seed });
		if (!result.ok) return emptyView(result.error);
		const { bayesian: bay, frequentist: freq } = result.value;
		const mc = bay.monteCarlo;
		const differences = Array.from(posteriorDifferenceDraws(bay.posteriorA, bay.posteriorB, DRAWS, params.seed));
		const bins = sampleHistogram(differences).map((bin) => ({ ...bin, side: (bin.x0 + bin.x1) / 2 > 0 ? B_BETTER : A_BETTER }));
		const curves = densityCurves(bay.posteriorA, bay.posteriorB);
		const meanA = bay.posteriorA.a / (bay.posteriorA.a + bay.posteriorA.b);
		const meanB = bay.posteriorB.a / (bay.posteriorB.a + bay.posteriorB.b);
		return {
			description: `With ${formatCount(a.conversions)} of ${formatCount(a.visitors)} converting on A and ${formatCount(b.conversions)} of ${formatCount(b.visitors)} on B, the posteriors give P(B > A) = ${formatPercent(bay.probabilityBBeatsA)}, while the frequentist test gives a difference of ${points(freq.difference)} with ${formatPValue(freq.p)}.`,
			facts: [
				{ label: 'P(B > A)', value: `simulated ${formatEstimate(mc.probabilityBBeatsA.estimate, mc.probabilityBBeatsA.se)}, exact ${formatNumber(bay.probabilityBBeatsA, 4)}` },
				{
					label: 'Expected loss of choosing A (conversion rate given up, on average, because B was better)',
					value: `simulated ${formatEstimate(mc.lossChooseA.estimate, mc.lossChooseA.se, 5)}, exact ${formatNumber(bay.expectedLoss.chooseA, 5)}`,
				},
				{
					label: 'Expected loss of choosing B',
					value: `simulated ${formatEstimate(mc.lossChooseB.estimate, mc.lossChooseB.se, 5)}, exact ${formatNumber(bay.expectedLoss.chooseB, 5)}`,
				},
				{ label: 'Rate of A: posterior mean, 95% credible interval', value: `${formatPercent(meanA, 2)}, ${formatPercentInterval(bay.rateCi95.a, 2)}` },
				{ label: 'Rate of B: posterior mean, 95% credible interval', value: `${formatPercent(meanB, 2)}, ${formatPercentInterval(bay.rateCi95.b, 2)}` },
				{ label: 'B − A: 95% credible interval (Monte Carlo)', value: pointsInterval(mc.differenceCi95) },
				{ label: 'Frequentist difference B − A', value: `${points(freq.difference)}, 95% Wald confidence interval ${pointsInterval(freq.waldCi95)}` },
				{ label: 'Two-proportion z-test (pooled, two-sided)', value: `z = ${formatNumber(freq.z, 3)}, ${formatPValue(freq.p)}` },
				{
					label: 'What the intervals mean',
					value:
						'A 95% credible interval is a probability statement about the rate itself, given the data, the model and the prior; the 95% of a confidence interval belongs to the procedure: over many repeated experiments, 95% of the intervals it builds would cover the true difference.',
				},
				{
					label: 'What the p-value means',
					value:
						'The p-value is the probability of a difference at least this large if A and B converted equally often; it is not the probability that A and B are equal.',
				},
			],
			figures: [
				{
					title: `Posterior densities of the conversion rates: A ${betaText(bay.posteriorA)}, B ${betaText(bay.posteriorB)} (uniform prior)`,
					options: {
						height: 240,
						x: { label: 'Conversion rate', tickFormat: '.1%' },
						y: { label: 'Density', grid: true },
						color: { domain: ['A', 'B'], range: [palette[0], palette[1]], legend: true },
						marks: [
							Plot.areaY(curves, { x: 'x', y1: 0, y2: 'density', z: 'arm', fill: 'arm', fillOpacity: 0.2 }),
							Plot.line(curves, { x: 'x', y: 'density', z: 'arm', stroke: 'arm', strokeWidth: 2 }),
							Plot.ruleY([0]),
						],
					},
				},
				{
					title: `Posterior of the difference B − A: histogram of ${formatCount(DRAWS)} Monte Carlo draws`,
					options: {
						height: 220,
						x: { label: 'B − A (percentage points)', tickFormat: (d: number) => formatNumber(d * 100, 1) },
						y: { label: 'Density', grid: true },
						color: { domain: [B_BETTER, A_BETTER], range: [palette[1], palette[0]], legend: true },
						marks: [
							Plot.rectY(bins, { x1: 'x0', x2: 'x1', y: 'density', fill: 'side', fillOpacity: 0.8, insetLeft: 0.5, insetRight: 0.5 }),
							Plot.ruleX([0], { stroke: 'currentColor', strokeDasharray: '4,3' }),
							Plot.ruleY([0]),
						],
					},
				},
			],
			table: {
				caption: 'Data, Bayesian posteriors (uniform prior) and the frequentist comparison',
				columns: ['Quantity', 'A', 'B', 'B − A'],
				rows: [
					['Visitors', a.visitors, b.visitors, ''],
					['Conversions', a.conversions, b.conversions, ''],
					['Observed rate', formatPercent(freq.rateA, 2), formatPercent(freq.rateB, 2), points(freq.difference)],
					['Posterior', betaText(bay.posteriorA), betaText(bay.posteriorB), ''],
					['Posterior mean', formatPercent(meanA, 2), formatPercent(meanB, 2), points(meanB - meanA)],
					['95% credible interval', formatPercentInterval(bay.rateCi95.a, 2), formatPercentInterval(bay.rateCi95.b, 2), pointsInterval(mc.differenceCi95)],
					['95% Wald confidence interval', '', '', pointsInterval(freq.waldCi95)],
					['P(B > A), exact', '', '', formatNumber(bay.probabilityBBeatsA, 4)],
					['Two-sided p-value', '', '', formatPValue(freq.p)],
				],
			},
		};
	},
};
