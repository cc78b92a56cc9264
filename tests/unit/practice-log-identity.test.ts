/**
 * Rows with identity: ids for every row (legacy rows get the same id everywhere),
 * merges that are idempotent and never sum identical rows, tombstones that an old
 * file cannot undo, edits where the newest wins, and a CSV that is safe to open in
 * a spreadsheet and round-trips byte for byte.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatLogCsv, isFormulaCell, neutraliseCell, parseLogCsv, restoreCell } from '../../src/lib/practice-log/csv';
import { median } from '../../src/lib/practice-log/dashboard';
import { isCalendarDate, legacyRowId, withRowIds, type LogRow, type StoredRow } from '../../src/lib/practice-log/metrics';
import { mergeLog, mergeLogDetailed } from '../../src/lib/practice-log/merge-log';
import { practiceLogWarnings } from '../../src/lib/validate/practice-log';

const fixture = readFileSync(new URL('../fixtures/practice-log/log.csv', import.meta.url), 'utf8');
const row = (overrides: Partial<LogRow> = {}): LogRow => ({ date: '2025-05-01', week: 1, metric: 'eda_minutes', value: 38, unit: 'min', note: '', ...overrides });
const values = (rows: readonly LogRow[]) => rows.map((r) => r.value);

function rowsOf(text: string): LogRow[] {
	const result = parseLogCsv(text);
	if (!result.ok) throw new Error(JSON.stringify(result.problems));
	return result.rows;
}

describe('row ids', () => {
	it('gives a legacy row the same id in every run, and identical rows different ids', () => {
		const rows = [row({ value: 60 }), row(), row(), row({ value: 52 })];
		const first = withRowIds(rows);
		expect(withRowIds(rows).map((r) => r.id)).toEqual(first.map((r) => r.id));
		expect(new Set(first.map((r) => r.id)).size).toBe(4);
		expect(first[1].id).toBe(legacyRowId(row(), 0));
		expect(first[2].id).toBe(legacyRowId(row(), 1));
		expect(first[0].id).toMatch(/^r-[a-z0-9]+-0$/);
	});

	it('keeps two equal measurements, so the median of [60, 38, 38, 52] is 45', () => {
		const rows = withRowIds([row({ value: 60 }), row(), row(), row({ value: 52 })]);
		const merged = mergeLog([], rows);
		expect(merged).toHaveLength(4);
		expect(median(values(merged))).toBe(45);
	});
});

describe('merging rows', () => {
	const local = withRowIds([row({ value: 60 }), row(), row({ value: 52 })]);

	it('is idempotent: the same rows merged twice add nothing', () => {
		const incoming = withRowIds([row({ value: 70 }), row({ value: 71 })]);
		const once = mergeLog(local, incoming);
		expect(once).toHaveLength(5);
		expect(mergeLog(once, incoming)).toEqual(once);
		expect(mergeLogDetailed(once, incoming).added).toBe(0);
	});

	it('without ids, keeps the larger count of each identical row, never the sum', () => {
		// Here: two rows of 38 with random ids. The file: three rows of 38 without ids.
		const here: StoredRow[] = [
			{ ...row(), id: 'a1b2c3d4-0000-4000-8000-000000000001' },
			{ ...row(), id: 'a1b2c3d4-0000-4000-8000-000000000002' },
		];
		const file = [row(), row(), row(), row({ value: 40 })];
		const merged = mergeLogDetailed(here, file);
		expect(values(merged.rows)).toEqual([38, 38, 38, 40]);
		expect(merged.added).toBe(2);
		// The same file again adds nothing, and neither does a file with fewer copies.
		expect(mergeLogDetailed(merged.rows, file).added).toBe(0);
		expect(mergeLogDetailed(merged.rows, [row()]).added).toBe(0);
	});

	it('takes rows of a version 2 export once, matching the rows migrated from the same browser by id', () => {
		const v2Rows = [row({ value: 60 }), row(), row({ value: 52 })];
		const migrated = withRowIds(v2Rows);
		expect(mergeLog(migrated, v2Rows)).toEqual(migrated);
	});

	it('never brings back a deleted row, with or without ids in the file', () => {
		const deleted = { [local[1].id]: 1000 };
		const after = mergeLog(local, [], deleted);
		expect(values(after)).toEqual([60, 52]);
		// An old export (with ids) and an old CSV without ids both still hold the row.
		expect(values(mergeLog(after, local, deleted))).toEqual([60, 52]);
		expect(values(mergeLog(after, [row({ value: 60 }), row(), row({ value: 52 })], deleted))).toEqual([60, 52]);
	});

	it('keeps the newest edit of a row, whichever side it is on', () => {
		const edited: StoredRow = { ...local[1], value: 41, editedAt: 2000 };
		expect(values(mergeLog(local, [edited]))).toEqual([60, 41, 52]);
		expect(values(mergeLog([local[0], edited, local[2]], [local[1]]))).toEqual([60, 41, 52]);
		const newer: StoredRow = { ...local[1], value: 42, editedAt: 3000 };
		expect(values(mergeLog([local[0], edited, local[2]], [newer]))).toEqual([60, 42, 52]);
		expect(mergeLogDetailed([local[0], edited, local[2]], [newer]).updated).toBe(1);
	});
});

describe('the CSV', () => {
	it('reads a log without the id column (a committed log.csv) and one with it', () => {
		const rows = rowsOf(fixture);
		expect(rows).toHaveLength(40);
		expect(rows.every((r) => r.id === undefined)).toBe(true);
		const withIds = withRowIds(rows);
		const text = formatLogCsv(withIds);
		expect(text.split('\n')[0]).toBe('date,week,metric,value,unit,note,id');
		expect(rowsOf(text)).toEqual(withIds);
	});

	it('refuses a bad id and a repeated id at their lines', () => {
		const header = 'date,week,metric,value,unit,note,id';
		const result = parseLogCsv([header, '2025-05-01,1,eda_minutes,38,min,,Not An Id', '2025-05-01,1,eda_minutes,38,min,,r-1', '2025-05-02,1,eda_minutes,38,min,,r-1', ''].join('\n'));
		expect(result.ok).toBe(false);
		if (result.ok) return;
		expect(result.problems.map((p) => p.line)).toEqual([2, 4]);
		expect(result.problems[0].problem).toMatch(/is not a row id/);
		expect(result.problems[1].problem).toMatch(/also the id of line 3/);
	});

	it('neutralises every cell a spreadsheet would run as a formula, and reads it back exactly', () => {
		const notes = ['=HYPERLINK("http://x.example","click")', '+cmd|" /C calc"!A0', '@SUM(1+1)', '-2+3', '\tTabbed', '\rReturn', "'quoted from the start", "'=already marked", "''=twice", 'plain note', ''];
		const rows = withRowIds(notes.map((note, i) => row({ note, value: 30 + i })));
		const text = formatLogCsv(rows);
		const parsed = rowsOf(text);
		expect(parsed.map((r) => r.note)).toEqual(notes);
		expect(formatLogCsv(parsed)).toBe(text);
		// Every cell of the file that a spreadsheet reads is harmless: none starts with a formula character.
		const cells = text.split('\n').slice(1, -1).map((line) => line.split(',').slice(5).join(','));
		for (const cell of cells) expect(isFormulaCell(cell.replace(/^"/, ''))).toBe(false);
		expect(text).toContain(`"'=HYPERLINK(""http://x.example"",""click"")"`);
		expect(text).toContain("'-2+3");
		expect(text).toContain("'quoted from the start");
		expect(text).not.toContain("''quoted");
	});

	it('marks only what needs it, and removes exactly one mark', () => {
		expect(neutraliseCell('-2')).toBe("'-2");
		expect(neutraliseCell("'x")).toBe("'x");
		expect(neutraliseCell("'=x")).toBe("''=x");
		expect(restoreCell("''=x")).toBe("'=x");
		expect(restoreCell("'x")).toBe("'x");
		expect(restoreCell("'-2")).toBe('-2');
	});

	it('writes numbers as numbers: a value is never marked', () => {
		const text = formatLogCsv(withRowIds([row({ metric: 'prototype_overrun', value: 0.84, unit: 'ratio' })]));
		expect(text.split('\n')[1]).toMatch(/^2025-05-01,1,prototype_overrun,0.84,ratio,,r-/);
	});
});

describe('the validator warns about formula cells in log.csv', () => {
	it('names the file, the line and the fix', () => {
		const text = ['date,week,metric,value,unit,note', '2025-05-01,1,eda_minutes,38,min,fine', '2025-05-02,1,eda_minutes,40,min,=HYPERLINK("x")', '2025-05-03,1,eda_minutes,41,min,"@SUM(1)"', ''].join('\n');
		const warnings = practiceLogWarnings(text);
		expect(warnings.map((w) => w.line)).toEqual([3, 4]);
		expect(warnings[0]).toMatchObject({ file: 'content/portfolio/log.csv', message: expect.stringMatching(/note starts with "="/), fix: expect.stringMatching(/'/) });
		expect(practiceLogWarnings(formatLogCsv(rowsOf(text)))).toEqual([]);
	});
});

describe('dates', () => {
	it('accepts every day of the years 0001 to 9999, and nothing outside', () => {
		expect(isCalendarDate('0001-01-01')).toBe(true);
		expect(isCalendarDate('0099-12-31')).toBe(true);
		expect(isCalendarDate('9999-12-31')).toBe(true);
		expect(isCalendarDate('0000-12-31')).toBe(false);
		expect(isCalendarDate('0004-02-29')).toBe(true);
		expect(isCalendarDate('0100-02-29')).toBe(false);
	});
});
