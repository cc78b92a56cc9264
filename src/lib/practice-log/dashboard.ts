/**
 * The practice dashboard of the measurement guide, as pure functions of the log:
 * per course month, the four lines (EDA speed, statistical accuracy, architecture
 * decisions, implementation speed) plus communication and decomposition. The
 * progress page computes it from the browser's log, the portfolio from a published
 * log.csv; both call `summariseLog`.
 */
import type { LogRow, Metric } from './metrics';

/** The EDA track's goal for the basic EDA benchmark, in minutes. */
export const EDA_GOAL_MINUTES = 45;
/** Implementation speed's goal: minutes used equal to the time box. */
export const PROTOTYPE_GOAL_RATIO = 1;
/** z for a two-sided 95% interval: the 0.975 quantile of the standard normal. */
const Z_95 = 1.959963984540054;

export interface Interval {
	low: number;
	high: number;
}

/**
 * The Wilson score interval of a proportion k/n (no continuity correction), as
 * scipy's `binomtest(k, n).proportion_ci(method="wilson")`. n must be > 0.
 */
export function wilsonInterval(k: number, n: number, z = Z_95): Interval {
	if (!(n > 0) || k < 0 || k > n) throw new RangeError(`wilsonInterval: k=${k}, n=${n}`);
	const z2 = z * z;
	const centre = (k + z2 / 2) / (n + z2);
	const half = (z / (n + z2)) * Math.sqrt((k * (n - k)) / n + z2 / 4);
	return { low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}

export function median(values: readonly number[]): number {
	if (values.length === 0) throw new RangeError('median of no values');
	const sorted = [...values].sort((a, b) => a - b);
	const mid = sorted.length >> 1;
	return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export function mean(values: readonly number[]): number {
	if (values.length === 0) throw new RangeError('mean of no values');
	let sum = 0;
	for (const v of values) sum += v;
	return sum / values.length;
}

export interface Proportion extends Interval {
	k: number;
	n: number;
	share: number;
}

export interface MonthLines {
	/** Course month, or null for rows whose week lies outside every month of the book. */
	month: number | null;
	label: string;
	rows: number;
	/** Median minutes of `eda_minutes`. */
	eda: { n: number; median: number } | null;
	/** `intuition_correct`: k of n came true, with the 95% Wilson interval. */
	accuracy: Proportion | null;
	/** `decision_right`: k of n proved right, with the 95% Wilson interval. */
	decisions: Proportion | null;
	/** Mean of `prototype_overrun` (minutes used / time box). */
	prototype: { n: number; mean: number } | null;
	/** Mean score of `communication` (0-4). */
	communication: { n: number; mean: number } | null;
	/** Mean score of `decomposition` (0-7). */
	decomposition: { n: number; mean: number } | null;
}

export interface CourseMonth {
	month: number;
	/** First and last course week of the month. */
	from: number;
	to: number;
}

/** Month number of a course week, or null outside the book's months. */
export function monthOfWeek(week: number, months: readonly CourseMonth[]): number | null {
	return months.find((m) => week >= m.from && week <= m.to)?.month ?? null;
}

function proportion(values: readonly number[]): Proportion | null {
	if (values.length === 0) return null;
	// Outcomes are 1, 0 or (claims) 0.5: partly right counts as half, as in the calibration table.
	const k = values.reduce((sum, v) => sum + v, 0);
	return { k, n: values.length, share: k / values.length, ...wilsonInterval(k, values.length) };
}

function linesOf(month: number | null, label: string, rows: readonly LogRow[]): MonthLines {
	const by = new Map<Metric, number[]>();
	for (const row of rows) {
		const list = by.get(row.metric);
		if (list) list.push(row.value);
		else by.set(row.metric, [row.value]);
	}
	const values = (metric: Metric) => by.get(metric) ?? [];
	const averaged = (metric: Metric) => (values(metric).length ? { n: values(metric).length, mean: mean(values(metric)) } : null);
	return {
		month,
		label,
		rows: rows.length,
		eda: values('eda_minutes').length ? { n: values('eda_minutes').length, median: median(values('eda_minutes')) } : null,
		accuracy: proportion(values('intuition_correct')),
		decisions: proportion(values('decision_right')),
		prototype: averaged('prototype_overrun'),
		communication: averaged('communication'),
		decomposition: averaged('decomposition'),
	};
}

export interface LogSummary {
	/** One entry per month that has rows, in month order; rows outside the months come last. */
	months: MonthLines[];
	/** The same lines over the whole log. */
	total: MonthLines;
}

/** The dashboard of a log; months with no rows are left out. */
export function summariseLog(rows: readonly LogRow[], months: readonly CourseMonth[]): LogSummary {
	const groups = new Map<number | null, LogRow[]>();
	for (const row of rows) {
		const month = monthOfWeek(row.week, months);
		const group = groups.get(month);
		if (group) group.push(row);
		else groups.set(month, [row]);
	}
	const keys = [...groups.keys()].sort((a, b) => (a ?? Number.POSITIVE_INFINITY) - (b ?? Number.POSITIVE_INFINITY));
	return {
		months: keys.map((m) => linesOf(m, m === null ? 'Other weeks' : `Month ${m}`, groups.get(m)!)),
		total: linesOf(null, 'All months', rows),
	};
}

const percent = (share: number) => `${Math.round(share * 100)}%`;
const decimal = (value: number, digits: number) => {
	const text = value.toFixed(digits);
	return text.includes('.') ? text.replace(/\.?0+$/, '') : text;
};

/** The dashboard's lines as sentences, the same words in the page's table, on screen readers and in print. */
export function describeLines(lines: MonthLines): Record<'eda' | 'accuracy' | 'decisions' | 'prototype' | 'communication' | 'decomposition', string> {
	const none = 'no rows';
	return {
		eda: lines.eda ? `median ${decimal(lines.eda.median, 1)} min of ${lines.eda.n} (goal ${EDA_GOAL_MINUTES})` : none,
		accuracy: lines.accuracy
			? `${lines.accuracy.k}/${lines.accuracy.n} = ${percent(lines.accuracy.share)} (95% CI ${percent(lines.accuracy.low)}–${percent(lines.accuracy.high)})`
			: none,
		// The chart draws the same interval: the table must not hide what the figure shows.
		decisions: lines.decisions
			? `${lines.decisions.k}/${lines.decisions.n} right = ${percent(lines.decisions.share)} (95% CI ${percent(lines.decisions.low)}–${percent(lines.decisions.high)})`
			: none,
		prototype: lines.prototype ? `mean ${decimal(lines.prototype.mean, 2)} of the time box over ${lines.prototype.n} (goal ${PROTOTYPE_GOAL_RATIO.toFixed(1)})` : none,
		communication: lines.communication ? `mean ${decimal(lines.communication.mean, 1)} of 4 over ${lines.communication.n}` : none,
		decomposition: lines.decomposition ? `mean ${decimal(lines.decomposition.mean, 1)} of 7 over ${lines.decomposition.n}` : none,
	};
}
