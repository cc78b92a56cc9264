/**
 * The practice dashboard as DOM, drawn into any `document`: the browser's on the
 * progress page (redrawn from the store) and a server document on the portfolio
 * (from a published log.csv), so both pages show the same table and charts. The
 * numbers are text in a table (screen readers, print); the small Plot charts show
 * each line's trend over the months and carry the same numbers as their label.
 */
import * as Plot from '@observablehq/plot';
import type { PlotOptions } from '@observablehq/plot';
import { withoutMarkLabels } from '../demos/render';
import { EDA_GOAL_MINUTES, PROTOTYPE_GOAL_RATIO, describeLines, type LogSummary, type MonthLines } from './dashboard';

const LINES = [
	['eda', 'EDA speed', 'median minutes of the basic EDA benchmark and challenge, against the 45-minute goal'],
	['accuracy', 'Statistical accuracy', 'intuitions that proved correct, with the 95% Wilson interval'],
	['decisions', 'Architecture decisions', 'decisions and ADRs proved right at their review, with the 95% Wilson interval'],
	['prototype', 'Implementation speed', 'minutes used divided by the time box, against 1.0'],
	['communication', 'Communication', 'reader test score, 0-4'],
	['decomposition', 'Decomposition', '15-minute decomposition score, 0-7'],
] as const;

interface Point {
	month: number;
	value: number;
	low?: number;
	high?: number;
}

/** The months with a number, for the trend charts ("Other weeks" has no place on a month axis). */
function numbered(summary: LogSummary): (MonthLines & { month: number })[] {
	return summary.months.filter((m): m is MonthLines & { month: number } => m.month !== null);
}

interface TrendChart {
	id: string;
	title: string;
	points: Point[];
	goal?: number;
	yLabel: string;
	percent?: boolean;
}

/** The trend charts that have at least one point: EDA, accuracy, decisions, implementation speed. */
export function trendCharts(summary: LogSummary): TrendChart[] {
	const months = numbered(summary);
	const charts: TrendChart[] = [
		{ id: 'eda', title: 'EDA speed (median minutes)', yLabel: 'minutes', goal: EDA_GOAL_MINUTES, points: months.flatMap((m) => (m.eda ? [{ month: m.month, value: m.eda.median }] : [])) },
		{
			id: 'accuracy',
			title: 'Statistical accuracy (% correct, 95% interval)',
			yLabel: '% correct',
			percent: true,
			points: months.flatMap((m) => (m.accuracy ? [{ month: m.month, value: m.accuracy.share * 100, low: m.accuracy.low * 100, high: m.accuracy.high * 100 }] : [])),
		},
		{
			id: 'decisions',
			title: 'Architecture decisions (% right, 95% interval)',
			yLabel: '% right',
			percent: true,
			points: months.flatMap((m) => (m.decisions ? [{ month: m.month, value: m.decisions.share * 100, low: m.decisions.low * 100, high: m.decisions.high * 100 }] : [])),
		},
		{ id: 'prototype', title: 'Implementation speed (used / time box)', yLabel: 'used / box', goal: PROTOTYPE_GOAL_RATIO, points: months.flatMap((m) => (m.prototype ? [{ month: m.month, value: m.prototype.mean }] : [])) },
	];
	return charts.filter((c) => c.points.length > 0);
}

/**
 * The y range of a chart that is not a percentage: every value, interval end and
 * the goal inside it with room to spare (15% of the spread, at least 10% of the
 * largest value), never below 0. Plot's own extent would put a lone point on the
 * frame's edge: one month at 0.96 of the box against the goal of 1.0 drew an axis
 * from 0.96 to 1.00 with the point on its floor.
 */
export function trendDomain(chart: Pick<TrendChart, 'points' | 'goal'>): [number, number] {
	const values = chart.points.flatMap((p) => [p.value, ...(p.low === undefined ? [] : [p.low]), ...(p.high === undefined ? [] : [p.high])]);
	if (chart.goal !== undefined) values.push(chart.goal);
	const lo = Math.min(...values);
	const hi = Math.max(...values);
	const pad = Math.max((hi - lo) * 0.15, 0.1 * Math.max(Math.abs(lo), Math.abs(hi)), Number.EPSILON);
	return [lo >= 0 ? Math.max(0, lo - pad) : lo - pad, hi + pad];
}

