/**
 * The Markdown pipeline of the pages (remark-math, KaTeX, base-path links), shared
 * with the short texts rendered outside a page's body (checklist items, criteria,
 * glossary definitions) and with notebook cells, so maths and links behave the same
 * everywhere. astro.config.mjs builds the pages' processor from the same parts.
 */
import type { Element, Root as HastRoot } from 'hast';
import type { Heading, Root as MdastRoot, Text } from 'mdast';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkMath from 'remark-math';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { rehypeBaseLinks } from './base-links';
import { rehypeKatex } from './katex';
import { remarkSmartypants } from './smartypants';

/** KaTeX as the pages render it: HTML for the eye, MathML for screen readers. */
export const katexOptions = { output: 'htmlAndMathml' } as const;

/** Raw HTML in these texts is shown as text, never rendered (notebooks are untrusted input). */
function remarkHtmlAsText() {
	return (tree: MdastRoot) => {
		visit(tree, 'html', (node, index, parent) => {
			if (parent && index !== undefined) parent.children[index] = { type: 'text', value: node.value } as Text;
		});
	};
}

/** Headings `by` levels down (1 in notebooks, so the page's own <h1> stays the only one). */
function remarkDemoteHeadings(options: { by: number }) {
	return (tree: MdastRoot) => {
		if (options.by === 0) return;
		visit(tree, 'heading', (node: Heading) => {
			node.depth = Math.min(node.depth + options.by, 6) as Heading['depth'];
		});
	};
}

/** A text that is one paragraph renders as that paragraph's content, to sit inside a label or list item. */
function rehypeUnwrapParagraph(options: { enabled: boolean }) {
	return (tree: HastRoot) => {
		if (!options.enabled) return;
		const elements = tree.children.filter((c) => !(c.type === 'text' && c.value.trim() === ''));
		const only = elements.length === 1 ? elements[0] : undefined;
		if (only?.type === 'element' && (only as Element).tagName === 'p') tree.children = (only as Element).children;
	};
}

function processor(base: string, { inline, demoteHeadings }: { inline: boolean; demoteHeadings: boolean }) {
	return unified()
		.use(remarkParse)
		.use(remarkGfm)
		.use(remarkMath)
		.use(remarkSmartypants)
		.use(remarkHtmlAsText)
		.use(remarkDemoteHeadings, { by: demoteHeadings ? 1 : 0 })
		.use(remarkRehype)
		.use(rehypeKatex, katexOptions)
		.use(rehypeBaseLinks, { base })
		.use(rehypeUnwrapParagraph, { enabled: inline })
		.use(rehypeStringify)
		.freeze();
}

const cache = new Map<string, ReturnType<typeof processor>>();
function cached(base: string, inline: boolean, demoteHeadings: boolean) {
	const key = `${base}|${inline}|${demoteHeadings}`;
	let p = cache.get(key);
	if (!p) cache.set(key, (p = processor(base, { inline, demoteHeadings })));
	return p;
}

/** One short text (a checklist item, a criterion, a definition) as inline HTML. */
export function renderInlineMarkdown(text: string, base: string): string {
	return String(cached(base, true, false).processSync(text));
}

/** A block of Markdown (a notebook cell) as HTML, headings demoted one level. */
export function renderBlockMarkdown(source: string, base: string): string {
	return String(cached(base, false, true).processSync(source));
}

/** The Markdown syntax tree of `source`, as the pipeline parses it (maths and GFM included). */
export function parseMarkdown(source: string): MdastRoot {
	return cached('/', false, false).parse(source) as MdastRoot;
}
