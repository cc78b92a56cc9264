/**
 * The practice log as CSV text, both ways, with d3-dsv: exactly the header
 * `date,week,metric,value,unit,note` and one row per measurement. Reading
 * accepts what spreadsheets save (a byte-order mark, CRLF line ends, quoted
 * notes with commas, quotes and line breaks, blank lines) and reports every row
 * it cannot read with its line in the file, the problem and the fix. Pure: the
 * browser's import, the content validator and the portfolio page all call it.
 */
import { csvFormatRows, csvParseRows } from 'd3-dsv';
import { LOG_COLUMNS, MAX_LOG_BYTES, MAX_LOG_ROWS, rowProblems, type LogRow } from './metrics';

/** One thing wrong with the file, at a line counted from 1 as editors count. */
export interface LineProblem {
	line: number;
	problem: string;
	fix: string;
}

export type LogParseResult = { ok: true; rows: LogRow[] } | { ok: false; problems: LineProblem[] };

export interface LogParseOptions {
	/** Largest accepted size in UTF-8 bytes; MAX_LOG_BYTES by default. */
	maxBytes?: number;
}

const NUMBER = /^-?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
const INTEGER = /^\d+$/;

/** The log as CSV text, header first, `\n` line ends; `parseLogCsv` reads it back to equal rows. */
export function formatLogCsv(rows: readonly LogRow[]): string {
	return `${csvFormatRows([[...LOG_COLUMNS], ...rows.map((r) => [r.date, String(r.week), r.metric, String(r.value), r.unit, r.note])])}\n`;
}

/** UTF-8 size without encoding huge strings: every UTF-16 unit is 1 to 3 bytes. */
function exceedsBytes(text: string, maxBytes: number): boolean {
	if (text.length > maxBytes) return true;
	if (text.length * 3 <= maxBytes) return false;
	return new TextEncoder().encode(text).length > maxBytes;
}

/** The line of a quote that opens a field and is never closed, or null when every quote is balanced. */
function unclosedQuoteLine(text: string): number | null {
	let line = 1;
	let openedOn: number | null = null;
	for (let i = 0; i < text.length; i += 1) {
		const char = text[i];
		if (char === '\n') line += 1;
		else if (char === '"') {
			if (openedOn === null) openedOn = line;
			else if (text[i + 1] === '"') i += 1;
			else openedOn = null;
		}
	}
	return openedOn;
}

/** A number as a spreadsheet writes it, or null. A decimal comma is reported by the caller. */
function parseNumber(text: string): number | null {
	const trimmed = text.trim();
	return NUMBER.test(trimmed) ? Number(trimmed) : null;
}

function headerProblem(header: string[]): LineProblem | null {
	const names = header.map((name) => name.trim().toLowerCase());
	const expected = LOG_COLUMNS.join(',');
	if (names.join(',') === expected) return null;
	return {
		line: 1,
		problem: `the first line is "${header.join(',').slice(0, 120)}", not the log's header`,
		fix: `make the first line exactly ${expected} (download the log from the progress page to see the format)`,
	};
}

/** Every problem of one record's fields, at `line`; the row when there are none. */
function readRecord(fields: string[], line: number): LogRow | LineProblem[] {
	if (fields.length !== LOG_COLUMNS.length) {
		return [
			{
				line,
				problem: `the row has ${fields.length} column${fields.length === 1 ? '' : 's'}, not ${LOG_COLUMNS.length}`,
				fix: 'give every row date,week,metric,value,unit,note, and put a note with commas in double quotes',
			},
		];
	}
	const [date, weekText, metric, valueText, unit, note] = fields;
	const problems: LineProblem[] = [];
	const week = INTEGER.test(weekText.trim()) ? Number(weekText.trim()) : null;
	const value = parseNumber(valueText);
	if (value === null) {
		const decimalComma = /^-?\d+,\d+$/.test(valueText.trim());
		problems.push({
			line,
			problem: `value "${valueText.slice(0, 40)}" is not a number`,
			fix: decimalComma ? 'write the decimal with a point, e.g. 0.84 (save the CSV with "." as the decimal separator)' : 'write the value as a number, e.g. 45 or 0.84',
		});
	}
	const row = { date: date.trim(), week: week ?? weekText.trim(), metric: metric.trim(), value: value ?? Number.NaN, unit: unit.trim(), note };
	for (const p of rowProblems(row)) {
		if (p.field === 'value' && value === null) continue;
		problems.push({ line, problem: p.problem, fix: p.fix });
	}
	return problems.length ? problems : (row as LogRow);
}

/**
 * Reads a practice log. Every bad row is reported (a file is read whole or not at
 * all: one bad row refuses the file, so nothing half-read is ever merged).
 */
export function parseLogCsv(input: string, options: LogParseOptions = {}): LogParseResult {
	const maxBytes = options.maxBytes ?? MAX_LOG_BYTES;
	if (exceedsBytes(input, maxBytes)) {
		return { ok: false, problems: [{ line: 1, problem: `the file is larger than ${Math.round(maxBytes / 1_000_000)} MB`, fix: 'choose the log file itself; split a larger one into several files' }] };
	}
	const text = input.startsWith('\uFEFF') ? input.slice(1) : input;
	if (text.trim() === '') {
		return { ok: false, problems: [{ line: 1, problem: 'the file is empty', fix: `start it with the header ${LOG_COLUMNS.join(',')}` }] };
	}
	const unclosed = unclosedQuoteLine(text);
	if (unclosed !== null) {
		return { ok: false, problems: [{ line: unclosed, problem: 'a double quote opens a field that is never closed', fix: 'close the quote, or write a quote inside a note as two quotes ""' }] };
	}
	const records = csvParseRows(text);
	const header = headerProblem(records[0] ?? []);
	if (header) return { ok: false, problems: [header] };
	const rows: LogRow[] = [];
	const problems: LineProblem[] = [];
	// A record starts one line after the previous one ended; quoted line breaks make a record longer.
	let line = 1 + (records[0]?.join('').split('\n').length ?? 1);
	for (const fields of records.slice(1)) {
		const span = fields.join('').split('\n').length;
		if (!(fields.length === 1 && fields[0].trim() === '')) {
			const result = readRecord(fields, line);
			if (Array.isArray(result)) problems.push(...result);
			else rows.push(result);
		}
		line += span;
	}
	if (rows.length > MAX_LOG_ROWS) {
		problems.push({ line: 1, problem: `the file holds ${rows.length} rows, more than the ${MAX_LOG_ROWS} a log may hold`, fix: 'split it into several files' });
	}
	return problems.length ? { ok: false, problems } : { ok: true, rows };
}

/** A problem as the content validator and the import message print it: `file:LINE: problem; fix`. */
export function formatLineProblem(file: string, p: LineProblem): string {
	return `${file}:${p.line}: ${p.problem}; ${p.fix}`;
}
