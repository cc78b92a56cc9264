/**
 * Build-time access to the drill bank: the collection, its frozen outputs and the
 * glossary, turned into the index (for choosing today's drill) and each week's
 * served JSON (served.ts). Only pages and endpoints import this (astro:content).
 */
import { existsSync, readFileSync } from 'node:fs';
import { getCollection } from 'astro:content';
import { toHtml } from 'hast-util-to-html';
import { courseRoot } from '../course/course-root';
import { highlight } from '../highlight';
import { cachePathFor, figuresDir, pythonBlocks, type CachedBlock, type CachedPage } from '../python/outputs';
import { svgSize } from '../rehype/python-outputs';
import { renderInline } from '../site/inline-markdown';
import { pathTo } from '../site/paths';
import { href } from '../site';
import { bankIndex, servedWeek, type ServedWeek } from './served';
import type { BankIndex } from './select';

/** A revealed solution's code, highlighted like the code in the weeks. */
async function highlightSolution(code: string): Promise<string> {
	const tree = await highlight(code, 'python', {
		transformers: [
			{
				pre(node) {
					this.addClassToHast(node, 'astro-code');
					// Scrollable code must be reachable by keyboard, as the pages' blocks are.
					node.properties.tabindex = '0';
				},
			},
		],
	});
	return toHtml(tree);
}

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
	const highlighted = new Map(await Promise.all([...blocks.values()].map(async (b) => [b.code, await highlightSolution(b.code)] as const)));
	return servedWeek({
		week,
		drills: entry.data.drills,
		blocks,
		glossary,
		highlight: (code) => highlighted.get(code)!,
		inline: (text) => renderInline(text),
		figureUrl: (name) => href(`/outputs/${name}`),
		glossaryUrl: (id) => href(pathTo.glossary(id)),
		figureSize: (name) => {
			const path = `${courseRoot}/${figuresDir}/${name}`;
			return existsSync(path) ? svgSize(path) : null;
		},
	});
}
