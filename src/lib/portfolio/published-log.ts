/**
 * The learner's published practice log, content/portfolio/log.csv, read at build
 * time for the portfolio's dashboard. The validator reports its bad rows before the
 * build; reading it here fails the build with the same lines, in case the build
 * runs without the validator.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { practiceLog } from '../../content/schema';
import { parseLogCsv } from '../practice-log/csv';
import type { LogRow } from '../practice-log/metrics';
import { PRACTICE_LOG_FILE, practiceLogProblems } from '../validate/practice-log';
import { formatProblem } from '../validate/problem';

/** The published log's rows under `root`, or null when there is no log file. Throws on a bad file. */
export function readPublishedLog(root: string): LogRow[] | null {
	const path = join(root, PRACTICE_LOG_FILE);
	if (!existsSync(path)) return null;
	const text = readFileSync(path, 'utf8');
	const problems = practiceLogProblems(text);
	if (problems.length) throw new Error(problems.map(formatProblem).join('\n'));
	const parsed = parseLogCsv(text);
	// The schema is the specification of a row; parsing by it keeps the build honest if the two ever drift.
	return parsed.ok ? (practiceLog.parse(parsed.rows) as LogRow[]) : [];
}
