/**
 * Seeded Gaussian blobs in the plane for the k-means demo, after sklearn's
 * `make_blobs`: centres drawn uniformly in a box, points drawn normally around
 * them with one common spread. The same source state always gives the same data.
 */
import { randomNormal, randomUniform } from 'd3-random';
import type { Source } from '../stats/random';

export interface BlobOptions {
	/** Number of true clusters. */
	clusters: number;
	/** Points drawn around each centre. */
	perCluster: number;
	/** Standard deviation of each coordinate around its centre. */
	spread: number;
	/** Centres are drawn uniformly in [−box, box]² (make_blobs uses 10). */
	box?: number;
}

export interface Blobs {
	centres: number[][];
	points: number[][];
	/** The true cluster of each point. */
	truth: number[];
}

export function makeBlobs({ clusters, perCluster, spread, box = 10 }: BlobOptions, source: Source): Blobs {
	const uniform = randomUniform.source(source)(-box, box);
	const centres = Array.from({ length: clusters }, () => [uniform(), uniform()]);
	const noise = randomNormal.source(source)(0, spread);
	const points: number[][] = [];
	const truth: number[] = [];
	centres.forEach((centre, c) => {
		for (let i = 0; i < perCluster; i++) {
			points.push([centre[0]! + noise(), centre[1]! + noise()]);
			truth.push(c);
		}
	});
	return { centres, points, truth };
}
