// The executed-Python pipeline's pure parts: finding blocks as the build parses them,
// deciding when a frozen output is stale, placing outputs under their blocks, and the
// notebook download's data fallback and Colab link.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { toHast } from 'mdast-util-to-hast';
import { toHtml } from 'hast-util-to-html';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { blockId, cachePathFor, parseFenceMeta, pythonBlocks, sameOutput } from '../../src/lib/python/outputs';
import { remarkPythonOutputs } from '../../src/lib/rehype/python-outputs';
import { colabUrl, notebookDataUrl, publishedDataUrl, withDataUrl } from '../../src/lib/notebooks/published';

const page = [
	'---',
	'title: A page',
	'plan: [{ a: 1 }]',
	'---',
	'',
	'Text with $x_{1}$ maths and <Demo id="x" />.',
	'',
	'```python',
	'print(1)',
	'```',
	'',
	'```python no-run alt="A flat line"',
	'import pymc',
	'```',
	'',
	'```text',
	'not python',
	'```',
].join('\n');

describe('pythonBlocks', () => {
	it('finds python fences with their file line, past frontmatter, maths and JSX', () => {
		const blocks = pythonBlocks(page);
		expect(blocks.map((b) => [b.line, b.code, b.noRun, b.alt])).toEqual([
			[8, 'print(1)', false, null],
			[12, 'import pymc', true, 'A flat line'],
		]);
	});
	it('names a block by its code, ignoring trailing whitespace', () => {
		expect(blockId('print(1)\n\n')).toBe(blockId('print(1)'));
		expect(blockId('print(1)')).not.toBe(blockId('print(2)'));
	});
	it('reads no-run and alt from the fence', () => {
		expect(parseFenceMeta("alt='Two panels' no-run")).toEqual({ noRun: true, alt: 'Two panels', timings: false, name: null });
		expect(parseFenceMeta('title="no-running"')).toEqual({ noRun: false, alt: null, timings: false, name: null });
		expect(parseFenceMeta('timings alt="no-run timings"')).toEqual({ noRun: false, alt: 'no-run timings', timings: true, name: null });
		expect(parseFenceMeta(null)).toEqual({ noRun: false, alt: null, timings: false, name: null });
		// A drill's answer names its block; a name inside the alt text or not in kebab-case is no name.
		expect(parseFenceMeta('name=w05-median alt="Flippers"').name).toBe('w05-median');
		expect(parseFenceMeta('alt="name=fake"').name).toBeNull();
		expect(parseFenceMeta('name=Bad_Name').name).toBeNull();
	});
	it('keeps each page\'s cache beside the content layout', () => {
		expect(cachePathFor('content/weeks/05.mdx')).toBe('outputs/weeks/05.json');
		expect(cachePathFor('content/tracks/eda/2.mdx')).toBe('outputs/tracks/eda/2.json');
	});
});

describe('sameOutput', () => {
	it('accepts a change in the last digit shown and in column padding', () => {
		expect(sameOutput('mean  3.1416\nsd 0.25', 'mean 3.1417\nsd 0.25')).toBe(true);
		expect(sameOutput('p = 6.1e-08', 'p = 6.1e-08')).toBe(true);
	});
	it('rejects a different number or different words', () => {
		expect(sameOutput('mean 3.1416', 'mean 3.1420')).toBe(false);
		expect(sameOutput('n = 151', 'n = 152')).toBe(false);
		expect(sameOutput('Adelie 3.5', 'Gentoo 3.5')).toBe(false);
		expect(sameOutput('a 1.0\nb 2.0', 'a 1.0')).toBe(false);
	});
	it('compares only the words of a block marked timings', () => {
		expect(sameOutput('loop  956.7 ms  x13,463', 'loop 791.6 ms  x7,653', { numbers: false })).toBe(true);
		expect(sameOutput('loop 956.7 ms', 'loop 791.6 s', { numbers: false })).toBe(false);
		expect(sameOutput('loop 956.7 ms', 'loop 791.6 ms')).toBe(false);
	});
});

describe('remarkPythonOutputs', () => {
	const root = mkdtempSync(join(tmpdir(), 'outputs-'));
	mkdirSync(join(root, 'outputs/weeks'), { recursive: true });
	mkdirSync(join(root, 'outputs/figures'), { recursive: true });
	mkdirSync(join(root, 'content/weeks'), { recursive: true });
	writeFileSync(join(root, 'outputs/figures/weeks-01-a-1.svg'), '<svg xmlns="http://www.w3.org/2000/svg" width="300pt" height="150pt"></svg>');
	writeFileSync(
		join(root, 'outputs/weeks/01.json'),
		JSON.stringify({ file: 'content/weeks/01.mdx', blocks: [{ id: blockId('print(1)'), line: 1, stdout: '1 < 2\n', figures: [{ file: 'weeks-01-a-1.svg', alt: 'A histogram' }] }] }),
	);
	const render = (source: string, path: string) => {
		const tree = fromMarkdown(source);
		remarkPythonOutputs({ root, base: '/study/' })(tree, new VFile({ path: join(root, path) }));
		return toHtml(toHast(tree));
	};

	it('puts the frozen text and figure right under the block', () => {
		const html = render('```python\nprint(1)\n```\n\nAfter.', 'content/weeks/01.mdx');
		expect(html).toMatch(/<\/pre>\n?<div class="python-output" role="group" aria-label="Output of the code above">/);
		expect(html).toContain('<pre class="python-output-text" tabindex="0"><samp>1 &#x3C; 2</samp></pre>');
		expect(html).toContain('src="/study/outputs/weeks-01-a-1.svg" alt="A histogram"');
		expect(html).toContain('width="400" height="200"');
		expect(html.indexOf('python-output')).toBeLessThan(html.indexOf('After.'));
	});
	it('shows nothing for a changed block or a page without outputs', () => {
		expect(render('```python\nprint(2)\n```', 'content/weeks/01.mdx')).not.toContain('python-output');
		expect(render('```python\nprint(1)\n```', 'content/weeks/02.mdx')).not.toContain('python-output');
	});
});

describe('published notebooks', () => {
	const notebook = JSON.stringify({ cells: [{ source: ['DATA_URL = "https://example.github.io/data"\n', 'x = 1\n'] }] }, null, 1);
	it('points the data fallback at site + base + data', () => {
		const url = publishedDataUrl('https://me.github.io', '/study/');
		expect(url).toBe('https://me.github.io/study/data');
		const published = withDataUrl(notebook, url);
		expect(notebookDataUrl(published)).toBe('https://me.github.io/study/data');
		expect(JSON.parse(published).cells[0].source[1]).toBe('x = 1\n');
		expect(publishedDataUrl('https://me.github.io/', '/')).toBe('https://me.github.io/data');
	});
	it('builds the Colab link from a GitHub repository only', () => {
		expect(colabUrl('https://github.com/me/book', 'notebooks/week-04.ipynb')).toBe('https://colab.research.google.com/github/me/book/blob/main/notebooks/week-04.ipynb');
		expect(colabUrl('https://github.com/me/book.git/', 'notebooks/week-04.ipynb')).toBe('https://colab.research.google.com/github/me/book/blob/main/notebooks/week-04.ipynb');
		expect(colabUrl('https://gitlab.com/me/book', 'notebooks/week-04.ipynb')).toBeNull();
		expect(colabUrl('', 'notebooks/week-04.ipynb')).toBeNull();
	});
});
