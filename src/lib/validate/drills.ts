/**
 * Checks of the drill bank (content/drills/NN.mdx, design §4c) against the rest of
 * the course and against the frozen outputs: every answer a learner is shown must
 * come from a named, executed block, and every drill must use its week's material.
 */
import type { Drill, DrillWeek, GlossaryTerm, Week } from '../../content/schema';
import { padWeek } from '../site/paths';
import { cachePathFor, pythonBlocks, type CachedBlock, type CachedPage } from '../python/outputs';
import { isEstimateOutput } from '../drills/estimate';
import type { Problem } from './problem';
import type { ContentTree, Loaded } from './types';

export const DRILLS_DIR = 'content/drills';

/** Drills each week's bank must hold at least, by kind: the plan's Monday-Thursday plus the daily shape. */
export const MIN_PER_KIND: Record<Drill['kind'], number> = { explain: 1, pandas: 1, estimate: 2, golf: 1, shape: 1 };

interface DrillContext {
	tree: ContentTree;
	weeks: Loaded<Week>[];
	glossary: GlossaryTerm[] | null;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** True when the page's text names the term or one of its aliases as a word. */
export function mentions(text: string, term: GlossaryTerm): boolean {
	const lower = text.toLowerCase();
	return [term.term, ...term.aliases].some((name) => new RegExp(`(?<![\\w-])${escape(name.toLowerCase())}(?![\\w-])`).test(lower));
}

function cachedPage(tree: ContentTree, file: string): CachedPage | null {
	const text = tree.read(cachePathFor(file));
	if (text === null) return null;
	try {
		return JSON.parse(text) as CachedPage;
	} catch {
		return null;
	}
}

/** The block fields of a drill that name an answer block, with the block's role for messages. */
function answerRefs(drill: Drill): Array<{ field: string; name: string }> {
	if (drill.kind === 'explain') return [];
	if (drill.kind === 'golf') return [{ field: 'plain', name: drill.plain }, { field: 'short', name: drill.short }];
	return [{ field: 'answer', name: drill.answer }];
}

export function drillProblems(files: Loaded<DrillWeek>[], context: DrillContext): Problem[] {
	const problems: Problem[] = [];
	const seen = new Map<string, string>();
	const terms = new Map((context.glossary ?? []).map((t) => [t.id, t]));
	for (const entry of files) {
		const { file, data } = entry;
		const at = (path: Array<string | number>) => entry.lineOf(path);
		const name = file.split('/').at(-1);
		if (name !== `${padWeek(data.week)}.mdx`) {
			problems.push({ file, line: at(['week']), message: `the file is named ${name} but says \`week: ${data.week}\``, fix: `rename it to ${padWeek(data.week)}.mdx or correct \`week\`` });
		}
		const week = context.weeks.find((w) => w.data.week === data.week);
		const weekText = week ? (context.tree.read(week.file) ?? '') : '';
		if (!week) {
			problems.push({ file, line: at(['week']), message: `week ${data.week} has no page, so its drills have no material`, fix: `write content/weeks/${padWeek(data.week)}.mdx first, or move these drills to a week that teaches them` });
		}
		const source = context.tree.read(file) ?? '';
		const blocks = pythonBlocks(source, true);
		const cached = cachedPage(context.tree, file);
		const byName = new Map<string, CachedBlock>();
		for (const block of cached?.blocks ?? []) if (block.name) byName.set(block.name, block);
		const named = new Map<string, number>();
		for (const block of blocks) {
			if (!block.name) continue;
			if (named.has(block.name)) problems.push({ file, line: block.line, message: `two blocks are named ${block.name} (also line ${named.get(block.name)})`, fix: 'give each block its own name' });
			else named.set(block.name, block.line);
		}
		const counts: Record<string, number> = {};
		data.drills.forEach((drill, i) => {
			counts[drill.kind] = (counts[drill.kind] ?? 0) + 1;
			const first = seen.get(drill.id);
			if (first) problems.push({ file, line: at(['drills', i, 'id']), message: `drill id \`${drill.id}\` is used twice (also in ${first})`, fix: 'give every drill its own id: answers and review cards are stored under it' });
			else seen.set(drill.id, file);

			const term = terms.get(drill.concept);
			if (!term) {
				problems.push({ file, line: at(['drills', i, 'concept']), message: `unknown concept \`${drill.concept}\``, fix: 'use a term id from content/glossary.yaml, or add the term there' });
			} else if (week && !mentions(weekText, term)) {
				problems.push({ file, line: at(['drills', i, 'concept']), message: `week ${data.week}'s page never mentions "${term.term}", so this drill does not use the week's material`, fix: `pick a concept ${week.file} teaches, or move the drill to the week that teaches ${term.term}` });
			}
			if ('dataset' in drill) {
				const csv = drill.dataset.endsWith('.csv');
				if (csv && context.tree.read(`public/data/${drill.dataset}`) === null) {
					problems.push({ file, line: at(['drills', i, 'dataset']), message: `no data set public/data/${drill.dataset}`, fix: 'name a file in public/data/ or a scikit-learn loader the week uses' });
				} else if (week && !weekText.includes(csv ? `data/${drill.dataset}` : `${drill.dataset}(`)) {
					problems.push({ file, line: at(['drills', i, 'dataset']), message: `week ${data.week}'s page does not use ${drill.dataset}`, fix: `use a data set ${week.file} loads, or move the drill to the week that uses ${drill.dataset}` });
				}
			}

			const outputs: Record<string, CachedBlock> = {};
			for (const ref of answerRefs(drill)) {
				const line = at(['drills', i, ref.field]);
				if (!named.has(ref.name)) {
					problems.push({ file, line, message: `no block named ${ref.name} in this file, so the drill has no computed answer`, fix: `add a \`\`\`python name=${ref.name} block below the frontmatter that computes it` });
					continue;
				}
				const frozen = byName.get(ref.name);
				const current = blocks.find((b) => b.name === ref.name);
				if (!frozen || frozen.id !== current?.id) {
					problems.push({ file, line, message: `block ${ref.name} (line ${named.get(ref.name)}) has no frozen output in ${cachePathFor(file)}`, fix: 'run npm run execute -- --only content/drills and commit outputs/' });
					continue;
				}
				if (frozen.stdout.trim() === '') {
					problems.push({ file, line, message: `block ${ref.name} prints nothing, so there is no answer to show`, fix: 'print the answer in the block' });
					continue;
				}
				outputs[ref.field] = frozen;
			}
			if (drill.kind === 'estimate' && outputs.answer && !isEstimateOutput(outputs.answer.stdout)) {
				problems.push({ file, line: at(['drills', i, 'answer']), message: `block ${drill.answer} prints ${JSON.stringify(outputs.answer.stdout.trim().slice(0, 40))}, not one number`, fix: 'print only the true value, e.g. print(round(x, 2))' });
			}
			if (drill.kind === 'golf' && outputs.plain && outputs.short && outputs.plain.stdout.trim() !== outputs.short.stdout.trim()) {
				problems.push({ file, line: at(['drills', i, 'short']), message: `the short solution ${drill.short} prints something else than the plain one ${drill.plain}`, fix: 'make both print exactly the same, then run npm run execute' });
			}
			if (drill.kind === 'shape' && outputs.answer && outputs.answer.figures.length === 0) {
				problems.push({ file, line: at(['drills', i, 'answer']), message: `block ${drill.answer} draws no histogram to reveal`, fix: 'draw the column with matplotlib in that block' });
			}
		});
		for (const [kind, min] of Object.entries(MIN_PER_KIND)) {
			const have = counts[kind] ?? 0;
			if (have < min) problems.push({ file, line: at(['drills']), message: `week ${data.week} has ${have} ${kind} drill${have === 1 ? '' : 's'}, fewer than ${min}`, fix: `add ${min - have} more (every weekday needs a drill${kind === 'estimate' ? '; Wednesday asks two estimates' : ''})` });
		}
	}
	return problems;
}
