/**
 * Checks a published practice log (content/portfolio/log.csv, the CSV the progress
 * page downloads, committed by the learner): every row that cannot be read is one
 * problem at its line, all reported at once, so one pass fixes the file.
 */
import { csvParseRows } from 'd3-dsv';
import { isFormulaCell, parseLogCsv } from '../practice-log/csv';
import type { Problem } from './problem';

export const PRACTICE_LOG_FILE = 'content/portfolio/log.csv';

export function practiceLogProblems(text: string, file = PRACTICE_LOG_FILE): Problem[] {
	const parsed = parseLogCsv(text);
	return parsed.ok ? [] : parsed.problems.map((p) => ({ file, line: p.line, message: p.problem, fix: p.fix }));
}

/**
 * Cells of a readable log a spreadsheet would run as a formula (OWASP's CSV
 * injection: `=`, `+`, `-`, `@`, tab or CR first). Warnings, not errors: the file
 * reads fine here, but whoever opens it in a spreadsheet runs the cell.
 */
export function practiceLogWarnings(text: string, file = PRACTICE_LOG_FILE): Problem[] {
	if (!parseLogCsv(text).ok) return [];
	const records = csvParseRows(text.startsWith('\uFEFF') ? text.slice(1) : text);
	const header = records[0] ?? [];
	const warnings: Problem[] = [];
	let line = 1 + (header.join('').split('\n').length ?? 1);
	for (const cells of records.slice(1)) {
		const column = cells.findIndex((cell) => isFormulaCell(cell));
		if (column !== -1) {
			const name = header[column]?.trim() || `column ${column + 1}`;
			warnings.push({
				file,
				line,
				message: `the ${name} starts with "${JSON.stringify(cells[column][0]).slice(1, -1)}", which a spreadsheet runs as a formula`,
				fix: `start the cell with a ' (the book removes it when reading), or download the log from the progress page, which does so`,
			});
		}
		line += cells.join('').split('\n').length;
	}
	return warnings;
}
