/**
 * What a built page weighs, compressed as GitHub Pages serves it (gzip): the JavaScript
 * it runs on load (its module scripts, inline ones too, and everything they import
 * statically), its stylesheets, its HTML and the KaTeX fonts its maths needs. Pages are
 * sorted into kinds by what they contain, not by address, so a fork's pages sort too.
 * Used by the budget tests (tests/build/budgets.test.ts) and by `npm run bench`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { gzipSync } from 'node:zlib';
import { allPages, distDir, pagePath } from './dist';

export const gzipSize = (data: string | Buffer) => gzipSync(data, { level: 9 }).length;

export type PageKind = 'week without demo' | 'week with demo' | 'progress' | 'search' | 'drills' | 'other';

/** The kind of a page from its HTML: a worksheet page with or without a demo, the dashboard, the search page. */
export function kindOf(html: string): PageKind {
	if (html.includes('data-pagefind-ui') || /<[^>]+data-bundle=/.test(html)) return 'search';
	if (/<button[^>]*>\s*Export progress/.test(html)) return 'progress';
	if (html.includes('worksheet-header')) return html.includes('<sp-demo') ? 'week with demo' : 'week without demo';
	// Today's drill (home, daily practice): its own kind, so the drills cannot hide weight in "other".
	if (html.includes('<sp-today')) return 'drills';
	return 'other';
}

/** The file in dist/ an absolute URL path points at, whatever the configured base. */
function fileOf(urlPath: string, base: string, dir: string): string {
	const path = urlPath.startsWith(base) ? urlPath.slice(base.length) : urlPath.replace(/^\//, '');
	return join(dir, path);
}

/** The base path the pages were built with, read from their stylesheet or script URLs. */
export function baseOf(html: string): string {
	return html.match(/(?:href|src)="([^"]*\/)_astro\//)?.[1] ?? '/';
}

/** Static imports of a module (`from"./x.js"`, `import"./x.js"`); dynamic `import()` loads on demand and is left out. */
function staticImports(code: string): string[] {
	return [...code.matchAll(/(?:\bfrom\s*|\bimport\s*)["'`]([^"'`]+\.js)["'`]/g)].map((m) => m[1]!);
}

/** Every JavaScript file a page runs on load, as dist/ file paths, plus its inline module code. */
export function loadedScripts(html: string, dir = distDir): { files: string[]; inline: string[] } {
	const base = baseOf(html);
	const files = new Set<string>();
	const inline: string[] = [];
	const visit = (file: string) => {
		if (files.has(file) || !existsSync(file)) return;
		files.add(file);
		for (const spec of staticImports(readFileSync(file, 'utf8'))) {
			visit(spec.startsWith('/') ? fileOf(spec, base, dir) : join(posix.dirname(file), spec));
		}
	};
	for (const [, attrs, body] of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)) {
		const src = attrs!.match(/\bsrc="([^"]+)"/)?.[1];
		const type = attrs!.match(/\btype="([^"]+)"/)?.[1];
		if (type && !['module', 'text/javascript'].includes(type)) continue;
		if (src) visit(fileOf(src, base, dir));
		else {
			inline.push(body!);
			for (const spec of staticImports(body!)) visit(fileOf(spec, base, dir));
		}
	}
	return { files: [...files], inline };
}

/** Gzip bytes of the JavaScript a page runs on load (inline scripts included). */
export function scriptBytes(html: string, dir = distDir): number {
	const { files, inline } = loadedScripts(html, dir);
	return files.reduce((n, f) => n + gzipSize(readFileSync(f)), 0) + inline.reduce((n, code) => n + gzipSize(code), 0);
}

/** Gzip bytes of the page's stylesheets. */
export function styleBytes(html: string, dir = distDir): number {
	const base = baseOf(html);
	return [...html.matchAll(/<link[^>]*rel="stylesheet"[^>]*href="([^"]+)"|<link[^>]*href="([^"]+)"[^>]*rel="stylesheet"/g)]
		.map((m) => fileOf((m[1] ?? m[2])!, base, dir))
		.filter(existsSync)
		.reduce((n, f) => n + gzipSize(readFileSync(f)), 0);
}

/** The KaTeX fonts (woff2) a page serves its maths: the @font-face rules the build writes into it, as dist/ files. */
function katexFontFiles(html: string, dir: string): string[] {
	const base = baseOf(html);
	const faces = [...html.matchAll(/<style>([^<]*@font-face[^<]*)<\/style>/g)].map((m) => m[1]!).join('');
	return [...faces.matchAll(/url\(([^)]+\.woff2)\)/g)].map((m) => fileOf(m[1]!, base, dir));
}

/** Names of the KaTeX faces a page serves (`KaTeX_Main-Regular`, …). */
export function katexFonts(html: string, dir = distDir): string[] {
	return katexFontFiles(html, dir).map((f) => posix.basename(f).split('.')[0]!).sort();
}

/** Bytes of the page's KaTeX fonts in dist/ (already compressed, so served as they are). */
export function fontBytes(html: string, dir = distDir): number {
	return katexFontFiles(html, dir).reduce((n, f) => n + readFileSync(f).length, 0);
}

export interface PageWeight {
	path: string;
	kind: PageKind;
	html: number;
	js: number;
	css: number;
	fonts: number;
}

/** The weight of every built page. */
export function pageWeights(dir = distDir): PageWeight[] {
	return allPages(dir).map((path) => {
		const html = readFileSync(pagePath(path, dir), 'utf8');
		return { path, kind: kindOf(html), html: gzipSize(html), js: scriptBytes(html, dir), css: styleBytes(html, dir), fonts: fontBytes(html, dir) };
	});
}
