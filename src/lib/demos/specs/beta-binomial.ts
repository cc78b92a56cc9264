/**
 * Beta-Binomial updating (Bayesian track, week 2): the same successes and
 * trials update three priors at once — uniform Beta(1, 1), weakly
 * informative Beta(2, 2), and an informative prior whose mean and strength
 * (a + b, "worth this many earlier trials") the learner sets. Each panel
 * shows prior, scaled likelihood and posterior with its 95% credible interval.
 */
import * as Plot from '@observablehq/plot';
import { betaBinomialCurves, betaFromMeanAndStrength, updateBeta, type BetaBinomialResult, type BetaCurvePoint, type BetaParams } from '../../stats/beta-binomial';
import { formatInterval, formatNumber } from '../../stats/format';
import { parseControls } from '../params';
import { palette } from '../render';
import type { Control, DemoSpec, DemoView } from '../spec';

const defaults = { successes: 7, trials: 20, priorMean: 0.2, priorStrength: 30 };
type P = typeof defaults;

const controls: Control[] = [
	{ kind: 'range', name: 'successes', label: 'Successes', min: 0, max: 200, step: 1 },
	{ kind: 'range', name: 'trials', label: 'Trials', min: 0, max: 200, step: 1 },
	{ kind: 'range', name: 'priorMean', label: 'Informative prior: mean', min: 0.05, max: 0.95, step: 0.01 },
	{ kind: 'range', name: 'priorStrength', label: 'Informative prior: strength a + b (worth this many trials)', min: 2, max: 200, step: 1 },
];

const CURVES = ['Prior', 'Likelihood (scaled)', 'Posterior'] as const;
const GRID_POINTS = 200;

/** Successes can never exceed trials: clamp after the range check, with a note. */
export function parseBetaBinomial(raw: Partial<Record<string, string>>): { params: P; notes: string[] } {
	const { params, notes } = parseControls(controls, defaults, raw);
	if (params.successes > params.trials) {
		notes.push(`Successes cannot exceed trials, so ${params.successes} successes were changed to ${params.trials}.`);
		return { params: { ...params, successes: params.trials }, notes };
	}
	return { params, notes };
}

/** Beta parameters without float noise: 0.2 × 30 prints as 6, not 6.000000000000001. */
const betaText = ({ a, b }: BetaParams) => `Beta(${Number(a.toFixed(2))}, ${Number(b.toFixed(2))})`;

interface PriorChoice {
	name: string;
	prior: BetaParams;
}

function priorsFor(p: P): PriorChoice[] | string {
	const informative = betaFromMeanAndStrength(p.priorMean, p.priorStrength);
	if (!informative.ok) return informative.error;
	return [
		{ name: 'Uniform', prior: { a: 1, b: 1 } },
		{ name: 'Weakly informative', prior: { a: 2, b: 2 } },
		{ name: 'Informative', prior: informative.value },
	];
}

interface PanelData {
	choice: PriorChoice;
	label: string;
	result: BetaBinomialResult;
	curves: BetaCurvePoint[];
}

function emptyView(message: string): DemoView {
	return { description: message, facts: [], figures: [], table: { caption: '', columns: [], rows: [] }, notice: message };
}

