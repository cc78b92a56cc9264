// Runs `npm run execute` (scripts/execute.ts) on a small course tree, one page at a time,
// and returns its exit code and everything it printed.
import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';

const script = resolve('scripts/execute.ts');
const tsx = resolve('node_modules/.bin/tsx');

/** `env` adds to the environment, e.g. a short BLOCK_TIMEOUT for a test of a hanging block. */
export async function runExecute(root: string, args: readonly string[], env: Record<string, string> = {}): Promise<{ code: number; out: string }> {
	try {
		const { stdout, stderr } = await promisify(execFile)(tsx, [script, '--jobs', '1', ...args], {
			env: { ...process.env, COURSE_ROOT: root, ...env },
			encoding: 'utf8',
		});
		return { code: 0, out: stdout + stderr };
	} catch (error) {
		const e = error as { code: number; stdout: string; stderr: string };
		return { code: e.code, out: e.stdout + e.stderr };
	}
}
