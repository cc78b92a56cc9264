/**
 * Checks a published practice log (content/portfolio/log.csv, the CSV the progress
 * page downloads, committed by the learner): every row that cannot be read is one
 * problem at its line, all reported at once, so one pass fixes the file.
 */
import { parseLogCsv } from '../practice-log/csv';
import type { Problem } from './problem';

export const PRACTICE_LOG_FILE = 'content/portfolio/log.csv';

export function practiceLogProblems(text: string, file = PRACTICE_LOG_FILE): Problem[] {
	const parsed = parseLogCsv(text);
	return parsed.ok ? [] : parsed.problems.map((p) => ({ file, line: p.line, message: p.problem, fix: p.fix }));
}
