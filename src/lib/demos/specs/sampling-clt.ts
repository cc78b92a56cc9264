/**
 * Sampling and the central limit theorem (weeks 3–4): many seeded samples of
 * size n from a skewed population; the histogram of their means against the
 * normal curve N(μ, σ/√n), the means' empirical CDF against the normal CDF,
 * and the simulated mean, sd and skewness of the means beside the exact values.
 */
import * as Plot from '@observablehq/plot';
import normalCdf from '@stdlib/stats-base-dists-normal-cdf';
import { ecdf, maxCdfGap, normalCdfPoints, simulateSampleMeans, type SkewedPopulation } from '../../stats/clt';
import { adjustedSkewness } from '../../stats/describe';
import { formatCount, formatEstimate, formatNumber } from '../../stats/format';
import { sampleHistogram } from '../../stats/histogram';
import { meanEstimate, sdEstimate } from '../../stats/monte-carlo';
import { densityAt, momentsOf } from '../../stats/random';
import { linspace } from '../../stats/summary';
import { parseControls } from '../params';
import { palette } from '../render';
import type { Control, DemoSpec, DemoView } from '../spec';

const defaults = { population: 'exponential', n: 5, repetitions: 2000, seed: 1 };
type P = typeof defaults;

interface PopulationChoice {
	label: string;
	/** For the sentence "from <name> population". */
	name: string;
	population: SkewedPopulation;
}

const populations: Record<string, PopulationChoice> = {
	exponential: {
		label: 'Exponential, rate 1 (μ = 1, σ = 1)',
		name: 'an exponential (rate 1)',
		population: { kind: 'exponential', params: { rate: 1 } },
	},
	'lognormal-moderate': {
		label: 'Log-normal, σ of log X = 0.5 (μ = 1.133, σ = 0.604)',
		name: 'a moderately skewed log-normal',
		population: { kind: 'lognormal', params: { mu: 0, sigma: 0.5 } },
	},
	'lognormal-high': {
		label: 'Log-normal, σ of log X = 1 (μ = 1.649, σ = 2.161)',
		name: 'a highly skewed log-normal',
		population: { kind: 'lognormal', params: { mu: 0, sigma: 1 } },
	},
};

const controls: Control[] = [
	{ kind: 'select', name: 'population', label: 'Population', options: Object.entries(populations).map(([value, p]) => ({ value, label: p.label })) },
	{ kind: 'range', name: 'n', label: 'Sample size n', min: 1, max: 100, step: 1 },
	{ kind: 'range', name: 'repetitions', label: 'Repetitions (number of samples)', min: 100, max: 5000, step: 100 },
	{ kind: 'seed', name: 'seed', label: 'Random seed' },
];

const MEANS = 'Sample means';
const NORMAL = 'Normal N(μ, σ/√n)';
const CURVE_POINTS = 200;
/** Asymptotic 95% critical value of the Kolmogorov–Smirnov statistic is 1.358/√R. */
const KS_95 = 1.358;

const f3 = (x: number | null) => formatNumber(x, 3);

function emptyView(message: string): DemoView {
	return { description: message, facts: [], figures: [], table: { caption: '', columns: [], rows: [] }, notice: message };
}

function populationOf(key: string): PopulationChoice {
	return populations[key] ?? populations[defaults.population]!;
}

