// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { unified } from '@astrojs/markdown-remark';
import remarkMath from 'remark-math';
import rehypeKatex from 'rehype-katex';

// BASE and SITE from the environment let tests build the book under a sub-path
// without editing the forker's config.
const { default: course } = await import('./course.config.ts');
const base = process.env.BASE ?? course.base;

export default defineConfig({
	site: process.env.SITE ?? course.site,
	base,
	trailingSlash: 'always',
	integrations: [mdx(), sitemap()],
	markdown: {
		processor: unified({ remarkPlugins: [remarkMath], rehypePlugins: [[rehypeKatex, { output: 'htmlAndMathml' }]] }),
		shikiConfig: { themes: { light: 'github-light', dark: 'github-dark' } },
	},
});
