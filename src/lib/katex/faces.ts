/**
 * KaTeX's stylesheet read as data: its @font-face rules (which file draws which family,
 * weight and style) and the rules that choose a font for an element. The site's build
 * subsets the fonts to the glyphs its maths uses (src/integrations/katex-fonts.ts), and
 * needs to know, for each character KaTeX emits, which face the browser draws it with.
 */
import postcss from 'postcss';

export interface FontFace {
	family: string;
	weight: number;
	style: 'normal' | 'italic';
	/** The woff2 file's path as the stylesheet names it, e.g. `fonts/KaTeX_Main-Regular.woff2`. */
	woff2: string;
	/** `KaTeX_Main-Regular`: the file's name without extension, unique per face. */
	name: string;
}

/** One compound of a selector: an optional tag and classes (`span.delimsizing.size1`). */
export interface Compound {
	tag?: string;
	classes: string[];
}

/** A selector as compounds from left to right, each with the combinator before the next (' ' or '>'). */
export type ParsedSelector = Array<{ compound: Compound; combinator?: ' ' | '>' }>;

/** A rule that sets the font of what it matches: only the properties it sets. */
export interface FontRule {
	selector: string;
	parsed: ParsedSelector;
	specificity: number;
	order: number;
	family?: string;
	weight?: number;
	style?: 'normal' | 'italic';
}

export interface KatexFontCss {
	faces: FontFace[];
	rules: FontRule[];
}

