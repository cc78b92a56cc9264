/**
 * Markdown for notebook cells, through the pages' pipeline: raw HTML escaped
 * (notebooks are untrusted input), `$…$` / `$$…$$` maths rendered by KaTeX as
 * Jupyter does, and headings demoted one level so the page's own <h1> stays the only one.
 */
import { toString } from 'mdast-util-to-string';
import type { Heading } from 'mdast';
import { parseMarkdown, renderBlockMarkdown } from '../rehype/pipeline';

export function renderMarkdown(source: string, base: string = import.meta.env.BASE_URL ?? '/'): string {
	return renderBlockMarkdown(source, base);
}

/** Plain text of the first heading in `source`, or null when it has none. */
export function firstHeading(source: string): string | null {
	const heading = parseMarkdown(source).children.find((c): c is Heading => c.type === 'heading');
	const text = heading ? toString(heading).trim() : '';
	return text || null;
}
