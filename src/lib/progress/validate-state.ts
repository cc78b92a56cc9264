/**
 * Hand-written validators of the stored progress value and of an export file's
 * shape, for the browser. They mirror the zod schemas of state.ts (the spec;
 * tests/unit/progress-validate.test.ts checks both agree) without shipping zod
 * to the client. Each check reports the first bad path, like zod would.
 */
import type { ProgressFile, ProgressState } from './state';
import { isCalendarDate, isLogRow, MAX_NOTE_LENGTH } from '../practice-log/metrics';
import { DATE_PATTERN, EXPORT_FORMAT, ITEM_ID_PATTERN, MAX_CONFIDENCE, MAX_ID_LENGTH, MIN_CONFIDENCE, SITE_ID_PATTERN, STATE_VERSION } from './constants';

/** The first thing wrong with a value: where (`ticks.week-01-read.at`) and what was expected. */
export interface ShapeProblem {
	path: string;
	expected: string;
	/** True when the problem is a key of `ticks` that is not a valid item id. */
	badId?: boolean;
}

type Obj = Record<string, unknown>;

function isObject(value: unknown): value is Obj {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function isItemId(value: unknown): value is string {
	return typeof value === 'string' && value.length <= MAX_ID_LENGTH && ITEM_ID_PATTERN.test(value);
}

/** Keys of `value` outside `allowed` (strict objects reject them). */
function unknownKey(value: Obj, allowed: readonly string[]): string | undefined {
	return Object.keys(value).find((key) => !allowed.includes(key));
}

function problem(path: string, expected: string, badId?: boolean): ShapeProblem {
	return badId ? { path, expected, badId } : { path, expected };
}

/** Checks `{ "<id>": { checked, at }, ... }`. */
export function ticksProblem(value: unknown, path = 'ticks'): ShapeProblem | null {
	if (!isObject(value)) return problem(path, 'an object of ticks');
	for (const [id, tick] of Object.entries(value)) {
		const at = `${path}.${id}`;
		if (!isItemId(id)) return problem(at, 'an item id', true);
		if (!isObject(tick)) return problem(at, 'an object { checked, at }');
		const extra = unknownKey(tick, ['checked', 'at']);
		if (extra !== undefined) return problem(`${at}.${extra}`, 'no such field');
		if (typeof tick.checked !== 'boolean') return problem(`${at}.checked`, 'true or false');
		if (typeof tick.at !== 'number' || !Number.isFinite(tick.at) || tick.at < 0) {
			return problem(`${at}.at`, 'a time in milliseconds');
		}
	}
	return null;
}

/** Checks `{ startDate?: "YYYY-MM-DD" }`. */
export function settingsProblem(value: unknown, path = 'settings'): ShapeProblem | null {
	if (!isObject(value)) return problem(path, 'an object of settings');
	const extra = unknownKey(value, ['startDate']);
	if (extra !== undefined) return problem(`${path}.${extra}`, 'no such field');
	const { startDate } = value;
	if (startDate !== undefined && (typeof startDate !== 'string' || !DATE_PATTERN.test(startDate))) {
		return problem(`${path}.startDate`, 'a date YYYY-MM-DD');
	}
	return null;
}

function isEpochMs(value: unknown): value is number {
	return typeof value === 'number' && Number.isFinite(value) && value >= 0;
}

function isShortText(value: unknown): boolean {
	return typeof value === 'string' && value.trim().length > 0 && value.length <= MAX_NOTE_LENGTH;
}

/** Checks the practice log: an array of rows, each as metrics.ts defines it (`rowProblems` says what is wrong with one). */
export function logProblem(value: unknown, path = 'log'): ShapeProblem | null {
	if (!Array.isArray(value)) return problem(path, 'an array of log rows');
	const bad = value.findIndex((row) => !isLogRow(row));
	return bad === -1 ? null : problem(`${path}.${bad}`, 'a log row { date, week, metric, value, unit, note } as the measurement guide defines it');
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

/** Checks `resolved` of a claim or decision: absent, or `{ <flag>: boolean, at }`. */
function resolvedProblem(value: unknown, flag: string, path: string): ShapeProblem | null {
	if (value === undefined) return null;
	if (!isObject(value)) return problem(path, `an object { ${flag}, at }`);
	const extra = unknownKey(value, [flag, 'at']);
	if (extra !== undefined) return problem(`${path}.${extra}`, 'no such field');
	if (typeof value[flag] !== 'boolean') return problem(`${path}.${flag}`, 'true or false');
	return isEpochMs(value.at) ? null : problem(`${path}.at`, 'a time in milliseconds');
}

/** Checks an array of claims (`kind` 'claims') or decisions. */
function recordsProblem(value: unknown, kind: 'claims' | 'decisions', path: string): ShapeProblem | null {
	if (!Array.isArray(value)) return problem(path, `an array of ${kind}`);
	const fields = kind === 'claims' ? ['id', 'text', 'confidence', 'checkOn', 'createdAt', 'resolved'] : ['id', 'title', 'kind', 'reviewOn', 'createdAt', 'resolved'];
	for (let i = 0; i < value.length; i += 1) {
		const record: unknown = value[i];
		const at = `${path}.${i}`;
		if (!isObject(record)) return problem(at, `an object { ${fields.join(', ')} }`);
		const extra = unknownKey(record, fields);
		if (extra !== undefined) return problem(`${at}.${extra}`, 'no such field');
		if (!isItemId(record.id)) return problem(`${at}.id`, 'an id', true);
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
		const resolved = resolvedProblem(record.resolved, kind === 'claims' ? 'correct' : 'right', `${at}.resolved`);
		if (resolved) return resolved;
	}
	return null;
}

export const claimsProblem = (value: unknown, path = 'claims') => recordsProblem(value, 'claims', path);
export const decisionsProblem = (value: unknown, path = 'decisions') => recordsProblem(value, 'decisions', path);

const V1_KEYS = ['version', 'ticks', 'settings'];
const V2_KEYS = [...V1_KEYS, 'log', 'timers', 'claims', 'decisions'];

/** The first shape problem of a stored value of the current version, or null. */
export function storedStateProblem(value: unknown): ShapeProblem | null {
	if (!isObject(value)) return problem('(the whole value)', 'an object');
	const extra = unknownKey(value, V2_KEYS);
	if (extra !== undefined) return problem(extra, 'no such field');
	if (value.version !== STATE_VERSION) return problem('version', `${STATE_VERSION}`);
	return (
		ticksProblem(value.ticks) ??
		settingsProblem(value.settings) ??
		logProblem(value.log) ??
		timersProblem(value.timers) ??
		claimsProblem(value.claims) ??
		decisionsProblem(value.decisions)
	);
}

/**
 * The stored value as the current shape, or null when it is not a valid stored
 * value of any version this code knows. Older versions are migrated here (state.ts).
 */
export function readStoredState(value: unknown): ProgressState | null {
	if (!isObject(value)) return null;
	if (value.version === 1) {
		// v1 -> v2: every tick and the settings as they were; the log and its records start empty.
		if (unknownKey(value, V1_KEYS) !== undefined || ticksProblem(value.ticks) || settingsProblem(value.settings)) return null;
		return { version: STATE_VERSION, ticks: value.ticks as ProgressState['ticks'], settings: value.settings as ProgressState['settings'], log: [], timers: {}, claims: [], decisions: [] };
	}
	return storedStateProblem(value) ? null : (value as unknown as ProgressState);
}

const ISO_DATETIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.\d+)?(?:Z|[+-](\d{2}):(\d{2}))$/;

/** ISO 8601 date-time with seconds and a zone (Z or ±hh:mm), on a day that exists. */
export function isIsoDateTime(value: unknown): boolean {
	const match = typeof value === 'string' ? ISO_DATETIME.exec(value) : null;
	if (!match) return false;
	const [year, month, day, hour, minute, second, zoneHour, zoneMinute] = match.slice(1).map((part) => Number(part ?? 0));
	const date = new Date(Date.UTC(year, month - 1, day));
	const dayExists = date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
	return dayExists && hour < 24 && minute < 60 && second < 60 && zoneHour < 24 && zoneMinute < 60;
}

/** The first shape problem of an export file of version 1 or 2, or null when it is valid. */
export function fileProblem(value: unknown): ShapeProblem | null {
	if (!isObject(value)) return problem('(the whole file)', 'an object');
	const v1 = value.version === 1;
	const extra = unknownKey(value, ['format', 'version', 'siteId', 'exportedAt', 'ticks', 'settings', ...(v1 ? [] : ['log', 'claims', 'decisions'])]);
	if (extra !== undefined) return problem(extra, 'no such field');
	if (value.format !== EXPORT_FORMAT) return problem('format', `"${EXPORT_FORMAT}"`);
	if (!v1 && value.version !== STATE_VERSION) return problem('version', `1 or ${STATE_VERSION}`);
	const { siteId } = value;
	if (typeof siteId !== 'string' || siteId.length > MAX_ID_LENGTH || !SITE_ID_PATTERN.test(siteId)) {
		return problem('siteId', 'a site id');
	}
	if (!isIsoDateTime(value.exportedAt)) return problem('exportedAt', 'a date and time (ISO 8601)');
	const base = ticksProblem(value.ticks) ?? settingsProblem(value.settings);
	if (base || v1) return base;
	return logProblem(value.log) ?? claimsProblem(value.claims) ?? decisionsProblem(value.decisions);
}

/** A valid export file (fileProblem found nothing) as the current version: a v1 file gets an empty log. */
export function upgradeFile(value: Record<string, unknown>): ProgressFile {
	const file = value as unknown as ProgressFile;
	return value.version === 1 ? { ...file, version: STATE_VERSION, log: [], claims: [], decisions: [] } : file;
}
