/**
 * Pure generation of a new portfolio entry for `npm run new`: checks the request,
 * picks the file name `content/portfolio/<date>-<slug>.md`, and writes the
 * frontmatter and the type's template. The text is parsed back and checked
 * against the `portfolioEntry` schema before it is returned, so the CLI can
 * never write a file the validator would reject. No file system here.
 */
import { portfolioEntry } from '../../content/schema';
import { parseFrontmatterFile, isProblem } from '../validate/source';
import { schemaProblems } from '../validate/schema-problems';
import { entryTypes, isEntryType, type EntryType } from './entry-types';
import { templateBody } from './templates';
import slugifyText from '@sindresorhus/slugify';

/** What the learner asked for, as typed on the command line (strings, unchecked). */
export interface NewEntryRequest {
	type?: string;
	title?: string;
	week?: string;
	date?: string;
}

/** Something wrong with the request, in the CLI's `new: <problem>; <fix>` form. */
export interface NewEntryProblem {
	ok: false;
	problem: string;
	fix: string;
}

export interface NewEntry {
	ok: true;
	/** Relative to the course root, forward slashes. */
	path: string;
	text: string;
}

export const PORTFOLIO_DIR = 'content/portfolio';
export const USAGE = 'npm run new -- <type> "<title>" [--week N] [--date YYYY-MM-DD]';
const weekRange = portfolioEntry.shape.week.unwrap();
const FIRST_WEEK = weekRange.minValue ?? 1;
const LAST_WEEK = weekRange.maxValue ?? 24;
/** Longest slug in a file name; long titles are cut at a word boundary. */
const MAX_SLUG = 60;
const DAY_MS = 86_400_000;
const FRIDAY = 5;

/** The frontmatter text a new entry starts with; the validator refuses to publish an entry still holding it. */
export const SUMMARY_PLACEHOLDER = 'One sentence for the portfolio list and the feed: what you decided, found or learned.';
export const CLAIM_PLACEHOLDER = 'What will happen, stated so that the due date can settle it';

function problem(text: string, fix: string): NewEntryProblem {
	return { ok: false, problem: text, fix };
}

/**
 * File-name part of a title: lowercase ASCII words joined by hyphens, other scripts
 * transliterated ("Why Welch's t-test" → "why-welchs-t-test", "Почему Уэлч" → "pochemu-uelch"),
 * cut at a word boundary. Empty when nothing in the title has a Latin spelling.
 */
