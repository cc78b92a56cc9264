/**
 * Markdown for notebook cells: markdown-it with raw HTML escaped (notebooks are
 * untrusted input), `$…$` / `$$…$$` maths rendered by KaTeX as Jupyter does, and
 * headings demoted one level so the page's own <h1> stays the only one.
 */
import MarkdownIt from 'markdown-it';
import type { StateInline, Token } from 'markdown-it';
import katex from 'katex';

/**
 * Finds `$…$` or `$$…$$` at the cursor, following Pandoc's rule so prices such as
 * "$25k-50k" stay text: no space just inside the dollars, no digit right after the closing one.
 */
function mathRule(state: StateInline, silent: boolean): boolean {
	const { src, pos } = state;
	if (src[pos] !== '$') return false;
	const display = src[pos + 1] === '$';
	const delimiter = display ? '$$' : '$';
	const start = pos + delimiter.length;
	if (start >= src.length || /\s/.test(src[start]!)) return false;
	let end = src.indexOf(delimiter, start);
	while (end !== -1 && src[end - 1] === '\\') end = src.indexOf(delimiter, end + 1);
	if (end === -1 || end === start || /\s/.test(src[end - 1]!)) return false;
	if (!display && /\d/.test(src[end + 1] ?? '')) return false;
	if (!silent) {
		const token = state.push('math', 'math', 0);
		token.content = src.slice(start, end);
		token.markup = delimiter;
	}
	state.pos = end + delimiter.length;
	return true;
}

function createMarkdown() {
	const md = new MarkdownIt('default', { html: false, linkify: false, typographer: false });
	md.inline.ruler.after('escape', 'math', mathRule);
	md.renderer.rules['math'] = (tokens, idx) =>
		katex.renderToString(tokens[idx]!.content, { displayMode: tokens[idx]!.markup === '$$', throwOnError: false, output: 'htmlAndMathml' });
	md.core.ruler.push('demote_headings', (state) => {
		for (const token of state.tokens) {
			if (token.type === 'heading_open' || token.type === 'heading_close') token.tag = `h${Math.min(Number(token.tag.slice(1)) + 1, 6)}`;
		}
	});
	return md;
}

const md = createMarkdown();

export function renderMarkdown(source: string): string {
	return md.render(source);
}

/** Plain text of the first heading in `source`, or null when it has none. */
export function firstHeading(source: string): string | null {
	const tokens = md.parse(source, {});
	const index = tokens.findIndex((t: Token) => t.type === 'heading_open');
	const inline = index === -1 ? undefined : tokens[index + 1];
	if (!inline?.children) return null;
	const text = inline.children.map((c: Token) => (c.type === 'text' || c.type === 'code_inline' || c.type === 'math' ? c.content : '')).join('').trim();
	return text || null;
}
