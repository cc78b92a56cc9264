/**
 * KaTeX's stylesheet and fonts, paid for only by pages with maths, and only for the
 * glyphs each page draws. After the build, every page whose HTML (or the fetched
 * content it shows) holds a formula gets KaTeX's stylesheet, less its @font-face
 * rules, and its own @font-face rules pointing at fonts cut to that page's glyphs
 * (harfbuzz's subsetter). Subsets are content-addressed, so pages drawing the same
 * glyphs of a face share one file, and cached between builds. `astro dev` keeps
 * KaTeX's whole stylesheet and fonts.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import postcss from 'postcss';
import subsetFont from 'subset-font';
import { readKatexCss, type FontFace } from '../lib/katex/faces';
import { addGlyphs, glyphsOfHtml, FETCHED_MATHS_ATTRIBUTE, type GlyphsByFace } from '../lib/katex/glyphs';

const require = createRequire(import.meta.url);
const katexCssPath = require.resolve('katex/dist/katex.min.css');
const katexVersion = (require('katex/package.json') as { version: string }).version;

const shortHash = (data: string | Buffer) => createHash('sha256').update(data).digest('base64url').slice(0, 10);

/** KaTeX's stylesheet without its @font-face rules: those are written per page. */
export function stylesheetWithoutFaces(css: string): string {
	const root = postcss.parse(css);
	root.walkAtRules('font-face', (rule) => void rule.remove());
	return root.toString();
}

/** The @font-face rules of one page: KaTeX's own descriptors, with `src` the page's subset. */
export function fontFaceRules(css: string, urls: Map<string, string>): string {
	return [...parsedCss(css).faceRules]
		.filter(([name]) => urls.has(name))
		.map(([name, rule]) => rule.replace(SRC_PLACEHOLDER, `url(${urls.get(name)}) format("woff2")`))
		.join('');
}

/**
 * A page with KaTeX's stylesheet and its own @font-face rules in its head, or null
 * when it draws no maths (counting the maths of fetched content it shows, `fetched`).
 * `subsetUrl` gives the URL of a face cut to the given glyphs.
 */
export async function withKatexAssets(
	html: string,
	{ css, stylesheetHref, fetched, subsetUrl }: { css: string; stylesheetHref: string; fetched: GlyphsByFace; subsetUrl: (face: string, glyphs: Set<string>) => Promise<string> },
): Promise<string | null> {
	const glyphs = glyphsOfHtml(html, parsedCss(css).read);
	if (fetched.size > 0 && html.includes(FETCHED_MATHS_ATTRIBUTE)) addGlyphs(glyphs, fetched);
	if (glyphs.size === 0) return null;
	const urls = new Map(await Promise.all([...glyphs].map(async ([name, chars]) => [name, await subsetUrl(name, chars)] as const)));
	const head = `<link rel="stylesheet" href="${stylesheetHref}"><style>${fontFaceRules(css, urls)}</style>`;
	// Before the site's own stylesheet, as the import order was, so the site's rules for maths still win.
	const at = html.search(/<link[^>]*rel="stylesheet"/);
	const index = at >= 0 ? at : html.indexOf('</head>');
	return html.slice(0, index) + head + html.slice(index);
}

const SRC_PLACEHOLDER = '\u0000src\u0000';

/**
 * KaTeX's stylesheet read once per build, not once per page: its faces and font rules,
 * and each @font-face rule as written, keyed by its face, with its `src` left to fill in.
 */
let parsed: { css: string; read: ReturnType<typeof readKatexCss>; faceRules: Map<string, string> } | undefined;
function parsedCss(css: string) {
	if (parsed?.css !== css) {
		const faceRules = new Map<string, string>();
		postcss.parse(css).walkAtRules('font-face', (rule) => {
			const src = rule.nodes?.find((n): n is postcss.Declaration => n.type === 'decl' && n.prop === 'src');
			const name = src?.value.match(/([\w-]+)\.woff2/)?.[1];
			if (!src || !name) return;
			const copy = rule.clone();
			copy.walkDecls('src', (decl) => void (decl.value = SRC_PLACEHOLDER));
			faceRules.set(name, copy.toString().replace(/\s*\n\s*/g, ''));
		});
		parsed = { css, read: readKatexCss(css), faceRules };
	}
	return parsed;
}

