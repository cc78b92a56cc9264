/**
 * Shows under each ```python block what it printed and drew, read from the frozen
 * outputs that `npm run execute` commits to outputs/ (so the build never runs Python),
 * and puts the frozen value of each inline expression (`` `{python} expr` ``) in its
 * sentence. A remark plugin: it matches blocks by the hash of their code, the name the
 * cache uses, and expressions by their text.
 */
import { existsSync, readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import type { Code, InlineCode, Root, RootContent } from 'mdast';
import type { ElementContent } from 'hast';
import type { VFile } from 'vfile';
import { visit } from 'unist-util-visit';
import { blockId, cachePathFor, figuresDir, inlineExpression, markdownBodyOffset, parseFenceMeta, type CachedBlock, type CachedPage } from '../python/outputs';

export interface PythonOutputsOptions {
	/** Directory holding content/ and outputs/. */
	root: string;
	/** Site base path, put in front of figure URLs. */
	base: string;
}

/** Size of a matplotlib SVG in CSS pixels (it writes points), so the page does not jump as figures load. */
export function svgSize(path: string): { width: number; height: number } | null {
	const head = readFileSync(path, 'utf8').slice(0, 2000);
	const width = /<svg[^>]*\swidth="([\d.]+)pt"/.exec(head)?.[1];
	const height = /<svg[^>]*\sheight="([\d.]+)pt"/.exec(head)?.[1];
	return width && height ? { width: Math.round((Number(width) * 4) / 3), height: Math.round((Number(height) * 4) / 3) } : null;
}

export function outputNode(block: CachedBlock, options: PythonOutputsOptions, fenceAlt: string | null = null): RootContent | null {
	const children: ElementContent[] = [];
	const text = block.stdout.replace(/\s+$/, '');
	if (text) {
		children.push({
			type: 'element',
			tagName: 'pre',
			properties: { className: ['python-output-text'], tabIndex: 0 },
			// <samp>, not <code>: it is what the program printed, and the code highlighter leaves it alone.
			children: [{ type: 'element', tagName: 'samp', properties: {}, children: [{ type: 'text', value: text }] }],
		});
	}
	for (const figure of block.figures) {
		const file = resolve(options.root, figuresDir, figure.file);
		const size = existsSync(file) ? svgSize(file) : null;
		children.push({
			type: 'element',
			tagName: 'img',
			properties: { src: `${options.base.replace(/\/?$/, '/')}outputs/${figure.file}`, alt: fenceAlt ?? figure.alt, loading: 'lazy', decoding: 'async', ...(size ?? {}) },
			children: [],
		});
	}
	if (children.length === 0) return null;
	return {
		type: 'paragraph',
		children: [],
		data: {
			hName: 'div',
			hProperties: { className: ['python-output'], role: 'group', ariaLabel: 'Output of the code above' },
			hChildren: [{ type: 'element', tagName: 'p', properties: { className: ['python-output-label'], ariaHidden: 'true' }, children: [{ type: 'text', value: 'Output' }] }, ...children],
		},
	};
}

/**
 * Turns each inline expression's code span into its frozen value: plain text in a
 * `<span class="py-inline" data-line="N">` (tests and styles find it; search and print
 * read the value like any other word). The problems name the spans without a value.
 */
export function insertInlineValues(tree: Root, contentFile: string, page: CachedPage | null, lineOffset = 0): string[] {
	const values = new Map((page?.inline ?? []).map((e) => [e.expr, e.value]));
	const missing: string[] = [];
	visit(tree, 'inlineCode', (node: InlineCode) => {
		const expr = inlineExpression(node.value);
		if (expr === null) return;
		const line = (node.position?.start.line ?? 0) + lineOffset;
		const value = values.get(expr);
		if (value === undefined) {
			missing.push(`${contentFile}:${line}: inline expression \`${expr}\` has no frozen value in ${cachePathFor(contentFile)}; run npm run execute`);
			return;
		}
		// Still a code span in the syntax tree; only its HTML changes, so no Markdown plugin reads the value as prose.
		node.data = { ...node.data, hName: 'span', hProperties: { className: ['py-inline'], dataLine: line }, hChildren: [{ type: 'text', value }] };
	});
	return missing;
}

export function remarkPythonOutputs(options: PythonOutputsOptions) {
	const root = resolve(options.root);
	const pages = new Map<string, CachedPage | null>();
	const load = (contentFile: string) => {
		if (!pages.has(contentFile)) {
			const path = resolve(root, cachePathFor(contentFile));
			pages.set(contentFile, existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as CachedPage) : null);
		}
		return pages.get(contentFile)!;
	};
	return (tree: Root, file: VFile) => {
		if (!file.path) return;
		const contentFile = relative(root, file.path);
		if (!contentFile.startsWith('content/')) return;
		const page = load(contentFile);
		// file.value is the body Astro parsed; the offset needs the file as written.
		const offset = contentFile.endsWith('.md') && String(file.value ?? '').includes('{python}') && existsSync(file.path) ? markdownBodyOffset(readFileSync(file.path, 'utf8')) : 0;
		const missing = insertInlineValues(tree, contentFile, page, offset);
		if (missing.length) throw new Error(missing.join('\n'));
		if (!page) return;
		const byId = new Map(page.blocks.map((b) => [b.id, b]));
		const inserts: { parent: { children: RootContent[] }; after: Code; node: RootContent }[] = [];
		visit(tree, 'code', (node: Code, _index, parent) => {
			if (node.lang !== 'python' || !parent) return;
			const block = byId.get(blockId(node.value));
			const output = block && outputNode(block, options, parseFenceMeta(node.meta).alt);
			if (output) inserts.push({ parent: parent as { children: RootContent[] }, after: node, node: output });
		});
		for (const { parent, after, node } of inserts) parent.children.splice(parent.children.indexOf(after) + 1, 0, node);
	};
}
