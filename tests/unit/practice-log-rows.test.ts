// The daily drills' rows (recall_correct, golf_lines, mistake_pattern): the zod
// schema the build reads content/portfolio/log.csv with and the browser's isLogRow
// accept and refuse the same rows, and the CSV import reads them back.
import { describe, expect, it } from 'vitest';
import { logRow } from '../../src/content/schema';
import { isLogRow, rowProblems, type LogRow } from '../../src/lib/practice-log/metrics';
import { parseLogCsv } from '../../src/lib/practice-log/csv';

const base = { date: '2026-01-06', week: 1, note: 'Drill: w01-pandas-species-island' };

describe('the drills\' rows', () => {
	it.each<[string, unknown, boolean]>([
		['a pandas task done right', { ...base, metric: 'recall_correct', value: 1, unit: 'task' }, true],
		['a pandas task done wrong', { ...base, metric: 'recall_correct', value: 0, unit: 'task' }, true],
		['a pandas task half right', { ...base, metric: 'recall_correct', value: 0.5, unit: 'task' }, false],
		['a pandas task in the wrong unit', { ...base, metric: 'recall_correct', value: 1, unit: 'guess' }, false],
		['a golf line count', { ...base, metric: 'golf_lines', value: 3, unit: 'lines' }, true],
		['a golf line count of 0', { ...base, metric: 'golf_lines', value: 0, unit: 'lines' }, false],
		['a fractional line count', { ...base, metric: 'golf_lines', value: 2.5, unit: 'lines' }, false],
		['a mistake pattern over 4 misses', { ...base, metric: 'mistake_pattern', value: 4, unit: 'misses', note: 'I guess the mean of skewed columns' }, true],
		['a mistake pattern in a week without misses', { ...base, metric: 'mistake_pattern', value: 0, unit: 'misses' }, true],
		['a negative number of misses', { ...base, metric: 'mistake_pattern', value: -1, unit: 'misses' }, false],
	])('%s', (_, row, valid) => {
		expect(isLogRow(row)).toBe(valid);
		expect(logRow.safeParse(row).success).toBe(valid);
		expect(rowProblems(row as LogRow).length === 0).toBe(valid);
	});

	it('names the range in the fix of a bad value', () => {
		expect(rowProblems({ ...base, metric: 'golf_lines', value: 0, unit: 'lines' })).toEqual([{ field: 'value', problem: 'value 0 is out of range for golf_lines', fix: 'write a whole number from 1' }]);
	});

	it('reads the rows back from a CSV', () => {
		const csv = 'date,week,metric,value,unit,note\n2026-01-06,1,recall_correct,1,task,looked up agg\n2026-01-08,1,golf_lines,2,lines,\n2026-01-09,1,mistake_pattern,3,misses,"I anchor on the mean, not the median"\n';
		const result = parseLogCsv(csv);
		expect(result.ok).toBe(true);
		if (result.ok) expect(result.rows.map((r) => [r.metric, r.value, r.unit])).toEqual([['recall_correct', 1, 'task'], ['golf_lines', 2, 'lines'], ['mistake_pattern', 3, 'misses']]);
	});
});