/** The HTML files of a built site, relative to it. */
const filesOf = (dir: string, ext: string) => (readdirSync(dir, { recursive: true }) as string[]).filter((f) => f.endsWith(ext));

/** Glyphs in the JSON a page fetches and shows as HTML (today's drill), if any holds maths. */
function fetchedGlyphs(dir: string, css: ReturnType<typeof readKatexCss>): GlyphsByFace {
	const glyphs: GlyphsByFace = new Map();
	const strings = (value: unknown): string[] =>
		typeof value === 'string' ? [value] : Array.isArray(value) ? value.flatMap(strings) : value && typeof value === 'object' ? Object.values(value).flatMap(strings) : [];
	for (const file of filesOf(dir, '.json')) {
		const text = readFileSync(join(dir, file), 'utf8');
		if (text.includes('katex-html')) addGlyphs(glyphs, glyphsOfHtml(strings(JSON.parse(text)).join(''), css));
	}
	return glyphs;
}

export default function katexFonts(): AstroIntegration {
	let base = '/';
	let assets = '_astro';
	let cacheDir = '';
	return {
		name: 'katex-fonts',
		hooks: {
			'astro:config:setup': ({ command, injectScript }) => {
				if (command === 'dev') injectScript('page-ssr', "import 'katex/dist/katex.min.css';");
			},
			'astro:config:done': ({ config }) => {
				base = config.base.replace(/\/?$/, '/');
				assets = config.build.assets;
				cacheDir = join(fileURLToPath(config.cacheDir), 'katex-fonts');
			},
			'astro:build:done': async ({ dir, logger }) => {
				const started = performance.now();
				const out = fileURLToPath(dir);
				const css = readFileSync(katexCssPath, 'utf8');
				const katex = parsedCss(css).read;
				const facesByName = new Map<string, FontFace>(katex.faces.map((f) => [f.name, f]));
				const stylesheet = stylesheetWithoutFaces(css);
				const stylesheetFile = `katex.${shortHash(stylesheet)}.css`;
				mkdirSync(join(out, assets, 'katex'), { recursive: true });
				writeFileSync(join(out, assets, stylesheetFile), stylesheet);
				mkdirSync(cacheDir, { recursive: true });

				const subsets = new Map<string, Promise<string>>();
				/** The URL of a face cut to these glyphs, made once per distinct cut. */
				const subsetUrl = (name: string, glyphs: Set<string>): Promise<string> => {
					const text = [...glyphs].sort().join('');
					const key = `${name}:${text}`;
					if (!subsets.has(key)) {
						subsets.set(key, (async () => {
							const cached = join(cacheDir, `${shortHash(`${katexVersion}:${key}`)}.woff2`);
							let font: Buffer;
							if (existsSync(cached)) font = readFileSync(cached);
							else {
								const source = readFileSync(join(dirname(katexCssPath), facesByName.get(name)!.woff2));
								// No hinting: it is most of a small subset's bytes, and today's screens draw KaTeX's outlines without it.
								font = await subsetFont(source, text, { targetFormat: 'woff2', noHinting: true });
								writeFileSync(cached, font);
							}
							const file = `${name}.${shortHash(font)}.woff2`;
							writeFileSync(join(out, assets, 'katex', file), font);
							return `${base}${assets}/katex/${file}`;
						})());
					}
					return subsets.get(key)!;
				};

				const fetched = fetchedGlyphs(out, katex);
				const stylesheetHref = `${base}${assets}/${stylesheetFile}`;
				let pages = 0;
				for (const file of filesOf(out, '.html')) {
					const path = join(out, file);
					const next = await withKatexAssets(readFileSync(path, 'utf8'), { css, stylesheetHref, fetched, subsetUrl });
					if (next === null) continue;
					writeFileSync(path, next);
					pages++;
				}
				const seconds = ((performance.now() - started) / 1000).toFixed(1);
				logger.info(`KaTeX on ${pages} pages: ${new Set(await Promise.all(subsets.values())).size} font subsets in ${seconds} s`);
			},
		},
	};
}
