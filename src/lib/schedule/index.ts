/**
 * Calendar dates of course weeks from the configured start date. Dates are
 * computed in UTC so a page built in one time zone shows the same dates everywhere.
 */
const DAY = 86_400_000;

export interface WeekDates {
	start: Date;
	end: Date;
}

/** Monday..Sunday of course week `week` (1-based), or null without a start date. */
export function datesOfWeek(startDate: string | null, week: number): WeekDates | null {
	if (!startDate) return null;
	const first = Date.parse(`${startDate}T00:00:00Z`);
	if (Number.isNaN(first)) return null;
	const start = new Date(first + (week - 1) * 7 * DAY);
	return { start, end: new Date(start.getTime() + 6 * DAY) };
}

const formatter = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });

/** "3 Mar 2025 – 9 Mar 2025". */
export function formatRange(dates: WeekDates): string {
	return `${formatter.format(dates.start)} – ${formatter.format(dates.end)}`;
}

const dayMonth = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' });

/**
 * "4–10 Jan", or "28 Dec – 3 Jan" across two months: a week card's dates, short
 * enough to share one line with the "this week" mark in the narrowest card, so
 * filling them in never changes the card's height.
 */
export function formatShortRange(dates: WeekDates): string {
	const [start, end] = [dates.start, dates.end].map((d) => dayMonth.formatToParts(d));
	const part = (parts: Intl.DateTimeFormatPart[], type: 'day' | 'month') => parts.find((p) => p.type === type)!.value;
	return part(start!, 'month') === part(end!, 'month')
		? `${part(start!, 'day')}–${part(end!, 'day')} ${part(end!, 'month')}`
		: `${dayMonth.format(dates.start)} – ${dayMonth.format(dates.end)}`;
}

/** Week number (1..weeks) containing `today`, or null before the start or after the end. */
export function currentWeek(startDate: string | null, today: Date, weeks = 24): number | null {
	if (!startDate) return null;
	const first = Date.parse(`${startDate}T00:00:00Z`);
	const days = Math.floor((today.getTime() - first) / DAY);
	if (Number.isNaN(days) || days < 0) return null;
	const week = Math.floor(days / 7) + 1;
	return week <= weeks ? week : null;
}

/** A time budget in words: "3–4 hours", or "3 hours" when both ends agree ("3–4 h" short). */
export function formatHours(hours: { min: number; max: number }, unit: 'hours' | 'h' = 'hours'): string {
	return `${hours.min === hours.max ? hours.min : `${hours.min}–${hours.max}`} ${unit}`;
}

/** The start date that applies: the learner's own (saved in this browser) over the configured one. */
export function effectiveStartDate(configured: string | null, learners: string | null | undefined): string | null {
	return learners && datesOfWeek(learners, 1) ? learners : configured;
}

/** "YYYY-MM-DD" of a UTC date. */
export function isoDay(date: Date): string {
	return date.toISOString().slice(0, 10);
}

/** Today in the learner's own time zone, as a UTC midnight (the form every schedule date uses). */
export function localToday(now: Date): Date {
	return new Date(Date.UTC(now.getFullYear(), now.getMonth(), now.getDate()));
}

/** `iso` plus `days` days, as "YYYY-MM-DD". */
export function addDays(iso: string, days: number): string {
	return isoDay(new Date(Date.parse(`${iso}T00:00:00Z`) + days * DAY));
}
