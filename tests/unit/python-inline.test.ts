// Inline Python expressions (`` `{python} expr` `` in the prose): finding them as the
// build parses a page, and the remark plugin putting each frozen value in its sentence
// (or stopping the build, naming file:line, when a value was never frozen).
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Parent, Root } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { mdxFromMarkdown } from 'mdast-util-mdx';
import { toHast } from 'mdast-util-to-hast';
import { toHtml } from 'hast-util-to-html';
import { mdxjs } from 'micromark-extension-mdxjs';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { inlineExpression, inlineExpressions, markdownBodyOffset, pythonBlocks } from '../../src/lib/python/outputs';
import { remarkPythonOutputs } from '../../src/lib/rehype/python-outputs';
import { inlineExpressionProblems } from '../../src/lib/validate/inline-expressions';
import { formatProblem } from '../../src/lib/validate/problem';

const mdxPage = [
	'---',
	'title: A page',
	'hours: { min: 1, max: 2 }',
	'---',
	'',
	'import Note from "../components/Note.astro";',
	'',
	'```python',
	'r = 2 / 3',
	'```',
	'',
	'The ratio is `{python} f"{r:.2f}"`, and `print(r)` is ordinary code.',
	'',
	'<Note title="Why">',
	'  Inside a component: `{python} {"a": 1}["a"]` and $x_{1}$.',
	'</Note>',
	'',
	'| n | value |',
	'| - | ----- |',
	'| 1 | `{python} len([1, 2])` |',
	'',
	'Split over lines `{python}',
	'r * 3` still counts; `{python}` alone and `{python}x` do not.',
].join('\n');

describe('inlineExpressions', () => {
	it('finds each `{python} expr` span with the line of the file it is on, past frontmatter, JSX and maths', () => {
		expect(inlineExpressions(mdxPage)).toEqual([
			{ line: 12, expr: 'f"{r:.2f}"' },
			{ line: 15, expr: '{"a": 1}["a"]' },
			{ line: 20, expr: 'len([1, 2])' },
			{ line: 22, expr: 'r * 3' },
		]);
	});
	it('leaves the page\'s blocks to pythonBlocks', () => {
		expect(pythonBlocks(mdxPage).map((b) => [b.line, b.code])).toEqual([[8, 'r = 2 / 3']]);
	});
	it('reads a .md page as Markdown: HTML is not JSX, and braces are text', () => {
		const md = ['---', 'title: t', '---', '', '<div class="x">', '', 'Mean `{python} round(m, 1)` {not an expression}.', '', '</div>', ''].join('\n');
		expect(inlineExpressions(md, false)).toEqual([{ line: 7, expr: 'round(m, 1)' }]);
		// The same text is not valid MDX (a brace expression that is not JavaScript), so the flag matters.
		expect(() => inlineExpressions(md, true)).toThrow();
	});
	it('finds nothing in a page without the marker, or in fenced code that shows the syntax', () => {
		expect(inlineExpressions('Plain `code` and text.')).toEqual([]);
		expect(inlineExpressions('```md\nWrite `{python} x` in the prose.\n```\n')).toEqual([]);
	});
	it('takes the expression from a code span\'s text', () => {
		expect(inlineExpression('{python} x + 1 ')).toBe('x + 1');
		expect(inlineExpression('{python}  ')).toBeNull();
		expect(inlineExpression('{r} x')).toBeNull();
		expect(inlineExpression('python x')).toBeNull();
	});
	it('counts the lines Astro trims off the top of a .md page', () => {
		expect(markdownBodyOffset('---\ntitle: t\n---\n\n\nText')).toBe(5);
		expect(markdownBodyOffset('---\ntitle: t\n---\nText')).toBe(3);
		expect(markdownBodyOffset('Text\n')).toBe(0);
	});
});

