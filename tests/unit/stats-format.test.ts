import { describe, expect, it } from 'vitest';
import {
	formatCount,
	formatEstimate,
	formatInterval,
	formatNumber,
	formatPercent,
	formatPercentInterval,
	formatPValue,
	MISSING,
} from '../../src/lib/stats/format';

describe('number formatting for demo text', () => {
	it('writes percentages', () => {
		expect(formatPercent(0.15384615384615374)).toBe('15.4%');
		expect(formatPercent(0.1612)).toBe('16.1%');
		expect(formatPercent(0.05, 0)).toBe('5%');
		expect(formatPercent(-0.0001)).toBe('0.0%');
	});

	it('writes p-values with three decimals and bounds at the extremes', () => {
		expect(formatPValue(0.0309)).toBe('p = 0.031');
		expect(formatPValue(0.00071)).toBe('p < 0.001');
		expect(formatPValue(0.001)).toBe('p = 0.001');
		expect(formatPValue(0.9996)).toBe('p > 0.999');
		expect(formatPValue(null)).toBe(`p = ${MISSING}`);
	});

	it('writes estimates, intervals and counts', () => {
		expect(formatEstimate(0.9041, 0.0093)).toBe('0.904 ± 0.009');
		expect(formatInterval([0.0123, 0.0345])).toBe('[0.012, 0.035]');
		expect(formatInterval([-0.00469685, 0.05469685], 4)).toBe('[-0.0047, 0.0547]');
		expect(formatPercentInterval([0.10132, 0.14163])).toBe('[10.1%, 14.2%]');
		expect(formatCount(1000)).toBe('1,000');
		expect(formatCount(940)).toBe('940');
	});

	it('never prints NaN, Infinity or a negative zero', () => {
		expect(formatNumber(Number.NaN)).toBe(MISSING);
		expect(formatNumber(Number.POSITIVE_INFINITY)).toBe(MISSING);
		expect(formatNumber(null)).toBe(MISSING);
		expect(formatNumber(-0.0001)).toBe('0.000');
		expect(formatNumber(-0.25, 2)).toBe('-0.25');
		expect(formatPercent(undefined)).toBe(MISSING);
		expect(formatCount(Number.NaN)).toBe(MISSING);
		expect(formatInterval(null)).toBe(MISSING);
	});
});
