/** Which week "continue where you left off" points to. Pure, so it is tested without a browser. */
export interface WeekProgressInput {
	path: string;
	label: string;
	items: string[];
}

/**
 * The first week with some but not all items ticked; failing that, the first week
 * with nothing ticked after the last week with any tick. Null when nothing is ticked
 * (the home page then shows its usual "start at week 1") or everything is done.
 */
export function nextWeekToContinue(weeks: WeekProgressInput[], isChecked: (id: string) => boolean): WeekProgressInput | null {
	const done = weeks.map((w) => w.items.filter(isChecked).length);
	if (done.every((d) => d === 0)) return null;
	const partial = weeks.findIndex((w, i) => done[i]! > 0 && done[i]! < w.items.length);
	if (partial >= 0) return weeks[partial]!;
	let last = -1;
	done.forEach((d, i) => { if (d > 0) last = i; });
	return weeks[last + 1] ?? null;
}
