/**
 * Smart punctuation as Astro's default (remark-smartypants 3) writes it, at a fraction
 * of its cost: that plugin runs a whole retext pipeline (parse, transform, stringify)
 * on every text node for dashes, ellipses and backticks, though almost no text node
 * has any. Here a text node goes through that second pipeline only when it holds
 * something it could change; the quotes pass over the whole page's text is the same.
 * astro.config.mjs turns Astro's own off (`smartypants: false`) and runs this instead,
 * at the same place in the pipeline (first remark plugin after GFM).
 */
import type { Root } from 'mdast';
import type { Node, Parent } from 'unist';
import { retext } from 'retext';
import smartypants from 'retext-smartypants';
import { visit } from 'unist-util-visit';

const VISITED_NODES = new Set(['text', 'inlineCode', 'paragraph', 'heading', 'tableCell']);
const IGNORED_HTML_ELEMENTS = new Set(['style', 'script']);
// Nodes whose text starts fresh: the quotes pass sees a space before them (remark-smartypants' rule).
const BLOCK_NODES = new Set(['paragraph', 'heading', 'tableCell']);

type Literal = Node & { value: string };
const isLiteral = (node: Node): node is Literal => 'value' in node && typeof node.value === 'string';
const isBlock = (node: Node) => BLOCK_NODES.has(node.type);

/**
 * False only when the dashes/ellipses/backticks pass cannot change `text`: it rewrites
 * `--`, ` `` ` and `''`, and runs of three or more dots, spaced or not (". . ."), all of
 * which hold two dashes, two backticks, two apostrophes or two dots with at most
 * white space between.
 */
export function mayHaveDashesEllipsesOrBackticks(text: string): boolean {
	// \s and U+0085: every character parse-latin counts as white space.
	return /--|``|''|\.[\s\u0085]*\./.test(text);
}

export function remarkSmartypants() {
	// Options as remark-smartypants sets them for its two passes (Astro passes none of its own).
	const quotes = retext().use(smartypants, { ellipses: false, dashes: false, backticks: false });
	const rest = retext().use(smartypants, { quotes: false });
	return (tree: Root) => {
		let allText = '';
		let startIndex = 0;
		const nodes: Node[] = [];
		visit(
			tree,
			(node, _index, parent: Parent | undefined) =>
				!!parent &&
				(parent.type !== 'mdxJsxTextElement' || ('name' in parent && typeof parent.name === 'string' && !IGNORED_HTML_ELEMENTS.has(parent.name))) &&
				VISITED_NODES.has(node.type) &&
				(isLiteral(node) || isBlock(node)),
			(node) => {
				if (isLiteral(node)) allText += node.type === 'text' ? node.value : 'A'.repeat(node.value.length);
				else allText += ' ';
				nodes.push(node);
			},
		);
		// All text at once, so quotes pair across links and emphasis.
		allText = quotes.processSync(allText).toString();
		for (const node of nodes) {
			if (isLiteral(node)) {
				const endIndex = startIndex + node.value.length;
				if (node.type === 'text') {
					const text = allText.slice(startIndex, endIndex);
					node.value = mayHaveDashesEllipsesOrBackticks(text) ? rest.processSync(text).toString() : text;
				}
				startIndex = endIndex;
			} else startIndex += 1;
		}
	};
}
