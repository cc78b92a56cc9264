// The practice dashboard's trend charts: every point inside its axis with the
// goal in view, and no interval drawn that the table does not state.
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { describeLines, summariseLog } from '../../src/lib/practice-log/dashboard';
import { renderPracticeDashboard, trendChartOptions, trendCharts, trendDomain } from '../../src/lib/practice-log/render';
import type { LogRow } from '../../src/lib/practice-log/metrics';

const MONTHS = [
	{ month: 1, from: 1, to: 8 },
	{ month: 2, from: 9, to: 16 },
];
const row = (metric: LogRow['metric'], value: number, unit: string, week = 2): LogRow => ({ date: '2027-01-12', week, metric, value, unit, note: '' });

describe('trendDomain', () => {
	it('puts a lone prototype month of 0.96 well inside the axis, with the 1.0 goal', () => {
		const [chart] = trendCharts(summariseLog([row('prototype_overrun', 0.96, 'ratio')], MONTHS));
		expect(chart!.id).toBe('prototype');
		const [lo, hi] = trendDomain(chart!);
		expect(lo).toBeLessThan(0.96 - 0.05);
		expect(hi).toBeGreaterThan(1 + 0.05);
		expect(trendChartOptions(chart!, [1]).y).toMatchObject({ domain: [lo, hi] });
	});

	it('pads both ends by the spread and never goes below zero', () => {
		const [lo, hi] = trendDomain({ points: [{ month: 1, value: 68 }, { month: 2, value: 55 }], goal: 45 });
		// 10% of the largest value (6.8) is more than 15% of the spread (3.45).
		expect(lo).toBeCloseTo(45 - 6.8, 9);
		expect(hi).toBeCloseTo(68 + 6.8, 9);
		// 15% of a spread of 90 (13.5) is more than 10% of 100; the floor stops at zero.
		const [wideLo, wideHi] = trendDomain({ points: [{ month: 1, value: 100 }, { month: 2, value: 10 }] });
		expect(wideLo).toBe(0);
		expect(wideHi).toBeCloseTo(113.5, 9);

		expect(trendDomain({ points: [{ month: 1, value: 0.05 }], goal: 1 })[0]).toBe(0);
	});
});

describe('the decisions line', () => {
	it('states in the table the interval its chart draws', () => {
		const rows = [row('decision_right', 1, 'decision'), row('decision_right', 0, 'decision'), row('decision_right', 1, 'ADR')];
		const summary = summariseLog(rows, MONTHS);
		const decisions = trendCharts(summary).find((c) => c.id === 'decisions')!;
		const { low, high } = decisions.points[0]!;
		expect(low).toBeDefined();
		// scipy: binomtest(2, 3).proportion_ci(method="wilson") = (0.2077, 0.9385)
		expect(describeLines(summary.total).decisions).toBe(`2/3 right = 67% (95% CI ${Math.round(low!)}%–${Math.round(high!)}%)`);
		expect(describeLines(summary.total).decisions).toBe('2/3 right = 67% (95% CI 21%–94%)');
		const { document } = parseHTML('<!doctype html><html><body></body></html>');
		const dashboard = renderPracticeDashboard(summary, document as unknown as Document);
		expect(dashboard.querySelector('[data-line="decisions"]')?.textContent).toContain('95% CI 21%–94%');
		expect(dashboard.querySelector('[data-trend="decisions"] figcaption')?.textContent).toContain('95% interval');
	});
});
