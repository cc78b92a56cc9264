// The build's faster stand-ins must write what the plugins they replace wrote: KaTeX
// rendered once per formula (src/lib/rehype/katex.ts), smart punctuation that skips the
// texts it cannot change (smartypants.ts) and the glossary linker's substring pre-check.
import { readdirSync, readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import type { Root as HastRoot } from 'hast';
import rehypeKatexUpstream from 'rehype-katex';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkMath from 'remark-math';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import remarkSmartypantsUpstream from 'remark-smartypants';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { rehypeAccessibleContent } from '../../src/lib/rehype/accessible-content';
import { matcherIndex, matchersFor, mayMatch, rehypeGlossaryLinks } from '../../src/lib/rehype/glossary-links';
import { copy, Lru, rehypeKatex } from '../../src/lib/rehype/katex';
import { katexOptions } from '../../src/lib/rehype/pipeline';
import { mayHaveDashesEllipsesOrBackticks, remarkSmartypants } from '../../src/lib/rehype/smartypants';

// Typed as the upstream plugin so that `use` takes either.
const smart = (plugin: typeof remarkSmartypantsUpstream) => (markdown: string) =>
	String(unified().use(remarkParse).use(remarkGfm).use(plugin).use(remarkRehype).use(rehypeStringify).processSync(markdown));
const ours = remarkSmartypants as unknown as typeof remarkSmartypantsUpstream;

describe('remarkSmartypants', () => {
	it('knows which texts the dashes, ellipses and backticks pass can change', () => {
		for (const text of ['a -- b', 'wait...', 'wait. . . go', '. .', '``quoted\'\'', 'it\'\'s']) expect(mayHaveDashesEllipsesOrBackticks(text), text).toBe(true);
		for (const text of ['A plain sentence. Another one.', 'e.g. this', 'a - b', "don't", 'x`y']) expect(mayHaveDashesEllipsesOrBackticks(text), text).toBe(false);
	});
	it('writes what remark-smartypants writes', () => {
		const samples = [
			'"Quoted," she said -- and left... then came back. . . later.',
			"It's the learner's \"own\" [link's \"text\"](/x/) and *'emphasis'*.",
			'``Old style\'\' quotes, a range 1--2 and `code -- untouched` here.',
			'| a "b" | c -- d |\n| --- | --- |\n| e... | \'f\' |',
			'# A "heading" -- with dashes\n\nA paragraph that starts with "a quote".',
		];
		for (const markdown of samples) expect(smart(ours)(markdown), markdown).toBe(smart(remarkSmartypantsUpstream)(markdown));
	});
	it('writes what remark-smartypants writes on a whole week of the book', () => {
		const week = readFileSync('content/weeks/05.mdx', 'utf8').replace(/^---\n[\s\S]*?\n---\n/, '').replace(/<[^>\n]*>/g, '');
		expect(smart(ours)(week)).toBe(smart(remarkSmartypantsUpstream)(week));
	});
});

describe('rehypeKatex', () => {
	const html = (plugin: typeof rehypeKatex | typeof rehypeKatexUpstream, markdown: string) =>
		String(unified().use(remarkParse).use(remarkMath).use(remarkRehype).use(plugin, katexOptions).use(rehypeStringify).processSync(new VFile(markdown)));

	it('writes what rehype-katex writes, refused formulas included', () => {
		const markdown = 'Inline $\\bar{x}$ twice $\\bar{x}$, display:\n\n$$\n\\sum_i x_i^2\n$$\n\nand a refused $\\frac{1}{$ one.\n\n```math\nE = mc^2\n```\n';
		expect(html(rehypeKatex, markdown)).toBe(html(rehypeKatexUpstream, markdown));
	});
	it('gives every use of a formula its own nodes, so a later plugin changing one leaves the others', () => {
		const tree = fromHtml('<p><code class="math-display">x^2</code></p><p><code class="math-display">x^2</code></p>', { fragment: true }) as HastRoot;
		rehypeKatex(katexOptions)(tree, new VFile());
		rehypeAccessibleContent()(tree);
		const [first, second] = tree.children as Array<{ children: unknown[] }>;
		expect(first!.children[0]).not.toBe(second!.children[0]);
		expect(toHtml(tree).match(/class="katex-display" tabindex="0"/g)).toHaveLength(2);
	});
	it('reports a refused formula on every page that has it', () => {
		const plugin = rehypeKatex(katexOptions);
		for (let i = 0; i < 2; i++) {
			const file = new VFile();
			plugin(fromHtml('<code class="math-inline">\\frac{1}{</code>', { fragment: true }) as HastRoot, file);
			expect(file.messages).toHaveLength(1);
		}
	});
});

describe('Lru and copy', () => {
	it('forgets the least recently used entry beyond its limit', () => {
		const lru = new Lru<string, number>(2);
		lru.set('a', 1);
		lru.set('b', 2);
		expect(lru.get('a')).toBe(1);
		lru.set('c', 3);
		expect([lru.get('a'), lru.get('b'), lru.get('c'), lru.size]).toEqual([1, undefined, 3, 2]);
	});
	it('copies plain data deeply', () => {
		const value = { type: 'element', properties: { className: ['a'], style: 'x' }, children: [{ type: 'text', value: 't' }] };
		const copied = copy(value);
		expect(copied).toEqual(value);
		expect(copied.properties.className).not.toBe(value.properties.className);
		expect(copied.children[0]).not.toBe(value.children[0]);
	});
});

describe('glossary pre-check', () => {
	const matchers = matchersFor([
		{ id: 'pca', term: 'principal component analysis', aliases: ['PCA'] },
		{ id: 'r2', term: 'coefficient of determination', aliases: ['R²'] },
	]);
	const find = (phrase: string) => matchers.find((m) => m.pattern.source.includes(phrase))!;
	it('rules a phrase out only when the text cannot hold it', () => {
		const text = 'Principal Component Analysis, or pca, and R².';
		expect(mayMatch(find('principal'), text, text.toLowerCase())).toBe(true);
		// An abbreviation is matched in its own case, and so is its pre-check.
		expect(mayMatch(find('PCA'), text, text.toLowerCase())).toBe(false);
		expect(mayMatch(find('coefficient'), text, text.toLowerCase())).toBe(false);
		// Beyond ASCII, the pattern always decides.
		expect(mayMatch(find('R²'), 'nothing here', 'nothing here')).toBe(true);
	});
	it('offers, for every line of the course, each phrase that matches it, longest first', () => {
		const course = matchersFor(parse(readFileSync('content/glossary.yaml', 'utf8')));
		const candidates = matcherIndex(course);
		const lines = (readdirSync('content', { recursive: true }) as string[])
			.filter((f) => /\.mdx?$/.test(f))
			.flatMap((f) => readFileSync(`content/${f}`, 'utf8').split('\n'));
		// Edge cases beside the course's own lines: symbols that lower-case to letters, phrases at the ends.
		lines.push('\u212Amean and mean', 'R² alone', 'PCA', 'MAR, not Mar', 'a p-value.');
		let matched = 0;
		for (const line of lines) {
			const offered = candidates(line);
			const expected = course.filter((m) => m.pattern.test(line));
			matched += expected.length;
			for (const m of expected) expect(offered, `${m.pattern} in ${JSON.stringify(line)}`).toContain(m);
			expect(offered.map((m) => course.indexOf(m))).toEqual([...offered.map((m) => course.indexOf(m))].sort((a, b) => a - b));
		}
		expect(matched).toBeGreaterThan(500);
		// And it rules most of them out.
		expect(candidates('A plain sentence about nothing in particular.').length).toBeLessThan(course.length / 4);
	});
	it('links what it linked without the pre-check', () => {
		const tree = fromHtml('<p>Principal Component Analysis, then R² and PCA.</p>', { fragment: true }) as HastRoot;
		rehypeGlossaryLinks({ entries: [{ id: 'pca', term: 'principal component analysis', aliases: ['PCA'] }, { id: 'r2', term: 'coefficient of determination', aliases: ['R²'] }], href: (id) => `/g/#${id}` })(tree);
		expect(toHtml(tree)).toBe('<p><a href="/g/#pca" class="glossary-link">Principal Component Analysis</a>, then <a href="/g/#r2" class="glossary-link">R²</a> and PCA.</p>');
	});
});
