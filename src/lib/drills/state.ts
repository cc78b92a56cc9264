/**
 * The learner's drill record, kept in the progress store beside the log (field
 * `drills` of the stored value and of the export file; absent means empty):
 *   {
 *     cards:      { "<drill id>": StoredCard },            // FSRS state; newest lastReview wins
 *     attempts:   { "<attempt id>": Attempt },              // every answer; a union, never removed
 *     paragraphs: { "<drill id>": { text, at } },           // Monday's paragraph; newest wins
 *     patterns:   { "<week>": { text, at } }                // Friday's one pattern; newest wins
 *   }
 * Pure functions only: validation (hand-written, the browser never loads zod) and a
 * merge that is idempotent and order-free, so tabs, reloads and imports agree.
 */
import { isCalendarDate, MAX_NOTE_LENGTH } from '../practice-log/metrics';

export interface StoredCard {
	/** When the drill is next due, epoch ms. */
	due: number;
	stability: number;
	difficulty: number;
	scheduled_days: number;
	learning_steps: number;
	reps: number;
	lapses: number;
	/** ts-fsrs State: 0 new, 1 learning, 2 review, 3 relearning. */
	state: number;
	lastReview: number | null;
}

export interface Attempt {
	drill: string;
	/** Epoch ms of the answer. */
	at: number;
	/** Local date and course week of the answer, for the Friday review. */
	date: string;
	week: number;
	/** Right or wrong (estimates by tolerance, others as the learner marks them); null for golf and unscored answers. */
	right: boolean | null;
	/** The estimate, the self-score 0-4, or the learner's line count. */
	value?: number;
	/** What the learner had to look up, the shape they picked, … */
	note?: string;
}

export interface DrillState {
	cards: Record<string, StoredCard>;
	attempts: Record<string, Attempt>;
	paragraphs: Record<string, { text: string; at: number }>;
	patterns: Record<string, { text: string; at: number }>;
}

export const emptyDrillState = (): DrillState => ({ cards: {}, attempts: {}, paragraphs: {}, patterns: {} });

const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const MAX_ID = 120;
/** A paragraph is longer than a log note: a page of text at most. */
export const MAX_PARAGRAPH = 5000;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isId = (v: unknown): v is string => typeof v === 'string' && v.length <= MAX_ID && ID.test(v);
const isMs = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0;
const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const extraKey = (o: Record<string, unknown>, keys: string[]) => Object.keys(o).find((k) => !keys.includes(k));

const CARD_KEYS = ['due', 'stability', 'difficulty', 'scheduled_days', 'learning_steps', 'reps', 'lapses', 'state', 'lastReview'];
const ATTEMPT_KEYS = ['drill', 'at', 'date', 'week', 'right', 'value', 'note'];

function cardProblem(c: unknown, path: string): string | null {
	if (!isObject(c)) return `${path} should be a card`;
	const extra = extraKey(c, CARD_KEYS);
	if (extra) return `${path}.${extra}: no such field`;
	for (const key of CARD_KEYS.slice(0, 7)) if (!isNum(c[key]) || (c[key] as number) < 0) return `${path}.${key} should be a number of at least 0`;
	if (![0, 1, 2, 3].includes(c.state as number)) return `${path}.state should be 0, 1, 2 or 3`;
	if (c.lastReview !== null && !isMs(c.lastReview)) return `${path}.lastReview should be a time in ms or null`;
	return null;
}

function attemptProblem(a: unknown, path: string): string | null {
	if (!isObject(a)) return `${path} should be an attempt`;
	const extra = extraKey(a, ATTEMPT_KEYS);
	if (extra) return `${path}.${extra}: no such field`;
	if (!isId(a.drill)) return `${path}.drill should be a drill id`;
	if (!isMs(a.at)) return `${path}.at should be a time in ms`;
	if (!isCalendarDate(a.date)) return `${path}.date should be a date YYYY-MM-DD`;
	if (!Number.isInteger(a.week) || (a.week as number) < 1) return `${path}.week should be a course week`;
	if (a.right !== null && typeof a.right !== 'boolean') return `${path}.right should be true, false or null`;
	if (a.value !== undefined && !isNum(a.value)) return `${path}.value should be a number`;
	if (a.note !== undefined && (typeof a.note !== 'string' || a.note.length > MAX_NOTE_LENGTH)) return `${path}.note should be text of at most ${MAX_NOTE_LENGTH} characters`;
	return null;
}

function textsProblem(value: unknown, path: string, key: (k: string) => boolean): string | null {
	if (!isObject(value)) return `${path} should be an object`;
	for (const [k, v] of Object.entries(value)) {
		if (!key(k)) return `${path}: "${k.slice(0, 40)}" is not a valid key`;
		if (!isObject(v) || extraKey(v, ['text', 'at']) || typeof v.text !== 'string' || v.text.length > MAX_PARAGRAPH || !isMs(v.at)) return `${path}.${k} should be { text, at }`;
	}
	return null;
}

/** The first problem of a stored or imported `drills` value, or null when it is valid. */
export function drillStateProblem(value: unknown, path = 'drills'): string | null {
	if (!isObject(value)) return `${path} should be an object`;
	const extra = extraKey(value, ['cards', 'attempts', 'paragraphs', 'patterns']);
	if (extra) return `${path}.${extra}: no such field`;
	if (!isObject(value.cards)) return `${path}.cards should be an object`;
	for (const [id, card] of Object.entries(value.cards)) {
		if (!isId(id)) return `${path}.cards: "${String(id).slice(0, 40)}" is not a drill id`;
		const p = cardProblem(card, `${path}.cards.${id}`);
		if (p) return p;
	}
	if (!isObject(value.attempts)) return `${path}.attempts should be an object`;
	for (const [id, attempt] of Object.entries(value.attempts)) {
		if (!isId(id)) return `${path}.attempts: "${String(id).slice(0, 40)}" is not an attempt id`;
		const p = attemptProblem(attempt, `${path}.attempts.${id}`);
		if (p) return p;
	}
	return textsProblem(value.paragraphs, `${path}.paragraphs`, isId) ?? textsProblem(value.patterns, `${path}.patterns`, (k) => /^[1-9]\d{0,2}$/.test(k));
}

function newest<T>(a: Record<string, T>, b: Record<string, T>, time: (t: T) => number): Record<string, T> {
	const out: Record<string, T> = { ...a };
	for (const [k, v] of Object.entries(b)) if (!Object.hasOwn(out, k) || time(v) > time(out[k]!)) out[k] = v;
	return out;
}

/**
 * Merges two drill records: attempts are a union by id (an attempt id names one
 * answer forever); cards, paragraphs and patterns keep the newest per key.
 * Idempotent, commutative on distinct times: merging the same file twice changes nothing.
 */
export function mergeDrillState(local: DrillState | undefined, incoming: DrillState | undefined): DrillState {
	const a = local ?? emptyDrillState();
	const b = incoming ?? emptyDrillState();
	return {
		cards: newest(a.cards, b.cards, (c) => c.lastReview ?? 0),
		attempts: { ...b.attempts, ...a.attempts },
		paragraphs: newest(a.paragraphs, b.paragraphs, (p) => p.at),
		patterns: newest(a.patterns, b.patterns, (p) => p.at),
	};
}

/** A fresh attempt id: the drill id and the answer's time, unique for one learner. */
export const attemptId = (drill: string, at: number) => `${drill}-${at.toString(36)}`.slice(-MAX_ID).replace(/^-+/, '');