const weightOf = (value: string): number => (value === 'bold' ? 700 : value === 'normal' ? 400 : Number(value));
const firstFamily = (value: string): string => value.split(',')[0]!.trim().replace(/^["']|["']$/g, '');

/** Specificity as one number (ids, classes, types in base 1000): enough for KaTeX's simple selectors. */
export function specificity(selector: string): number {
	const plain = selector.replace(/\[[^\]]*\]/g, '.a').replace(/::?[\w-]+(\([^)]*\))?/g, (m) => (m.startsWith('::') ? ' t' : '.a'));
	const ids = (plain.match(/#[\w-]+/g) ?? []).length;
	const classes = (plain.match(/\.[\w-]+/g) ?? []).length;
	const types = (plain.match(/(^|[\s>+~])[a-zA-Z][\w-]*/g) ?? []).length;
	return ids * 1_000_000 + classes * 1000 + types;
}

/**
 * Parses the selectors KaTeX's stylesheet writes (compounds of a tag and classes, joined
 * by descendant or child combinators). Anything else throws, naming the selector: a
 * KaTeX release that writes another kind must be taught here, not silently skipped.
 */
export function parseSelector(selector: string): ParsedSelector {
	const parts = selector.trim().split(/\s*(>)\s*|\s+/).filter((p) => p !== undefined && p !== '');
	const parsed: ParsedSelector = [];
	for (const part of parts) {
		if (part === '>') {
			const last = parsed.at(-1);
			if (!last) throw new Error(`KaTeX font rule "${selector}": a selector cannot start with ">"`);
			last.combinator = '>';
			continue;
		}
		const match = /^([a-zA-Z][\w-]*)?((?:\.[\w-]+)*)$/.exec(part);
		if (!match) throw new Error(`KaTeX font rule "${selector}": only tags, classes and the " " and ">" combinators are supported (src/lib/katex/faces.ts)`);
		const last = parsed.at(-1);
		if (last && !last.combinator) last.combinator = ' ';
		parsed.push({ compound: { tag: match[1], classes: match[2] ? match[2].slice(1).split('.') : [] } });
	}
	return parsed;
}

/** An element of the path from the outermost to the one being matched. */
export interface PathElement {
	tag: string;
	classes: ReadonlySet<string>;
}

const matchesCompound = (compound: Compound, element: PathElement) =>
	(compound.tag === undefined || compound.tag === element.tag) && compound.classes.every((c) => element.classes.has(c));

/** Whether the last element of `path` matches the selector, given its ancestors before it in `path`. */
export function matchesPath(selector: ParsedSelector, path: readonly PathElement[]): boolean {
	const match = (s: number, e: number): boolean => {
		if (!matchesCompound(selector[s]!.compound, path[e]!)) return false;
		if (s === 0) return true;
		if (selector[s - 1]!.combinator === '>') return e > 0 && match(s - 1, e - 1);
		for (let a = e - 1; a >= 0; a--) if (match(s - 1, a)) return true;
		return false;
	};
	return selector.length > 0 && path.length > 0 && match(selector.length - 1, path.length - 1);
}

/** The `font` shorthand's family, weight and style (KaTeX writes `font: normal 1.21em KaTeX_Main, …`). */
function shorthand(value: string): Pick<FontRule, 'family' | 'weight' | 'style'> {
	const family = firstFamily(value.replace(/^.*?\d[\d.]*(?:em|rem|px|pt|%)(?:\/\S+)?\s+/, ''));
	const words = value.split(/\s+/);
	return {
		family,
		weight: words.includes('bold') ? 700 : (Number(words.find((w) => /^\d00$/.test(w))) || 400),
		style: words.includes('italic') ? 'italic' : 'normal',
	};
}

export function readKatexCss(css: string): KatexFontCss {
	const root = postcss.parse(css);
	const faces: FontFace[] = [];
	const rules: FontRule[] = [];
	root.walkAtRules('font-face', (at) => {
		const get = (prop: string) => at.nodes?.find((n): n is postcss.Declaration => n.type === 'decl' && n.prop === prop)?.value;
		const woff2 = get('src')?.match(/url\(["']?([^)"']+\.woff2)["']?\)/)?.[1];
		if (!woff2) return;
		faces.push({
			family: firstFamily(get('font-family') ?? ''),
			weight: weightOf(get('font-weight') ?? '400'),
			style: get('font-style') === 'italic' ? 'italic' : 'normal',
			woff2,
			name: woff2.replace(/^.*\//, '').replace(/\.woff2$/, ''),
		});
	});
	let order = 0;
	root.walkRules((rule) => {
		if (rule.parent?.type === 'atrule') return;
		const set: Pick<FontRule, 'family' | 'weight' | 'style'> = {};
		rule.walkDecls((decl) => {
			if (decl.prop === 'font') Object.assign(set, shorthand(decl.value));
			else if (decl.prop === 'font-family') set.family = firstFamily(decl.value);
			else if (decl.prop === 'font-weight') set.weight = weightOf(decl.value);
			else if (decl.prop === 'font-style') set.style = decl.value === 'italic' || decl.value === 'oblique' ? 'italic' : 'normal';
		});
		if (Object.keys(set).length === 0) return;
		for (const selector of rule.selectors) rules.push({ selector, parsed: parseSelector(selector), specificity: specificity(selector), order: order++, ...set });
	});
	return { faces, rules };
}

/**
 * The face CSS font matching picks for a family, weight and style, or undefined when
 * the family has no face (the browser then falls back to the next family in the stack).
 * Style first (italic falls back to normal and back), then the nearest weight.
 */
export function matchFace(faces: FontFace[], family: string, weight: number, style: 'normal' | 'italic'): FontFace | undefined {
	const ofFamily = faces.filter((f) => f.family === family);
	const sameStyle = ofFamily.filter((f) => f.style === style);
	const candidates = sameStyle.length > 0 ? sameStyle : ofFamily;
	// CSS Fonts 4 §5.2: at 400–500 try the weight up to 500, then lighter, then heavier; above 500 heavier first; below 400 lighter first.
	const rank = (w: number) => {
		if (w === weight) return 0;
		if (weight > 500) return w > weight ? w - weight : 10_000 + weight - w;
		if (weight < 400) return w < weight ? weight - w : 10_000 + w - weight;
		if (w > weight && w <= 500) return w - weight;
		return w < weight ? 1000 + weight - w : 20_000 + w - weight;
	};
	return [...candidates].sort((a, b) => rank(a.weight) - rank(b.weight))[0];
}