export function slugify(title: string): string {
	const words = slugifyText(title.replace(/['’]/g, ''));
	if (words.length <= MAX_SLUG) return words;
	const cut = words.slice(0, MAX_SLUG + 1);
	const lastHyphen = cut.lastIndexOf('-');
	return (lastHyphen > 0 ? cut.slice(0, lastHyphen) : cut.slice(0, MAX_SLUG)).replace(/-+$/, '');
}

/** The local calendar date of `when` as YYYY-MM-DD: an entry written on Monday morning is dated Monday wherever you are. */
export function localIsoDate(when: Date): string {
	const pad = (n: number) => String(n).padStart(2, '0');
	return `${when.getFullYear()}-${pad(when.getMonth() + 1)}-${pad(when.getDate())}`;
}

/** Epoch ms of a real calendar date written YYYY-MM-DD, or null (2026-02-30 is not a date). */
function parseIsoDate(text: string): number | null {
	const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
	if (!match) return null;
	const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
	const ms = Date.UTC(year, month - 1, day);
	const back = new Date(ms);
	return back.getUTCFullYear() === year && back.getUTCMonth() === month - 1 && back.getUTCDate() === day ? ms : null;
}

/** The first Friday after `date` (YYYY-MM-DD): the prediction game checks on Friday what was predicted that week. */
export function nextFriday(date: string): string {
	const ms = parseIsoDate(date);
	if (ms === null) throw new RangeError(`nextFriday: not a date: ${date}`);
	const weekday = new Date(ms).getUTCDay();
	const days = (FRIDAY - weekday + 7) % 7 || 7;
	return new Date(ms + days * DAY_MS).toISOString().slice(0, 10);
}

/** A YAML double-quoted scalar: JSON's string escapes are a subset of YAML's. */
const quoted = (text: string) => JSON.stringify(text);

function checkType(type: string | undefined): EntryType | NewEntryProblem {
	const list = entryTypes.join(', ');
	if (type === undefined || type === '') return problem('no entry type given', `write ${USAGE}, with <type> one of ${list}`);
	if (!isEntryType(type)) return problem(`unknown entry type "${type}"`, `use one of ${list}`);
	return type;
}

function checkTitle(title: string | undefined): string | NewEntryProblem {
	const trimmed = (title ?? '').trim();
	const example = 'e.g. npm run new -- decision "Why I chose Welch\'s t-test"';
	if (trimmed === '') return problem('the title is empty', `give a title in quotes after the type, ${example}`);
	if (/[\r\n]/.test(trimmed)) return problem('the title has a line break', 'write the title on one line');
	if (!/[\p{L}\p{N}]/u.test(trimmed)) return problem(`the title "${trimmed}" has no letters or digits`, `use a title with words in it, ${example}`);
	return trimmed;
}

function checkWeek(week: string | undefined): number | undefined | NewEntryProblem {
	if (week === undefined) return undefined;
	const n = /^\d+$/.test(week) ? Number(week) : Number.NaN;
	if (!(n >= FIRST_WEEK && n <= LAST_WEEK)) {
		return problem(`--week must be a whole number from ${FIRST_WEEK} to ${LAST_WEEK}, not "${week}"`, `give the course week the entry belongs to, e.g. --week 5, or leave --week out`);
	}
	return n;
}

function checkDate(date: string | undefined, today: Date): string | NewEntryProblem {
	if (date === undefined) return localIsoDate(today);
	if (parseIsoDate(date) === null) {
		return problem(`--date must be a real date written YYYY-MM-DD, not "${date}"`, `e.g. --date ${localIsoDate(today)}, or leave --date out for today`);
	}
	return date;
}

const isProblemResult = (value: unknown): value is NewEntryProblem =>
	typeof value === 'object' && value !== null && (value as { ok?: unknown }).ok === false;

function frontmatter(type: EntryType, title: string, date: string, week: number | undefined): string[] {
	const lines = [`type: ${type}`, `title: ${quoted(title)}`, `date: ${date}`];
	if (week !== undefined) lines.push(`week: ${week}`);
	lines.push(`summary: ${quoted(SUMMARY_PLACEHOLDER)}`);
	if (type === 'prediction') {
		lines.push(
			`claim: ${quoted(CLAIM_PLACEHOLDER)}`,
			'# How sure you are, 0.5 to 1 (state the claim the way you believe it).',
			'confidence: 0.7',
			`due: ${nextFriday(date)}`,
			'# On the due date: right, wrong or partly.',
			'outcome: pending',
		);
	}
	lines.push('# Delete this line when the entry is ready to publish.', 'draft: true');
	return lines;
}

/**
 * The file for `request`, or the first problem with it. `today` dates the entry
 * when no --date is given.
 */
export function newEntry(request: NewEntryRequest, today: Date): NewEntry | NewEntryProblem {
	const type = checkType(request.type);
	if (isProblemResult(type)) return type;
	const title = checkTitle(request.title);
	if (isProblemResult(title)) return title;
	const week = checkWeek(request.week);
	if (isProblemResult(week)) return week;
	const date = checkDate(request.date, today);
	if (isProblemResult(date)) return date;

	// A title in a script without a Latin spelling (Chinese, say) names the file after its type.
	const path = `${PORTFOLIO_DIR}/${date}-${slugify(title) || type}.md`;
	const text = `---\n${frontmatter(type, title, date, week).join('\n')}\n---\n\n${templateBody(type)}`;

	// Read the text back as the validator will: a template that fails the schema is a bug here, not the learner's.
	const source = parseFrontmatterFile(path, text);
	const problems = isProblem(source) ? [source] : schemaProblems(source, portfolioEntry).problems;
	if (problems.length > 0) {
		const first = problems[0]!;
		return problem(`the generated entry is invalid (${first.message})`, 'report this as a bug in src/lib/portfolio/new-entry.ts');
	}
	return { ok: true, path, text };
}
