/**
 * Inline Markdown (code, emphasis, links, maths) for short content strings such as
 * checklist items and criteria, through the pages' own pipeline: site links get the
 * base path, `$…$` becomes KaTeX. Raw HTML in content is escaped, never rendered.
 */
import { renderInlineMarkdown } from '../rehype/pipeline';

export function renderInline(text: string, base: string = import.meta.env.BASE_URL ?? '/'): string {
	return renderInlineMarkdown(text, base);
}
