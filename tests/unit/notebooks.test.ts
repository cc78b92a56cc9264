import { describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { renderNotebook, type NotebookResult } from '../../src/lib/notebooks/render';

const FILE = 'notebooks/week-99.ipynb';

type Cell = Record<string, unknown>;
const notebook = (cells: Cell[], extra: Record<string, unknown> = {}) => JSON.stringify({ nbformat: 4, nbformat_minor: 5, metadata: {}, cells, ...extra });
const markdown = (source: string | string[]): Cell => ({ cell_type: 'markdown', metadata: {}, source });
const code = (source: string, outputs: unknown[] = [], execution_count: number | null = null): Cell => ({ cell_type: 'code', metadata: {}, source, outputs, execution_count });

function rendered(result: NotebookResult) {
	if (!result.ok) throw new Error(`expected success, got: ${result.error}`);
	return result;
}
function failure(result: NotebookResult) {
	if (result.ok) throw new Error('expected an error');
	return result.error;
}

// 1×1 greyscale PNG, from /tmp/py/bin/python:
//   chunk = lambda t, d: struct.pack('>I', len(d)) + t + d + struct.pack('>I', zlib.crc32(t + d))
//   png = b'\x89PNG\r\n\x1a\n' + chunk(b'IHDR', struct.pack('>IIBBBBB', 1, 1, 8, 0, 0, 0, 0)) + chunk(b'IDAT', zlib.compress(b'\x00\x00')) + chunk(b'IEND', b'')
//   base64.b64encode(png).decode()
const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAAAAAA6fptVAAAACklEQVR4nGNgAAAAAgABSK+kcQAAAABJRU5ErkJggg==';

describe('renderNotebook: malformed notebooks give a clear error and never throw', () => {
	it('invalid JSON names the file and the position', async () => {
		const error = failure(await renderNotebook('{"nbformat": 4, "cells": [}', FILE));
		expect(error).toMatch(/^notebooks\/week-99\.ipynb: invalid JSON: /);
		expect(error).toMatch(/position \d+/);
	});

	it('truncated JSON still names a position (the end of the input)', async () => {
		const error = failure(await renderNotebook('{"nbformat": 4', FILE));
		expect(error).toContain('notebooks/week-99.ipynb: invalid JSON');
		expect(error).toMatch(/position 14/);
	});

	it('nbformat other than 4 is named', async () => {
		expect(failure(await renderNotebook(notebook([], { nbformat: 3 }), FILE))).toBe('notebooks/week-99.ipynb: nbformat is 3, expected 4 (save it again from Jupyter)');
		expect(failure(await renderNotebook(JSON.stringify({ cells: [] }), FILE))).toContain('nbformat is null, expected 4');
	});

	it('a missing cells list is named', async () => {
		expect(failure(await renderNotebook(JSON.stringify({ nbformat: 4, metadata: {} }), FILE))).toBe('notebooks/week-99.ipynb: missing the `cells` list');
	});

	it('a top level that is not an object is named', async () => {
		expect(failure(await renderNotebook('[1, 2]', FILE))).toBe('notebooks/week-99.ipynb: the top level is not a JSON object');
	});

	it('a cell of unknown type names the cell and its index', async () => {
		const error = failure(await renderNotebook(notebook([markdown('# Hi'), code('x = 1'), { cell_type: 'widget', source: '' }]), FILE));
		expect(error).toBe('notebooks/week-99.ipynb: cell 3 (index 2) has unknown cell_type "widget" (expected markdown, code or raw)');
	});

	it('a bad source and an unknown output type name the cell', async () => {
		expect(failure(await renderNotebook(notebook([markdown(['ok', 7] as unknown as string[])]), FILE))).toBe(
			'notebooks/week-99.ipynb: cell 1 (index 0) source must be a string or a list of strings',
		);
		expect(failure(await renderNotebook(notebook([code('x', [{ output_type: 'mystery' }])]), FILE))).toBe(
			'notebooks/week-99.ipynb: cell 1 (index 0) output 1 has unknown output_type "mystery"',
		);
	});

	it('image data that is not base64 is refused, not put in an attribute', async () => {
		const bad = { output_type: 'display_data', data: { 'image/png': '" onerror="alert(1)' }, metadata: {} };
		expect(failure(await renderNotebook(notebook([code('plot()', [bad])]), FILE))).toBe('notebooks/week-99.ipynb: cell 1 (index 0) output 1 image/png data is not base64');
	});
});

describe('renderNotebook: untrusted content is made safe', () => {
	it('HTML outputs lose scripts, styles, event handlers and iframes but keep tables', async () => {
		const html = [
			'<style>body { display: none }</style>',
			'<script>alert("x")</script>',
			'<table class="dataframe" onclick="steal()"><tr><th colspan="2">mass</th></tr><tr><td>3750</td><td><b>ok</b></td></tr></table>',
			'<img src="x" onerror="alert(2)">',
			'<iframe src="https://example.com"></iframe>',
			'<a href="javascript:alert(3)">link</a>',
		];
		const result = rendered(await renderNotebook(notebook([code('df', [{ output_type: 'execute_result', execution_count: 1, data: { 'text/html': html, 'text/plain': 'df' }, metadata: {} }], 1)]), FILE));
		const [output] = result.cells[0]!.outputs;
		expect(output).not.toMatch(/script|alert|onerror|onclick|iframe|<style|display: none|<img|javascript:/i);
		expect(output).toContain('<table><tr><th colspan="2">mass</th></tr><tr><td>3750</td><td><b>ok</b></td></tr></table>');
		expect(output).toContain('link');
	});

	it('raw HTML in markdown is escaped, not rendered', async () => {
		const result = rendered(await renderNotebook(notebook([markdown('Hello <script>alert(1)</script> <b onmouseover="x()">bold</b>')]), FILE));
		const { html } = result.cells[0]!;
		expect(html).not.toContain('<script>');
		expect(html).not.toContain('<b ');
		// Shown as text: every `<` escaped (rehype-stringify writes it as &#x3C;), so no tag opens.
		expect(html).toContain('&#x3C;script>alert(1)&#x3C;/script>');
		expect(html).toContain('&#x3C;b onmouseover="x()">bold&#x3C;/b>');
		expect(html).not.toMatch(/<(script|b)\b/);
	});

	it('stream and text/plain outputs are escaped <pre>', async () => {
		const outputs = [
			{ output_type: 'stream', name: 'stdout', text: ['151 <Adelie>\n', 'masses & more\n'] },
			{ output_type: 'execute_result', execution_count: 2, data: { 'text/plain': ['<NA>'] }, metadata: {} },
		];
		const result = rendered(await renderNotebook(notebook([code('print(1)', outputs, 2)]), FILE));
		expect(result.cells[0]!.outputs).toEqual(['<pre class="nb-stream">151 &lt;Adelie&gt;\nmasses &amp; more\n</pre>', '<pre class="nb-text">&lt;NA&gt;</pre>']);
		expect(result.cells[0]!.executionCount).toBe(2);
	});

	it('error tracebacks are escaped and lose their ANSI colour codes', async () => {
		const traceback = ['\u001b[0;31mZeroDivisionError\u001b[0m Traceback', '\u001b[1;32m----> 1\u001b[0m 1 <\u001b[38;5;241m 0'];
		const result = rendered(await renderNotebook(notebook([code('1/0', [{ output_type: 'error', ename: 'ZeroDivisionError', evalue: 'division by zero', traceback }])]), FILE));
		expect(result.cells[0]!.outputs).toEqual(['<pre class="nb-error">ZeroDivisionError Traceback\n----&gt; 1 1 &lt; 0</pre>']);
	});
});

describe('renderNotebook: content', () => {
	it('a PNG output becomes an <img> with a data URL and alt text naming the cell', async () => {
		const png = { output_type: 'display_data', data: { 'image/png': `${PNG.slice(0, 40)}\n${PNG.slice(40)}`, 'text/plain': '<Figure size 640x480>' }, metadata: {} };
		const result = rendered(await renderNotebook(notebook([markdown('# Plots'), code('plt.show()', [png])]), FILE));
		expect(result.cells[1]!.outputs).toEqual([`<img src="data:image/png;base64,${PNG}" alt="Output of cell 2">`]);
	});

	it('a JPEG output becomes an <img> too', async () => {
		const result = rendered(await renderNotebook(notebook([code('show()', [{ output_type: 'display_data', data: { 'image/jpeg': '/9j/4AAQ' }, metadata: {} }])]), FILE));
		expect(result.cells[0]!.outputs).toEqual(['<img src="data:image/jpeg;base64,/9j/4AAQ" alt="Output of cell 1">']);
	});

	it('cells keep their order, numbers and kinds', async () => {
		const cells = [markdown('# First'), code('a = 1'), markdown('Second'), { cell_type: 'raw', metadata: {}, source: 'raw <text>' }, code('b = 2')];
		const result = rendered(await renderNotebook(notebook(cells), FILE));
		expect(result.cells.map((c) => [c.number, c.kind])).toEqual([[1, 'markdown'], [2, 'code'], [3, 'markdown'], [4, 'raw'], [5, 'code']]);
		expect(result.cells[2]!.html).toBe('<p>Second</p>');
		expect(result.cells[3]!.html).toBe('<pre class="nb-raw">raw &lt;text&gt;</pre>');
		expect(result.cells[1]!.html.replace(/<[^>]+>/g, '')).toBe('a = 1');
		expect(result.cells[4]!.html.replace(/<[^>]+>/g, '')).toBe('b = 2');
	});

	it('code is highlighted by shiki with both themes as CSS variables, like the site', async () => {
		const { html } = rendered(await renderNotebook(notebook([code('import numpy as np')]), FILE)).cells[0]!;
		expect(html).toMatch(/^<pre class="shiki shiki-themes github-light-high-contrast github-dark-high-contrast astro-code"/);
		expect(html).toContain('--shiki-dark:');
		expect(html).toContain('--shiki-light:');
	});

	it('the title is the first markdown heading, else the file name', async () => {
		expect(rendered(await renderNotebook(notebook([code('# not a heading'), markdown('intro'), markdown(['## Week 5: `t`-tests\n', 'text'])]), FILE)).title).toBe('Week 5: t-tests');
		expect(rendered(await renderNotebook(notebook([markdown('no heading here')]), FILE)).title).toBe('week-99.ipynb');
	});

	it('markdown headings are demoted below the page <h1>, and maths is rendered but prices are not', async () => {
		const { html } = rendered(await renderNotebook(notebook([markdown('# Top\n\nSolve $X^\\top X \\theta = y$ for under $25k-50k')]), FILE)).cells[0]!;
		expect(html).toContain('<h2>Top</h2>');
		expect(html).toContain('class="katex"');
		expect(html).toContain('under $25k-50k');
	});

	it('the book’s own week 5 notebook renders with its heading as title', async () => {
		const file = 'notebooks/week-05.ipynb';
		const result = rendered(await renderNotebook(await readFile(file, 'utf8'), file));
		expect(result.title).toBe("Week 5: estimation and Welch's t-test");
		expect(result.cells[0]!.kind).toBe('markdown');
	});
});
