/**
 * The practice log as CSV text, both ways, with d3-dsv: the header
 * `date,week,metric,value,unit,note` (optionally followed by `,id`, the row's
 * identity; the book always writes it) and one row per measurement. Reading
 * accepts what spreadsheets save (a byte-order mark, CRLF line ends, quoted
 * notes with commas, quotes and line breaks, blank lines) and reports every row
 * it cannot read with its line in the file, the problem and the fix. Pure: the
 * browser's import, the content validator and the portfolio page all call it.
 *
 * Spreadsheet-safe (OWASP's CSV-injection rule): a text cell that a spreadsheet
 * would run as a formula (starting with `=`, `+`, `-`, `@`, tab or CR) is written
 * with a leading `'`, and reading removes exactly that one mark, so export, import
 * and export again give the same bytes. A cell that already starts with `'` before
 * such a character gets one more, so a note that really starts `'=` survives too.
 * Numbers (week, value) are never marked: the log's values are never negative,
 * and a number is a value, not a formula.
 */
import { csvFormatRows, csvParseRows } from 'd3-dsv';
import { ID_COLUMN, isRowId, LOG_COLUMNS, MAX_LOG_BYTES, MAX_LOG_ROWS, MAX_ROW_ID_LENGTH, rowProblems, type LogRow } from './metrics';

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

/** A cell a spreadsheet would run as a formula, or one that already carries the mark before such a start. */
const FORMULA_START = /^'*[=+\-@\t\r]/;
/** The mark `neutraliseCell` adds, before a formula start. */
const MARKED = /^'+[=+\-@\t\r]/;

/** A text cell as written to the CSV: a leading `'` when a spreadsheet would read it as a formula. */
export function neutraliseCell(text: string): string {
	return FORMULA_START.test(text) ? `'${text}` : text;
}

/** A text cell as read from the CSV: exactly the mark `neutraliseCell` added, removed. */
export function restoreCell(text: string): string {
	return MARKED.test(text) ? text.slice(1) : text;
}

/** Whether a cell as found in a file would run as a formula in a spreadsheet (the validator warns). */
export function isFormulaCell(text: string): boolean {
	return /^[=+\-@\t\r]/.test(text);
}

/**
 * The log as CSV text, header first (with the id column), `\n` line ends;
 * `parseLogCsv` reads it back to equal rows. Text cells are spreadsheet-safe.
 */
export function formatLogCsv(rows: readonly LogRow[]): string {
	const safe = neutraliseCell;
	const lines = rows.map((r) => [safe(r.date), String(r.week), safe(r.metric), String(r.value), safe(r.unit), safe(r.note), safe(r.id ?? '')]);
	return `${csvFormatRows([[...LOG_COLUMNS, ID_COLUMN], ...lines])}\n`;
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

/** Whether the header has the id column; a problem when it is not the log's header at all. */
function readHeader(header: string[]): { hasId: boolean } | LineProblem {
	const names = header.map((name) => name.trim().toLowerCase()).join(',');
	const expected = LOG_COLUMNS.join(',');
	if (names === expected) return { hasId: false };
	if (names === `${expected},${ID_COLUMN}`) return { hasId: true };
	return {
		line: 1,
		problem: `the first line is "${header.join(',').slice(0, 120)}", not the log's header`,
		fix: `make the first line exactly ${expected} (or ${expected},${ID_COLUMN}; download the log from the progress page to see the format)`,
	};
}

/** Every problem of one record's fields, at `line`; the row when there are none. */
function readRecord(cells: string[], line: number, hasId: boolean): LogRow | LineProblem[] {
	const columns = LOG_COLUMNS.length + (hasId ? 1 : 0);
	if (cells.length !== columns) {
		return [
			{
				line,
				problem: `the row has ${cells.length} column${cells.length === 1 ? '' : 's'}, not ${columns}`,
				fix: `give every row ${LOG_COLUMNS.join(',')}${hasId ? `,${ID_COLUMN}` : ''}, and put a note with commas in double quotes`,
			},
		];
	}
	const fields = cells.map(restoreCell);
	const [date, weekText, metric, valueText, unit, note] = fields;
	const idText = hasId ? fields[LOG_COLUMNS.length].trim() : '';
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
	if (idText !== '' && !isRowId(idText)) {
		problems.push({
			line,
			problem: `id "${idText.slice(0, 40)}${idText.length > 40 ? '…' : ''}" is not a row id`,
			fix: `leave the id empty for a new row, or keep the id the book wrote (lowercase letters, digits and hyphens, at most ${MAX_ROW_ID_LENGTH})`,
		});
	}
	if (problems.length) return problems;
	// An empty id cell is a row without identity yet: the store gives it one when merging.
	return (idText === '' ? row : { ...row, id: idText }) as LogRow;
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
	const header = readHeader(records[0] ?? []);
	if ('problem' in header) return { ok: false, problems: [header] };
	const rows: LogRow[] = [];
	const problems: LineProblem[] = [];
	const idLines = new Map<string, number>();
	// A record starts one line after the previous one ended; quoted line breaks make a record longer.
	let line = 1 + (records[0]?.join('').split('\n').length ?? 1);
	for (const fields of records.slice(1)) {
		const span = fields.join('').split('\n').length;
		if (!(fields.length === 1 && fields[0].trim() === '')) {
			const result = readRecord(fields, line, header.hasId);
			if (Array.isArray(result)) problems.push(...result);
			else if (result.id !== undefined && idLines.has(result.id)) {
				problems.push({ line, problem: `id ${result.id} is also the id of line ${idLines.get(result.id)}`, fix: 'give the copy an empty id (it is then a row of its own) or delete one of the two lines' });
			} else {
				if (result.id !== undefined) idLines.set(result.id, line);
				rows.push(result);
			}
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
