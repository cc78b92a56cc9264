/**
 * The body of a new portfolio entry, per type: Markdown headings with a one-line
 * prompt under each, taken from the practice pages that describe each kind of
 * entry (teaching portfolio, decision records, prediction game, EDA challenge,
 * monthly integration). Prompts are plain text, not comments, so an unfinished
 * section is visible in the draft rather than silently empty.
 */
import type { EntryType } from './entry-types';

interface Section {
	heading: string;
	prompt: string;
}

const talkingPoints: Section = {
	heading: 'Talking points',
	prompt: '1. …\n2. …\n3. …',
};

const sections: Record<EntryType, Section[]> = {
	decision: [
		{ heading: 'The situation', prompt: 'What you were building, and the constraint that made this a real choice.' },
		{ heading: 'The options', prompt: 'Two or three alternatives you considered, one sentence each.' },
		{ heading: 'What I chose and why', prompt: 'The deciding trade-off, and why the other options lost.' },
		{ heading: 'What happened', prompt: 'The result, with a number if you have one.' },
		{ heading: 'What I would do differently', prompt: 'One honest sentence.' },
		talkingPoints,
	],
	adr: [
		{ heading: 'Context', prompt: 'What are you building? Who uses it, at what scale, under which constraints?' },
		{ heading: 'Decision', prompt: 'What approach did you choose? One or two sentences, specific enough to implement.' },
		{ heading: 'Rationale', prompt: 'Why this over alternatives? Name at least two alternatives and why each lost.' },
		{ heading: 'Consequences', prompt: 'What trade-offs are you accepting? What becomes easier, what harder, which new risk do you own?' },
		{ heading: 'Success metrics', prompt: 'How will you know if it was right? Each metric with a number, how it is measured and when.' },
	],
	prediction: [
		{
			heading: 'Monday: the prediction',
			prompt: 'Which question it answers (what will break, what will be harder than expected, what performance you will see) and how you will check it by the due date.',
		},
		{
			heading: 'Friday: what happened',
			prompt: 'Set `outcome` to right, wrong or partly, and say why in one sentence: missing knowledge, optimism, anchoring or luck.',
		},
	],
	comparison: [
		{ heading: 'The task', prompt: 'What each version does, on which data.' },
		{ heading: 'The contenders', prompt: 'Approach A, B and C, one sentence each.' },
		{ heading: 'How I measured', prompt: 'The metric, the hardware and the number of runs (report the median of several).' },
		{ heading: 'Results', prompt: '| Approach | Result | Notes |\n| --- | --- | --- |\n| | | |' },
		{ heading: 'What the numbers do not show', prompt: 'Readability, cost, operational burden.' },
		{ heading: 'When I would use each', prompt: 'One line per approach.' },
		talkingPoints,
	],
	explanation: [
		{ heading: 'The one-sentence version', prompt: 'The concept in one sentence a non-specialist can restate.' },
		{ heading: 'The example', prompt: 'One concrete case with numbers, used all the way through.' },
		{ heading: 'What it does not mean', prompt: 'The common misreading, and why it is wrong.' },
		{ heading: 'Why it matters in practice', prompt: 'A decision that depends on getting this right.' },
		talkingPoints,
	],
	'eda-log': [
		{ heading: 'The data set', prompt: 'Name, source and licence, size, and the difficulty level.' },
		{
			heading: 'Timing',
			prompt: [
				'| Phase | Planned (min) | Actual (min) | Output |',
				'| --- | --- | --- | --- |',
				'| Hypotheses | 30 | | 5-8 numbered, checkable hypotheses |',
				'| Workflow | 60 | | The notebook with your EDA checklist\'s outputs |',
				'| Compare | 20 | | Each hypothesis marked right, partly or wrong, plus the surprises |',
				'| Reflect | 10 | | Three sentences and one log row |',
				'| Total | 120 | | |',
			].join('\n'),
		},
		{ heading: 'First 30 minutes: hypotheses', prompt: 'Numbered, checkable hypotheses written before loading any rows.' },
		{ heading: 'Next 60 minutes: workflow', prompt: 'Your standard checklist, with the time the correlation and outlier steps took.' },
		{ heading: 'Next 20 minutes: compare', prompt: '| # | Hypothesis | Result | Verdict |\n| --- | --- | --- | --- |\n| 1 | | | |' },
		{ heading: 'Final 10 minutes: what I learned about my process', prompt: 'About the process, not the data: what to change in your checklist next time.' },
	],
	retro: [
		{ heading: 'Time used', prompt: 'Hours spent, per session, against the budget.' },
		{ heading: 'What worked', prompt: 'The skill or reused piece that carried the work.' },
		{ heading: 'Where I got stuck', prompt: 'The step that took longest, and why.' },
		{ heading: 'Checkpoint self-score', prompt: 'Emerging, developing or confident, with one sentence of evidence.' },
		{ heading: 'One practice to add or change next', prompt: 'For example, move the EDA challenge to messier data.' },
	],
};

/** The Markdown body of a new entry of `type`. */
export function templateBody(type: EntryType): string {
	return sections[type].map((s) => `## ${s.heading}\n\n${s.prompt}\n`).join('\n');
}

/** The headings of a type's template, in order (for tests and for checking a template is complete). */
export function templateHeadings(type: EntryType): string[] {
	return sections[type].map((s) => s.heading);
}

/**
 * Every line of template text a learner is meant to replace: the prompts' prose
 * and the `1. …` talking-point stubs (table rows are left out: an empty row is
 * harmless). An entry published with one of these still in it is unfinished.
 */
export function templatePromptLines(): string[] {
	const lines = Object.values(sections).flatMap((list) => list.flatMap((s) => s.prompt.split('\n')));
	return [...new Set(lines.map((l) => l.trim()).filter((l) => l !== '' && !l.startsWith('|')))];
}