describe('remarkPythonOutputs on inline expressions', () => {
	const root = mkdtempSync(join(tmpdir(), 'inline-'));
	mkdirSync(join(root, 'outputs/weeks'), { recursive: true });
	mkdirSync(join(root, 'outputs/portfolio'), { recursive: true });
	mkdirSync(join(root, 'content/portfolio'), { recursive: true });
	writeFileSync(
		join(root, 'outputs/weeks/01.json'),
		JSON.stringify({
			file: 'content/weeks/01.mdx',
			blocks: [],
			inline: [
				{ line: 3, expr: 'f"{r:.2f}"', value: '0.67' },
				{ line: 4, expr: 'label', value: '<b>*not* bold</b> & 1 < 2' },
			],
		}),
	);
	// A cache written before inline expressions existed has no `inline` list.
	writeFileSync(join(root, 'outputs/weeks/02.json'), JSON.stringify({ file: 'content/weeks/02.mdx', blocks: [] }));

	const render = (source: string, path: string, options: { mdx?: boolean; value?: string } = {}) => {
		const tree = options.mdx ? fromMarkdown(source, { extensions: [mdxjs()], mdastExtensions: [mdxFromMarkdown()] }) : fromMarkdown(source);
		remarkPythonOutputs({ root, base: '/' })(tree, new VFile({ path: join(root, path), value: options.value ?? source }));
		return toHtml(toHast(tree, { passThrough: ['mdxJsxFlowElement', 'mdxJsxTextElement', 'mdxjsEsm'] }));
	};

	it('puts the frozen value in the sentence as plain text, in a span that names the line', () => {
		const html = render('\n\nThe ratio is `{python} f"{r:.2f}"` here.', 'content/weeks/01.mdx');
		expect(html).toBe('<p>The ratio is <span class="py-inline" data-line="3">0.67</span> here.</p>');
	});
	it('never reads a value as Markdown or HTML', () => {
		const html = render('`{python} label`', 'content/weeks/01.mdx');
		expect(html).toContain('<span class="py-inline" data-line="1">&#x3C;b>*not* bold&#x3C;/b> &#x26; 1 &#x3C; 2</span>');
		expect(html).not.toContain('<b>');
		expect(html).not.toContain('<em>');
	});
	it('finds expressions inside MDX components and leaves ordinary code spans as code', () => {
		const tree = fromMarkdown('<Note>\n  Ratio `{python} f"{r:.2f}"`, code `r`.\n</Note>', { extensions: [mdxjs()], mdastExtensions: [mdxFromMarkdown()] });
		remarkPythonOutputs({ root, base: '/' })(tree, new VFile({ path: join(root, 'content/weeks/01.mdx') }));
		const [note] = tree.children;
		expect(note?.type).toBe('mdxJsxFlowElement');
		// The component's own children, as HTML: the JSX element itself is MDX's to compile.
		const html = toHtml(toHast({ type: 'root', children: (note as Parent).children } as Root));
		expect(html).toContain('<span class="py-inline" data-line="2">0.67</span>');
		expect(html).toContain('<code>r</code>');
	});
	it('stops the build at an expression with no frozen value, naming file:line and the fix', () => {
		expect(() => render('Fine `{python} label`.\n\nNew `{python} r + 1`.', 'content/weeks/01.mdx')).toThrow(
			'content/weeks/01.mdx:3: inline expression `r + 1` has no frozen value in outputs/weeks/01.json; run npm run execute',
		);
		expect(() => render('`{python} 1 + 1`', 'content/weeks/02.mdx')).toThrow('content/weeks/02.mdx:1: inline expression `1 + 1` has no frozen value');
		expect(() => render('\n`{python} 1 + 1`', 'content/weeks/03.mdx')).toThrow('content/weeks/03.mdx:2: inline expression `1 + 1` has no frozen value in outputs/weeks/03.json');
	});
	it('lists every missing value of the page at once', () => {
		expect(() => render('`{python} a`\n\n`{python} b`', 'content/weeks/02.mdx')).toThrow(/:1: inline expression `a`[^\n]*\n[^\n]*:3: inline expression `b`/);
	});
	it('needs nothing frozen on a page without expressions', () => {
		expect(render('Just `code`.', 'content/weeks/09.mdx')).toBe('<p>Just <code>code</code>.</p>');
	});
	it('names the line of the file for a .md page, whose body Astro parses without its frontmatter', () => {
		const source = '---\ntitle: t\n---\n\nSix sevens: `{python} 6 * 7`.\n';
		writeFileSync(join(root, 'content/portfolio/entry.md'), source);
		writeFileSync(join(root, 'outputs/portfolio/entry.json'), JSON.stringify({ file: 'content/portfolio/entry.md', blocks: [], inline: [{ line: 5, expr: '6 * 7', value: '42' }] }));
		const body = source.replace(/^---[\s\S]*?---\s*/, '');
		expect(render(body, 'content/portfolio/entry.md', { value: body })).toBe('<p>Six sevens: <span class="py-inline" data-line="5">42</span>.</p>');
	});
});

describe('the validator on inline expressions', () => {
	const tree = (files: Record<string, string>) => ({
		list: (dir: string) => Object.keys(files).filter((f) => f.startsWith(`${dir}/`)),
		read: (path: string) => files[path] ?? null,
	});
	const check = (files: Record<string, string>) => inlineExpressionProblems(tree(files)).map(formatProblem);

	it('reports each expression without a frozen value, and nothing for one with a value', () => {
		const frozen = JSON.stringify({ file: 'content/weeks/01.mdx', blocks: [], inline: [{ line: 3, expr: 'a', value: '1' }] });
		expect(check({ 'content/weeks/01.mdx': '---\nt: 1\n---\n`{python} a` and `{python} b`', 'outputs/weeks/01.json': frozen })).toEqual([
			'content/weeks/01.mdx:4: inline expression `b` has no frozen value in outputs/weeks/01.json; run npm run execute (it evaluates the expression after the page\'s blocks)',
		]);
		expect(check({ 'content/practice/p.md': 'Text\n\n`{python} 6 * 7`' })).toEqual([expect.stringMatching(/^content\/practice\/p\.md:3: inline expression `6 \* 7` has no frozen value in outputs\/practice\/p\.json; run npm run execute/)]);
	});
	it('reads a cache written before inline expressions existed as holding none', () => {
		expect(check({ 'content/weeks/01.mdx': '`{python} a`', 'outputs/weeks/01.json': '{"file":"content/weeks/01.mdx","blocks":[]}' })).toHaveLength(1);
	});
	it('turns an unreadable page or cache into a located problem, never a throw', () => {
		expect(check({ 'content/weeks/01.mdx': 'Line one\n\n`{python} a` and <b {oops</b>' })).toEqual([expect.stringMatching(/^content\/weeks\/01\.mdx:3: the page cannot be read as MDX \(.+\); fix the syntax on this line/)]);
		expect(check({ 'content/weeks/01.mdx': '`{python} a`', 'outputs/weeks/01.json': '{"blocks": [' })).toEqual(['outputs/weeks/01.json:1: the frozen outputs are not valid JSON; run npm run execute to write them again']);
	});
	it('does not parse pages without the marker (a broken one is the build\'s to report)', () => {
		expect(check({ 'content/weeks/01.mdx': 'Broken <b {oops</b>' })).toEqual([]);
	});
});
