/**
 * Seeded noisy samples from a smooth curve, y = f(x) + N(0, σ²) with x uniform
 * on an interval: the raw material of the bagging and model-comparison demos.
 * Draws come from the caller's source, so one seed can feed several data sets
 * in a fixed order.
 */
import { randomNormal, randomUniform } from 'd3-random';
import type { Source } from '../stats/random';

export interface CurvePoint {
	x: number;
	y: number;
}

export interface CurveSampleOptions {
	curve: (x: number) => number;
	n: number;
	noiseSd: number;
	xMin: number;
	xMax: number;
}

/** `n` points with x uniform on [xMin, xMax) and normal noise around the curve, in draw order. */
export function sampleCurve({ curve, n, noiseSd, xMin, xMax }: CurveSampleOptions, source: Source): CurvePoint[] {
	const uniform = randomUniform.source(source)(xMin, xMax);
	const noise = randomNormal.source(source)(0, noiseSd);
	return Array.from({ length: n }, () => {
		const x = uniform();
		return { x, y: curve(x) + noise() };
	});
}

/** `count` evenly spaced values from `from` to `to`, both ends included. */
export function evenGrid(from: number, to: number, count: number): number[] {
	if (count < 2) return [from];
	return Array.from({ length: count }, (_, i) => from + ((to - from) * i) / (count - 1));
}
