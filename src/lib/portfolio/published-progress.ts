/**
 * The learner's published progress: an export file committed as
 * content/progress.json, read at build time. The validator reports a damaged
 * file with its line before the build starts; reading it here fails the build
 * with the same sentence, in case the build runs without the validator.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { progressFileSchema, type ProgressFile } from '../progress/state';
import { PROGRESS_FILE, progressFileProblems } from '../validate/progress-file';
import { formatProblem } from '../validate/problem';

/** The published progress file under `root`, or null when there is none. Throws on a damaged file. */
export function readPublishedProgress(root: string): ProgressFile | null {
	const path = join(root, PROGRESS_FILE);
	if (!existsSync(path)) return null;
	const text = readFileSync(path, 'utf8');
	const [problem] = progressFileProblems(text);
	if (problem) throw new Error(formatProblem(problem));
	return progressFileSchema.parse(JSON.parse(text));
}
