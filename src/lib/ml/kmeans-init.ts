/**
 * Seeded initial centroids for k-means. The demo uses k-means++ (Arthur and
 * Vassilvitskii, 2007) in its plain form: the first centroid is a uniformly
 * chosen point, each next one a point drawn with probability proportional to
 * its squared distance from the nearest centroid so far. (sklearn's default
 * is a "greedy" variant that tries 2 + ln k candidates per step, so the two
 * start from different centroids for the same seed; the Lloyd iterations that
 * follow are the same.)
 */
import type { Source } from '../stats/random';
import { squaredDistance } from './columns';
import type { Point } from './kmeans';

/** Index drawn with probability proportional to `weights` (uniform if they are all 0). */
export function weightedIndex(weights: readonly number[], source: Source): number {
	const total = weights.reduce((a, b) => a + b, 0);
	if (!(total > 0)) return Math.min(weights.length - 1, Math.floor(source() * weights.length));
	let target = source() * total;
	for (let i = 0; i < weights.length; i++) {
		target -= weights[i]!;
		if (target < 0) return i;
	}
	// Round-off can leave target ≥ 0 after the loop; the last positive weight is then the draw.
	for (let i = weights.length - 1; i >= 0; i--) if (weights[i]! > 0) return i;
	return weights.length - 1;
}

/** `k` starting centroids chosen by k-means++ from `points` (k ≤ number of points). */
export function kmeansPlusPlusInit(points: readonly Point[], k: number, source: Source): number[][] {
	if (!Number.isInteger(k) || k < 1 || k > points.length) throw new RangeError(`k must be a whole number from 1 to ${points.length}, got ${k}`);
	const centroids: number[][] = [[...points[weightedIndex(points.map(() => 1), source)]!]];
	const nearest = points.map((p) => squaredDistance(p, centroids[0]!));
	while (centroids.length < k) {
		const chosen = [...points[weightedIndex(nearest, source)]!];
		centroids.push(chosen);
		points.forEach((p, i) => (nearest[i] = Math.min(nearest[i]!, squaredDistance(p, chosen))));
	}
	return centroids;
}
