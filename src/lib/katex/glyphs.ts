/**
 * The characters each KaTeX font face draws on a page: KaTeX's own rules applied to
 * the page's maths as a browser's cascade would (specificity, then order; family,
 * weight and style inherited), then the face CSS font matching picks. Only the visible
 * rendering (`.katex-html`) counts; the MathML beside it is for screen readers.
 */
import { decodeHTML } from 'entities';
import { matchFace, matchesPath, type FontRule, type KatexFontCss, type PathElement } from './faces';

/** On an element that shows HTML fetched after load (today's drill): the page needs the fonts of the fetched maths too. */
export const FETCHED_MATHS_ATTRIBUTE = 'data-fetched-maths';

type Font = { family: string; weight: number; style: 'normal' | 'italic' };

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

/** Rules by a class their last compound needs (an element without it cannot match); rules needing none under ''. */
function indexRules(rules: readonly FontRule[]): Map<string, FontRule[]> {
	const index = new Map<string, FontRule[]>();
	for (const rule of rules) {
		const key = rule.parsed.at(-1)?.compound.classes[0] ?? '';
		index.set(key, [...(index.get(key) ?? []), rule]);
	}
	return index;
}

/** The font an element gets: the winning rule per property (specificity, then order), else its parent's. */
function fontOf(path: readonly PathElement[], index: Map<string, FontRule[]>, inherited: Font): Font {
	let font = inherited;
	const rank: Partial<Record<keyof Font, number>> = {};
	const element = path.at(-1)!;
	for (const key of ['', ...element.classes]) {
		for (const rule of index.get(key) ?? []) {
			if (!matchesPath(rule.parsed, path)) continue;
			const weight = rule.specificity * 100_000 + rule.order;
			for (const prop of ['family', 'weight', 'style'] as const) {
				if (rule[prop] === undefined || (rank[prop] ?? -1) > weight) continue;
				if (font === inherited) font = { ...inherited };
				(font as Record<string, unknown>)[prop] = rule[prop];
				rank[prop] = weight;
			}
		}
	}
	return font;
}

/**
 * The visible part of every formula in a page's HTML, each inside a bare `.katex` span
 * (the one ancestor KaTeX's rules look at).
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

/**
 * The glyphs of every face used by the maths in a page's HTML. KaTeX's markup is read
 * as a stream of tags and text (it writes no comments, scripts or unclosed elements),
 * which keeps the build's cost per page to a few milliseconds.
 */
export function glyphsOfHtml(html: string, css: KatexFontCss): GlyphsByFace {
	const glyphs: GlyphsByFace = new Map();
	const fragments = katexFragments(html);
	if (!fragments) return glyphs;
	const page: Font = { family: '', weight: 400, style: 'normal' };
	const index = indexRules(css.rules);
	const faces = new Map<Font, string | undefined>();
	const path: PathElement[] = [];
	const fonts: Font[] = [];
	const token = /<(\/?)([a-zA-Z][\w-]*)([^>]*?)(\/?)>|([^<]+)/g;
	for (let m = token.exec(fragments); m; m = token.exec(fragments)) {
		const [, closing, tag, attributes, selfClosing, text] = m;
		if (text !== undefined) {
			const font = fonts.at(-1);
			if (!font) continue;
			// Fonts are shared between elements that inherit them, so most lookups hit.
			if (!faces.has(font)) faces.set(font, matchFace(css.faces, font.family, font.weight, font.style)?.name);
			const face = faces.get(font);
			if (!face) continue;
			const set = glyphs.get(face) ?? new Set<string>();
			for (const c of decodeHTML(text)) set.add(c);
			glyphs.set(face, set);
		} else if (closing) {
			path.pop();
			fonts.pop();
		} else {
			const classes = /\bclass="([^"]*)"/.exec(attributes!)?.[1] ?? '';
			path.push({ tag: tag!.toLowerCase(), classes: new Set(classes.split(/\s+/).filter(Boolean)) });
			fonts.push(fontOf(path, index, fonts.at(-1) ?? page));
			if (selfClosing) {
				path.pop();
				fonts.pop();
			}
		}
	}
	return glyphs;
}
