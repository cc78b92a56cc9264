// `npm run validate`: checks all content and prints `path:line: problem; fix`.
// Exit code 1 when anything is wrong; never a stack trace for a content mistake.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { validateContent, type ContentTree } from '../src/lib/validate/index';
import { formatProblem, sortProblems } from '../src/lib/validate/problem';

export function diskTree(root: string): ContentTree {
	return {
		list(dir) {
			const abs = join(root, dir);
			if (!existsSync(abs)) return [];
			return (readdirSync(abs, { recursive: true, withFileTypes: true }) as import('node:fs').Dirent[])
				.filter((d) => d.isFile())
				.map((d) => relative(root, join(d.parentPath, d.name)).split(sep).join('/'));
		},
		read(path) {
			const abs = join(root, path);
			return existsSync(abs) ? readFileSync(abs, 'utf8') : null;
		},
	};
}

const root = process.argv[2] ?? process.cwd();
const problems = sortProblems(validateContent(diskTree(root)));
for (const p of problems) console.error(formatProblem(p));
if (problems.length) {
	console.error(`\n${problems.length} problem${problems.length === 1 ? '' : 's'} in the content.`);
	process.exitCode = 1;
} else {
	console.log('content ok');
}
