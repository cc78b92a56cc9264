// KaTeX's stylesheet and fonts go only to pages with maths, each page with fonts cut
// to its own glyphs (src/integrations/katex-fonts.ts; the glyphs are checked by
// rendering in tests/e2e/maths.test.ts).
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { allPages, pagePath } from '../support/dist';
import { baseOf, fontBytes, katexFonts, styleBytes } from '../support/weight';

const pages = allPages().map((path) => ({ path, html: readFileSync(pagePath(path), 'utf8') }));
const withMaths = pages.filter((p) => p.html.includes('class="katex"'));
const katexLink = /<link rel="stylesheet" href="[^"]*\/katex\.[\w-]+\.css">/;

describe('KaTeX assets', () => {
	it('links KaTeX\'s stylesheet and fonts from every page with maths, before the site\'s own styles', () => {
		expect(withMaths.length).toBeGreaterThan(10);
		for (const { path, html } of withMaths) {
			const link = html.match(katexLink);
			expect(link, path).not.toBeNull();
			expect(html.indexOf(link![0]), `${path}: the site's stylesheet must come after KaTeX's`).toBeLessThan(html.search(/<link[^>]*rel="stylesheet"[^>]*Base\.|<link[^>]*rel="stylesheet"(?![^>]*katex)/));
			expect(katexFonts(html).length, path).toBeGreaterThan(0);
		}
	});

	it('leaves them out of pages without maths', () => {
		const without = pages.filter((p) => !p.html.includes('class="katex"') && !p.html.includes('data-fetched-maths'));
		expect(without.length).toBeGreaterThan(10);
		for (const { path, html } of without) {
			expect(html, path).not.toMatch(katexLink);
			expect(katexFonts(html), path).toEqual([]);
		}
	});

	it('serves each page at most 15 KB of fonts, every file present', () => {
		for (const { path, html } of withMaths) {
			expect(fontBytes(html), path).toBeLessThanOrEqual(15 * 1024);
			for (const url of [...html.matchAll(/url\(([^)]+\.woff2)\)/g)].map((m) => m[1]!)) expect(existsSync(pagePath('/').replace(/index\.html$/, '') + url.slice(baseOf(html).length)), url).toBe(true);
		}
	});

	it('keeps the stylesheet of a page without maths smaller than one with', () => {
		const plain = pages.find((p) => !p.html.includes('class="katex"'))!;
		expect(styleBytes(plain.html)).toBeLessThan(styleBytes(withMaths[0]!.html));
	});
});
