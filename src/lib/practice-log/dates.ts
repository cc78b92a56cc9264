/**
 * Calendar days as the log and the store write them (YYYY-MM-DD) and the course week
 * a day falls in. On their own, so a page that only ticks gets them without the
 * log's row checks (metrics.ts re-exports them).
 */

/** Largest week a row may name; far beyond the course, but it keeps typos like 2025 out. */
export const MAX_WEEK = 520;

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * A date YYYY-MM-DD on a day that exists (no 2025-02-30), in the years 0001 to 9999:
 * every four-digit year, the range the format can write. (`Date.UTC` reads years
 * 0-99 as 1900-1999, so the year is set on its own.)
 */
export function isCalendarDate(value: unknown): value is string {
	const match = typeof value === 'string' ? DATE.exec(value) : null;
	if (!match) return false;
	const [year, month, day] = match.slice(1).map(Number);
	if (year < 1) return false;
	const date = new Date(0);
	date.setUTCFullYear(year, month - 1, day);
	return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** The local calendar day of an epoch time, YYYY-MM-DD. */
export function localDate(epochMs: number): string {
	const d = new Date(epochMs);
	return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/**
 * The course week of `date` for a course that starts on `startDate` (week 1 is its
 * first seven days). Days before the start count as week 1; no start date gives 1.
 */
export function weekOfDate(date: string, startDate: string | undefined | null): number {
	if (!startDate || !isCalendarDate(startDate) || !isCalendarDate(date)) return 1;
	const days = Math.round((Date.parse(`${date}T00:00:00Z`) - Date.parse(`${startDate}T00:00:00Z`)) / 86_400_000);
	return Math.min(MAX_WEEK, Math.max(1, Math.floor(days / 7) + 1));
}
