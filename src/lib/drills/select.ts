/**
 * Today's drill: from the learner's start date and today's date, the course week
 * and weekday, then the drills of that weekday's kind in that week's bank. Pure.
 *
 * Every week of the book has its own bank, so a weekday never repeats a drill; a
 * fork's week without one borrows from the latest week N-4, N-8, … that has one,
 * so even then a weekday repeats nothing within four weeks. A drill that is due for
 * review comes back through `due`, whatever the weekday. A weekday's further drills
 * (a second explain, pandas or golf drill) are the week's spares: the weekend
 * offers them when nothing was missed.
 */
import { KIND_OF_DAY, weekdayOf, type BankKind, type Weekday } from './days';

/** What the page knows of every week's bank without fetching it: drill ids by kind. */
export type BankIndex = Record<number, Partial<Record<BankKind, string[]>>>;

export interface TodayOptions {
	/** Today, the learner's local date YYYY-MM-DD. */
	today: string;
	/** Start date in effect (browser's over configured), or null when none is set. */
	startDate: string | null;
	index: BankIndex;
	/** Drill ids whose review card is due today or earlier (review.ts). */
	due?: readonly string[];
	weeks?: number;
}

export interface Today {
	/** Course week the drills are taken from (1 when there is no start date or it is still ahead). */
	week: number;
	weekday: Weekday;
	/** No start date set: the page offers week 1 and asks for one. */
	noStartDate: boolean;
	/** The start date is still ahead: week 1 as a preview. */
	beforeStart: boolean;
	/** `drill` Monday-Thursday, `review` Friday (the week's misses), `weekend` (missed items only). */
	mode: 'drill' | 'review' | 'weekend';
	/** Today's main drills (two estimates on Wednesday), with the week whose bank they come from. */
	drills: { id: string; week: number }[];
	/** The statistical-intuition shape drill for today, when the bank has one. */
	shape: { id: string; week: number } | null;
	/** Review cards due today or earlier. */
	due: string[];
	/** The week's drills that no weekday shows (beyond the first of a kind, or Wednesday's two), in bank order. */
	spare: { id: string; week: number }[];
}

const DAY_MS = 86_400_000;

/** Course week of `today`: 1-based, clamped to the course; null before the start. */
export function courseWeek(startDate: string, today: string, weeks = 24): number | null {
	const days = Math.floor((Date.parse(`${today}T00:00:00Z`) - Date.parse(`${startDate}T00:00:00Z`)) / DAY_MS);
	if (Number.isNaN(days) || days < 0) return null;
	return Math.min(weeks, Math.floor(days / 7) + 1);
}

/** The week whose bank serves `kind` in week `week`: the week itself, else the latest week-4k that has one. */
export function bankWeekFor(index: BankIndex, week: number, kind: BankKind): number | null {
	for (let w = week; w >= 1; w -= 4) if ((index[w]?.[kind]?.length ?? 0) > 0) return w;
	return null;
}

/** The drills of `kind` for week `week`; `rotate` picks one of several (e.g. the day of the week for shapes). */
export function drillsFor(index: BankIndex, week: number, kind: BankKind): { id: string; week: number }[] {
	const from = bankWeekFor(index, week, kind);
	if (from === null) return [];
	return (index[from]![kind] ?? []).map((id) => ({ id, week: from }));
}

export function selectToday(options: TodayOptions): Today {
	const { today, startDate, index } = options;
	const weekday = weekdayOf(today);
	const started = startDate ? courseWeek(startDate, today, options.weeks ?? 24) : null;
	const week = started ?? 1;
	const kind = KIND_OF_DAY[weekday];
	const mode = kind ? 'drill' : weekday === 'friday' ? 'review' : 'weekend';
	const all = kind ? drillsFor(index, week, kind) : [];
	// One drill a day, except Wednesday's two estimates (a parameter and a metric).
	const drills = kind === 'estimate' ? all.slice(0, 2) : all.slice(0, 1);
	const shapes = mode === 'weekend' ? [] : drillsFor(index, week, 'shape');
	const dayNumber = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'].indexOf(weekday);
	const shape = shapes.length > 0 ? shapes[Math.max(0, dayNumber) % shapes.length]! : null;
	const spare = (['explain', 'pandas', 'estimate', 'golf'] as const).flatMap((k) => drillsFor(index, week, k).slice(k === 'estimate' ? 2 : 1));
	return { week, weekday, noStartDate: !startDate, beforeStart: Boolean(startDate) && started === null, mode, drills, shape, due: [...(options.due ?? [])], spare };
}

/** Every drill id of a bank index, with its week (for the review queue and the store's orphans). */
export function allDrills(index: BankIndex): Map<string, number> {
	const map = new Map<string, number>();
	for (const [week, kinds] of Object.entries(index)) for (const ids of Object.values(kinds)) for (const id of ids ?? []) map.set(id, Number(week));
	return map;
}
