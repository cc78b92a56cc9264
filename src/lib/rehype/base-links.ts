/**
 * Content links are written as site paths (`/months/1/`). This rehype plugin puts
 * the configured base in front, so the same content works at `/` and at `/<repo>/`.
 */
import type { Root } from 'hast';
import { visit } from 'unist-util-visit';

export function rehypeBaseLinks(options: { base: string }) {
	const base = options.base.replace(/\/+$/, '');
	return (tree: Root) => {
		if (!base) return;
		visit(tree, 'element', (node) => {
			const href = node.properties?.href;
			if (node.tagName === 'a' && typeof href === 'string' && href.startsWith('/') && !href.startsWith('//') && !href.startsWith(`${base}/`)) {
				node.properties.href = `${base}${href}`;
			}
		});
	};
}
