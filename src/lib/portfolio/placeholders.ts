/**
 * An entry made by `npm run new` starts with prompts in place of the learner's
 * text. Publishing one with a prompt still in it would put the template on the
 * portfolio and in the feed, so the validator refuses it at the prompt's line.
 */
import type { Problem } from '../validate/problem';
import { CLAIM_PLACEHOLDER, SUMMARY_PLACEHOLDER } from './new-entry';
import { templatePromptLines } from './templates';

const prompts = new Set(templatePromptLines());
const frontmatterPlaceholders = [SUMMARY_PLACEHOLDER, CLAIM_PLACEHOLDER];

/** Every line of a published entry's text that is still template text, as a located problem. */
export function placeholderProblems(file: string, text: string): Problem[] {
	const problems: Problem[] = [];
	text.split(/\r?\n/).forEach((raw, index) => {
		const line = raw.trim();
		const fromTemplate = prompts.has(line) || frontmatterPlaceholders.some((p) => line.includes(p));
		if (!fromTemplate) return;
		problems.push({
			file,
			line: index + 1,
			message: `the entry is published but still holds the template's text "${line.length > 60 ? `${line.slice(0, 57)}…` : line}"`,
			fix: 'replace it with your own words, or put `draft: true` back in the frontmatter until the entry is finished',
		});
	});
	return problems;
}
