/**
 * Distribution explorer (weeks 1–2, EDA): a seeded sample from one of seven
 * families, drawn as a density-scale histogram over the true density (or pmf)
 * and as a box plot, with pandas' describe() numbers and the shape in words.
 *
 * Why the sliders are "mean" and "sd" for every family: a control's range
 * cannot change with the chosen family, and sliders called "parameter 1/2"
 * would mean a different thing for each. The population mean and sd mean the
 * same thing everywhere, so switching family at fixed sliders compares shapes
 * at equal centre and spread — the point of week 1: describe() alone cannot
 * tell a bimodal sample from a skewed one. The facts name each family's own
 * parameters (moment-match.ts solves for them); families whose sd is tied to
 * their mean (exponential, Poisson, binomial) use the nearest sd and say so.
 */
import * as Plot from '@observablehq/plot';
import { describeSample, describeShape } from '../../stats/describe';
import { formatCount, formatNumber } from '../../stats/format';
import { sampleHistogram, type HistogramBin } from '../../stats/histogram';
import { distributionWithMoments, type DistributionKind } from '../../stats/moment-match';
import { densityAt, drawSample, momentsOf, pmfAt, type Distribution } from '../../stats/random';
import { linspace } from '../../stats/summary';
import { parseControls } from '../params';
import { palette } from '../render';
import type { Control, DemoSpec, DemoView } from '../spec';

const defaults = { distribution: 'lognormal', mean: 5, sd: 3, n: 500, seed: 1 };
type P = typeof defaults;

const families: Array<{ value: DistributionKind; label: string }> = [
	{ value: 'normal', label: 'Normal' },
	{ value: 'lognormal', label: 'Log-normal' },
	{ value: 'exponential', label: 'Exponential' },
	{ value: 'uniform', label: 'Uniform' },
	{ value: 'binomial', label: 'Binomial' },
	{ value: 'poisson', label: 'Poisson' },
	{ value: 'mixture', label: 'Bimodal mixture of two normals' },
];

const controls: Control[] = [
	{ kind: 'select', name: 'distribution', label: 'Distribution', options: families },
	{ kind: 'range', name: 'mean', label: 'Population mean', min: 1, max: 20, step: 0.5 },
	{ kind: 'range', name: 'sd', label: 'Population standard deviation', min: 0.5, max: 10, step: 0.5 },
	{ kind: 'range', name: 'n', label: 'Sample size', min: 10, max: 5000, step: 10 },
	{ kind: 'seed', name: 'seed', label: 'Random seed' },
];

const SAMPLE = 'Sample (histogram)';
const CURVE_POINTS = 200;
/** The same left margin on both charts, so the box plot lines up under the histogram. */
const MARGIN_LEFT = 48;

const f3 = (x: number | null) => formatNumber(x, 3);
const f2 = (x: number) => formatNumber(x, 2);

/** The family's own parameters in words, e.g. "Log-normal(μ = 1.46, σ = 0.55)". */
export function parameterText(dist: Distribution): string {
	switch (dist.kind) {
		case 'normal':
			return `Normal(μ = ${f2(dist.params.mean)}, σ = ${f2(dist.params.sd)})`;
		case 'lognormal':
			return `Log-normal(μ = ${f2(dist.params.mu)}, σ = ${f2(dist.params.sigma)} of log X)`;
		case 'exponential':
			return `Exponential(rate λ = ${f3(dist.params.rate)})`;
		case 'uniform':
			return `Uniform(${f2(dist.params.min)}, ${f2(dist.params.max)})`;
		case 'binomial':
			return `Binomial(n = ${dist.params.trials}, p = ${f3(dist.params.p)})`;
		case 'poisson':
			return `Poisson(λ = ${f2(dist.params.lambda)})`;
		case 'mixture': {
			const { weight, mean1, sd1, mean2, sd2 } = dist.params;
			return `${formatNumber(weight * 100, 0)}% N(${f2(mean1)}, ${f2(sd1)}) + ${formatNumber((1 - weight) * 100, 0)}% N(${f2(mean2)}, ${f2(sd2)})`;
		}
	}
}

const isDiscrete = (dist: Distribution): dist is Extract<Distribution, { kind: 'binomial' | 'poisson' }> =>
	dist.kind === 'binomial' || dist.kind === 'poisson';

/** True density on a grid (continuous) or pmf at each integer (discrete) across the histogram's range. */
export function trueCurve(dist: Distribution, lo: number, hi: number): Array<{ x: number; y: number }> {
	if (isDiscrete(dist)) {
		const points: Array<{ x: number; y: number }> = [];
		for (let k = Math.ceil(lo); k <= hi; k++) points.push({ x: k, y: pmfAt(dist, k) });
		return points;
	}
	return linspace(lo, hi, CURVE_POINTS).map((x) => ({ x, y: densityAt(dist, x) }));
}

function trueAtMidpoint(dist: Distribution, bin: HistogramBin): number {
	const mid = (bin.x0 + bin.x1) / 2;
	return isDiscrete(dist) ? pmfAt(dist, Math.round(mid)) : densityAt(dist, mid);
}

function emptyView(message: string): DemoView {
	return { description: message, facts: [], figures: [], table: { caption: '', columns: [], rows: [] }, notice: message };
}

