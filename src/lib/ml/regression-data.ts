/**
 * Seeded data for the regression demo: y = intercept + slope · x + normal
 * noise, with x uniform on an interval, and an optional outlier placed where
 * it pulls hardest on the slope (beyond the right end of x, well below the line).
 */
import { randomNormal, randomUniform } from 'd3-random';
import { seededSource } from '../stats/random';

export interface LineDataOptions {
	intercept: number;
	slope: number;
	noiseSd: number;
	n: number;
	seed: number;
	/** Range of x; defaults to [0, 10]. */
	xMin?: number;
	xMax?: number;
}

export interface LinePoint {
	x: number;
	y: number;
	outlier: boolean;
}

/** How far the outlier sits from the true line, and where on x. */
export const OUTLIER = { x: 12, drop: -15 } as const;

export function simulateLine({ intercept, slope, noiseSd, n, seed, xMin = 0, xMax = 10 }: LineDataOptions): LinePoint[] {
	const source = seededSource(seed);
	const uniform = randomUniform.source(source)(xMin, xMax);
	const noise = randomNormal.source(source)(0, noiseSd);
	return Array.from({ length: n }, () => {
		const x = uniform();
		return { x, y: intercept + slope * x + noise(), outlier: false };
	});
}

/** A high-leverage point OUTLIER.drop units off the true line at x = OUTLIER.x. */
export function outlierFor(intercept: number, slope: number): LinePoint {
	return { x: OUTLIER.x, y: intercept + slope * OUTLIER.x + OUTLIER.drop, outlier: true };
}
