// npm run execute on a small course with inline expressions (`` `{python} expr` `` in the
// prose): values are evaluated after the page's blocks and frozen beside them, a page with
// expressions but no blocks gets its own session, --check fails on a stale value and on a
// value whose expression is gone, and a raising expression is reported with file:line.
// Runs the interpreter in PYTHON (the numeric stack must be installed there).
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runExecute } from '../support/execute';
import type { CachedPage } from '../../src/lib/python/outputs';

const execute = (root: string, ...args: string[]) => runExecute(root, ['--no-notebooks', ...args], { BLOCK_TIMEOUT: '5' });

const week = (prose: string) => ['---', 'title: t', '---', '', '```python', 'import pandas as pd', 'r = 2 / 3', 'n = len(pd.read_csv("data/x.csv"))', '```', '', prose, ''].join('\n');

function course() {
	const root = mkdtempSync(join(tmpdir(), 'execute-inline-'));
	mkdirSync(join(root, 'content/weeks'), { recursive: true });
	mkdirSync(join(root, 'content/practice'), { recursive: true });
	mkdirSync(join(root, 'public/data'), { recursive: true });
	writeFileSync(join(root, 'public/data/x.csv'), 'a\n1\n2\n');
	// Line 11: after the block, so the names it made exist; printing must not reach the result.
	writeFileSync(join(root, 'content/weeks/01.mdx'), week('The ratio is `{python} f"{r:.3f}"` over `{python} n` rows; `{python} print("noise") or "quiet"`.'));
	writeFileSync(join(root, 'content/practice/only-prose.mdx'), '---\ntitle: p\n---\n\nSix sevens are `{python} 6 * 7`.\n');
	return root;
}

const cache = (root: string, page: string) => JSON.parse(readFileSync(join(root, 'outputs', `${page}.json`), 'utf8')) as CachedPage;

describe('npm run execute with inline expressions', { timeout: 180_000 }, () => {
	it('freezes each value after the blocks, then flags a stale value and a value whose expression is gone', async () => {
		const root = course();
		const first = await execute(root);
		expect(first.code, first.out).toBe(0);
		expect(first.out).toContain('4/4 inline expressions evaluated');
		expect(cache(root, 'weeks/01').inline).toEqual([
			{ line: 11, expr: 'f"{r:.3f}"', value: '0.667' },
			{ line: 11, expr: 'n', value: '2' },
			{ line: 11, expr: 'print("noise") or "quiet"', value: 'quiet' },
		]);
		expect(cache(root, 'weeks/01').blocks).toHaveLength(1);
		expect(cache(root, 'practice/only-prose')).toEqual({ file: 'content/practice/only-prose.mdx', blocks: [], inline: [{ line: 5, expr: '6 * 7', value: '42' }] });
		expect((await execute(root, '--check')).code).toBe(0);

		const path = join(root, 'outputs/weeks/01.json');
		writeFileSync(path, readFileSync(path, 'utf8').replace('"0.667"', '"0.912"'));
		writeFileSync(join(root, 'content/weeks/01.mdx'), week('The ratio is `{python} f"{r:.3f}"`; `{python} print("noise") or "quiet"`.\n\nNew: `{python} n * 10`.'));
		const check = await execute(root, '--check');
		expect(check.code).toBe(1);
		expect(check.out).toContain('content/weeks/01.mdx:11: inline expression `f"{r:.3f}"` is frozen as "0.912", a fresh run gives "0.667"; run npm run execute');
		expect(check.out).toContain('content/weeks/01.mdx:11: frozen value of an inline expression that is no longer in the page (`n`); run npm run execute');
		expect(check.out).toContain('content/weeks/01.mdx:13: inline expression `n * 10` has no frozen value; run npm run execute');
		expect(check.out).toMatch(/^3 problems:/m);

		expect((await execute(root)).code).toBe(0);
		expect(cache(root, 'weeks/01').inline?.map((e) => [e.line, e.value])).toEqual([[11, '0.667'], [11, 'quiet'], [13, '20']]);
		expect((await execute(root, '--check')).code).toBe(0);
	});

	it('reports a raising expression with its file and line', async () => {
		const root = course();
		writeFileSync(join(root, 'content/weeks/01.mdx'), week('Fine: `{python} n`.\n\nBroken: `{python} missing + 1` and `{python} n /`.'));
		const { code, out } = await execute(root, '--check');
		expect(code).toBe(1);
		expect(out).toContain("content/weeks/01.mdx:13: inline expression `missing + 1` failed: NameError: name 'missing' is not defined");
		expect(out).toContain('content/weeks/01.mdx:13: inline expression `n /` failed: SyntaxError: ');
		// The prose-only page's expression still evaluates: 2 of 4.
		expect(out).toContain('2/4 inline expressions evaluated');
	});
});
