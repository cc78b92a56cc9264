/**
 * rehype-katex (7.0.1), with each formula rendered once: KaTeX's render and the parse of
 * its HTML back into a tree are most of the cost of a maths page, and the same formulas
 * ($n$, $p$, $\hat{y}$) come back many times in a page and across the book. A formula's
 * tree is kept (a bounded number of them) and each use gets its own copy, since later
 * plugins change nodes in place. Formulas KaTeX refuses are rendered, and reported on
 * their page, every time, as rehype-katex does.
 */
import type { ElementContent, Root } from 'hast';
import { fromHtmlIsomorphic } from 'hast-util-from-html-isomorphic';
import { toText } from 'hast-util-to-text';
import katex, { type KatexOptions } from 'katex';
import { SKIP, visitParents } from 'unist-util-visit-parents';
import type { Node } from 'unist';
import type { VFile } from 'vfile';

export type Options = Omit<KatexOptions, 'displayMode' | 'throwOnError'>;

/** A map that forgets its least recently used entry beyond `limit` entries. */
export class Lru<K, V> {
	readonly #entries = new Map<K, V>();
	constructor(readonly limit: number) {}
	get(key: K): V | undefined {
		const value = this.#entries.get(key);
		if (value !== undefined) {
			this.#entries.delete(key);
			this.#entries.set(key, value);
		}
		return value;
	}
	set(key: K, value: V): void {
		this.#entries.delete(key);
		this.#entries.set(key, value);
		if (this.#entries.size > this.limit) this.#entries.delete(this.#entries.keys().next().value as K);
	}
	get size(): number {
		return this.#entries.size;
	}
}

/** A deep copy of plain data (a hast tree without positions): several times faster than structuredClone here. */
export function copy<T>(value: T): T {
	if (Array.isArray(value)) return value.map(copy) as T;
	if (value !== null && typeof value === 'object') {
		const out: Record<string, unknown> = {};
		for (const key of Object.keys(value)) out[key] = copy((value as Record<string, unknown>)[key]);
		return out as T;
	}
	return value;
}

// A few thousand formulas' trees: tens of MB at most, and a course's common ones stay.
const FORMULAS_KEPT = 4000;

export function rehypeKatex(options: Options = {}) {
	const rendered = new Lru<string, ElementContent[]>(FORMULAS_KEPT);
	return (tree: Root, file: VFile) => {
		visitParents(tree, 'element', (element, parents) => {
			const classes = Array.isArray(element.properties.className) ? element.properties.className : [];
			const languageMath = classes.includes('language-math');
			const mathDisplay = classes.includes('math-display');
			const mathInline = classes.includes('math-inline');
			let displayMode = mathDisplay;
			if (!languageMath && !mathDisplay && !mathInline) return;

			let parent = parents[parents.length - 1];
			let scope = element;
			// ```math fences: the <pre> goes, and the formula is display maths.
			if (element.tagName === 'code' && languageMath && parent && parent.type === 'element' && parent.tagName === 'pre') {
				scope = parent;
				parent = parents[parents.length - 2];
				displayMode = true;
			}
			if (!parent) return;

			const value = toText(scope, { whitespace: 'pre' });
			const key = `${displayMode ? 'display' : 'inline'}\u0000${value}`;
			let result: ElementContent[] | undefined = rendered.get(key);
			if (result) result = copy(result);
			else {
				try {
					result = fromHtmlIsomorphic(katex.renderToString(value, { ...options, displayMode, throwOnError: true }), { fragment: true }).children as ElementContent[];
					rendered.set(key, copy(result));
				} catch (error) {
					result = refused(value, displayMode, error, options, file, [...parents, element], element);
				}
			}
			const index = parent.children.indexOf(scope);
			parent.children.splice(index, 1, ...result);
			return SKIP;
		});
	};
}

/** What rehype-katex shows, and reports, for a formula KaTeX throws on. */
function refused(value: string, displayMode: boolean, error: unknown, options: Options, file: VFile, ancestors: Node[], element: ElementContent): ElementContent[] {
	const cause = error as Error;
	file.message('Could not render math with KaTeX', { ancestors, cause, place: element.position, ruleId: cause.name.toLowerCase(), source: 'rehype-katex' });
	try {
		// KaTeX should handle a ParseError itself, but not others.
		return fromHtmlIsomorphic(katex.renderToString(value, { ...options, displayMode, strict: 'ignore', throwOnError: false }), { fragment: true }).children as ElementContent[];
	} catch {
		return [
			{
				type: 'element',
				tagName: 'span',
				properties: { className: ['katex-error'], style: `color:${options.errorColor || '#cc0000'}`, title: String(error) },
				children: [{ type: 'text', value }],
			},
		];
	}
}
