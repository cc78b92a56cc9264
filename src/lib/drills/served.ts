/**
 * The drills as the browser receives them: one JSON file per week
 * (/drills/NN.json, built by src/pages/drills/[week].json.ts) with each drill's
 * prompt, the book's definition, and the reveal as ready HTML (the reference code
 * highlighted like the pages, and its frozen output). Built here from the content,
 * the frozen outputs and the glossary by a pure function, so it is tested without a build.
 */
import type { Drill, GlossaryTerm } from '../../content/schema';
import type { CachedBlock } from '../python/outputs';
import { describeTolerance, trueValueOf, type Tolerance } from './estimate';
import { DAY_OF_KIND, KIND_TITLE, type BankKind } from './days';
import type { BankIndex } from './select';

export interface ServedFigure {
	src: string;
	alt: string;
	width?: number;
	height?: number;
}

export interface ServedDrill {
	id: string;
	kind: BankKind;
	week: number;
	/** "Estimate in your head" */
	title: string;
	day: string;
	/** The task or question as HTML (inline Markdown rendered). */
	prompt: string;
	/** The same as plain text, for log notes ("Drill: <id> — <text>"). */
	text: string;
	concept: { id: string; term: string; definition: string; href: string };
	dataset?: string;
	column?: string;
	/** Estimates: the true value (from the frozen output), the tolerance and how the page states it. */
	truth?: number;
	tolerance?: Tolerance;
	toleranceText?: string;
	unit?: string;
	/** Is the truth a share (0..1)? Then "36%" is read as 0.36. */
	share?: boolean;
	/** The reveal: reference code and its output, as HTML. Golf has two, plain and short, with their line counts. */
	reveal: { label: string; html: string; lines: number }[];
	/** Shape drills: the frozen histogram and the computed summary line. */
	figure?: ServedFigure;
	summary?: string;
}

export interface ServedWeek {
	week: number;
	drills: ServedDrill[];
}

export interface BankInputs {
	week: number;
	drills: Drill[];
	/** Frozen blocks of the week's drill file, by name. */
	blocks: Map<string, CachedBlock & { code: string }>;
	glossary: Map<string, GlossaryTerm>;
	/** Highlighted HTML of a block's code (Shiki with the pages' themes). */
	highlight: (code: string) => string;
	/** Inline Markdown to HTML. */
	inline: (text: string) => string;
	/** URL of a frozen figure file and of the glossary entry. */
	figureUrl: (file: string) => string;
	glossaryUrl: (id: string) => string;
	/** CSS-pixel size of a frozen figure, when known. */
	figureSize?: (file: string) => { width: number; height: number } | null;
}

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The drill's task as the learner reads it, in inline Markdown: on the card and on the worksheet (which never shows answers). */
export function promptMarkdown(drill: Drill, term: string): string {
	switch (drill.kind) {
		case 'explain':
			return drill.prompt ?? `Explain **${term}** in one paragraph to a smart colleague with no statistics.`;
		case 'pandas':
		case 'golf':
			return drill.task;
		case 'estimate':
			return drill.question;
		case 'shape':
			return `Predict the shape of \`${drill.column}\` in ${datasetName(drill.dataset)}: pick a shape, then a rough centre and spread.`;
	}
}

/** A data set as a sentence names it: the seeded arrays of a NumPy week are no file, so they are called what they are. */
export function datasetName(dataset: string): string {
	return dataset === 'default_rng' ? 'the week\'s seeded data (`default_rng`)' : dataset;
}

/** Inline Markdown as plain text: code ticks and emphasis marks dropped. */
export function plainText(markdown: string): string {
	return markdown.replace(/`|\*\*?/g, '').replace(/\s+/g, ' ').trim();
}

/** Lines of code a learner would count: not blank, not only a comment. */
export function codeLines(code: string): number {
	return code.split('\n').filter((l) => l.trim() !== '' && !l.trim().startsWith('#')).length;
}

function outputHtml(block: CachedBlock): string {
	const text = block.stdout.replace(/\s+$/, '');
	if (!text) return '';
	// The same markup as the pages' frozen outputs (rehype/python-outputs.ts); figures are shown apart, at full size.
	return `<div class="python-output" role="group" aria-label="Output of the code above"><p class="python-output-label" aria-hidden="true">Output</p><pre class="python-output-text" tabindex="0"><samp>${escapeHtml(text)}</samp></pre></div>`;
}

export function servedWeek(inputs: BankInputs): ServedWeek {
	const block = (name: string) => {
		const found = inputs.blocks.get(name);
		// The validator refuses a drill whose block is missing or not frozen; reaching this is a build without validation.
		if (!found) throw new Error(`content/drills/${String(inputs.week).padStart(2, '0')}.mdx: no frozen output for block ${name}; run npm run validate`);
		return found;
	};
	const reveal = (label: string, name: string) => {
		const b = block(name);
		return { label, html: inputs.highlight(b.code) + outputHtml(b), lines: codeLines(b.code) };
	};
	return {
		week: inputs.week,
		drills: inputs.drills.map((drill): ServedDrill => {
			const term = inputs.glossary.get(drill.concept);
			if (!term) throw new Error(`content/drills: unknown concept ${drill.concept}; run npm run validate`);
			const base = {
				id: drill.id,
				kind: drill.kind,
				week: inputs.week,
				title: KIND_TITLE[drill.kind],
				day: DAY_OF_KIND[drill.kind],
				concept: { id: term.id, term: term.term, definition: inputs.inline(term.definition), href: inputs.glossaryUrl(term.id) },
			};
			const markdown = promptMarkdown(drill, term.term);
			const prompt = { prompt: inputs.inline(markdown), text: plainText(markdown) };
			switch (drill.kind) {
				case 'explain':
					return { ...base, ...prompt, reveal: [] };
				case 'pandas':
					return { ...base, ...prompt, dataset: drill.dataset, reveal: [reveal('Reference solution', drill.answer)] };
				case 'golf':
					return { ...base, ...prompt, dataset: drill.dataset, reveal: [reveal('Plain', drill.plain), reveal('Short', drill.short)] };
				case 'estimate': {
					const truth = trueValueOf(block(drill.answer).stdout);
					if (truth === null) throw new Error(`content/drills: block ${drill.answer} does not print one number; run npm run validate`);
					const share = truth >= 0 && truth <= 1 && !drill.unit;
					return {
						...base,
						...prompt,
						dataset: drill.dataset,
						truth,
						tolerance: drill.tolerance,
						toleranceText: describeTolerance(drill.tolerance, drill.unit),
						unit: drill.unit,
						share,
						reveal: [reveal('How it is computed', drill.answer)],
					};
				}
				case 'shape': {
					const b = block(drill.answer);
					const file = b.figures[0]!;
					const size = inputs.figureSize?.(file.file) ?? null;
					return {
						...base,
						...prompt,
						dataset: drill.dataset,
						column: drill.column,
						figure: { src: inputs.figureUrl(file.file), alt: file.alt, ...(size ?? {}) },
						summary: b.stdout.trim(),
						reveal: [reveal('How it is computed', drill.answer)],
					};
				}
			}
		}),
	};
}

/** Drill ids by week and kind, for choosing today's drill without fetching any week. */
export function bankIndex(weeks: { week: number; drills: Pick<Drill, 'id' | 'kind'>[] }[]): BankIndex {
	const index: BankIndex = {};
	for (const { week, drills } of weeks) {
		const kinds: Partial<Record<BankKind, string[]>> = {};
		for (const d of drills) (kinds[d.kind] ??= []).push(d.id);
		index[week] = kinds;
	}
	return index;
}