function familyLabel(kind: string): string {
	return families.find((f) => f.value === kind)?.label ?? kind;
}

export const spec: DemoSpec<P> = {
	id: 'distribution-explorer',
	defaults,
	controls,
	parse: (raw) => parseControls(controls, defaults, raw),
	predict: {
		question: 'Before you look: the population mean is the “Population mean” setting. What will the median of the sample be?',
		unit: 'number',
		min: -40,
		max: 60,
		step: 0.1,
		answer: (params) => {
			const { distribution, mean, sd, n, seed } = params as P;
			const matched = distributionWithMoments(distribution as DistributionKind, mean, sd);
			if (!matched.ok) return 0;
			const drawn = drawSample(matched.value.distribution, n, seed);
			const summary = drawn.ok ? describeSample(drawn.value) : null;
			return summary?.ok ? summary.value.median : 0;
		},
	},
	view({ distribution, mean, sd, n, seed }) {
		const matched = distributionWithMoments(distribution as DistributionKind, mean, sd);
		if (!matched.ok) return emptyView(matched.error);
		const dist = matched.value.distribution;
		const drawn = drawSample(dist, n, seed);
		if (!drawn.ok) return emptyView(drawn.error);
		const xs = drawn.value;
		const described = describeSample(xs);
		if (!described.ok) return emptyView(described.error);
		const s = described.value;
		const shape = describeShape(s, xs);
		const truth = momentsOf(dist);
		const bins = sampleHistogram(xs);
		const lo = bins[0]!.x0;
		const hi = bins[bins.length - 1]!.x1;
		const curve = trueCurve(dist, lo, hi);
		const curveLabel = isDiscrete(dist) ? 'True probability (pmf)' : 'True density';
		// Cap the y axis near the histogram so a density spike (log-normal near 0) cannot flatten the bars.
		const yMax = 1.15 * Math.max(...bins.map((b) => b.density), ...bins.map((b) => trueAtMidpoint(dist, b)));
		const color = { domain: [SAMPLE, curveLabel], range: [palette[0], palette[1]], legend: true };
		const name = familyLabel(distribution);
		return {
			description: `A density-scale histogram of ${formatCount(n)} draws from ${parameterText(dist)} (mean ${f2(truth.mean)}, sd ${f2(truth.sd)}) under its ${isDiscrete(dist) ? 'true probabilities' : 'true density curve'}, and a box plot of the same draws: ${shape.text}.`,
			facts: [
				{ label: 'Population', value: `${parameterText(dist)}: mean ${f3(truth.mean)}, sd ${f3(truth.sd)}, skewness ${f3(truth.skewness)}` },
				{ label: 'count', value: formatCount(s.count) },
				{ label: 'mean', value: f3(s.mean) },
				{ label: 'std', value: f3(s.std) },
				{ label: 'min', value: f3(s.min) },
				{ label: '25%', value: f3(s.q25) },
				{ label: '50% (median)', value: f3(s.median) },
				{ label: '75%', value: f3(s.q75) },
				{ label: 'max', value: f3(s.max) },
				{ label: 'skewness', value: f3(s.skewness) },
				{ label: 'Shape', value: shape.text },
			],
			figures: [
				{
					title: `Histogram of the ${name.toLowerCase()} sample with the true ${isDiscrete(dist) ? 'probabilities' : 'density'}`,
					options: {
						height: 260,
						marginLeft: MARGIN_LEFT,
						x: { domain: [lo, hi], label: 'Value' },
						y: { domain: [0, yMax], label: isDiscrete(dist) ? 'Density (= share per unit)' : 'Density', grid: true },
						color,
						marks: [
							Plot.rectY(bins, { x1: 'x0', x2: 'x1', y: 'density', fill: () => SAMPLE, fillOpacity: 0.75, insetLeft: 0.5, insetRight: 0.5 }),
							isDiscrete(dist)
								? Plot.dot(curve, { x: 'x', y: 'y', fill: () => curveLabel, r: 3 })
								: Plot.line(curve, { x: 'x', y: 'y', stroke: () => curveLabel, strokeWidth: 2, clip: true }),
							Plot.ruleY([0]),
						],
					},
				},
				{
					title: `Box plot of the ${name.toLowerCase()} sample (whiskers to the last value within 1.5 IQR, dots beyond)`,
					options: {
						height: 110,
						marginLeft: MARGIN_LEFT,
						x: { domain: [lo, hi], label: 'Value' },
						marks: [Plot.boxX(xs, { fill: palette[0], fillOpacity: 0.5, r: 2 })],
					},
				},
			],
			table: {
				caption: `Histogram bins of the sample and the true ${isDiscrete(dist) ? 'probability' : 'density'} at each bin's midpoint`,
				columns: ['From', 'To', 'Count', 'Density', isDiscrete(dist) ? 'True pmf at midpoint' : 'True density at midpoint'],
				rows: bins.map((b) => [f3(b.x0), f3(b.x1), b.count, formatNumber(b.density, 4), formatNumber(trueAtMidpoint(dist, b), 4)]),
			},
			...(matched.value.compromise ? { notice: matched.value.compromise } : {}),
		};
	},
};
