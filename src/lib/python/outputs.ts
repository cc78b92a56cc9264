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
import type { Code } from 'mdast';
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

export interface CachedPage {
	file: string;
	blocks: CachedBlock[];
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

/** The ```python blocks of an .mdx/.md source, in page order, parsed as the build parses them. */
export function pythonBlocks(source: string, mdx = true): PythonBlock[] {
	// Frontmatter becomes blank lines so that line numbers still point into the file.
	const body = source.replace(/^---\r?\n[\s\S]*?\r?\n---\r?\n/, (front) => front.replace(/[^\n]/g, ''));
	const tree = mdx
		? fromMarkdown(body, { extensions: [mdxjs(), math()], mdastExtensions: [mdxFromMarkdown(), mathFromMarkdown()] })
		: fromMarkdown(body, { extensions: [math()], mdastExtensions: [mathFromMarkdown()] });
	const blocks: PythonBlock[] = [];
	visit(tree, 'code', (node: Code) => {
		if (node.lang !== 'python') return;
		blocks.push({ line: node.position?.start.line ?? 0, code: node.value, id: blockId(node.value), ...parseFenceMeta(node.meta) });
	});
	return blocks;
}

const numberPattern = /-?\d+\.\d+(?:e[+-]?\d+)?|-?\d+(?:e[+-]?\d+)/gi;

/**
 * True when two printed outputs say the same thing: equal words, and every decimal
 * number equal to within one unit of the last digit shown (BLAS and library versions
 * move the last digit, and pandas pads columns to the widest number).
 */
export function sameOutput(a: string, b: string, options: { numbers?: boolean } = {}): boolean {
	const words = (s: string) => s.replace(/-?\d[\d,]*(?:\.\d+)?(?:e[+-]?\d+)?/gi, (n) => (options.numbers === false ? '#' : n)).replace(numberPattern, '#').replace(/\s+/g, ' ').trim();
	if (words(a) !== words(b)) return false;
	if (options.numbers === false) return true;
	const na = a.match(numberPattern) ?? [];
	const nb = b.match(numberPattern) ?? [];
	return na.every((x, i) => {
		const y = nb[i]!;
		if (x === y) return true;
		const decimals = (s: string) => (/e/i.test(s) ? 0 : (s.split('.')[1]?.length ?? 0));
		const unit = 10 ** -Math.min(decimals(x), decimals(y));
		const [vx, vy] = [Number(x), Number(y)];
		return Math.abs(vx - vy) <= unit * 1.0001 || Math.abs(vx - vy) <= 1e-6 * Math.max(Math.abs(vx), Math.abs(vy));
	});
}