export const spec: DemoSpec<P> = {
	id: 'beta-binomial',
	defaults,
	controls,
	parse: parseBetaBinomial,
	predict: {
		question: 'Before you look: with the uniform Beta(1, 1) prior, what is the posterior mean of the success probability, in percent?',
		unit: 'percent',
		min: 0,
		max: 100,
		step: 0.1,
		answer: (params) => {
			const { successes, trials } = params as P;
			const result = updateBeta({ a: 1, b: 1 }, { successes, trials });
			return result.ok ? result.value.posteriorSummary.mean * 100 : 0;
		},
	},
	view(params) {
		const data = { successes: params.successes, trials: params.trials };
		const priors = priorsFor(params);
		if (typeof priors === 'string') return emptyView(priors);
		const panels: PanelData[] = [];
		for (const choice of priors) {
			const result = updateBeta(choice.prior, data);
			const curves = betaBinomialCurves(choice.prior, data, GRID_POINTS);
			if (!result.ok) return emptyView(result.error);
			if (!curves.ok) return emptyView(curves.error);
			panels.push({ choice, label: `${choice.name} ${betaText(choice.prior)}`, result: result.value, curves: curves.value });
		}
		const long = panels.flatMap(({ label, curves }) =>
			curves.flatMap((point) => [
				{ panel: label, x: point.x, curve: CURVES[0], density: point.prior },
				{ panel: label, x: point.x, curve: CURVES[1], density: point.likelihood },
				{ panel: label, x: point.x, curve: CURVES[2], density: point.posterior },
			]),
		);
		const credible = panels.flatMap(({ label, curves, result }) => {
			const [lo, hi] = result.posteriorSummary.ci95;
			return curves.filter((p) => p.x >= lo && p.x <= hi).map((p) => ({ panel: label, x: p.x, density: p.posterior }));
		});
		// Scale to the likelihood and posteriors: a prior with a or b below 1 is infinite at an edge and is clipped.
		const yMax = 1.1 * Math.max(...long.filter((d) => d.curve !== CURVES[0]).map((d) => d.density));
		const panelLabels = panels.map((p) => p.label);
		const observed = panels[0]!.result.observedRate;
		const [uniform, weak, informative] = panels.map((p) => p.result.posteriorSummary);
		return {
			description: `${params.successes} successes in ${params.trials} trials update three priors; the posterior means are ${formatNumber(uniform!.mean, 3)} (uniform), ${formatNumber(weak!.mean, 3)} (weakly informative) and ${formatNumber(informative!.mean, 3)} (informative ${betaText(panels[2]!.choice.prior)}), each panel showing prior, scaled likelihood and posterior with its 95% credible interval shaded.`,
			facts: [
				{ label: 'Observed rate s / n', value: observed === null ? 'no trials yet: every posterior equals its prior' : formatNumber(observed, 3) },
				...panels.map(({ label, result }) => ({
					label: `${label} → posterior ${betaText(result.posterior)}`,
					value: `mean ${formatNumber(result.posteriorSummary.mean, 3)}, 95% credible interval ${formatInterval(result.posteriorSummary.ci95)}`,
				})),
			],
			figures: [
				{
					title: 'Prior, scaled likelihood (dashed) and posterior of the success probability under three priors; the shaded area is the 95% credible interval',
					options: {
						height: 420,
						marginTop: 10,
						x: { domain: [0, 1], label: 'Success probability θ' },
						y: { domain: [0, yMax], label: 'Density', grid: true },
						fy: { domain: panelLabels, axis: null, padding: 0.15 },
						color: { domain: [...CURVES], range: [palette[4], palette[0], palette[1]], legend: true },
						marks: [
							Plot.areaY(credible, { x: 'x', y1: 0, y2: 'density', fy: 'panel', fill: palette[1], fillOpacity: 0.2 }),
							Plot.line(
								long.filter((d) => d.curve !== CURVES[1]),
								{ x: 'x', y: 'density', fy: 'panel', z: 'curve', stroke: 'curve', strokeWidth: 2, clip: true },
							),
							// Dashed and on top: under the uniform prior the posterior is the scaled likelihood, and both stay visible.
							Plot.line(
								long.filter((d) => d.curve === CURVES[1]),
								{ x: 'x', y: 'density', fy: 'panel', stroke: 'curve', strokeWidth: 2, strokeDasharray: '5,4', clip: true },
							),
							Plot.text(panelLabels, { fy: (d: string) => d, text: (d: string) => d, frameAnchor: 'top-right', dx: -4, dy: 4 }),
							Plot.ruleY([0]),
						],
					},
				},
			],
			table: {
				caption: `Three priors updated with ${params.successes} successes in ${params.trials} trials`,
				columns: ['Prior', 'Prior mean', 'Posterior', 'Posterior mean', 'Posterior sd', '95% credible interval'],
				rows: panels.map(({ choice, result }) => [
					`${choice.name} ${betaText(choice.prior)}`,
					formatNumber(result.priorSummary.mean, 3),
					betaText(result.posterior),
					formatNumber(result.posteriorSummary.mean, 3),
					formatNumber(result.posteriorSummary.sd, 3),
					formatInterval(result.posteriorSummary.ci95),
				]),
			},
		};
	},
};
