/**
 * Hand-written validators of the stored progress value and of an export file's
 * shape, for the browser. They mirror the zod schemas of state.ts (the spec;
 * tests/unit/progress-validate.test.ts checks both agree) without shipping zod
 * to the client. Each check reports the first bad path, like zod would.
 */
import type { ProgressState } from './state';
import { DATE_PATTERN, EXPORT_FORMAT, ITEM_ID_PATTERN, MAX_ID_LENGTH, SITE_ID_PATTERN, STATE_VERSION } from './constants';

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

/** The stored value as the current shape, or null when it is not a valid stored value. */
export function readStoredState(value: unknown): ProgressState | null {
	if (!isObject(value) || unknownKey(value, ['version', 'ticks', 'settings']) !== undefined) return null;
	// Future migrations from older versions go here (see state.ts).
	if (value.version !== STATE_VERSION) return null;
	if (ticksProblem(value.ticks) || settingsProblem(value.settings)) return null;
	return value as ProgressState;
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

/** The first shape problem of an export file, or null when it is a valid `ProgressFile`. */
export function fileProblem(value: unknown): ShapeProblem | null {
	if (!isObject(value)) return problem('(the whole file)', 'an object');
	const extra = unknownKey(value, ['format', 'version', 'siteId', 'exportedAt', 'ticks', 'settings']);
	if (extra !== undefined) return problem(extra, 'no such field');
	if (value.format !== EXPORT_FORMAT) return problem('format', `"${EXPORT_FORMAT}"`);
	if (value.version !== STATE_VERSION) return problem('version', `${STATE_VERSION}`);
	const { siteId } = value;
	if (typeof siteId !== 'string' || siteId.length > MAX_ID_LENGTH || !SITE_ID_PATTERN.test(siteId)) {
		return problem('siteId', 'a site id');
	}
	if (!isIsoDateTime(value.exportedAt)) return problem('exportedAt', 'a date and time (ISO 8601)');
	return ticksProblem(value.ticks) ?? settingsProblem(value.settings);
}
