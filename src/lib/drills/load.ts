/**
 * Build-time access to the drill bank: the collection, its frozen outputs and the
 * glossary, turned into the index (for choosing today's drill) and each week's
 * served JSON (served.ts). Only pages and endpoints import this (astro:content).
 */
import { existsSync, readFileSync } from 'node:fs';
import { getCollection } from 'astro:content';
import { createHighlighter } from 'shiki';
import { courseRoot } from '../course/course-root';
import { cachePathFor, figuresDir, pythonBlocks, type CachedBlock, type CachedPage } from '../python/outputs';
import { svgSize } from '../rehype/python-outputs';
import { renderInline } from '../site/inline-markdown';
import { pathTo } from '../site/paths';
import { href } from '../site';
import { bankIndex, servedWeek, type ServedWeek } from './served';
import type { BankIndex } from './select';

/** The pages' code themes (astro.config.mjs shikiConfig), so a revealed solution looks like the code in the weeks. */
const THEMES = { light: 'github-light-high-contrast', dark: 'github-dark-high-contrast' } as const;
let highlighter: ReturnType<typeof createHighlighter> | null = null;

export async function getDrillWeeks() {
	return (await getCollection('drills')).sort((a, b) => a.data.week - b.data.week);
}

export async function getBankIndex(): Promise<BankIndex> {
	return bankIndex((await getDrillWeeks()).map((e) => e.data));
}

export async function getServedWeek(week: number): Promise<ServedWeek | null> {
	const entry = (await getDrillWeeks()).find((e) => e.data.week === week);
	if (!entry) return null;
	const file = `content/drills/${String(week).padStart(2, '0')}.mdx`;
	const cachePath = `${courseRoot}/${cachePathFor(file)}`;
	const cached: CachedPage = existsSync(cachePath) ? JSON.parse(readFileSync(cachePath, 'utf8')) : { file, blocks: [] };
	const source = readFileSync(`${courseRoot}/${file}`, 'utf8');
	const codeById = new Map(pythonBlocks(source).map((b) => [b.id, b.code]));
	const blocks = new Map<string, CachedBlock & { code: string }>();
	for (const b of cached.blocks) if (b.name && codeById.has(b.id)) blocks.set(b.name, { ...b, code: codeById.get(b.id)! });
	const glossary = new Map((await getCollection('glossary')).map((g) => [g.data.id, g.data]));
	highlighter ??= createHighlighter({ themes: Object.values(THEMES), langs: ['python'] });
	const shiki = await highlighter;
	return servedWeek({
		week,
		drills: entry.data.drills,
		blocks,
		glossary,
		highlight: (code) =>
			shiki.codeToHtml(code, {
				lang: 'python',
				themes: THEMES,
				defaultColor: false,
				transformers: [
					{
						pre(node) {
							this.addClassToHast(node, 'astro-code');
							// Scrollable code must be reachable by keyboard, as Astro does for the pages' blocks.
							node.properties.tabindex = '0';
						},
					},
				],
			}),
		inline: (text) => renderInline(text),
		figureUrl: (name) => href(`/outputs/${name}`),
		glossaryUrl: (id) => href(pathTo.glossary(id)),
		figureSize: (name) => {
			const path = `${courseRoot}/${figuresDir}/${name}`;
			return existsSync(path) ? svgSize(path) : null;
		},
	});
}
