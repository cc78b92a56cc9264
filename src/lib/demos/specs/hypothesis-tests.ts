/**
 * Hypothesis tests (weeks 5–6): one seeded two-group experiment with its
 * Welch t-test; the p-values of 1,000 such experiments with no effect and with
 * the chosen effect, their rejection rates at α = 0.05 beside the exact α and
 * power; and a chi-square test (Yates-corrected, scipy's default) on an
 * editable 2×2 table with its expected counts.
 *
 * The null and the effect simulations share the seed, so experiment k has the
 * same noise in both and differs only by the effect added to group B; the
 * experiment shown on top is experiment 1 of the effect simulation.
 */
import * as Plot from '@observablehq/plot';
import { formatCount, formatEstimate, formatInterval, formatNumber, formatPValue } from '../../stats/format';
import { fixedHistogram } from '../../stats/histogram';
import { chiSquare2x2, drawTwoGroups, simulatePValues, welchTTest, type PValueSimulationResult, type Table2x2 } from '../../stats/tests';
import { mean } from '../../stats/summary';
import { parseControls } from '../params';
import { palette } from '../render';
import type { Control, DemoSpec, DemoView, Fact, Figure } from '../spec';

const defaults = { effect: 0.5, n: 30, seed: 1, treatedYes: 30, treatedNo: 20, controlYes: 18, controlNo: 32 };
type P = typeof defaults;

const COUNT_MAX = 1000;
const controls: Control[] = [
	{ kind: 'range', name: 'effect', label: 'True difference of means B − A (in sd units)', min: 0, max: 1.5, step: 0.05 },
	{ kind: 'range', name: 'n', label: 'Observations per group', min: 2, max: 100, step: 1 },
	{ kind: 'seed', name: 'seed', label: 'Random seed' },
	{ kind: 'number', name: 'treatedYes', label: '2×2 table: treatment, improved', min: 0, max: COUNT_MAX, step: 1 },
	{ kind: 'number', name: 'treatedNo', label: '2×2 table: treatment, not improved', min: 0, max: COUNT_MAX, step: 1 },
	{ kind: 'number', name: 'controlYes', label: '2×2 table: control, improved', min: 0, max: COUNT_MAX, step: 1 },
	{ kind: 'number', name: 'controlNo', label: '2×2 table: control, not improved', min: 0, max: COUNT_MAX, step: 1 },
];

/** Simulated experiments per scenario: a rejection rate's standard error is then at most 0.016. */
export const EXPERIMENTS = 1000;
const ALPHA = 0.05;
const P_BINS = 20;
const SD = 1;

const f2 = (x: number | null) => formatNumber(x, 2);
const f3 = (x: number | null) => formatNumber(x, 3);

interface Simulations {
	none: PValueSimulationResult;
	effect: PValueSimulationResult;
}

function simulate({ effect, n, seed }: P): Simulations | string {
	const none = simulatePValues({ effect: 0, n, sd: SD, experiments: EXPERIMENTS, seed, alpha: ALPHA });
	const withEffect = simulatePValues({ effect, n, sd: SD, experiments: EXPERIMENTS, seed, alpha: ALPHA });
	if (!none.ok) return none.error;
	if (!withEffect.ok) return withEffect.error;
	return { none: none.value, effect: withEffect.value };
}

const scenarioLabel = (effect: number) => `Effect ${f2(effect)} sd`;
const NO_EFFECT = 'No effect (null true)';

function tableOf(p: P): Table2x2 {
	return [
		[p.treatedYes, p.treatedNo],
		[p.controlYes, p.controlNo],
	];
}

