/**
 * Inline Markdown (code, emphasis, links) for short content strings such as
 * checklist items and criteria. Raw HTML in content is escaped, never rendered.
 */
import MarkdownIt from 'markdown-it';

const md = new MarkdownIt('commonmark', { html: false, linkify: false, typographer: true });

export function renderInline(text: string): string {
	return md.renderInline(text);
}
