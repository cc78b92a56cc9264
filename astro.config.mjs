// @ts-check
import { readFileSync, existsSync } from 'node:fs';
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { unified } from '@astrojs/markdown-remark';
import remarkMath from 'remark-math';
import rehypeKatex from 'rehype-katex';
import { parse } from 'yaml';
import { rehypeBaseLinks } from './src/lib/rehype/base-links.ts';
import { rehypeGlossaryLinks } from './src/lib/rehype/glossary-links.ts';
import { rehypeAccessibleContent } from './src/lib/rehype/accessible-content.ts';
import { remarkPythonOutputs } from './src/lib/rehype/python-outputs.ts';

// BASE and SITE from the environment let tests build the book under a sub-path
// without editing the forker's config; COURSE_ROOT points at a fixture course.
const { default: course } = await import('./course.config.ts');
const base = process.env.BASE ?? course.base;
const glossaryFile = `${process.env.COURSE_ROOT ?? '.'}/content/glossary.yaml`;
const glossary = existsSync(glossaryFile) ? parse(readFileSync(glossaryFile, 'utf8')) : [];

export default defineConfig({
	site: process.env.SITE ?? course.site,
	base,
	trailingSlash: 'always',
	integrations: [mdx(), sitemap()],
	markdown: {
		processor: unified({
			remarkPlugins: [remarkMath, [remarkPythonOutputs, { root: process.env.COURSE_ROOT ?? '.', base }]],
			rehypePlugins: [
				[rehypeKatex, { output: 'htmlAndMathml' }],
				rehypeAccessibleContent,
				[rehypeGlossaryLinks, { entries: glossary, href: (/** @type {string} */ id) => `${base.replace(/\/?$/, '/')}glossary/#${id}` }],
				[rehypeBaseLinks, { base }],
			],
		}),
		shikiConfig: { themes: { light: 'github-light-high-contrast', dark: 'github-dark-high-contrast' }, defaultColor: false },
	},
});