function chiSquareFacts(p: P): { facts: Fact[]; figure: Figure | null; problem: string | null } {
	const result = chiSquare2x2(tableOf(p));
	if (!result.ok) return { facts: [{ label: 'Chi-square test', value: result.error }], figure: null, problem: result.error };
	const { chi2, df, p: pValue, expected } = result.value;
	const cells = [
		{ cell: 'Treatment, improved', observed: p.treatedYes, expected: expected[0][0] },
		{ cell: 'Treatment, not', observed: p.treatedNo, expected: expected[0][1] },
		{ cell: 'Control, improved', observed: p.controlYes, expected: expected[1][0] },
		{ cell: 'Control, not', observed: p.controlNo, expected: expected[1][1] },
	];
	const bars = cells.flatMap((c) => [
		{ cell: c.cell, kind: 'Observed', count: c.observed },
		{ cell: c.cell, kind: 'Expected if independent', count: c.expected },
	]);
	return {
		facts: [
			{ label: 'Chi-square test on the 2×2 table (Yates’ correction, scipy’s default)', value: `χ² = ${f3(chi2)}, df = ${df}, ${formatPValue(pValue)}` },
			{
				label: 'Expected counts under independence',
				value: `treatment ${formatNumber(expected[0][0], 1)} improved, ${formatNumber(expected[0][1], 1)} not; control ${formatNumber(expected[1][0], 1)} improved, ${formatNumber(expected[1][1], 1)} not`,
			},
		],
		figure: {
			title: '2×2 table: observed counts beside the counts expected if outcome and group were independent',
			options: {
				height: 220,
				marginBottom: 40,
				fx: { label: null, domain: cells.map((c) => c.cell) },
				x: { axis: null, domain: ['Observed', 'Expected if independent'] },
				y: { label: 'Count', grid: true },
				color: { domain: ['Observed', 'Expected if independent'], range: [palette[0], palette[4]], legend: true },
				marks: [Plot.barY(bars, { fx: 'cell', x: 'kind', y: 'count', fill: 'kind' }), Plot.ruleY([0])],
			},
		},
		problem: null,
	};
}

function emptyView(message: string): DemoView {
	return { description: message, facts: [], figures: [], table: { caption: '', columns: [], rows: [] }, notice: message };
}

