// Which KaTeX face draws which character, read from KaTeX's own stylesheet: the build
// cuts each face to these glyphs (src/integrations/katex-fonts.ts). The expected faces
// are KaTeX's documented font choices (https://katex.org/docs/font), not this code's.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import katex from 'katex';
import { describe, expect, it } from 'vitest';
import { matchFace, matchesPath, parseSelector, readKatexCss, specificity } from '../../src/lib/katex/faces';
import { glyphsOfHtml, katexFragments } from '../../src/lib/katex/glyphs';
import { fontFaceRules, stylesheetWithoutFaces, withKatexAssets } from '../../src/integrations/katex-fonts';
import { FETCHED_MATHS_ATTRIBUTE } from '../../src/lib/katex/glyphs';

const katexCss = readFileSync(createRequire(import.meta.url).resolve('katex/dist/katex.min.css'), 'utf8');
const css = readKatexCss(katexCss);
const render = (tex: string, displayMode = false) => katex.renderToString(tex, { output: 'htmlAndMathml', displayMode });
const glyphs = (html: string) => Object.fromEntries([...glyphsOfHtml(html, css)].map(([face, chars]) => [face, [...chars].sort().join('')]));

describe('KaTeX stylesheet', () => {
	it('reads every face with its woff2 file', () => {
		expect(css.faces.length).toBe(20);
		expect(css.faces.find((f) => f.name === 'KaTeX_Math-BoldItalic')).toMatchObject({ family: 'KaTeX_Math', weight: 700, style: 'italic', woff2: 'fonts/KaTeX_Math-BoldItalic.woff2' });
	});

	it('ranks selectors by specificity', () => {
		expect(specificity('.katex .mathnormal')).toBe(2000);
		expect(specificity('.katex .delimsizing.mult .delim-size1>span')).toBe(4001);
		expect(specificity('#a .b span')).toBeGreaterThan(specificity('.a.b.c.d'));
	});

	it('matches selectors against an element\'s ancestors, as descendant or child', () => {
		const el = (classes: string, tag = 'span') => ({ tag, classes: new Set(classes.split(' ')) });
		const path = [el('katex'), el('delimsizing mult'), el('delim-size1'), el('inner')];
		expect(matchesPath(parseSelector('.katex .delimsizing.mult .delim-size1>span'), path)).toBe(true);
		expect(matchesPath(parseSelector('.katex .delimsizing.mult>span'), path)).toBe(false);
		expect(matchesPath(parseSelector('.katex .inner'), path)).toBe(true);
		expect(matchesPath(parseSelector('.other .inner'), path)).toBe(false);
		expect(() => parseSelector('.katex [dir=rtl]')).toThrow(/\[dir=rtl\].*only tags, classes/);
	});

	it('matches faces as CSS does: style first, then the nearest weight', () => {
		expect(matchFace(css.faces, 'KaTeX_Main', 700, 'italic')?.name).toBe('KaTeX_Main-BoldItalic');
		// KaTeX_Math has only italic faces: upright text still gets one.
		expect(matchFace(css.faces, 'KaTeX_Math', 400, 'normal')?.name).toBe('KaTeX_Math-Italic');
		expect(matchFace(css.faces, 'KaTeX_Size1', 700, 'normal')?.name).toBe('KaTeX_Size1-Regular');
		expect(matchFace(css.faces, 'Times New Roman', 400, 'normal')).toBeUndefined();
	});
});

