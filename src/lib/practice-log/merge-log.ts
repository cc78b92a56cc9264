/**
 * Merging two practice logs, the way an observed-remove set merges: by row id, minus
 * deleted ids, the newest edit winning, and rows without ids matched by value.
 * Only imports need this (the progress page), so pages that only tick never load it.
 */
import { legacyRowId, rowKey, type LogRow, type StoredRow, type Tombstones } from './metrics';

export interface LogMerge {
	rows: StoredRow[];
	/** Rows new to `local`. */
	added: number;
	/** Rows of `local` replaced by a newer edit of the same id. */
	updated: number;
}

const versionOf = (row: LogRow) => row.editedAt ?? 0;

/**
 * Merges a log with incoming rows, the way an observed-remove set does: the union
 * of both by id, minus every tombstoned id; for an id on both sides the newer edit
 * wins (a tie keeps the local row). Incoming rows without an id (an old export, a
 * hand-made CSV) are matched by value: of each group of identical rows, the log
 * keeps as many as the larger side has (never the sum), so importing a file twice
 * adds nothing. `local` order first, then the new rows in file order.
 */
export function mergeLogDetailed(local: readonly StoredRow[], incoming: readonly LogRow[], deleted: Readonly<Tombstones> = {}): LogMerge {
	const rows = local.filter((row) => !Object.hasOwn(deleted, row.id));
	const index = new Map(rows.map((row, i) => [row.id, i]));
	let added = 0;
	let updated = 0;
	const withId = incoming.filter((row) => row.id !== undefined) as StoredRow[];
	for (const row of withId) {
		if (Object.hasOwn(deleted, row.id)) continue;
		const i = index.get(row.id);
		if (i === undefined) {
			index.set(row.id, rows.length);
			rows.push(row);
			added += 1;
		} else if (versionOf(row) > versionOf(rows[i])) {
			rows[i] = row;
			updated += 1;
		}
	}
	// Rows without ids: per group of identical values, add only what the file has beyond the log.
	const groups = new Map<string, LogRow[]>();
	for (const row of incoming) {
		if (row.id !== undefined) continue;
		const key = rowKey(row);
		const group = groups.get(key);
		if (group) group.push(row);
		else groups.set(key, [row]);
	}
	if (groups.size > 0) {
		const localByKey = new Map<string, StoredRow[]>();
		for (const row of rows) {
			const key = rowKey(row);
			const same = localByKey.get(key);
			if (same) same.push(row);
			else localByKey.set(key, [row]);
		}
		for (const [key, group] of groups) {
			const ids = group.map((row, k) => legacyRowId(row, k));
			const idSet = new Set(ids);
			// Deleted or present occurrences are matched by their own id; the rest are candidates.
			const candidates = ids.flatMap((id, k) => (index.has(id) || Object.hasOwn(deleted, id) ? [] : [k]));
			// Local rows of equal values that no occurrence of the file names stand for the candidates first.
			const unmatchedLocal = (localByKey.get(key) ?? []).filter((row) => !idSet.has(row.id)).length;
			for (const k of candidates.slice(0, Math.max(0, candidates.length - unmatchedLocal))) {
				const row = { id: ids[k], ...group[k] };
				index.set(row.id, rows.length);
				rows.push(row);
				added += 1;
			}
		}
	}
	return { rows, added, updated };
}

/** The merged rows of `mergeLogDetailed`. */
export function mergeLog(local: readonly StoredRow[], incoming: readonly LogRow[], deleted: Readonly<Tombstones> = {}): StoredRow[] {
	return mergeLogDetailed(local, incoming, deleted).rows;
}

