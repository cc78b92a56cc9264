// `npm run validate [root]`: checks all content and prints `path:line: problem; fix`.
// Exit code 1 when anything is wrong; never a stack trace for a content mistake.
import { validateContent } from '../src/lib/validate/index';
import { diskTree } from '../src/lib/validate/disk-tree';
import { formatProblem, sortProblems } from '../src/lib/validate/problem';
import { readFileSync } from 'node:fs';
import course from '../course.config';
import { startDateWarning } from '../src/lib/config';

const root = process.argv[2] ?? process.cwd();
const warning = startDateWarning(course.startDate, readFileSync('course.config.ts', 'utf8'));
if (warning) console.warn(`warning: ${warning}`);
const problems = sortProblems(validateContent(diskTree(root)));
for (const p of problems) console.error(formatProblem(p));
if (problems.length) {
	console.error(`\n${problems.length} problem${problems.length === 1 ? '' : 's'} in the content.`);
	process.exitCode = 1;
} else {
	console.log('content ok');
}