describe('glyphs of a page', () => {
	it('draws variables in Math italic and digits and operators in Main', () => {
		expect(glyphs(render('x+2=y'))).toEqual({ 'KaTeX_Math-Italic': 'xy', 'KaTeX_Main-Regular': '+2=' });
	});

	it('follows the font commands', () => {
		const found = glyphs(render('\\mathbf{v} \\in \\mathbb{R} \\boldsymbol{\\beta} \\mathcal{L} \\text{if }'));
		expect(found['KaTeX_Main-Bold']).toBe('v');
		expect(found['KaTeX_AMS-Regular']).toBe('R');
		expect(found['KaTeX_Math-BoldItalic']).toBe('β');
		expect(found['KaTeX_Caligraphic-Regular']).toBe('L');
		expect(found['KaTeX_Main-Regular']).toContain('∈');
		expect(found['KaTeX_Main-Regular']).toContain('f');
	});

	it('draws inline sums in Size1, displayed ones in Size2, and big delimiters in the size fonts', () => {
		expect(glyphs(render('\\sum_i x_i'))['KaTeX_Size1-Regular']).toBe('∑');
		expect(glyphs(render('\\sum_i x_i', true))['KaTeX_Size2-Regular']).toBe('∑');
		expect(Object.keys(glyphs(render('\\left(\\frac{\\frac{a}{b}}{\\frac{c}{d}}\\right)', true))).some((f) => /KaTeX_Size[1-4]/.test(f))).toBe(true);
	});

	it('leaves out the MathML beside the maths and the page around it', () => {
		const html = `<p>Plain text</p>${render('x')}<p>More</p>`;
		expect(glyphs(html)).toEqual({ 'KaTeX_Math-Italic': 'x' });
		expect(katexFragments('<p>No maths</p>')).toBe('');
		expect(glyphs('<p>No maths</p>')).toEqual({});
	});

	it('keeps nested spans of one formula together and separates formulas', () => {
		const two = render('a^{b^c}') + render('d');
		expect((katexFragments(two).match(/class="katex"/g) ?? []).length).toBe(2);
		expect(glyphs(two)['KaTeX_Math-Italic']).toBe('abcd');
	});
});

describe('the stylesheet pages with maths load', () => {
	it('keeps every rule but the @font-face ones', () => {
		const rest = stylesheetWithoutFaces(katexCss);
		expect(rest).not.toMatch(/@font-face|\.woff/);
		expect(rest).toContain('.katex .mathnormal{font-family:KaTeX_Math;font-style:italic}');
	});

	it('writes a page its @font-face rules with only its own subsets', () => {
		const rules = fontFaceRules(katexCss, new Map([['KaTeX_Main-Regular', '/study/_astro/katex/KaTeX_Main-Regular.abc.woff2']]));
		expect(rules).toBe('@font-face{font-display:block;font-family:KaTeX_Main;font-style:normal;font-weight:400;src:url(/study/_astro/katex/KaTeX_Main-Regular.abc.woff2) format("woff2")}');
	});
});

describe('a page\'s head', () => {
	const page = (body: string) => `<html><head><title>t</title><link rel="stylesheet" href="/_astro/Base.css"></head><body>${body}</body></html>`;
	const cuts: Array<[string, string]> = [];
	const options = {
		css: katexCss,
		stylesheetHref: '/_astro/katex.abc.css',
		fetched: new Map<string, Set<string>>(),
		subsetUrl: async (face: string, glyphs: Set<string>) => {
			cuts.push([face, [...glyphs].sort().join('')]);
			return `/_astro/katex/${face}.cut.woff2`;
		},
	};

	it('links KaTeX\'s stylesheet before the site\'s, with a face for each font the maths draws', async () => {
		cuts.length = 0;
		const html = await withKatexAssets(page(render('\\mathbb{R}^n')), options);
		expect(html!.indexOf('katex.abc.css')).toBeLessThan(html!.indexOf('Base.css'));
		expect(cuts.sort()).toEqual([['KaTeX_AMS-Regular', 'R'], ['KaTeX_Math-Italic', 'n']]);
		expect(html).toContain('src:url(/_astro/katex/KaTeX_AMS-Regular.cut.woff2) format("woff2")');
		expect(html).not.toContain('KaTeX_Main-Regular');
	});

	it('leaves a page without maths as it is', async () => {
		expect(await withKatexAssets(page('<p>x + y</p>'), options)).toBeNull();
	});

	it('gives a page that shows fetched maths the fonts of that maths', async () => {
		const fetched = glyphsOfHtml(render('\\mathcal{L}'), css);
		const shows = page(`<sp-today ${FETCHED_MATHS_ATTRIBUTE}></sp-today>`);
		expect(await withKatexAssets(shows, { ...options, fetched })).toContain('KaTeX_Caligraphic');
		expect(await withKatexAssets(page('<p>No maths here</p>'), { ...options, fetched })).toBeNull();
	});
});
