/**
 * Makes Markdown output pass an accessibility audit without asking authors for HTML:
 * wide tables and display formulas become keyboard-scrollable groups, an empty
 * header cell becomes a plain cell, and a GFM task-list checkbox gets its item's
 * text as its label.
 */
import type { Element, ElementContent, Root } from 'hast';
import { toString } from 'hast-util-to-string';
import { SKIP, visit } from 'unist-util-visit';

const hasClass = (node: Element, name: string) => {
	const className = node.properties?.className;
	return Array.isArray(className) && className.includes(name);
};

export function rehypeAccessibleContent() {
	return (tree: Root) => {
		visit(tree, 'element', (node, index, parent) => {
			if (node.tagName === 'table' && parent && index !== undefined && !(parent.type === 'element' && hasClass(parent, 'table-scroll'))) {
				const caption = node.children.find((c): c is Element => c.type === 'element' && c.tagName === 'caption');
				const wrapper: Element = {
					type: 'element',
					tagName: 'div',
					// A group, not a region: regions are landmarks and would need unique names.
					properties: { className: ['table-scroll'], tabIndex: 0, role: 'group', ariaLabel: caption ? toString(caption) : 'Scrollable table' },
					children: [node],
				};
				(parent.children as ElementContent[])[index] = wrapper;
				return;
			}
			if (node.tagName === 'th' && toString(node).trim() === '') node.tagName = 'td';
			if (node.tagName === 'span' && hasClass(node, 'katex-display')) {
				node.properties.tabIndex = 0;
				return SKIP;
			}
			// KaTeX's markup holds no table, header cell or list item, and it is most of a maths page's nodes.
			if (node.tagName === 'span' && hasClass(node, 'katex')) return SKIP;
			if (node.tagName === 'li' && hasClass(node, 'task-list-item')) {
				const box = node.children.find((c): c is Element => c.type === 'element' && c.tagName === 'input');
				if (box) box.properties.ariaLabel = toString(node).trim();
			}
		});
	};
}
