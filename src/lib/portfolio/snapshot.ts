/**
 * The published progress snapshot on /portfolio/: completion per group from a
 * committed export file, and the same bar chart as the dashboard as static SVG
 * (the portfolio page ships no JavaScript, so the figure is drawn at build time
 * by src/lib/progress/completion-svg.ts).
 */
import { completion, type Completion, type Group } from '../progress/dashboard';
import { migrateRenames, tickOf } from '../progress/merge';
import type { ProgressFile } from '../progress/state';

/** Completion per group from the file's ticks, after moving ticks of renamed items to their new ids (as the browser does). */
export function snapshotCompletion(file: ProgressFile, groups: readonly Group[], renames: ReadonlyMap<string, string>): Completion[] {
	const ticks = migrateRenames(file.ticks, renames);
	return completion([...groups], (id) => tickOf(ticks, id)?.checked === true);
}

/** Items done and in all, over rows that do not overlap (e.g. the months). */
export function overallCompletion(rows: readonly Completion[]): { done: number; total: number; share: number } {
	const done = rows.reduce((n, r) => n + r.done, 0);
	const total = rows.reduce((n, r) => n + r.total, 0);
	return { done, total, share: total ? done / total : 0 };
}
