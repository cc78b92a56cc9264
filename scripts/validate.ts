// `npm run validate [root]`: checks all content and prints `path:line: problem; fix`.
// Exit code 1 when anything is wrong; never a stack trace for a content mistake.
import { validateContent } from '../src/lib/validate/index';
import { diskTree } from '../src/lib/validate/disk-tree';
import { formatProblem, sortProblems } from '../src/lib/validate/problem';
import { readFileSync } from 'node:fs';
import { startDateWarning } from '../src/lib/config';
import { PRACTICE_LOG_FILE, practiceLogWarnings } from '../src/lib/validate/practice-log';

const root = process.argv[2] ?? process.cwd();
// A mistake in course.config.ts is reported like a content mistake, without a stack trace.
const course = await import('../course.config')
	.then((m) => m.default)
	.catch((error: Error) => {
		console.error(error.message.replace(/^course\.config\.ts is invalid:\n/, ''));
		process.exit(1);
	});
const warning = startDateWarning(course.startDate, readFileSync('course.config.ts', 'utf8'));
if (warning) console.warn(`warning: ${warning}`);
const tree = diskTree(root);
// Formula cells in the published log read fine here but run in a spreadsheet: warned, not refused.
const publishedLog = tree.read(PRACTICE_LOG_FILE);
for (const w of publishedLog === null ? [] : practiceLogWarnings(publishedLog)) console.warn(`warning: ${formatProblem(w)}`);
const problems = sortProblems(validateContent(tree));
for (const p of problems) console.error(formatProblem(p));
if (problems.length) {
	console.error(`\n${problems.length} problem${problems.length === 1 ? '' : 's'} in the content.`);
	process.exitCode = 1;
} else {
	console.log('content ok');
}
