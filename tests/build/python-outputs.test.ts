// The built book shows each Python block's frozen output under it, serves its figures,
// and publishes notebooks whose data fallback and Colab link follow course.config.ts.
// One test downloads a notebook from the served site and runs its first code cells in an
// empty folder, with the fallback pointed at that local server (the configured site is not live).
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configured as course } from '../support/course';
import { distDir, readPage } from '../support/dist';
import { serveSite, type SiteServer } from '../support/serve';
import { colabUrl, notebookDataUrl, publishedDataUrl, withDataUrl } from '../../src/lib/notebooks/published';
import type { CachedPage } from '../../src/lib/python/outputs';

const { site, base } = course;
const withBase = (path: string) => `${base.replace(/\/?$/, '')}${path}`;
const stripBase = (path: string) => path.slice(base.replace(/\/?$/, '').length);

const cachedPages = (readdirSync('outputs', { recursive: true }) as string[])
	.filter((f) => f.endsWith('.json') && f !== 'versions.json')
	.map((f) => JSON.parse(readFileSync(join('outputs', f), 'utf8')) as CachedPage)
	.filter((p) => p.file.startsWith('content/weeks/'));

describe('frozen outputs on week pages', () => {
	it.each(cachedPages.map((p) => [p.file, p] as const))('%s shows every frozen output under its block', (file, page) => {
		const doc = readPage(`/weeks/${file.match(/(\d+)\.mdx$/)![1]}/`);
		const shown = [...doc.querySelectorAll('.python-output')];
		const expected = page.blocks.filter((b) => b.stdout.trim() || b.figures.length);
		expect(shown.length).toBe(expected.length);
		for (const output of shown) expect(output.previousElementSibling?.matches('pre.astro-code')).toBe(true);
		const texts = shown.map((o) => o.querySelector('pre.python-output-text')?.textContent ?? '');
		for (const block of expected.filter((b) => b.stdout.trim())) expect(texts).toContain(block.stdout.replace(/\s+$/, ''));
		for (const img of shown.flatMap((o) => [...o.querySelectorAll('img')])) {
			expect(img.getAttribute('alt')?.length).toBeGreaterThan(8);
			const src = img.getAttribute('src')!;
			expect(src.startsWith(withBase('/outputs/'))).toBe(true);
			expect(existsSync(join(distDir, stripBase(src)))).toBe(true);
		}
	});

	it('shows what the week 5 Welch test printed, matching the page text', () => {
		const text = [...readPage('/weeks/05/').querySelectorAll('.python-output pre.python-output-text')].map((p) => p.textContent).join('\n');
		expect(text).toContain('flipper_length_mm: Chinstrap minus Adelie = 5.9, 95% CI (3.9, 7.9)');
	});
});

describe('published notebooks', () => {
	const dataUrl = publishedDataUrl(site, base);
	const notebooks = readdirSync('notebooks').filter((f) => f.endsWith('.ipynb'));

	it.each(notebooks)('%s falls back to this site\'s data', (name) => {
		const published = readFileSync(join(distDir, 'notebooks', name), 'utf8');
		const fallback = notebookDataUrl(published);
		if (fallback === null) expect(published).not.toMatch(/data\/[\w-]+\.csv/);
		else expect(fallback).toBe(dataUrl);
	});

	it('links week 4\'s notebook to Colab from the configured repository', () => {
		const link = [...readPage('/weeks/04/').querySelectorAll('a')].find((a) => a.textContent === 'open it in Colab');
		const expected = colabUrl(course.repo ?? '', 'notebooks/week-04.ipynb');
		if (expected === null) expect(link).toBeUndefined();
		else expect(link?.getAttribute('href')).toBe(expected);
	});

	describe('a downloaded notebook in an empty folder', () => {
		let server: SiteServer;
		beforeAll(async () => {
			server = await serveSite(distDir, base.replace(/\/?$/, '/'));
		});
		afterAll(() => server?.close());

		it.each(['week-04.ipynb', 'week-18.ipynb'])('%s runs its data cell against the served site', async (name) => {
			const download = await (await fetch(`${server.url}notebooks/${name}`)).text();
			const folder = mkdtempSync(join(tmpdir(), 'download-'));
			// The configured site is not live in a test: point the fallback at the local copy of it.
			writeFileSync(join(folder, name), withDataUrl(download, `${server.url}data`));
			// The pinned venv (scripts/python.sh makes it) unless PYTHON names another interpreter.
			const [python, ...pythonArgs] = process.env.PYTHON ? [process.env.PYTHON] : [resolve('scripts/python.sh')];
			// Asynchronous, so this process's server can answer the notebook's requests.
			const run = await promisify(execFile)(
				python!,
				[
					...pythonArgs,
					'-c',
					[
						'import sys, nbformat',
						'from nbclient import NotebookClient',
						'nb = nbformat.read(sys.argv[1], as_version=4)',
						'code = [c for c in nb.cells if c.cell_type == "code"]',
						'nb.cells = code[:1]',
						'NotebookClient(nb, timeout=120, resources={"metadata": {"path": sys.argv[2]}}).execute()',
						'print(nb.cells[0].outputs[0].get("text", ""))',
					].join('\n'),
					join(folder, name),
					folder,
				],
				{ encoding: 'utf8', env: { ...process.env, PYDEVD_DISABLE_FILE_VALIDATION: '1' } },
			);
			expect(run.stderr.split('\n').filter((l) => /Error|Traceback/.test(l))).toEqual([]);
			expect(readdirSync(folder)).toEqual([name]);
			expect(run.stdout.trim().length).toBeGreaterThan(0);
		});
	});
});
