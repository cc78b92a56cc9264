// @ts-check
import { readFileSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { unified } from '@astrojs/markdown-remark';
import remarkMath from 'remark-math';
import { parse } from 'yaml';
import katexFonts from './src/integrations/katex-fonts.ts';
import { rehypeBaseLinks } from './src/lib/rehype/base-links.ts';
import { rehypeGlossaryLinks } from './src/lib/rehype/glossary-links.ts';
import { rehypeAccessibleContent } from './src/lib/rehype/accessible-content.ts';
import { rehypeHighlight } from './src/lib/rehype/highlight.ts';
import { rehypeKatex } from './src/lib/rehype/katex.ts';
import { remarkSmartypants } from './src/lib/rehype/smartypants.ts';
import { normaliseBase } from './src/lib/config.ts';
import { katexOptions } from './src/lib/rehype/pipeline.ts';
import { remarkPythonOutputs } from './src/lib/rehype/python-outputs.ts';
import { remarkPythonVersions } from './src/lib/rehype/python-versions.ts';

// BASE and SITE from the environment let tests build the book under a sub-path
// without editing the forker's config; COURSE_ROOT points at a fixture course.
const { default: course } = await import('./course.config.ts');
const base = normaliseBase(process.env.BASE ?? course.base);
const glossaryFile = `${process.env.COURSE_ROOT ?? '.'}/content/glossary.yaml`;
const glossary = existsSync(glossaryFile) ? parse(readFileSync(glossaryFile, 'utf8')) : [];

export default defineConfig({
	site: process.env.SITE ?? course.site,
	base,
	trailingSlash: 'always',
	// `optimize`: MDX writes each page's static HTML as one string instead of a JSX call per
	// element, which made compiling and rendering the pages most of the build.
	integrations: [mdx({ optimize: true }), sitemap(), katexFonts()],
	// A Content-Security-Policy meta on every page: scripts only from the site itself or
	// with the hash Astro computes (the inline theme script); Pagefind needs WebAssembly.
	// Styles allow inline: Shiki's colours and Plot's charts are style attributes, and
	// each page with maths carries its own @font-face rules (src/integrations/katex-fonts.ts).
	security: {
		csp: {
			directives: ["default-src 'self'", "img-src 'self' data:", "font-src 'self'", "object-src 'none'", "base-uri 'self'", "form-action 'self'"],
			scriptDirective: { resources: ["'self'", "'wasm-unsafe-eval'"] },
			styleDirective: { resources: ["'self'", "'unsafe-inline'"] },
		},
	},
	// Two @stdlib helpers evaluate strings (`eval`, `new Function`); CSP-safe stand-ins replace them.
	vite: {
		// The layout's script (meters, checklists, week dates) with the store's core and the
		// calendar as one file: every page loads them, and each file is a request with its headers.
		environments: {
			client: {
				build: {
					rolldownOptions: {
						output: {
							codeSplitting: {
								groups: [{ name: 'page-store', test: /src\/(islands\/(page-store|controls|progress-meter|checklist|week-dates)|lib\/progress\/(store-core|validate-ticks|merge|constants)|lib\/practice-log\/dates|lib\/schedule\/index)\.ts$|src\/layouts\/Base\.astro\?astro&type=script/ }],
							},
						},
					},
				},
			},
		},
		resolve: {
			alias: [
				{ find: /^@stdlib\/math-base-tools-evalpoly$/, replacement: fileURLToPath(new URL('./src/lib/csp-safe/evalpoly.cjs', import.meta.url)) },
				{ find: /^@stdlib\/assert-has-generator-support$/, replacement: fileURLToPath(new URL('./src/lib/csp-safe/has-generator-support.cjs', import.meta.url)) },
			],
		},
	},
	markdown: {
		// Astro's smart punctuation is replaced by the same one, run only where it can change text (smartypants.ts).
		processor: unified({
			smartypants: false,
			remarkPlugins: [remarkSmartypants, remarkMath, [remarkPythonOutputs, { root: process.env.COURSE_ROOT ?? '.', base }], [remarkPythonVersions, { root: process.env.COURSE_ROOT ?? '.' }]],
			rehypePlugins: [
				rehypeHighlight,
				[rehypeKatex, katexOptions],
				rehypeAccessibleContent,
				[rehypeGlossaryLinks, { entries: glossary, href: (/** @type {string} */ id) => `${base.replace(/\/?$/, '/')}glossary/#${id}` }],
				[rehypeBaseLinks, { base }],
			],
		}),
		// Code is highlighted by the site's own step (src/lib/highlight.ts), first among the rehype plugins, where Astro's would run.
		syntaxHighlight: false,
	},
});
