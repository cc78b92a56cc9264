/**
 * The practice log: its CSV both ways (d3-dsv), every refusal with its line and
 * fix, the zod row schema against the browser's row check, and the dashboard
 * maths against pandas and scipy.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { logRow } from '../../src/content/schema';
import { formatLogCsv, parseLogCsv } from '../../src/lib/practice-log/csv';
import { describeLines, median, mean, monthOfWeek, summariseLog, wilsonInterval } from '../../src/lib/practice-log/dashboard';
import { isLogRow, weekOfDate, withRowIds, type LogRow } from '../../src/lib/practice-log/metrics';
import { mergeLog } from '../../src/lib/practice-log/merge-log';

const fixture = readFileSync(new URL('../fixtures/practice-log/log.csv', import.meta.url), 'utf8');
const MONTHS = [
	{ month: 1, from: 1, to: 8 },
	{ month: 2, from: 9, to: 16 },
	{ month: 3, from: 17, to: 24 },
];

function rowsOf(text: string): LogRow[] {
	const result = parseLogCsv(text);
	if (!result.ok) throw new Error(JSON.stringify(result.problems));
	return result.rows;
}

const HEADER = 'date,week,metric,value,unit,note';

describe('parseLogCsv', () => {
	it('reads the fixture log: 40 rows, quoted notes with commas and doubled quotes', () => {
		const rows = rowsOf(fixture);
		expect(rows).toHaveLength(40);
		expect(rows[0]).toEqual({ date: '2025-03-08', week: 1, metric: 'eda_minutes', value: 78, unit: 'min', note: 'UCI Wine, challenge workflow' });
		expect(rows[8].note).toBe('Median "well below" mean');
		expect(rows[13].note).toBe('');
	});

	it('reads what a spreadsheet saves: byte-order mark, CRLF, a quoted line break, blank lines', () => {
		const spreadsheet = `\uFEFF${fixture.replaceAll('\n', '\r\n')}\r\n\r\n`;
		expect(rowsOf(spreadsheet)).toEqual(rowsOf(fixture));
		const multiline = `${HEADER}\r\n2025-03-08,1,eda_minutes,78,min,"first line\r\nsecond, line"\r\n`;
		expect(rowsOf(multiline)[0].note).toBe('first line\r\nsecond, line');
	});

	it('round-trips: formatting then parsing gives the same rows, and the text is stable', () => {
		const rows = rowsOf(fixture);
		const text = formatLogCsv(rows);
		expect(text.split('\n')[0]).toBe(`${HEADER},id`);
		expect(rowsOf(text)).toEqual(rows);
		expect(formatLogCsv(rowsOf(text))).toBe(text);
	});

	it('reports every bad row with its line, problem and fix, and returns no rows', () => {
		const text = [
			HEADER,
			'2025-03-08,1,eda_minutes,78,min,fine',
			'2025-02-30,1,eda_minutes,78,min,impossible date',
			'2025-03-09,1,eda_speed,78,min,unknown metric',
			'2025-03-10,1,"eda_minutes",abc,min,not a number',
			'2025-03-11,1,communication,5,of 4,out of range',
			'2025-03-12,1,prototype_overrun,"0,84",ratio,decimal comma',
			'2025-03-13,1,eda_minutes,0,min,zero minutes',
			'2025-03-14,x,intuition_correct,1,claim,bad week',
			'2025-03-15,1,intuition_correct,1,claim',
		].join('\n');
		const result = parseLogCsv(text);
		expect(result.ok).toBe(false);
		if (result.ok) return;
		expect(result.problems.map((p) => [p.line, p.problem])).toEqual([
			[3, 'date "2025-02-30" is not a day of the calendar'],
			[4, 'unknown metric "eda_speed"'],
			[5, 'value "abc" is not a number'],
			[6, 'value 5 is out of range for communication'],
			[7, 'value "0,84" is not a number'],
			[8, 'value 0 is out of range for eda_minutes'],
			[9, 'week "x" is not a course week'],
			[10, 'the row has 5 columns, not 6'],
		]);
		expect(result.problems[1].fix).toMatch(/^use one of eda_minutes, intuition_correct/);
		expect(result.problems[4].fix).toMatch(/decimal with a point/);
	});

	it('counts lines across quoted line breaks', () => {
		const text = `${HEADER}\n2025-03-08,1,eda_minutes,78,min,"two\nlines"\n2025-03-09,1,eda_minutes,-1,min,bad\n`;
		const result = parseLogCsv(text);
		expect(!result.ok && result.problems.map((p) => p.line)).toEqual([4]);
	});

	it('refuses a wrong header, an unclosed quote, an empty file and an oversize file', () => {
		const first = (text: string, maxBytes?: number) => {
			const result = parseLogCsv(text, { maxBytes });
			return result.ok ? null : result.problems[0];
		};
		expect(first('Date;Week;Metric\n1;2;3')).toMatchObject({ line: 1, problem: expect.stringMatching(/not the log's header/) });
		expect(first(`${HEADER}\n2025-03-08,1,eda_minutes,78,min,ok\n2025-03-09,1,eda_minutes,78,min,"never closed\n`)).toMatchObject({ line: 3, problem: expect.stringMatching(/never closed/) });
		expect(first('\uFEFF \n')).toMatchObject({ line: 1, problem: 'the file is empty' });
		expect(first(`${HEADER}\n${'x'.repeat(200)}`, 100)).toMatchObject({ line: 1, problem: 'the file is larger than 0 MB' });
		expect(first('x'.repeat(50_000_001))).toMatchObject({ problem: 'the file is larger than 50 MB' });
	});
});

describe('the row schema (zod, build) agrees with isLogRow (browser)', () => {
	const good: LogRow = { date: '2025-03-08', week: 1, metric: 'eda_minutes', value: 78, unit: 'min', note: '' };
	it.each<[string, unknown]>([
		['a good row', good],
		['a score at its maximum', { ...good, metric: 'decomposition', value: 7, unit: 'of 7' }],
		['a guess', { ...good, metric: 'intuition_correct', value: 0, unit: 'guess' }],
		['a ratio', { ...good, metric: 'prototype_overrun', value: 0.84, unit: 'ratio' }],
		['a score above its maximum', { ...good, metric: 'decomposition', value: 8, unit: 'of 7' }],
		['a fractional score', { ...good, metric: 'communication', value: 2.5, unit: 'of 4' }],
		['an outcome of 0.5', { ...good, metric: 'decision_right', value: 0.5, unit: 'ADR' }],
		['a negative ratio', { ...good, metric: 'prototype_overrun', value: -1, unit: 'ratio' }],
		['a wrong unit', { ...good, unit: 'minutes' }],
		['week 0', { ...good, week: 0 }],
		['a 29th of February in a common year', { ...good, date: '2025-02-29' }],
		['a 29th of February in a leap year', { ...good, date: '2024-02-29' }],
		['an extra field', { ...good, month: 1 }],
		['a missing note', { date: good.date, week: 1, metric: 'eda_minutes', value: 78, unit: 'min' }],
	])('%s', (_, value) => {
		expect(isLogRow(value)).toBe(logRow.safeParse(value).success);
	});
});

describe('merging and dating rows', () => {
	it('merges without duplicates and never drops a local row', () => {
		const rows = withRowIds(rowsOf(fixture));
		const merged = mergeLog(rows.slice(0, 30), rows.slice(20));
		expect(merged).toEqual(rows);
		expect(mergeLog(merged, merged)).toEqual(rows);
	});

	it('dates weeks from a start date', () => {
		expect(weekOfDate('2025-03-03', '2025-03-03')).toBe(1);
		expect(weekOfDate('2025-03-09', '2025-03-03')).toBe(1);
		expect(weekOfDate('2025-03-10', '2025-03-03')).toBe(2);
		expect(weekOfDate('2025-02-01', '2025-03-03')).toBe(1);
		expect(weekOfDate('2025-03-10', null)).toBe(1);
		expect(monthOfWeek(8, MONTHS)).toBe(1);
		expect(monthOfWeek(9, MONTHS)).toBe(2);
		expect(monthOfWeek(26, MONTHS)).toBeNull();
	});
});

describe('dashboard maths against scipy', () => {
	/*
	 * References from /usr/bin/python3 (scipy 1.x):
	 *   from scipy import stats
	 *   ci = stats.binomtest(k, n).proportion_ci(method="wilson"); print(k, n, repr(ci.low), repr(ci.high))
	 */
	it.each([
		[8, 20, 0.21880653237281705, 0.6134184992377467],
		[13, 20, 0.4328542766852363, 0.8188081758989179],
		[0, 5, 0.0, 0.43448246478317476],
		[5, 5, 0.5655175352168251, 1.0],
		[1, 1, 0.20654931437723745, 1.0],
		[0, 1, 0.0, 0.7934506856227626],
		[37, 61, 0.48117252628978924, 0.7193164854696292],
		[500, 1000, 0.4690696003681042, 0.5309303996318958],
	])('Wilson interval of %i/%i', (k, n, low, high) => {
		const ci = wilsonInterval(k, n);
		expect(ci.low).toBeCloseTo(low, 12);
		expect(ci.high).toBeCloseTo(high, 12);
	});

	it('refuses an interval of no trials', () => {
		expect(() => wilsonInterval(0, 0)).toThrow(RangeError);
		expect(() => median([])).toThrow(RangeError);
		expect(() => mean([])).toThrow(RangeError);
	});

	/*
	 * The fixture log's dashboard from pandas (run in tests/fixtures/practice-log):
	 *   /usr/bin/python3 -c 'import pandas as pd, numpy as np; from scipy import stats
	 *   log = pd.read_csv("log.csv"); log["month"] = np.select([log.week.between(1, 8), log.week.between(9, 16),
	 *       log.week.between(17, 24)], [1, 2, 3], 0)
	 *   for m, g in log.groupby("month"): ...median of eda_minutes, k/n and
	 *       stats.binomtest(k, n).proportion_ci(method="wilson") of the 0/1 metrics, mean of the others'
	 *   0 {eda: (1, 39.0)}
	 *   1 {eda: (4, 68.0), intuition_correct: (3, 5, 0.23072428127601297, 0.8823792257673521), decision_right: (0, 1, 0.0, 0.7934506856227626), communication: (1, 3.0), decomposition: (1, 5.0)}
	 *   2 {eda: (3, 55.0), intuition_correct: (3, 4, 0.30064184258240184, 0.9544127391902995), decision_right: (1, 2, 0.09453120573423074, 0.9054687942657693), prototype_overrun: (2, 1.4500000000000002), communication: (1, 2.0), decomposition: (1, 6.0)}
	 *   3 {eda: (4, 44.5), intuition_correct: (2, 3, 0.20765960080204782, 0.9385080552796038), decision_right: (2, 2, 0.34238022750665303, 1.0), prototype_overrun: (3, 1.0133333333333334), communication: (1, 4.0), decomposition: (1, 7.0)}
	 *   all: intuition_correct 8/12, CI 0.39062208887279953-0.8618799089087867; eda median 53.5
	 */
	it('summarises the fixture log per month as pandas does', () => {
		const summary = summariseLog(rowsOf(fixture), MONTHS);
		expect(summary.months.map((m) => m.label)).toEqual(['Month 1', 'Month 2', 'Month 3', 'Other weeks']);
		const [m1, m2, m3, other] = summary.months;
		expect(m1.eda).toEqual({ n: 4, median: 68 });
		expect(m2.eda).toEqual({ n: 3, median: 55 });
		expect(m3.eda).toEqual({ n: 4, median: 44.5 });
		expect(other.eda).toEqual({ n: 1, median: 39 });
		expect(other.accuracy).toBeNull();
		expect(m1.accuracy).toMatchObject({ k: 3, n: 5 });
		expect(m1.accuracy!.low).toBeCloseTo(0.23072428127601297, 12);
		expect(m1.accuracy!.high).toBeCloseTo(0.8823792257673521, 12);
		expect(m2.accuracy!.low).toBeCloseTo(0.30064184258240184, 12);
		expect(m3.accuracy!.high).toBeCloseTo(0.9385080552796038, 12);
		expect(m2.decisions).toMatchObject({ k: 1, n: 2 });
		expect(m2.decisions!.low).toBeCloseTo(0.09453120573423074, 12);
		expect(m3.decisions).toMatchObject({ k: 2, n: 2, high: 1 });
		expect(m1.prototype).toBeNull();
		expect(m2.prototype!.mean).toBeCloseTo(1.45, 12);
		expect(m3.prototype!.mean).toBeCloseTo(1.0133333333333334, 12);
		expect([m1, m2, m3].map((m) => [m.communication?.mean, m.decomposition?.mean])).toEqual([[3, 5], [2, 6], [4, 7]]);
		expect(summary.total.accuracy).toMatchObject({ k: 8, n: 12 });
		expect(summary.total.accuracy!.low).toBeCloseTo(0.39062208887279953, 12);
		expect(summary.total.eda!.median).toBe(53.5);
	});

	it('says each line in words', () => {
		const [m1, m2] = summariseLog(rowsOf(fixture), MONTHS).months;
		expect(describeLines(m1)).toEqual({
			eda: 'median 68 min of 4 (goal 45)',
			accuracy: '3/5 = 60% (95% CI 23%–88%)',
			decisions: '0/1 right = 0% (95% CI 0%–79%)', // scipy: binomtest(0, 1).proportion_ci(method="wilson") = (0.0, 0.7935)
			prototype: 'no rows',
			communication: 'mean 3 of 4 over 1',
			decomposition: 'mean 5 of 7 over 1',
		});
		expect(describeLines(m2).prototype).toBe('mean 1.45 of the time box over 2 (goal 1.0)');
	});
});