export const spec: DemoSpec<P> = {
	id: 'hypothesis-tests',
	defaults,
	controls,
	parse: (raw) => parseControls(controls, defaults, raw),
	predict: {
		question: `Before you look: in what percentage of ${formatCount(EXPERIMENTS)} experiments with this effect and group size will Welch’s test give p < 0.05?`,
		unit: 'percent',
		min: 0,
		max: 100,
		step: 0.1,
		answer: (params) => {
			const { effect, n, seed } = params as P;
			const result = simulatePValues({ effect, n, sd: SD, experiments: EXPERIMENTS, seed, alpha: ALPHA });
			return result.ok ? result.value.rejectionRate * 100 : 0;
		},
	},
	view(params) {
		const { effect, n, seed } = params;
		const sims = simulate(params);
		if (typeof sims === 'string') return emptyView(sims);
		const { a, b } = drawTwoGroups({ effect, n, sd: SD, seed });
		// welchTTest reports mean(first) − mean(second); B first gives the difference B − A.
		const welch = welchTTest(b, a);
		if (!welch.ok) return emptyView(welch.error);
		const w = welch.value;
		const chi = chiSquareFacts(params);
		const effectLabel = scenarioLabel(effect);
		const nullBins = fixedHistogram(sims.none.pValues, 0, 1, P_BINS);
		const effectBins = fixedHistogram(sims.effect.pValues, 0, 1, P_BINS);
		const pBars = [
			...nullBins.map((bin) => ({ ...bin, share: bin.count / EXPERIMENTS, scenario: NO_EFFECT })),
			...effectBins.map((bin) => ({ ...bin, share: bin.count / EXPERIMENTS, scenario: effectLabel })),
		];
		const points = [...a.map((value) => ({ group: 'A', value })), ...b.map((value) => ({ group: 'B', value }))];
		const groupMeans = [
			{ group: 'A', value: mean(a) },
			{ group: 'B', value: mean(b) },
		];
		const power = sims.effect.power.noncentralT;
		const df = 2 * n - 2;
		const figures: Figure[] = [
			{
				title: `This experiment: ${n} values per group, each a tick, with the group means as long ticks`,
				options: {
					height: 140,
					marginLeft: 40,
					x: { label: 'Value (sd units)' },
					y: { label: null, domain: ['A', 'B'] },
					color: { domain: ['A', 'B'], range: [palette[0], palette[1]] },
					marks: [
						Plot.tickX(points, { x: 'value', y: 'group', stroke: 'group', strokeOpacity: 0.7 }),
						Plot.tickX(groupMeans, { x: 'value', y: 'group', stroke: 'currentColor', strokeWidth: 3, insetTop: -6, insetBottom: -6 }),
					],
				},
			},
			{
				title: `p-values of ${formatCount(EXPERIMENTS)} simulated experiments without and with the effect; bars left of the line are the rejections at α = 0.05`,
				options: {
					height: 300,
					marginRight: 110,
					x: { domain: [0, 1], label: 'p-value' },
					y: { label: 'Share of experiments', grid: true },
					fy: { label: null, domain: [NO_EFFECT, effectLabel] },
					color: { domain: [NO_EFFECT, effectLabel], range: [palette[2], palette[3]], legend: true },
					marks: [
						Plot.rectY(pBars, { x1: 'x0', x2: 'x1', y: 'share', fy: 'scenario', fill: 'scenario', insetLeft: 0.5, insetRight: 0.5 }),
						Plot.ruleX([ALPHA], { stroke: 'currentColor', strokeDasharray: '4,3' }),
						Plot.ruleY([0]),
					],
				},
			},
		];
		if (chi.figure) figures.push(chi.figure);
		return {
			description: `One experiment with ${n} values per group and a true difference of ${f2(effect)} sd gives ${formatPValue(w.p)}; over ${formatCount(EXPERIMENTS)} experiments p < 0.05 in ${formatNumber(sims.none.rejectionRate * 100, 1)}% without an effect, where p-values spread evenly over 0 to 1${effect === 0 ? ', and the second panel is the same null simulation' : `, and in ${formatNumber(sims.effect.rejectionRate * 100, 1)}% with the effect, where they pile up near 0`}.`,
			facts: [
				{ label: 'This experiment: mean of B − mean of A', value: `${f3(w.meanDiff)} (95% CI ${formatInterval(w.ci95)})` },
				{ label: 'Welch’s t-test', value: `t = ${f3(w.t)}, df = ${formatNumber(w.df, 1)}, ${formatPValue(w.p)}` },
				{
					label: `Rejection rate at α = 0.05 with no effect (${formatCount(EXPERIMENTS)} experiments)`,
					value: `simulated ${formatEstimate(sims.none.rejectionRate, sims.none.rejectionRateSe)}, exact ${ALPHA}`,
				},
				{
					label: `Rejection rate at α = 0.05 with effect ${f2(effect)} sd (power)`,
					value: `simulated ${formatEstimate(sims.effect.rejectionRate, sims.effect.rejectionRateSe)}, exact ${formatNumber(power, 4)} (Student’s t-test, df = ${df}; Welch’s power is a little lower)`,
				},
				...chi.facts,
			],
			figures,
			table: {
				caption: `p-values of ${formatCount(EXPERIMENTS)} simulated experiments per scenario, in bins of ${1 / P_BINS}`,
				columns: ['p from', 'p to', `Experiments, no effect`, `Experiments, effect ${f2(effect)} sd`],
				rows: nullBins.map((bin, i) => [formatNumber(bin.x0, 2), formatNumber(bin.x1, 2), bin.count, effectBins[i]?.count ?? 0]),
			},
			...(chi.problem ? { notice: `Chi-square test: ${chi.problem}` } : {}),
		};
	},
};
