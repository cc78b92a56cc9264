/**
 * The characters each KaTeX font face draws on a page: KaTeX's own rules applied to
 * the page's maths as a browser's cascade would (specificity, then order; family,
 * weight and style inherited), then the face CSS font matching picks. Only the visible
 * rendering (`.katex-html`) counts; the MathML beside it is for screen readers.
 */
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { selectAll } from 'hast-util-select';
import { matchFace, type FontRule, type KatexFontCss } from './faces';

/** On an element that shows HTML fetched after load (today's drill): the page needs the fonts of the fetched maths too. */
export const FETCHED_MATHS_ATTRIBUTE = 'data-fetched-maths';

type Font = { family: string; weight: number; style: 'normal' | 'italic' };
type Declared = Partial<Font> & { rank: Partial<Record<keyof Font, number>> };

/** Face name → the characters it draws. */
export type GlyphsByFace = Map<string, Set<string>>;

export function addGlyphs(into: GlyphsByFace, from: GlyphsByFace): GlyphsByFace {
	for (const [face, chars] of from) {
		const set = into.get(face) ?? new Set<string>();
		for (const c of chars) set.add(c);
		into.set(face, set);
	}
	return into;
}

function declaredFonts(tree: Root, rules: FontRule[]): Map<Element, Declared> {
	const declared = new Map<Element, Declared>();
	for (const rule of rules) {
		const rank = rule.specificity * 100_000 + rule.order;
		for (const element of selectAll(rule.selector, tree)) {
			const own = declared.get(element) ?? { rank: {} };
			for (const prop of ['family', 'weight', 'style'] as const) {
				if (rule[prop] === undefined || (own.rank[prop] ?? -1) > rank) continue;
				(own as Record<string, unknown>)[prop] = rule[prop];
				own.rank[prop] = rank;
			}
			declared.set(element, own);
		}
	}
	return declared;
}

/**
 * The visible part of every formula in a page's HTML, each inside a bare `.katex` span
 * (the one ancestor KaTeX's rules look at): parsing these few fragments instead of the
 * whole page keeps the build's cost per page small.
 */
export function katexFragments(html: string): string {
	const parts: string[] = [];
	const opening = /<span class="katex-html"[^>]*>/g;
	for (let match = opening.exec(html); match; match = opening.exec(html)) {
		const tags = /<span\b|<\/span>/g;
		tags.lastIndex = match.index + match[0].length;
		let depth = 1;
		for (let tag = tags.exec(html); tag && depth > 0; tag = tags.exec(html)) {
			depth += tag[0] === '</span>' ? -1 : 1;
			if (depth === 0) {
				parts.push(`<span class="katex">${html.slice(match.index, tags.lastIndex)}</span>`);
				opening.lastIndex = tags.lastIndex;
			}
		}
	}
	return parts.join('');
}

/** The glyphs of every face used by the maths in a hast tree whose formulas sit at its top level (see katexFragments). */
export function glyphsOfTree(tree: Root, css: KatexFontCss): GlyphsByFace {
	const glyphs: GlyphsByFace = new Map();
	const declared = declaredFonts(tree, css.rules);
	// .katex sets all three with its `font` shorthand; this is only the start of the walk.
	const page: Font = { family: '', weight: 400, style: 'normal' };
	const inherit = (element: Element, from: Font): Font => {
		const own = declared.get(element);
		return own ? { family: own.family ?? from.family, weight: own.weight ?? from.weight, style: own.style ?? from.style } : from;
	};
	const walk = (element: Element, font: Font) => {
		for (const child of element.children) {
			if (child.type === 'element') walk(child, inherit(child, font));
			else if (child.type === 'text' && child.value.length > 0) {
				const face = matchFace(css.faces, font.family, font.weight, font.style);
				if (!face) continue;
				const set = glyphs.get(face.name) ?? new Set<string>();
				for (const c of child.value) set.add(c);
				glyphs.set(face.name, set);
			}
		}
	};
	for (const child of tree.children) if (child.type === 'element') walk(child, inherit(child, page));
	return glyphs;
}

export function glyphsOfHtml(html: string, css: KatexFontCss): GlyphsByFace {
	const fragments = katexFragments(html);
	return fragments ? glyphsOfTree(fromHtml(fragments, { fragment: true }), css) : new Map();
}
