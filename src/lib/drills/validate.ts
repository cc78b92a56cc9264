/**
 * The full check of a drill record (state.ts documents the shape): hand-written,
 * since the browser never loads zod. Used by the zod spec (progress/state.ts), by
 * the progress import, and by the drill island before it reads or writes.
 */
import { isCalendarDate, MAX_NOTE_LENGTH } from '../practice-log/metrics';
import { MAX_PARAGRAPH } from './state';

const MAX_ID = 120;
const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

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