export function trendChartOptions(chart: TrendChart, allMonths: number[]): PlotOptions {
	const marks: Plot.Markish[] = [];
	if (chart.goal !== undefined) marks.push(Plot.ruleY([chart.goal], { stroke: 'currentColor', strokeDasharray: '4 3', strokeOpacity: 0.6 }));
	if (chart.points.some((p) => p.low !== undefined)) {
		marks.push(Plot.ruleX(chart.points, { x: 'month', y1: 'low', y2: 'high', stroke: '#3b82c4', strokeOpacity: 0.5, strokeWidth: 3 }));
	}
	marks.push(Plot.line(chart.points, { x: 'month', y: 'value', stroke: '#3b82c4' }), Plot.dot(chart.points, { x: 'month', y: 'value', fill: '#3b82c4', r: 3.5 }));
	return {
		width: 300,
		height: 170,
		marginLeft: 44,
		style: { background: 'transparent', overflow: 'visible' },
		x: { domain: allMonths, type: 'point', label: 'month', tickFormat: (m: number) => String(m) },
		y: { label: chart.yLabel, grid: true, domain: chart.percent ? [0, 100] : trendDomain(chart), nice: !chart.percent },
		marks,
	};
}

function element<K extends keyof HTMLElementTagNameMap>(doc: Document, tag: K, text?: string, attrs: Record<string, string> = {}): HTMLElementTagNameMap[K] {
	const el = doc.createElement(tag);
	if (text !== undefined) el.textContent = text;
	for (const [name, value] of Object.entries(attrs)) el.setAttribute(name, value);
	return el;
}

/** The table: one row per line, one column per month and one for the whole log. */
function table(summary: LogSummary, doc: Document, caption: string): HTMLTableElement {
	const columns = [...summary.months, summary.total];
	const words = columns.map(describeLines);
	const t = element(doc, 'table', undefined, { class: 'practice-table', 'data-practice-table': '' });
	t.append(element(doc, 'caption', caption));
	const head = element(doc, 'tr');
	head.append(element(doc, 'th', 'Line', { scope: 'col' }), ...columns.map((c) => element(doc, 'th', c.label, { scope: 'col' })));
	const body = element(doc, 'tbody');
	for (const [id, name, meaning] of LINES) {
		const tr = element(doc, 'tr', undefined, { 'data-line': id });
		const th = element(doc, 'th', name, { scope: 'row', title: meaning });
		tr.append(th, ...words.map((w) => element(doc, 'td', w[id])));
		body.append(tr);
	}
	const thead = element(doc, 'thead');
	thead.append(head);
	t.append(thead, body);
	return t;
}

/**
 * The dashboard of `summary` as one element. With no rows it says so and draws
 * nothing else, so an empty log never shows a table of "no rows".
 */
export function renderPracticeDashboard(summary: LogSummary, doc: Document): HTMLElement {
	const root = element(doc, 'div', undefined, { class: 'practice-dashboard' });
	const rows = summary.total.rows;
	root.append(element(doc, 'p', rows === 0 ? 'No rows in the practice log yet.' : `${rows} row${rows === 1 ? '' : 's'} in the practice log.`, { 'data-practice-count': '' }));
	if (rows === 0) return root;
	root.append(table(summary, doc, 'The practice dashboard per course month'));
	const charts = trendCharts(summary);
	if (charts.length === 0) return root;
	const allMonths = numbered(summary).map((m) => m.month);
	const grid = element(doc, 'div', undefined, { class: 'practice-charts' });
	for (const chart of charts) {
		const figure = element(doc, 'figure', undefined, { 'data-trend': chart.id });
		const label = `${chart.title} by month: ${chart.points.map((p) => `month ${p.month} ${Math.round(p.value * 100) / 100}`).join(', ')}${chart.goal !== undefined ? `; goal ${chart.goal}` : ''}.`;
		const svg = withoutMarkLabels(Plot.plot({ ...trendChartOptions(chart, allMonths), ariaLabel: label, document: doc }) as unknown as Element);
		figure.append(svg, element(doc, 'figcaption', chart.title));
		grid.append(figure);
	}
	root.append(grid);
	return root;
}
