/**
 * Hand-written validators of the stored progress value and of an export file's
 * shape, for the browser. They mirror the zod schemas of state.ts (the spec;
 * tests/unit/progress-validate.test.ts checks both agree) without shipping zod
 * to the client. Each check reports the first bad path, like zod would.
 */
import type { ProgressState } from './state';
import { isCalendarDate, isLogRow, MAX_NOTE_LENGTH, withRowIds } from '../practice-log/metrics';
import { MAX_CONFIDENCE, MIN_CONFIDENCE, STATE_VERSION } from './constants';
import { V1_KEYS, isItemId, isObject, problem, readVersion1, settingsProblem, ticksProblem, unknownKey, type Obj, type ShapeProblem } from './validate-ticks';

export { isItemId, readTicksAndSettings, settingsProblem, ticksProblem, type ShapeProblem } from './validate-ticks';

function isEpochMs(value: unknown): value is number {
	return typeof value === 'number' && Number.isFinite(value) && value >= 0;
}

function isShortText(value: unknown): boolean {
	return typeof value === 'string' && value.trim().length > 0 && value.length <= MAX_NOTE_LENGTH;
}

/**
 * Checks the practice log: an array of rows, each as metrics.ts defines it
 * (`rowProblems` says what is wrong with one). With `ids`, every row must have an
 * id and no id may appear twice (the current stored value and export file);
 * without, rows carry no id (a version 2 value or file).
 */
export function logProblem(value: unknown, path = 'log', ids = true): ShapeProblem | null {
	if (!Array.isArray(value)) return problem(path, 'an array of log rows');
	const seen = new Set<string>();
	for (let i = 0; i < value.length; i += 1) {
		const row: unknown = value[i];
		if (!isLogRow(row)) return problem(`${path}.${i}`, 'a log row { id, date, week, metric, value, unit, note } as the measurement guide defines it');
		if (!ids) {
			if (row.id !== undefined || row.editedAt !== undefined) return problem(`${path}.${i}.${row.id !== undefined ? 'id' : 'editedAt'}`, 'no such field');
			continue;
		}
		if (row.id === undefined) return problem(`${path}.${i}.id`, 'a row id');
		if (seen.has(row.id)) return problem(`${path}.${i}.id`, 'an id no other row has');
		seen.add(row.id);
	}
	return null;
}

/** Checks `{ "<deleted id>": <epoch ms> }`. */
export function tombstonesProblem(value: unknown, path = 'deleted'): ShapeProblem | null {
	if (!isObject(value)) return problem(path, 'an object of deleted ids');
	for (const [id, at] of Object.entries(value)) {
		if (!isItemId(id)) return problem(`${path}.${id}`, 'a deleted id', true);
		if (!isEpochMs(at)) return problem(`${path}.${id}`, 'a time in milliseconds');
	}
	return null;
}

/** Checks `{ "<routine>": { startedAt, pausedAt, pausedMs, stopping?: true } }`. */
export function timersProblem(value: unknown, path = 'timers'): ShapeProblem | null {
	if (!isObject(value)) return problem(path, 'an object of timers');
	for (const [routine, timer] of Object.entries(value)) {
		const at = `${path}.${routine}`;
		if (!isItemId(routine)) return problem(at, 'a routine id', true);
		if (!isObject(timer)) return problem(at, 'an object { startedAt, pausedAt, pausedMs }');
		const extra = unknownKey(timer, ['startedAt', 'pausedAt', 'pausedMs', 'stopping']);
		if (extra !== undefined) return problem(`${at}.${extra}`, 'no such field');
		if (!isEpochMs(timer.startedAt)) return problem(`${at}.startedAt`, 'a time in milliseconds');
		if (timer.pausedAt !== null && !isEpochMs(timer.pausedAt)) return problem(`${at}.pausedAt`, 'a time in milliseconds or null');
		if (!isEpochMs(timer.pausedMs)) return problem(`${at}.pausedMs`, 'a duration in milliseconds');
		if (timer.stopping !== undefined && timer.stopping !== true) return problem(`${at}.stopping`, 'true or absent');
	}
	return null;
}

/** Checks `resolved` of a claim or decision: absent, or `{ <flag>: boolean, at }` (a claim may add `partly: true`). */
function resolvedProblem(value: unknown, flag: string, path: string): ShapeProblem | null {
	if (value === undefined) return null;
	if (!isObject(value)) return problem(path, `an object { ${flag}, at }`);
	const extra = unknownKey(value, flag === 'correct' ? [flag, 'partly', 'at'] : [flag, 'at']);
	if (extra !== undefined) return problem(`${path}.${extra}`, 'no such field');
	if (typeof value[flag] !== 'boolean') return problem(`${path}.${flag}`, 'true or false');
	if (value.partly !== undefined && value.partly !== true) return problem(`${path}.partly`, 'true, or no such field');
	return isEpochMs(value.at) ? null : problem(`${path}.at`, 'a time in milliseconds');
}

