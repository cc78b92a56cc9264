/**
 * Pure rules for combining ticks: merging two sets (newest timestamp wins),
 * previewing an import, carrying ticks across renamed ids, and finding ticks on
 * ids the book no longer has. No storage, no DOM: the store and the dashboard
 * both call these.
 */
import type { Tick, Ticks } from './state';

/**
 * The tick stored under `id`, if any. Own properties only: `constructor` is a
 * valid kebab-case id and must not find Object.prototype.constructor.
 */
export function tickOf(ticks: Ticks, id: string): Tick | undefined {
	return Object.hasOwn(ticks, id) ? ticks[id] : undefined;
}

/** Whether `incoming` replaces `local`: strictly newer wins; on a tie the local tick stays. */
export function incomingWins(local: Tick | undefined, incoming: Tick): boolean {
	return local === undefined || incoming.at > local.at;
}

/**
 * Moves ticks stored under old ids to their new ids (`renamedFrom` in content).
 * When both exist the newer wins; the old key is removed only when its tick
 * moved, so an older tick left under an old id stays (as an orphan), never lost.
 */
export function migrateRenames(ticks: Ticks, renames: ReadonlyMap<string, string>): Ticks {
	let migrated = ticks;
	for (const [oldId, newId] of renames) {
		const old = tickOf(migrated, oldId);
		if (old === undefined || oldId === newId || !incomingWins(tickOf(migrated, newId), old)) continue;
		const { [oldId]: _moved, ...rest } = migrated;
		migrated = { ...rest, [newId]: old };
	}
	return migrated;
}

/** Ticked ids the book does not know (removed or renamed without `renamedFrom`), sorted. Unticks are not listed. */
export function orphanedIds(ticks: Ticks, knownIds: Iterable<string>): string[] {
	const known = new Set(knownIds);
	return Object.entries(ticks)
		.filter(([id, tick]) => tick.checked && !known.has(id))
		.map(([id]) => id)
		.sort();
}

