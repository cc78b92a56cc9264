// Maths renders as KaTeX laid it out: on every page with maths, each subscript,
// superscript and limit prints smaller than what it is attached to (a KaTeX CSS of
// another version than the renderer's leaves them at full size: different class
// names), and every character is in the font the page serves for it (the build cuts
// KaTeX's fonts to the glyphs of each page: src/integrations/katex-fonts.ts).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { useSite } from './harness';
import { allPages, distDir, pagePath } from '../support/dist';
import { cmapOf } from '../support/cmap';
import { baseOf } from '../support/weight';
import { matchFace, readKatexCss } from '../../src/lib/katex/faces';

const h = useSite();

const mathPages = allPages().filter((path) => readFileSync(pagePath(path), 'utf8').includes('class="katex"'));

/** Text drawn by the page's maths, grouped by the font the browser's cascade gives it. */
interface DrawnText {
	family: string;
	weight: number;
	style: 'normal' | 'italic';
	chars: string;
}

/**
 * Per page, the scripts that do not print smaller than their base (described for the
 * failure message), and the characters its maths draws with each font.
 */
async function renderMaths(paths: string[], parallel = 2): Promise<{ checked: number; wrong: string[]; drawn: Map<string, DrawnText[]> }> {
	const queue = [...paths];
	const wrong: string[] = [];
	const drawn = new Map<string, DrawnText[]>();
	let checked = 0;
	await Promise.all(
		Array.from({ length: parallel }, async () => {
			const page = await h.browser.newPage();
			for (let path = queue.shift(); path; path = queue.shift()) {
				await page.goto(h.url(path));
				await page.evaluate(() => document.fonts.ready);
				const result = await page.evaluate(() => {
					const size = (el: Element) => parseFloat(getComputedStyle(el).fontSize);
					/** The element holding the first visible character under `root`. */
					const firstText = (root: Element): Element | undefined => {
						const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
							acceptNode: (n) => (/[^\s\u200b]/.test(n.textContent ?? '') ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_SKIP),
						});
						return walker.nextNode()?.parentElement ?? undefined;
					};
					const bad: string[] = [];
					let count = 0;
					// Only top-level scripts: a script of a script may stay at the smallest size.
					const scripts = [...document.querySelectorAll('.katex-html .msupsub, .katex-html .op-limits')].filter(
						(s) => !s.parentElement?.closest('.msupsub, .op-limits, .mtight'),
					);
					for (const script of scripts) {
						const base = script.classList.contains('op-limits') ? script.querySelector('.mop') : script.previousElementSibling;
						const baseText = base && firstText(base);
						if (!baseText) continue;
						const baseSize = size(baseText);
						const parts = [...script.querySelectorAll('.vlist > span')].map(firstText).filter((e): e is Element => !!e && !base?.contains(e));
						for (const part of parts) {
							count++;
							if (size(part) >= baseSize) {
								const tex = script.closest('.katex')?.querySelector('annotation')?.textContent ?? '';
								bad.push(`"${part.textContent}" at ${size(part)}px vs base "${baseText.textContent}" at ${baseSize}px in ${tex}`);
							}
						}
					}
					const fonts = new Map<string, { family: string; weight: number; style: 'normal' | 'italic'; chars: Set<string> }>();
					const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
					for (let node = walker.nextNode(); node; node = walker.nextNode()) {
						const parent = node.parentElement;
						if (!parent?.closest('.katex-html') || !node.textContent) continue;
						const style = getComputedStyle(parent);
						const family = style.fontFamily.split(',')[0]!.trim().replace(/^["']|["']$/g, '');
						const key = `${family}|${style.fontWeight}|${style.fontStyle}`;
						const entry = fonts.get(key) ?? { family, weight: Number(style.fontWeight), style: style.fontStyle === 'normal' ? 'normal' : 'italic', chars: new Set<string>() };
						for (const c of node.textContent) entry.chars.add(c);
						fonts.set(key, entry);
					}
					return { bad, count, drawn: [...fonts.values()].map((f) => ({ ...f, chars: [...f.chars].join('') })) };
				});
				drawn.set(path, result.drawn);
				checked += result.count;
				for (const b of result.bad) wrong.push(`${path}: ${b}`);
			}
			await page.close();
		}),
	);
	return { checked, wrong, drawn };
}

const katexFonts = join(dirname(createRequire(import.meta.url).resolve('katex/dist/katex.min.css')));
const katexFaces = readKatexCss(readFileSync(join(katexFonts, 'katex.min.css'), 'utf8')).faces;

/** Characters a page's maths draws that KaTeX's own font has but the face the page serves lacks. */
async function missingGlyphs(path: string, drawn: DrawnText[]): Promise<string[]> {
	const html = readFileSync(pagePath(path), 'utf8');
	const served = readKatexCss([...html.matchAll(/<style>([^<]*@font-face[^<]*)<\/style>/g)].map((m) => m[1]).join('')).faces;
	const missing: string[] = [];
	for (const text of drawn) {
		const original = matchFace(katexFaces, text.family, text.weight, text.style);
		if (!original) continue;
		const full = await cmapOf(join(katexFonts, original.woff2));
		const face = matchFace(served, text.family, text.weight, text.style);
		const subset = face ? await cmapOf(join(distDir, face.woff2.slice(baseOf(html).length))) : new Set<number>();
		const lacking = [...text.chars].filter((c) => full.has(c.codePointAt(0)!) && !subset.has(c.codePointAt(0)!));
		if (lacking.length > 0) missing.push(`${path}: ${original.name} lacks ${lacking.map((c) => `"${c}" U+${c.codePointAt(0)!.toString(16).toUpperCase()}`).join(', ')}`);
	}
	return missing;
}

describe('maths', () => {
	it('finds the pages with maths', () => {
		expect(mathPages.length).toBeGreaterThan(10);
	});

	let rendered: Awaited<ReturnType<typeof renderMaths>>;
	beforeAll(async () => {
		rendered = await renderMaths(mathPages);
	}, 300_000);

	it('prints every sub- and superscript smaller than its base, on every page with maths', () => {
		const { checked, wrong } = rendered;
		expect(checked).toBeGreaterThan(mathPages.length);
		expect(wrong.slice(0, 20), `${wrong.length} scripts at full size`).toEqual([]);
	});

	it('serves every glyph of a page\'s maths in the font the page gives it', async () => {
		const missing = (await Promise.all(mathPages.map((path) => missingGlyphs(path, rendered.drawn.get(path) ?? [])))).flat();
		const drawnChars = [...rendered.drawn.values()].flat().reduce((n, d) => n + d.chars.length, 0);
		expect(drawnChars).toBeGreaterThan(mathPages.length * 10);
		expect(missing.slice(0, 20), `${missing.length} fonts lack glyphs`).toEqual([]);
	});
});