/** Checks an array of claims (`kind` 'claims') or decisions. */
function recordsProblem(value: unknown, kind: 'claims' | 'decisions', path: string): ShapeProblem | null {
	if (!Array.isArray(value)) return problem(path, `an array of ${kind}`);
	const fields = kind === 'claims' ? ['id', 'text', 'confidence', 'checkOn', 'createdAt', 'editedAt', 'resolved'] : ['id', 'title', 'kind', 'reviewOn', 'createdAt', 'editedAt', 'resolved'];
	const seen = new Set<unknown>();
	for (let i = 0; i < value.length; i += 1) {
		const record: unknown = value[i];
		const at = `${path}.${i}`;
		if (!isObject(record)) return problem(at, `an object { ${fields.join(', ')} }`);
		const extra = unknownKey(record, fields);
		if (extra !== undefined) return problem(`${at}.${extra}`, 'no such field');
		if (!isItemId(record.id)) return problem(`${at}.id`, 'an id', true);
		if (seen.has(record.id)) return problem(`${at}.id`, `an id no other of the ${kind} has`);
		seen.add(record.id);
		if (kind === 'claims') {
			if (!isShortText(record.text)) return problem(`${at}.text`, 'the claim as text');
			const { confidence } = record;
			if (typeof confidence !== 'number' || !(confidence >= MIN_CONFIDENCE && confidence <= MAX_CONFIDENCE)) {
				return problem(`${at}.confidence`, `a probability from ${MIN_CONFIDENCE} to ${MAX_CONFIDENCE}`);
			}
			if (!isCalendarDate(record.checkOn)) return problem(`${at}.checkOn`, 'a date YYYY-MM-DD');
		} else {
			if (!isShortText(record.title)) return problem(`${at}.title`, 'the decision as text');
			if (record.kind !== 'decision' && record.kind !== 'adr') return problem(`${at}.kind`, '"decision" or "adr"');
			if (!isCalendarDate(record.reviewOn)) return problem(`${at}.reviewOn`, 'a date YYYY-MM-DD');
		}
		if (!isEpochMs(record.createdAt)) return problem(`${at}.createdAt`, 'a time in milliseconds');
		if (record.editedAt !== undefined && !isEpochMs(record.editedAt)) return problem(`${at}.editedAt`, 'a time in milliseconds');
		const resolved = resolvedProblem(record.resolved, kind === 'claims' ? 'correct' : 'right', `${at}.resolved`);
		if (resolved) return resolved;
	}
	return null;
}

export const claimsProblem = (value: unknown, path = 'claims') => recordsProblem(value, 'claims', path);
export const decisionsProblem = (value: unknown, path = 'decisions') => recordsProblem(value, 'decisions', path);

const V2_KEYS = [...V1_KEYS, 'log', 'timers', 'claims', 'decisions'];
const V3_KEYS = [...V2_KEYS, 'deleted', 'drills'];

/**
 * The optional drill record (absent is valid), in outline only: an object of four
 * objects. Its full check (src/lib/drills/validate.ts) runs where drills are used
 * and on import, so pages without drills do not carry it.
 */
export function drillsProblem(value: unknown): ShapeProblem | null {
	if (value === undefined) return null;
	if (!isObject(value)) return problem('drills', 'an object { cards, attempts, paragraphs, patterns }');
	const extra = unknownKey(value, ['cards', 'attempts', 'paragraphs', 'patterns']);
	if (extra !== undefined) return problem(`drills.${extra}`, 'no such field');
	const bad = ['cards', 'attempts', 'paragraphs', 'patterns'].find((k) => !isObject(value[k]));
	return bad === undefined ? null : problem(`drills.${bad}`, 'an object');
}

/** The first shape problem of a stored value of version 2 or of the current version, or null. */
export function storedStateProblem(value: unknown): ShapeProblem | null {
	if (!isObject(value)) return problem('(the whole value)', 'an object');
	const v2 = value.version === 2;
	const extra = unknownKey(value, v2 ? V2_KEYS : V3_KEYS);
	if (extra !== undefined) return problem(extra, 'no such field');
	if (!v2 && value.version !== STATE_VERSION) return problem('version', `2 or ${STATE_VERSION}`);
	return (
		ticksProblem(value.ticks) ??
		settingsProblem(value.settings) ??
		logProblem(value.log, 'log', !v2) ??
		timersProblem(value.timers) ??
		claimsProblem(value.claims) ??
		decisionsProblem(value.decisions) ??
		(v2 ? null : tombstonesProblem(value.deleted) ?? drillsProblem(value.drills))
	);
}

/**
 * The stored value as the current shape, or null when it is not a valid stored
 * value of any version this code knows. Older versions are migrated here (state.ts).
 */
export function readStoredState(value: unknown): ProgressState | null {
	if (!isObject(value)) return null;
	if (value.version === 1) return readVersion1(value);
	if (storedStateProblem(value)) return null;
	const state = value as unknown as ProgressState;
	// v2 -> v3: every row gets its legacy id (the same in every browser), no tombstones yet.
	return value.version === 2 ? { ...state, version: STATE_VERSION, log: withRowIds(state.log), deleted: {} } : state;
}

