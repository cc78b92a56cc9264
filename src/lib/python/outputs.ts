/**
 * The book's executed Python: which blocks a page has, how a block is named in the
 * committed output cache (outputs/), and when a cached output still matches a fresh run.
 * scripts/execute.ts writes the cache; the remark plugin in src/lib/rehype reads it,
 * so building the site never needs Python.
 */
import { createHash } from 'node:crypto';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { mdxFromMarkdown } from 'mdast-util-mdx';
import { mdxjs } from 'micromark-extension-mdxjs';
import { math } from 'micromark-extension-math';
import { mathFromMarkdown } from 'mdast-util-math';
import type { Code, InlineCode, Root } from 'mdast';
import { visit } from 'unist-util-visit';

export interface PythonBlock {
	/** Line of the opening fence in the page's file (1-based). */
	line: number;
	code: string;
	/** Stable name of the block in the cache: a hash of its code. */
	id: string;
	/** `no-run` in the fence: shown, never executed (the page says why). */
	noRun: boolean;
	/** `alt="…"` in the fence: text alternative for the block's figures. */
	alt: string | null;
	/** `timings` in the fence: the block prints how long things took, so --check compares its words, not its numbers. */
	timings: boolean;
	/** `name=…` in the fence: a stable handle other content uses to find this block's frozen output (a drill's answer). */
	name: string | null;
}

export interface CachedFigure {
	file: string;
	alt: string;
}

export interface CachedBlock {
	id: string;
	line: number;
	stdout: string;
	figures: CachedFigure[];
	/** The fence's `name=…`, when it has one (absent otherwise, so unnamed blocks' cache files do not change). */
	name?: string;
}

/** An inline expression in the prose: `` `{python} f"{r:.2f}"` ``, shown as its value. */
export interface InlineExpression {
	/** Line of the code span in the page's file (1-based). */
	line: number;
	/** The Python expression, evaluated in the page's session after all its blocks. */
	expr: string;
}

export interface CachedInline extends InlineExpression {
	/** `str()` of the expression's result, inserted into the sentence as plain text. */
	value: string;
}

export interface CachedPage {
	file: string;
	blocks: CachedBlock[];
	/** Values of the page's inline expressions; absent in caches written before they existed. */
	inline?: CachedInline[];
}

export const outputsDir = 'outputs';
export const figuresDir = `${outputsDir}/figures`;

/** Cache file of a content page: content/weeks/05.mdx -> outputs/weeks/05.json. */
export const cachePathFor = (contentFile: string) => `${outputsDir}/${contentFile.replace(/^content\//, '').replace(/\.mdx?$/, '')}.json`;

export const blockId = (code: string) => createHash('sha256').update(code.replace(/\s+$/, '')).digest('hex').slice(0, 12);

