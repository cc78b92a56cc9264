// npm run execute sees what a reader would see in red: a warning from a block (from its
// own line or from inside a library it called) or from a notebook cell, and other stderr
// text, each with file and line; and it refuses a check on other releases than recorded.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runExecute } from '../support/execute';

const execute = (root: string, ...args: string[]) => runExecute(root, args);

const fence = (code: string) => `\`\`\`python\n${code}\n\`\`\`\n`;

function course(page: string, notebook?: object) {
	const root = mkdtempSync(join(tmpdir(), 'execute-warnings-'));
	mkdirSync(join(root, 'content/weeks'), { recursive: true });
	mkdirSync(join(root, 'public/data'), { recursive: true });
	writeFileSync(join(root, 'content/weeks/01.mdx'), page);
	if (notebook) {
		mkdirSync(join(root, 'notebooks'));
		writeFileSync(join(root, 'notebooks/week-01.ipynb'), JSON.stringify(notebook, null, 1));
	}
	return root;
}

describe('npm run execute on warnings and stderr', { timeout: 240_000 }, () => {
	it('fails a block that warns or writes to stderr, naming the line inside the block', async () => {
		const root = course(
			[
				'---',
				'title: t',
				'---',
				'',
				// Fence at line 5: the warn() call is line 7.
				fence('import warnings\nwarnings.warn("the old way", DeprecationWarning)\nprint("ok")'),
				// Fence at line 11: a function compiled elsewhere (as a library is) warns; the block calls it on line 14.
				fence('exec(compile("import warnings\\ndef old():\\n    warnings.warn(\'deep\', FutureWarning)\\n", "library.py", "exec"))\nx = 1\nold()'),
				// Fence at line 17 (stderr text is named by its block).
				fence('import sys\nprint("look here", file=sys.stderr)'),
			].join('\n'),
		);
		const plain = await execute(root, '--no-notebooks');
		expect(plain.code).toBe(1);
		expect(plain.out).toContain('content/weeks/01.mdx:7: DeprecationWarning: the old way');
		expect(plain.out).toContain('content/weeks/01.mdx:14: FutureWarning: deep');
		expect(plain.out).toContain('content/weeks/01.mdx:17: wrote to stderr: look here');
		// The plain run still froze the outputs and recorded the versions that printed them.
		expect(JSON.parse(readFileSync(join(root, 'outputs/weeks/01.json'), 'utf8')).blocks[0].stdout).toBe('ok\n');
		const versions = JSON.parse(readFileSync(join(root, 'outputs/versions.json'), 'utf8'));
		expect(Object.keys(versions)).toEqual(expect.arrayContaining(['python', 'numpy', 'pandas', 'scikit-learn']));
		expect(versions.python).toMatch(/^3\.\d+$/);

		const check = await execute(root, '--check', '--no-notebooks');
		expect(check.code).toBe(1);
		expect(check.out).toContain('content/weeks/01.mdx:7: DeprecationWarning: the old way');
	});

	it('refuses a check on other releases than outputs/versions.json records, naming both', async () => {
		const root = course(fence('print(1)'));
		expect((await execute(root, '--no-notebooks')).code).toBe(0);
		const path = join(root, 'outputs/versions.json');
		const versions = JSON.parse(readFileSync(path, 'utf8'));
		expect((await execute(root, '--check', '--no-notebooks')).code).toBe(0);
		writeFileSync(path, JSON.stringify({ ...versions, pandas: '1.5.3' }));
		const check = await execute(root, '--check', '--no-notebooks');
		expect(check.code).toBe(1);
		expect(check.out).toContain(`outputs/versions.json: outputs were printed by pandas 1.5.3, this run has pandas ${versions.pandas}`);
	});

	it('names the notebook cell that warns and the cells without an id, and the kernel stays quiet', async () => {
		const root = course(fence('print(1)'), {
			nbformat: 4,
			nbformat_minor: 5,
			metadata: { kernelspec: { name: 'python3', display_name: 'Python 3', language: 'python' } },
			cells: [
				{ cell_type: 'markdown', metadata: {}, source: ['# A notebook'] },
				{ cell_type: 'code', id: 'c2', metadata: {}, execution_count: null, outputs: [], source: ['x = 1\n', 'import warnings\n', 'warnings.warn("old notebook way", DeprecationWarning)'] },
				{ cell_type: 'code', id: 'c3', metadata: {}, execution_count: null, outputs: [], source: ['print(x)'] },
			],
		});
		const run = await execute(root);
		expect(run.code).toBe(1);
		expect(run.out).toMatch(/notebooks\/week-01\.ipynb: cell 2 line 3: DeprecationWarning: old notebook way/);
		expect(run.out).toMatch(/notebooks\/week-01\.ipynb: cell 1 has no id/);
		expect(run.out).toContain('1/1 notebooks run');
		// The runner's own noise is gone: no TCP notice from the kernel, no nbformat id warning.
		expect(run.out).not.toMatch(/running over TCP|MissingIDFieldWarning|Parent appears to have exited/);
	});
});