export const spec: DemoSpec<P> = {
	id: 'sampling-clt',
	defaults,
	controls,
	parse: (raw) => parseControls(controls, defaults, raw),
	predict: {
		question: 'Before you look: what will the standard deviation of the sample means be? (The population’s σ is in its name.)',
		unit: 'number',
		min: 0,
		max: 5,
		step: 0.001,
		answer: (params) => {
			const { population, n, repetitions, seed } = params as P;
			const result = simulateSampleMeans({ population: populationOf(population).population, n, repetitions, seed });
			return result.ok ? result.value.sdOfMeans : 0;
		},
	},
	view({ population: key, n, repetitions, seed }) {
		const { name, population } = populationOf(key);
		const result = simulateSampleMeans({ population, n, repetitions, seed });
		if (!result.ok) return emptyView(result.error);
		const { means, populationMean: mu, standardError } = result.value;
		const meanOfMeans = meanEstimate(means);
		const sdOfMeans = sdEstimate(means);
		const gap = maxCdfGap(means, (x) => normalCdf(x, mu, standardError));
		const skewOfMeans = adjustedSkewness(means);
		// The skewness of a mean of n draws is the population's skewness / √n.
		const exactSkew = momentsOf(population).skewness / Math.sqrt(n);
		const bins = sampleHistogram(means);
		const lo = Math.min(bins[0]!.x0, mu - 3.5 * standardError);
		const hi = Math.max(bins[bins.length - 1]!.x1, mu + 3.5 * standardError);
		const normalDensity = (x: number) => densityAt({ kind: 'normal', params: { mean: mu, sd: standardError } }, x);
		const grid = linspace(lo, hi, CURVE_POINTS);
		const curve = grid.map((x) => ({ x, y: normalDensity(x) }));
		const color = { domain: [MEANS, NORMAL], range: [palette[0], palette[1]], legend: true };
		const ksCritical = KS_95 / Math.sqrt(repetitions);
		return {
			description: `The means of ${formatCount(repetitions)} samples of size ${n} from ${name} population, as a density histogram under the normal curve N(${f3(mu)}, ${f3(standardError)}) and as an empirical CDF beside the normal CDF; the largest gap between the two CDFs is ${f3(gap)}${gap > ksCritical ? ', more than chance alone would usually give' : ', within what chance alone gives'}.`,
			facts: [
				{ label: 'Mean of the sample means', value: `${formatEstimate(meanOfMeans.estimate, meanOfMeans.se)} (population μ = ${f3(mu)})` },
				{ label: 'Sd of the sample means', value: `simulated ${formatEstimate(sdOfMeans.estimate, sdOfMeans.se)}, exact σ/√n = ${formatNumber(standardError, 4)}` },
				{ label: 'Skewness of the sample means', value: `${f3(skewOfMeans)} (population skewness / √n = ${f3(exactSkew)})` },
				{
					label: 'Largest CDF gap (Kolmogorov–Smirnov D)',
					value: `${f3(gap)}; for ${formatCount(repetitions)} truly normal means D stays below ${f3(ksCritical)} 95% of the time`,
				},
			],
			figures: [
				{
					title: `Histogram of ${formatCount(repetitions)} sample means (n = ${n}) with the normal curve the CLT predicts`,
					options: {
						height: 260,
						x: { domain: [lo, hi], label: 'Sample mean' },
						y: { label: 'Density', grid: true },
						color,
						marks: [
							Plot.rectY(bins, { x1: 'x0', x2: 'x1', y: 'density', fill: () => MEANS, fillOpacity: 0.75, insetLeft: 0.5, insetRight: 0.5 }),
							Plot.line(curve, { x: 'x', y: 'y', stroke: () => NORMAL, strokeWidth: 2 }),
							Plot.ruleX([mu], { strokeDasharray: '4,3' }),
							Plot.ruleY([0]),
						],
					},
				},
				{
					title: 'Empirical CDF of the sample means beside the normal CDF',
					options: {
						height: 240,
						x: { domain: [lo, hi], label: 'Sample mean' },
						y: { domain: [0, 1], label: 'Share of means ≤ x', grid: true },
						color,
						marks: [
							Plot.line(ecdf(means), { x: 'x', y: 'p', stroke: () => MEANS, curve: 'step-after', strokeWidth: 1.5 }),
							Plot.line(normalCdfPoints(grid, mu, standardError), { x: 'x', y: 'p', stroke: () => NORMAL, strokeWidth: 2, strokeDasharray: '5,3' }),
						],
					},
				},
			],
			table: {
				caption: `Histogram of the sample means and the normal density N(${f3(mu)}, ${f3(standardError)}) at each bin's midpoint`,
				columns: ['From', 'To', 'Count', 'Density', 'Normal density at midpoint'],
				rows: bins.map((b) => [f3(b.x0), f3(b.x1), b.count, formatNumber(b.density, 4), formatNumber(normalDensity((b.x0 + b.x1) / 2), 4)]),
			},
		};
	},
};
