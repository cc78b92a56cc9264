/**
 * Which checklist ids each kind of page shows. The sidebar meters, the dashboard,
 * the import preview (known vs orphaned ids) and the pages themselves all read
 * from here, so a page and its progress bar can never disagree.
 */
import type { Month, Practice, TrackWeek, Week } from '../../content/schema';

interface Renamable {
	id: string;
	renamedFrom: string[];
}

export const idsOfWeek = (w: Week): string[] => [...w.reading, ...w.practice, ...w.goals, ...w.deliverables].map((i) => i.id);
export const idsOfMonth = (m: Month): string[] => [m.checkpoint.id, ...m.project.tasks.map((t) => t.id), ...m.project.deliverables.map((d) => d.id)];
export const idsOfTrackWeek = (t: TrackWeek): string[] => [...t.tasks.map((i) => i.id), t.goal.id];
export const idsOfPractice = (p: Practice): string[] => p.items.map((i) => i.id);

function renamables(entry: Week | Month | TrackWeek | Practice): Renamable[] {
	if ('deliverables' in entry && 'reading' in entry) return [...entry.reading, ...entry.practice, ...entry.goals, ...entry.deliverables];
	if ('checkpoint' in entry) return [entry.checkpoint, ...entry.project.tasks, ...entry.project.deliverables];
	if ('tasks' in entry) return [...entry.tasks, entry.goal];
	return entry.items;
}

/** old id → current id, from every `renamedFrom` in the content. */
export function renameMap(entries: Array<Week | Month | TrackWeek | Practice>): Record<string, string> {
	const map: Record<string, string> = {};
	for (const entry of entries) for (const item of renamables(entry)) for (const old of item.renamedFrom) map[old] = item.id;
	return map;
}
