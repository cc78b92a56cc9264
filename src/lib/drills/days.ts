/**
 * Which drill runs on which day (the plan's Daily Micro-Practice): the kind fixes
 * the weekday, so a drill cannot be filed under the wrong day. Shared by the
 * build (print, endpoints) and the browser (today's drill).
 */
export const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** The kinds of drill a week's bank holds. `review` (Friday) needs no bank: it is built from the log. */
export type BankKind = 'explain' | 'pandas' | 'estimate' | 'golf' | 'shape';

/** Monday to Thursday each have their kind; the shape drill (statistical intuition, 10 minutes) runs beside them every weekday. */
export const KIND_OF_DAY: Partial<Record<Weekday, Exclude<BankKind, 'shape'>>> = {
	monday: 'explain',
	tuesday: 'pandas',
	wednesday: 'estimate',
	thursday: 'golf',
};

export const DAY_OF_KIND: Record<BankKind, string> = {
	explain: 'Monday',
	pandas: 'Tuesday',
	estimate: 'Wednesday',
	golf: 'Thursday',
	shape: 'Every weekday (10 minutes)',
};

export const KIND_TITLE: Record<BankKind, string> = {
	explain: 'Explain a concept in one paragraph',
	pandas: 'A pandas operation from memory',
	estimate: 'Estimate in your head',
	golf: 'Code golf',
	shape: 'Predict the shape',
};

/** The weekday of a calendar date YYYY-MM-DD (the learner's local date). */
export function weekdayOf(date: string): Weekday {
	return WEEKDAYS[new Date(`${date}T00:00:00Z`).getUTCDay()]!;
}
