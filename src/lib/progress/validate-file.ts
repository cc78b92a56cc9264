/**
 * The hand-written check of an export file's shape (the browser's mirror of
 * `progressFileSchema` in state.ts) and its upgrade to the current version. Only the
 * progress page's import needs it, so it is kept out of validate-state.ts, which
 * every page with a checklist loads.
 */
import type { ProgressFile } from './state';
import { withRowIds } from '../practice-log/metrics';
import { EXPORT_FORMAT, MAX_ID_LENGTH, SITE_ID_PATTERN, STATE_VERSION } from './constants';
import { claimsProblem, decisionsProblem, drillsProblem, logProblem, settingsProblem, ticksProblem, tombstonesProblem, type ShapeProblem } from './validate-state';

function problem(path: string, expected: string): ShapeProblem {
	return { path, expected };
}

function isObject(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function unknownKey(value: Record<string, unknown>, allowed: readonly string[]): string | undefined {
	return Object.keys(value).find((key) => !allowed.includes(key));
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

/** The first shape problem of an export file of version 1, 2 or 3, or null when it is valid. */
export function fileProblem(value: unknown): ShapeProblem | null {
	if (!isObject(value)) return problem('(the whole file)', 'an object');
	const { version } = value;
	const header = ['format', 'version', 'siteId', 'exportedAt', 'ticks', 'settings'];
	const fields = version === 1 ? header : version === 2 ? [...header, 'log', 'claims', 'decisions'] : [...header, 'log', 'claims', 'decisions', 'deleted', 'drills'];
	const extra = unknownKey(value, fields);
	if (extra !== undefined) return problem(extra, 'no such field');
	if (value.format !== EXPORT_FORMAT) return problem('format', `"${EXPORT_FORMAT}"`);
	if (version !== 1 && version !== 2 && version !== STATE_VERSION) return problem('version', `1 to ${STATE_VERSION}`);
	const { siteId } = value;
	if (typeof siteId !== 'string' || siteId.length > MAX_ID_LENGTH || !SITE_ID_PATTERN.test(siteId)) {
		return problem('siteId', 'a site id');
	}
	if (!isIsoDateTime(value.exportedAt)) return problem('exportedAt', 'a date and time (ISO 8601)');
	const base = ticksProblem(value.ticks) ?? settingsProblem(value.settings);
	if (base || version === 1) return base;
	return (
		logProblem(value.log, 'log', version !== 2) ??
		claimsProblem(value.claims) ??
		decisionsProblem(value.decisions) ??
		(version === 2 ? null : tombstonesProblem(value.deleted) ?? drillsProblem(value.drills))
	);
}

/** A valid export file (fileProblem found nothing) as the current version: a v1 file gets an empty log, v2 rows their legacy ids. */
export function upgradeFile(value: Record<string, unknown>): ProgressFile {
	const file = value as unknown as ProgressFile;
	if (value.version === 1) return { ...file, version: STATE_VERSION, log: [], claims: [], decisions: [], deleted: {} };
	if (value.version === 2) return { ...file, version: STATE_VERSION, log: withRowIds(file.log), deleted: {} };
	return file;
}
