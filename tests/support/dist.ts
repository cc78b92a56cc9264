/** Reading the built site in tests: pages as DOM documents and as plain text. */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { parseHTML } from 'linkedom';

export const distDir = process.env.DIST_DIR ?? 'dist';

export function pagePath(urlPath: string, dir = distDir): string {
	return join(dir, urlPath.replace(/^\//, ''), urlPath.endsWith('/') ? 'index.html' : '');
}

export function hasPage(urlPath: string, dir = distDir): boolean {
	return existsSync(pagePath(urlPath, dir));
}

export function readPage(urlPath: string, dir = distDir): Document {
	return parseHTML(readFileSync(pagePath(urlPath, dir), 'utf8')).document as unknown as Document;
}

/** Every HTML file of the build, as site paths (`/weeks/01/`). */
export function allPages(dir = distDir): string[] {
	return (readdirSync(dir, { recursive: true }) as string[])
		.filter((f) => f.endsWith('.html'))
		.map((f) => `/${relative(dir, join(dir, f)).split(sep).join('/')}`.replace(/index\.html$/, ''));
}

/** Visible-ish text of the main content, whitespace collapsed. */
export function mainText(doc: Document): string {
	return (doc.querySelector('main')?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** Lowercase, straight quotes, plain dashes and dots, no Markdown marks, single spaces. */
export function normalise(text: string): string {
	return text
		.replace(/[“”]/g, '"')
		.replace(/[‘’]/g, "'")
		.replace(/[–—]/g, '-')
		.replace(/…/g, '...')
		.replace(/\*\*|`/g, '')
		.replace(/\s+/g, ' ')
		.trim()
		.toLowerCase();
}
