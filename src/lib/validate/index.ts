/**
 * The content validator: reads every content file, checks it against the schema
 * module, then checks the files against each other (design §2). It never throws
 * for a content mistake: everything becomes a located `Problem`.
 *
 * File access is injected (`ContentTree`) so tests run on fixture trees in memory.
 */
import type { z } from 'astro/zod';
import * as schema from '../../content/schema';
import { isDemoId } from '../demos/registry';
import type { Problem } from './problem';
import { isProblem, parseFrontmatterFile, parseYamlFile, type SourceFile } from './source';
import type { ContentTree, Course, Loaded } from './types';
import { schemaProblems } from './schema-problems';
import { crossFileProblems } from './cross-checks';
import { PROGRESS_FILE, progressFileProblems } from './progress-file';
import { placeholderProblems } from '../portfolio/placeholders';
import { PRACTICE_LOG_FILE, practiceLogProblems } from './practice-log';
import { inlineExpressionProblems } from './inline-expressions';
import { DRILLS_DIR, drillProblems } from './drills';

export type { ContentTree, Course, Loaded } from './types';

const MDX = /\.mdx?$/;

function load<S extends z.ZodType>(
	tree: ContentTree,
	files: string[],
	s: S,
	parse: (file: string, text: string) => SourceFile | Problem,
	problems: Problem[],
): Loaded<z.output<S>>[] {
	const loaded: Loaded<z.output<S>>[] = [];
	for (const file of files) {
		const text = tree.read(file);
		if (text === null) continue; // refused (reported once, below) or gone
		const source = parse(file, text);
		if (isProblem(source)) {
			problems.push(source);
			continue;
		}
		const result = schemaProblems(source, s);
		problems.push(...result.problems);
		if (result.problems.length === 0) loaded.push({ file, data: result.data as z.output<S>, lineOf: source.lineOf });
	}
	return loaded;
}

export function validateContent(tree: ContentTree): Problem[] {
	const problems: Problem[] = [];
	const mdxIn = (dir: string) => tree.list(dir).filter((f) => MDX.test(f)).sort();
	const yamlFile = <S extends z.ZodType>(file: string, s: S) => {
		if (tree.read(file) === null) {
			if (tree.refusal?.(file)) return null;
			problems.push({ file, line: 1, message: 'the file is missing', fix: `create ${file} (see its schema in src/content/schema.ts)` });
			return null;
		}
		return load(tree, [file], s, parseYamlFile, problems)[0] ?? null;
	};

	const course: Course = {
		weeks: load(tree, mdxIn('content/weeks'), schema.week, parseFrontmatterFile, problems),
		months: load(tree, mdxIn('content/months'), schema.month, parseFrontmatterFile, problems),
		tracks: load(tree, mdxIn('content/tracks'), schema.trackWeek, parseFrontmatterFile, problems),
		practice: load(tree, mdxIn('content/practice'), schema.practice, parseFrontmatterFile, problems),
		resources: yamlFile('content/resources.yaml', schema.resources),
		skills: yamlFile('content/skills.yaml', schema.skills),
		tree,
	};
	const portfolio = load(tree, mdxIn('content/portfolio'), schema.portfolioEntry, parseFrontmatterFile, problems);
	load(tree, mdxIn('content/examples'), schema.portfolioEntry, parseFrontmatterFile, problems);
	for (const entry of portfolio) if (!entry.data.draft) problems.push(...placeholderProblems(entry.file, tree.read(entry.file) ?? ''));
	const glossary = tree.read('content/glossary.yaml') !== null ? yamlFile('content/glossary.yaml', schema.glossary) : null;
	const publishedProgress = tree.read(PROGRESS_FILE);
	if (publishedProgress !== null) problems.push(...progressFileProblems(publishedProgress));
	const publishedLog = tree.read(PRACTICE_LOG_FILE);
	if (publishedLog !== null) problems.push(...practiceLogProblems(publishedLog));

	problems.push(...inlineExpressionProblems(tree));
	problems.push(...crossFileProblems(course, { isDemoId }));
	// The drill bank: answers from frozen outputs, material from the week's page (drills.ts).
	const drills = load(tree, mdxIn(DRILLS_DIR), schema.drillWeek, parseFrontmatterFile, problems);
	problems.push(...drillProblems(drills, { tree, weeks: course.weeks, glossary: glossary?.data ?? null }));
	problems.push(...(tree.refusals?.() ?? []));
	return problems;
}