export function parseFenceMeta(meta: string | null | undefined): { noRun: boolean; alt: string | null; timings: boolean; name: string | null } {
	const text = meta ?? '';
	const alt = /\balt=(?:"([^"]*)"|'([^']*)')/.exec(text);
	const flag = (name: string) => new RegExp(`(^|\\s)${name}(\\s|$)`).test(text.replace(/\balt=("[^"]*"|'[^']*')/, ''));
	return { noRun: flag('no-run'), alt: alt ? (alt[1] ?? alt[2] ?? null) : null, timings: flag('timings'), name: blockName(text) };
}

/** `name=w05-median` in a fence's meta (kebab-case, outside the alt text), or null. */
export function blockName(meta: string): string | null {
	return /(?:^|\s)name=([a-z0-9]+(?:-[a-z0-9]+)*)(?=\s|$)/.exec(meta.replace(/\balt=("[^"]*"|'[^']*')/, ''))?.[1] ?? null;
}

/** The syntax tree of an .mdx/.md source as the build parses it (MDX, maths). */
function parseSource(source: string, mdx: boolean): Root {
	// Frontmatter becomes blank lines so that line numbers still point into the file.
	const body = source.replace(/^---\r?\n[\s\S]*?\r?\n---\r?\n/, (front) => front.replace(/[^\n]/g, ''));
	return mdx
		? fromMarkdown(body, { extensions: [mdxjs(), math()], mdastExtensions: [mdxFromMarkdown(), mathFromMarkdown()] })
		: fromMarkdown(body, { extensions: [math()], mdastExtensions: [mathFromMarkdown()] });
}

/** The ```python blocks of an .mdx/.md source, in page order, parsed as the build parses them. */
export function pythonBlocks(source: string, mdx = true): PythonBlock[] {
	const tree = parseSource(source, mdx);
	const blocks: PythonBlock[] = [];
	visit(tree, 'code', (node: Code) => {
		if (node.lang !== 'python') return;
		blocks.push({ line: node.position?.start.line ?? 0, code: node.value, id: blockId(node.value), ...parseFenceMeta(node.meta) });
	});
	return blocks;
}

/** What marks a code span as an inline expression (Quarto's spelling; MDX leaves code spans alone, braces included). */
export const inlinePrefix = '{python} ';

/** The expression of an inline code span's text, or null when the span is ordinary code. */
export function inlineExpression(codeSpan: string): string | null {
	// A span may wrap onto the next line; Markdown reads its line ending as a space, and so does the expression.
	const text = codeSpan.replace(/\r?\n/g, ' ');
	if (!text.startsWith(inlinePrefix)) return null;
	const expr = text.slice(inlinePrefix.length).trim();
	return expr === '' ? null : expr;
}

/**
 * Lines Astro drops from the top of a .md page before parsing it: it renders the body
 * with the frontmatter and the blank lines after it trimmed off (an .mdx page keeps
 * them as blank lines, so its positions are already lines of the file).
 */
export function markdownBodyOffset(source: string): number {
	const blanked = source.replace(/^---\r?\n[\s\S]*?\r?\n---\r?\n/, (front) => front.replace(/[^\n]/g, ' '));
	return blanked.slice(0, blanked.length - blanked.trimStart().length).split('\n').length - 1;
}

/** The inline expressions (`` `{python} expr` ``) of an .mdx/.md source, in page order, parsed as the build parses them. */
export function inlineExpressions(source: string, mdx = true): InlineExpression[] {
	// Most pages have none: skip the parse when the marker is nowhere in the text.
	if (!source.includes(inlinePrefix.trim())) return [];
	const found: InlineExpression[] = [];
	visit(parseSource(source, mdx), 'inlineCode', (node: InlineCode) => {
		const expr = inlineExpression(node.value);
		if (expr !== null) found.push({ line: node.position?.start.line ?? 0, expr });
	});
	return found;
}

const numberPattern = /-?\d+\.\d+(?:e[+-]?\d+)?|-?\d+(?:e[+-]?\d+)/gi;

/**
 * One unit in the last digit a printed number shows: 0.0123 -> 0.0001, 7.7e-05 -> 1e-06,
 * 1e+03 -> 1000. Scientific notation counts from its exponent, so small numbers are
 * compared at their own size, not as "0".
 */
export function shownUnit(printed: string): number {
	const [mantissa, exponent] = printed.toLowerCase().split('e');
	const decimals = mantissa!.split('.')[1]?.length ?? 0;
	return 10 ** (Number(exponent ?? 0) - decimals);
}

/**
 * True when two printed numbers can be the same value: each stands for the interval its
 * rounding covers, so they agree when they differ by at most half a unit of each (one
 * unit in the last digit when both show the same digits: BLAS and library versions move
 * the last digit, and pandas pads a column to the widest number).
 */
export function sameNumber(x: string, y: string): boolean {
	if (x === y) return true;
	const tolerance = (shownUnit(x) + shownUnit(y)) / 2;
	return Math.abs(Number(x) - Number(y)) <= tolerance * (1 + 1e-9);
}

/**
 * True when two printed outputs say the same thing: equal words and integers, and every
 * decimal or scientific number equal at its shown precision (sameNumber). A negative
 * zero (numpy's `-0.`, pandas' `-0.000`) is a zero: its sign is rounding noise.
 */
export function sameOutput(a: string, b: string, options: { numbers?: boolean } = {}): boolean {
	const unsignedZero = (s: string) => s.replace(/(?<![\w.])-(0\.?0*)(?![\d.])/g, ' $1');
	[a, b] = [unsignedZero(a), unsignedZero(b)];
	const words = (s: string) => s.replace(/-?\d[\d,]*(?:\.\d+)?(?:e[+-]?\d+)?/gi, (n) => (options.numbers === false ? '#' : n)).replace(numberPattern, '#').replace(/\s+/g, ' ').trim();
	if (words(a) !== words(b)) return false;
	if (options.numbers === false) return true;
	const na = a.match(numberPattern) ?? [];
	const nb = b.match(numberPattern) ?? [];
	return na.every((x, i) => sameNumber(x, nb[i]!));
}
