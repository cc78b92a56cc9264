/**
 * What importing a file does to ticks, claims, decisions and deletions, as pure
 * functions: merging (newest wins), previewing, honouring tombstones, and clamping
 * times ahead of the clock. Only the progress page imports, so only it loads these.
 */
import type { ProgressFile, ProgressState, Ticks, Tombstones } from './state';
import { incomingWins, migrateRenames, orphanedIds, tickOf } from './merge';

/**
 * Per id, the tick with the newest timestamp; equal timestamps keep `local`. With
 * `keepChecked`, a newer untick does not remove a local tick (the learner chose to
 * keep their ticks). Inputs are not changed.
 */
export function mergeTicks(local: Ticks, incoming: Ticks, options: { keepChecked?: boolean } = {}): Ticks {
	const merged: Ticks = { ...local };
	for (const [id, tick] of Object.entries(incoming)) {
		const ours = tickOf(local, id);
		if (options.keepChecked && ours?.checked && !tick.checked) continue;
		if (incomingWins(ours, tick)) merged[id] = tick;
	}
	return merged;
}

/** Both sides' deleted ids; a record deleted on either side stays deleted (the earlier time is kept). */
export function mergeTombstones(local: Readonly<Tombstones>, incoming: Readonly<Tombstones>): Tombstones {
	const merged: Tombstones = { ...local };
	for (const [id, at] of Object.entries(incoming)) {
		if (!Object.hasOwn(merged, id) || at < merged[id]) merged[id] = at;
	}
	return merged;
}

/**
 * Every time in a state or file that is ahead of `now` (a clock that ran fast),
 * set to `now`, and how many there were. Such a time would win every merge and
 * make a file look forged; `now` is the latest time anyone can vouch for.
 */
export function clampTimes<T extends Pick<ProgressState, 'ticks' | 'claims' | 'decisions' | 'deleted' | 'log'>>(value: T, now: number): { state: T; clamped: number } {
	let clamped = 0;
	const clamp = (at: number) => {
		if (at <= now) return at;
		clamped += 1;
		return now;
	};
	const ticks: Ticks = {};
	for (const [id, tick] of Object.entries(value.ticks)) ticks[id] = tick.at > now ? { ...tick, at: clamp(tick.at) } : tick;
	const deleted: Tombstones = {};
	for (const [id, at] of Object.entries(value.deleted)) deleted[id] = clamp(at);
	const record = <R extends { createdAt: number; editedAt?: number; resolved?: { at: number } }>(r: R): R => {
		if (r.createdAt <= now && (r.editedAt ?? 0) <= now && (r.resolved?.at ?? 0) <= now) return r;
		const next = { ...r, createdAt: clamp(r.createdAt) };
		if (r.editedAt !== undefined) next.editedAt = clamp(r.editedAt);
		if (r.resolved) next.resolved = { ...r.resolved, at: clamp(r.resolved.at) };
		return next;
	};
	const log = value.log.map((row) => (row.editedAt !== undefined && row.editedAt > now ? { ...row, editedAt: clamp(row.editedAt) } : row));
	return { state: { ...value, ticks, deleted, log, claims: value.claims.map(record), decisions: value.decisions.map(record) }, clamped };
}

/** What an import would do, for the learner to confirm. */
export interface ImportPreview {
	/** Ids this browser has no record of; the file's record is taken. */
	added: string[];
	/** Ids whose checked state the file changes (the file's record is newer). */
	changed: { id: string; from: boolean; to: boolean }[];
	/** Of `changed`, the ticks here the file would untick: applied only when the learner agrees. */
	unticks: string[];
	/** Ids where the file disagrees but this browser's record is as new or newer, so it stays. */
	conflictsKeptLocal: string[];
	/** Ticked ids in the file this book does not know; they are imported and kept. */
	orphaned: string[];
}

export interface PreviewOptions {
	/** This site's storage id; the file must come from it (parseProgressFile checks it first). */
	siteId: string;
	/** Every item id the book has. */
	knownIds: Iterable<string>;
	/** Old id -> new id, applied to the file's ticks before comparing (as the store does on import). */
	renames?: ReadonlyMap<string, string>;
}

/**
 * Compares a parsed export file with the local ticks. Ids whose checked state
 * would not change (only a newer time) are in no list. Throws when the file is
 * from another site: callers run parseProgressFile first, which rejects that.
 */
export function previewImport(local: Ticks, incomingFile: ProgressFile, options: PreviewOptions): ImportPreview {
	if (incomingFile.siteId !== options.siteId) {
		throw new RangeError(`previewImport: file of site "${incomingFile.siteId}" on site "${options.siteId}"`);
	}
	const incoming = migrateRenames(incomingFile.ticks, options.renames ?? new Map());
	const preview: ImportPreview = { added: [], changed: [], unticks: [], conflictsKeptLocal: [], orphaned: [] };
	for (const id of Object.keys(incoming).sort()) {
		const theirs = incoming[id];
		const ours = tickOf(local, id);
		if (ours === undefined) preview.added.push(id);
		else if (ours.checked === theirs.checked) continue;
		else if (incomingWins(ours, theirs)) {
			preview.changed.push({ id, from: ours.checked, to: theirs.checked });
			if (ours.checked) preview.unticks.push(id);
		}
		else preview.conflictsKeptLocal.push(id);
	}
	preview.orphaned = orphanedIds(incoming, options.knownIds);
	return preview;
}

/** A claim or decision: an id, its versions' times and, once answered, when. */
interface Answerable {
	id: string;
	createdAt: number;
	editedAt?: number;
	resolved?: { at: number };
}

/** Whether `theirs` replaces `ours` (same id): an answer beats an open record, the earlier answer stays, else the newer edit. */
function recordWins(ours: Answerable, theirs: Answerable): boolean {
	if (theirs.resolved || ours.resolved) return Boolean(theirs.resolved && (!ours.resolved || theirs.resolved.at < ours.resolved.at));
	return (theirs.editedAt ?? theirs.createdAt) > (ours.editedAt ?? ours.createdAt);
}

/**
 * Claims or decisions of both sides, one per id, `local` order first, minus the
 * ids in `deleted`. When both have an id, an answered record beats an open one and
 * the earlier answer stays (answers are final); between open records the newer
 * edit wins, a tie keeps the local one.
 */
export function mergeRecords<T extends Answerable>(local: readonly T[], incoming: readonly T[], deleted: Readonly<Tombstones> = {}): T[] {
	const merged = local.filter((record) => !Object.hasOwn(deleted, record.id));
	const index = new Map(merged.map((record, i) => [record.id, i]));
	for (const record of incoming) {
		if (Object.hasOwn(deleted, record.id)) continue;
		const i = index.get(record.id);
		if (i === undefined) {
			index.set(record.id, merged.length);
			merged.push(record);
		} else if (recordWins(merged[i], record)) merged[i] = record;
	}
	return merged;
}
