/**
 * k-means step by step (weeks 21–22): seeded blobs, k-means++ starting
 * centroids and Lloyd's algorithm one half-step at a time (assign, update,
 * assign, …), with the inertia after every half-step. Maths:
 * src/lib/ml/kmeans.ts, kmeans-init.ts and blobs.ts.
 */
import * as Plot from '@observablehq/plot';
import { makeBlobs } from '../../ml/blobs';
import { clusterSummaries, lloydTrace, stateAt, type KMeansState, type KMeansTrace } from '../../ml/kmeans';
import { kmeansPlusPlusInit } from '../../ml/kmeans-init';
import { formatCount, formatNumber } from '../../stats/format';
import { seededSource } from '../../stats/random';
import { parseControls } from '../params';
import { palette } from '../render';
import type { Control, DemoSpec } from '../spec';

const defaults = { clusters: 3, spread: 1.5, k: 3, step: 4, seed: 29 };
type P = typeof defaults;

/** Half-steps the slider reaches; the trace itself runs on to convergence. */
export const MAX_STEP = 20;
const POINTS_PER_CLUSTER = 40;
const UNASSIGNED = 'Not assigned yet';
const UNASSIGNED_COLOUR = '#8a8a8a';

const controls: Control[] = [
	{ kind: 'range', name: 'clusters', label: 'True clusters in the data', min: 1, max: 5, step: 1 },
	{ kind: 'range', name: 'spread', label: 'Spread of each cluster (sd)', min: 0.5, max: 4, step: 0.1 },
	{ kind: 'range', name: 'k', label: 'k (clusters to look for)', min: 1, max: 5, step: 1 },
	{ kind: 'range', name: 'step', label: 'Step (odd: assign, even: update)', min: 0, max: MAX_STEP, step: 1 },
	{ kind: 'seed', name: 'seed', label: 'Seed (data and starting centroids)' },
];

const clusterName = (j: number) => `Cluster ${j + 1}`;

/** Data, k-means++ start and the whole Lloyd trace for these parameters; one seeded source feeds both draws. */
export function runDemo(params: P): { points: number[][]; trace: KMeansTrace } {
	const source = seededSource(params.seed);
	const { points } = makeBlobs({ clusters: params.clusters, perCluster: POINTS_PER_CLUSTER, spread: params.spread }, source);
	const initial = kmeansPlusPlusInit(points, params.k, source);
	return { points, trace: lloydTrace(points, initial) };
}

function phaseText(state: KMeansState): string {
	if (state.phase === 'init') return 'starting centroids (k-means++)';
	return `${state.phase === 'assign' ? 'assign' : 'update'} (iteration ${state.iteration})`;
}

/** The step at which the algorithm stopped: the assign step that changed no label. */
function convergedStep(trace: KMeansTrace): number | null {
	return trace.converged ? trace.states.length - 1 : null;
}

function convergenceText(trace: KMeansTrace, step: number): string {
	const done = convergedStep(trace);
	if (done === null) return `No: still changing after ${trace.iterations} iterations`;
	return step >= done ? `Yes: at step ${done}, no point changed cluster` : `Not yet (it converges at step ${done})`;
}

