/**
 * Checks a published progress file (content/progress.json, an export from the
 * progress page committed by the learner) against the export file's schema.
 * One problem at most, at the line of the first bad value in the file: a
 * damaged export is fixed by exporting again, not field by field.
 */
import { progressFileSchema } from '../progress/state';
import { jsonErrorOffset } from '../progress/import';
import type { Problem } from './problem';
import { isProblem, parseJsonFile } from './source';
import { schemaProblems } from './schema-problems';

export const PROGRESS_FILE = 'content/progress.json';

const EXPORT_AGAIN = 'export your progress again with "Export progress" on the progress page and save it as content/progress.json, or delete the file to publish no progress';

function syntaxErrorLine(text: string): number {
	const offset = jsonErrorOffset(text);
	return offset === null ? 1 : text.slice(0, offset).split('\n').length;
}

export function progressFileProblems(text: string, file = PROGRESS_FILE): Problem[] {
	if (text.trim() === '') return [{ file, line: 1, message: 'the progress file is empty', fix: EXPORT_AGAIN }];
	const source = parseJsonFile(file, text, syntaxErrorLine);
	if (isProblem(source)) return [{ ...source, message: `the progress file is not valid JSON`, fix: EXPORT_AGAIN }];
	const [first] = [...schemaProblems(source, progressFileSchema).problems].sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
	return first ? [{ ...first, message: `the progress file is not a progress export: ${first.message}`, fix: EXPORT_AGAIN }] : [];
}
