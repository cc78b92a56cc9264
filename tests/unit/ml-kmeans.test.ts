import { describe, expect, it } from 'vitest';
import irisCsv from '../../public/data/iris.csv?raw';
import { parseLabelledCsv } from '../../src/lib/ml/dataset';
import { assignToNearest, clusterSummaries, inertia, lloydTrace, stateAt, updateCentroids } from '../../src/lib/ml/kmeans';
import { kmeansPlusPlusInit, weightedIndex } from '../../src/lib/ml/kmeans-init';
import { makeBlobs } from '../../src/lib/ml/blobs';
import { seededSource } from '../../src/lib/stats/random';

const parsed = parseLabelledCsv(irisCsv, 'species');
if (!parsed.ok) throw new Error(parsed.error);
const iris = parsed.value.rows;

describe('Lloyd half-steps', () => {
	const points = [[0, 0], [0, 1], [4, 0], [5, 1], [10, 10]];

	it('assigns each point to its nearest centroid, ties to the lower index', () => {
		expect(assignToNearest(points, [[0, 0], [5, 0]])).toEqual([0, 0, 1, 1, 1]);
		expect(assignToNearest([[1, 0]], [[0, 0], [2, 0]])).toEqual([0]);
	});

	it('moves centroids to the means of their points and keeps an empty one in place', () => {
		expect(updateCentroids(points, [0, 0, 1, 1, 1], [[9, 9], [9, 9], [-3, 7]])).toEqual([[0, 0.5], [19 / 3, 11 / 3], [-3, 7]]);
	});

	it('sums squared distances for the inertia and per cluster', () => {
		// By hand: around (0, .5) the points lie .5 away (.25 + .25); around (4.5, .5) they lie √.5 away (.5 + .5).
		expect(inertia(points.slice(0, 4), [[0, 0.5], [4.5, 0.5]], [0, 0, 1, 1])).toBeCloseTo(1.5, 12);
		expect(clusterSummaries(points.slice(0, 4), [[0, 0.5], [4.5, 0.5]], [0, 0, 1, 1])).toEqual([
			{ size: 2, sumOfSquares: 0.5 },
			{ size: 2, sumOfSquares: 1 },
		]);
	});
});

describe('lloydTrace against scikit-learn', () => {
	// /tmp/py/bin/python: X = pd.read_csv('public/data/iris.csv').drop(columns='species').to_numpy(float)
	//   km = KMeans(n_clusters=len(rows), init=X[rows], n_init=1, algorithm='lloyd', tol=0).fit(X)
	//   km.inertia_, km.n_iter_, km.cluster_centers_[0]   (tol=1e-4 gives the same numbers)
	it.each([
		{ rows: [0, 1, 2], inertia: 78.85566582597731, iterations: 12, first: [6.85384615, 3.07692308, 5.71538462, 2.05384615] },
		{ rows: [0, 51, 101], inertia: 78.85566582597731, iterations: 6, first: [5.006, 3.428, 1.462, 0.246] },
		{ rows: [10, 20, 30, 40], inertia: 71.76373890975627, iterations: 15, first: [5.37058824, 3.8, 1.51764706, 0.27647059] },
	])('iris from rows $rows', ({ rows, inertia: expected, iterations, first }) => {
		const trace = lloydTrace(iris, rows.map((i) => iris[i]!));
		const last = trace.states.at(-1)!;
		expect(trace.converged).toBe(true);
		expect(trace.iterations).toBe(iterations);
		expect(last.inertia).toBeCloseTo(expected, 9);
		first.forEach((v, j) => expect(last.centroids[0]![j]).toBeCloseTo(v, 7));
	});

	it('alternates assign and update, never raises the inertia, and ends on an assign that changes nothing', () => {
		const trace = lloydTrace(iris, [iris[0]!, iris[1]!, iris[2]!]);
		expect(trace.states[0]).toMatchObject({ step: 0, phase: 'init', labels: null, inertia: null });
		expect(trace.states[1]).toMatchObject({ step: 1, phase: 'assign', iteration: 1, changed: 150 });
		expect(trace.states[2]).toMatchObject({ step: 2, phase: 'update', iteration: 1 });
		expect(trace.states).toHaveLength(2 * 12);
		expect(trace.states.at(-1)).toMatchObject({ phase: 'assign', changed: 0, iteration: 12 });
		for (let s = 2; s < trace.states.length; s++) expect(trace.states[s]!.inertia!).toBeLessThanOrEqual(trace.states[s - 1]!.inertia! + 1e-9);
		expect(stateAt(trace, 999)).toBe(trace.states.at(-1));
		expect(stateAt(trace, 3)).toBe(trace.states[3]);
	});

	it('reports no convergence when the iterations run out', () => {
		const trace = lloydTrace(iris, [iris[0]!, iris[1]!, iris[2]!], 3);
		expect(trace.converged).toBe(false);
		expect(trace.states).toHaveLength(7);
	});
});

describe('k-means++ initialisation and blobs', () => {
	it('draws indices in proportion to the weights', () => {
		const source = seededSource(5);
		const counts = [0, 0, 0];
		for (let i = 0; i < 6000; i++) counts[weightedIndex([1, 0, 3], source)]!++;
		expect(counts[1]).toBe(0);
		// Binomial(6000, 0.75): sd ≈ 33.5, so ±150 is more than four sd.
		expect(Math.abs(counts[2]! - 4500)).toBeLessThan(150);
		expect(weightedIndex([0, 0], () => 0.7)).toBe(1);
	});

	it('picks k distinct data points, the same ones for the same seed', () => {
		const a = kmeansPlusPlusInit(iris, 3, seededSource(11));
		expect(a).toEqual(kmeansPlusPlusInit(iris, 3, seededSource(11)));
		expect(a).not.toEqual(kmeansPlusPlusInit(iris, 3, seededSource(12)));
		for (const c of a) expect(iris.some((p) => p.every((v, j) => v === c[j]))).toBe(true);
		expect(new Set(a.map((c) => c.join())).size).toBe(3);
		expect(() => kmeansPlusPlusInit(iris, 0, seededSource(1))).toThrow(RangeError);
	});

	it('spreads k-means++ centroids over well-separated blobs', () => {
		const blobs = makeBlobs({ clusters: 3, perCluster: 30, spread: 0.3 }, seededSource(2));
		const init = kmeansPlusPlusInit(blobs.points, 3, seededSource(3));
		const nearestCentre = assignToNearest(init, blobs.centres);
		expect(new Set(nearestCentre).size).toBe(3);
	});

	it('makes reproducible blobs with the requested spread', () => {
		const a = makeBlobs({ clusters: 2, perCluster: 500, spread: 2 }, seededSource(4));
		expect(a).toEqual(makeBlobs({ clusters: 2, perCluster: 500, spread: 2 }, seededSource(4)));
		expect(a.points).toHaveLength(1000);
		expect(a.truth.filter((t) => t === 1)).toHaveLength(500);
		for (const c of a.centres) for (const v of c) expect(Math.abs(v)).toBeLessThanOrEqual(10);
		const dx = a.points.slice(0, 500).map((p) => p[0]! - a.centres[0]![0]!);
		const sd = Math.sqrt(dx.reduce((acc, d) => acc + d * d, 0) / 500);
		// sd of a sample sd of 500 normals ≈ 2 / √1000 ≈ 0.063
		expect(Math.abs(sd - 2)).toBeLessThan(0.3);
	});
});