export const spec: DemoSpec<P> = {
	id: 'kmeans',
	defaults,
	controls,
	parse: (raw) => parseControls(controls, defaults, raw),
	view(params) {
		const { points, trace } = runDemo(params);
		const state = stateAt(trace, params.step);
		const final = trace.states.at(-1)!;
		const previous = state.phase === 'update' ? trace.states[state.step - 1]! : null;
		const names = Array.from({ length: params.k }, (_, j) => clusterName(j));
		const colourDomain = state.labels === null ? [UNASSIGNED, ...names] : names;
		const colourRange = state.labels === null ? [UNASSIGNED_COLOUR, ...palette.slice(0, params.k)] : palette.slice(0, params.k);
		const dots = points.map((p, i) => ({ x: p[0]!, y: p[1]!, cluster: state.labels === null ? UNASSIGNED : clusterName(state.labels[i]!) }));
		const centroids = state.centroids.map((c, j) => ({ x: c[0]!, y: c[1]!, cluster: clusterName(j) }));
		const moves = previous === null ? [] : state.centroids.map((c, j) => ({ x1: previous.centroids[j]![0]!, y1: previous.centroids[j]![1]!, x2: c[0]!, y2: c[1]! }));
		const shown = trace.states.filter((s) => s.inertia !== null && s.step <= MAX_STEP);
		const path = shown.filter((s) => s.step <= state.step).map((s) => ({ step: s.step, inertia: s.inertia!, phase: s.phase === 'assign' ? 'After assign' : 'After update' }));
		const summaries = state.labels === null ? null : clusterSummaries(points, state.centroids, state.labels);
		const pastEnd = params.step > state.step;
		const inertiaNow = state.inertia === null ? 'none yet: no point is assigned' : formatNumber(state.inertia, 1);

		return {
			description:
				state.labels === null
					? `${formatCount(points.length)} points from ${params.clusters} blob${params.clusters === 1 ? '' : 's'} and k = ${params.k} starting centroids (diamonds) chosen by k-means++; no point is assigned yet, and Lloyd's algorithm ends with inertia ${formatNumber(final.inertia, 1)}.`
					: `Step ${state.step}, ${phaseText(state)}: ${formatCount(points.length)} points from ${params.clusters} blob${params.clusters === 1 ? '' : 's'} coloured by their cluster among k = ${params.k} (centroids as diamonds); inertia is ${inertiaNow} now and ${formatNumber(final.inertia, 1)} at the end.`,
			facts: [
				{ label: 'Step', value: `${state.step}: ${phaseText(state)}${pastEnd ? ', the last one' : ''}` },
				{ label: 'Inertia now', value: inertiaNow },
				{ label: 'Converged', value: convergenceText(trace, state.step) },
				{ label: 'Final inertia', value: `${formatNumber(final.inertia, 1)} after ${trace.iterations} iteration${trace.iterations === 1 ? '' : 's'}` },
			],
			figures: [
				{
					title: `The points, coloured by their current cluster, and the ${params.k} centroid${params.k === 1 ? '' : 's'}`,
					options: {
						x: { label: 'x₁', grid: true },
						y: { label: 'x₂', grid: true },
						color: { domain: colourDomain, range: colourRange, legend: true },
						marks: [
							Plot.dot(dots, { x: 'x', y: 'y', fill: 'cluster', r: 3, fillOpacity: 0.75 }),
							Plot.arrow(moves, { x1: 'x1', y1: 'y1', x2: 'x2', y2: 'y2', stroke: 'currentColor', strokeWidth: 1.5, headLength: 6 }),
							Plot.dot(centroids, { x: 'x', y: 'y', fill: 'cluster', stroke: 'currentColor', strokeWidth: 2, r: 8, symbol: 'diamond', title: 'cluster' }),
						],
					},
				},
				{
					title: 'Inertia after each half-step so far',
					options: {
						height: 240,
						x: { domain: [0, MAX_STEP], label: 'Step', ticks: 10 },
						y: { domain: [0, Math.max(...shown.map((s) => s.inertia!))], label: 'Inertia (sum of squared distances)', grid: true, nice: true },
						color: { domain: ['After assign', 'After update'], range: [palette[0], palette[1]], legend: true },
						marks: [
							Plot.line(path, { x: 'step', y: 'inertia', stroke: 'currentColor', strokeOpacity: 0.5 }),
							Plot.dot(path, { x: 'step', y: 'inertia', fill: 'phase', r: 4 }),
							Plot.ruleX([state.step], { strokeDasharray: '3,3', strokeOpacity: 0.6 }),
						],
					},
				},
			],
			table: {
				caption: `Clusters at step ${state.step}`,
				columns: ['Cluster', 'Centroid x₁', 'Centroid x₂', 'Points', 'Sum of squares'],
				rows: state.centroids.map((c, j) => [
					clusterName(j),
					formatNumber(c[0], 2),
					formatNumber(c[1], 2),
					summaries ? summaries[j]!.size : '—',
					summaries ? formatNumber(summaries[j]!.sumOfSquares, 1) : '—',
				]),
			},
			...(pastEnd ? { notice: `Lloyd's algorithm stopped at step ${state.step} (no point changed cluster), so step ${params.step} shows the final clusters.` } : {}),
		};
	},
};
