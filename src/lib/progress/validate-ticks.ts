/**
 * The checks a page that only ticks runs on the stored progress value: its ticks and
 * settings, and the migration of a version 1 value (ticks and settings only). The
 * full check (validate-state.ts) builds on these; on their own they keep the log's
 * checks out of every page's JavaScript.
 */
import type { ProgressState } from './state';
import { DATE_PATTERN, ITEM_ID_PATTERN, MAX_ID_LENGTH, STATE_VERSION } from './constants';

/** The first thing wrong with a value: where (`ticks.week-01-read.at`) and what was expected. */
export interface ShapeProblem {
	path: string;
	expected: string;
	/** True when the problem is a key of `ticks` that is not a valid item id. */
	badId?: boolean;
}

export type Obj = Record<string, unknown>;

export function isObject(value: unknown): value is Obj {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function isItemId(value: unknown): value is string {
	return typeof value === 'string' && value.length <= MAX_ID_LENGTH && ITEM_ID_PATTERN.test(value);
}

/** Keys of `value` outside `allowed` (strict objects reject them). */
export function unknownKey(value: Obj, allowed: readonly string[]): string | undefined {
	return Object.keys(value).find((key) => !allowed.includes(key));
}

export function problem(path: string, expected: string, badId?: boolean): ShapeProblem {
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

export const V1_KEYS = ['version', 'ticks', 'settings'];

/** v1 -> v3: every tick and the settings as they were; the log and its records start empty. */
export function readVersion1(value: Obj): ProgressState | null {
	if (unknownKey(value, V1_KEYS) !== undefined || ticksProblem(value.ticks) || settingsProblem(value.settings)) return null;
	return { version: STATE_VERSION, ticks: value.ticks as ProgressState['ticks'], settings: value.settings as ProgressState['settings'], log: [], timers: {}, claims: [], decisions: [], deleted: {} };
}

/**
 * A stored value of any version read for its ticks and settings only, the rest kept
 * as it is (an older version stays that version when written back): what a page
 * that only ticks needs, without the log's checks. Null when the value is not an
 * object of a known version, or its ticks or settings are not valid.
 */
export function readTicksAndSettings(value: unknown): ProgressState | null {
	if (!isObject(value) || ![1, 2, STATE_VERSION].includes(value.version as number)) return null;
	if (value.version === 1) return readVersion1(value);
	if (ticksProblem(value.ticks) || settingsProblem(value.settings)) return null;
	return value as unknown as ProgressState;
}

