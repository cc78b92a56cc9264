// npm run execute on a small course: a raising block is reported with its file and line,
// a hanging block is stopped after the time limit, and a frozen output whose block was
// removed is flagged by --check and removed by a rewrite. Runs the project venv (scripts/python.sh) or PYTHON.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runExecute } from '../support/execute';

const execute = (root: string, ...args: string[]) => runExecute(root, ['--no-notebooks', ...args], { BLOCK_TIMEOUT: '2' });

function course(page: string) {
	const root = mkdtempSync(join(tmpdir(), 'execute-'));
	mkdirSync(join(root, 'content/weeks'), { recursive: true });
	mkdirSync(join(root, 'public/data'), { recursive: true });
	writeFileSync(join(root, 'public/data/x.csv'), 'a\n1\n2\n');
	writeFileSync(join(root, 'content/weeks/01.mdx'), page);
	return root;
}

const fence = (code: string, meta = '') => `\`\`\`python${meta ? ` ${meta}` : ''}\n${code}\n\`\`\`\n`;

describe('npm run execute', { timeout: 120_000 }, () => {
	it('names the file and line of a block that raises and stops one that hangs', async () => {
		const root = course(
			['---', 'title: t', '---', '', fence('import pandas as pd\nn = len(pd.read_csv("data/x.csv"))\nprint(n)'), fence('x = 1\ny = n / 0'), fence('while True:\n    pass'), fence('import pymc', 'no-run')].join('\n'),
		);
		const { code, out } = await execute(root, '--check');
		expect(code).toBe(1);
		expect(out).toMatch(/^1\/3 Python blocks run/m);
		expect(out).toContain('1 marked no-run: content/weeks/01.mdx:21');
		// Fence at line 11, the division on its second line.
		expect(out).toContain('content/weeks/01.mdx:13: ZeroDivisionError: division by zero');
		expect(out).toContain('content/weeks/01.mdx:16: timed out after 2 s');
	});

	it('freezes outputs, then flags and removes the output of a removed block', async () => {
		const first = fence('print("kept")');
		const second = fence('import matplotlib.pyplot as plt\nplt.plot([1, 2])\nplt.title("A line")\nprint("removed")');
		const root = course(`${first}\n${second}`);
		expect((await execute(root)).code).toBe(0);
		const cache = JSON.parse(readFileSync(join(root, 'outputs/weeks/01.json'), 'utf8'));
		expect(cache.blocks.map((b: { stdout: string }) => b.stdout)).toEqual(['kept\n', 'removed\n']);
		const figure = cache.blocks[1].figures[0];
		expect(figure.alt).toBe('Figure: A line');
		const svg = readFileSync(join(root, 'outputs/figures', figure.file), 'utf8');
		expect(svg).not.toMatch(/<dc:date>/);
		expect((await execute(root, '--check')).code).toBe(0);

		writeFileSync(join(root, 'content/weeks/01.mdx'), first);
		const check = await execute(root, '--check');
		expect(check.code).toBe(1);
		expect(check.out).toContain('outputs/weeks/01.json: output of a block that no longer exists (was line 5)');
		expect((await execute(root)).code).toBe(0);
		expect(JSON.parse(readFileSync(join(root, 'outputs/weeks/01.json'), 'utf8')).blocks).toHaveLength(1);
		expect(existsSync(join(root, 'outputs/figures', figure.file))).toBe(false);
	});

	it('flags an output that no longer matches a fresh run', async () => {
		const root = course(fence('print(round(2 / 3, 4))'));
		expect((await execute(root)).code).toBe(0);
		const path = join(root, 'outputs/weeks/01.json');
		writeFileSync(path, readFileSync(path, 'utf8').replace('0.6667', '0.6668'));
		expect((await execute(root, '--check')).code).toBe(0);
		writeFileSync(path, readFileSync(path, 'utf8').replace('0.6668', '0.6690'));
		const check = await execute(root, '--check');
		expect(check.code).toBe(1);
		expect(check.out).toContain('content/weeks/01.mdx:1: frozen output differs from a fresh run');
	});
});
