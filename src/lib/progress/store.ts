/**
 * The progress store as the progress page uses it: the core (store-core.ts, which
 * owns localStorage) and the log (store-log.ts), plus imports, edits and deletions.
 * Pages that only tick load the core alone and never pay for this code.
 *
 * Imports are all or nothing: the merged value is written and read back before the
 * page sees it, and a value that does not fit is refused with its size, changing
 * nothing. A deletion leaves a tombstone (the id and when) that every later merge
 * honours, so neither another tab nor an old file brings the record back.
 */
import type { ProgressFile, ProgressState, Ticks, Tombstones } from './state';
import { EXPORT_FORMAT, STATE_VERSION } from './constants';
import { migrateRenames } from './merge';
import { clampTimes, mergeRecords, mergeTicks, mergeTombstones } from './merge-import';
import { isLogRow, type LogRow } from '../practice-log/metrics';
import { mergeDrillState } from '../drills/state';
import { mergeLogDetailed } from '../practice-log/merge-log';
import { claimsProblem, decisionsProblem } from './validate-state';
import { createStoreCore, type ProgressStoreOptions, type StoreCore } from './store-core';
import { checkRows, refuse, withLog, type LogStore, type NewClaim, type NewDecision } from './store-log';

export * from './store-core';
export * from './store-log';

/** The outcome of an import: applied and saved, or refused with nothing changed. */
export type ImportResult = { ok: true; added: number; updated: number } | { ok: false; message: string };

/** What an edit of a row may change: every column but its id. */
export type RowValues = Omit<LogRow, 'id' | 'editedAt'>;

/** The store with everything the progress page does: imports, edits and deletions on top of the core. */
export interface ProgressStore extends LogStore {
	/**
	 * Merges a parsed file (newest wins per id; local settings win; tombstones of both
	 * sides remove their records), saves, notifies. With `keepTicks`, a newer untick in
	 * the file does not untick a tick here. When the merged value does not fit in
	 * storage, nothing changes and the result says why.
	 */
	importFile(file: ProgressFile, options?: { keepTicks?: boolean }): ImportResult;
	/**
	 * Merges rows read from a CSV the way `mergeLogDetailed` does (rows without ids
	 * count as many identical rows as the larger side has). Refused whole, changing
	 * nothing, when the result does not fit in storage.
	 */
	importLog(rows: readonly LogRow[]): ImportResult;
	/** Changes a row's values (same id, newer version). Throws a TypeError on values that are not a valid row. False when no such row. */
	editRow(id: string, values: RowValues): boolean;
	/** Deletes a row, claim or decision for good: a tombstone keeps it from coming back. False when no such record. */
	deleteRecord(id: string): boolean;
	/** Changes an open claim's text, confidence or date. Throws a TypeError on bad values; false when there is no open claim with that id. */
	editClaim(id: string, claim: NewClaim): boolean;
	/** Changes an open decision's title, kind or date. Throws a TypeError on bad values; false when there is no open decision with that id. */
	editDecision(id: string, decision: NewDecision): boolean;
}

/** Size for messages: "4.5 MB". */
export function formatBytes(chars: number): string {
	return chars >= 1_000_000 ? `${(chars / 1_000_000).toFixed(1)} MB` : `${Math.max(1, Math.round(chars / 1000))} KB`;
}

const importTooBig = (chars: number) =>
	`Not imported: with this file your progress would take ${formatBytes(chars)}, more than this browser's storage for the site holds, so nothing was changed. Download your log and progress to keep a copy, then delete old rows on the progress page (or import a smaller file).`;

/** The state without the records `deleted` names. */
function withoutDeleted(s: ProgressState, deleted: Tombstones): ProgressState {
	const live = <T extends { id: string }>(records: readonly T[]) => records.filter((r) => !Object.hasOwn(deleted, r.id));
	return { ...s, log: live(s.log), claims: live(s.claims), decisions: live(s.decisions), deleted };
}

function hasRecord(s: ProgressState, id: string): boolean {
	return s.log.some((r) => r.id === id) || s.claims.some((c) => c.id === id) || s.decisions.some((d) => d.id === id);
}

const stores = new WeakMap<StoreCore, ProgressStore>();

/** The full store on top of a core (the same one for the same core, so every island of a page shares it). */
export function extendStore(core: StoreCore, options: { renames?: ReadonlyMap<string, string>; now?: () => number; startDate?: string | null } = {}): ProgressStore {
	const cached = stores.get(core);
	if (cached) return cached;
	const now = options.now ?? Date.now;
	const log = withLog(core, { now, startDate: options.startDate });
	const renames = options.renames ?? new Map<string, string>();
	const state = () => core.snapshot();
	const store: ProgressStore = {
		...log,
		exportFile(siteId) {
			const at = now();
			// Times ahead of this clock (a clock that ran fast, set back since) are written as now, so the file imports anywhere.
			const { ticks, settings, log, claims, decisions, deleted, drills } = clampTimes(state(), at).state;
			const file: ProgressFile = { format: EXPORT_FORMAT, version: STATE_VERSION, siteId, exportedAt: new Date(at).toISOString(), ticks, settings, log, claims, decisions, deleted, ...(drills ? { drills } : {}) };
			return JSON.stringify(file, null, '\t');
		},
		importFile(file, importOptions = {}) {
			const incoming: Ticks = migrateRenames(file.ticks, renames);
			let counts = { added: 0, updated: 0 };
			const result = core.changeWhole((s) => {
				const deleted = mergeTombstones(s.deleted, file.deleted);
				const merged = mergeLogDetailed(s.log, file.log, deleted);
				counts = { added: merged.added, updated: merged.updated };
				return withoutDeleted(
					{
						...s,
						ticks: mergeTicks(s.ticks, incoming, { keepChecked: importOptions.keepTicks === true }),
						settings: { ...file.settings, ...s.settings },
						log: merged.rows,
						claims: mergeRecords(s.claims, file.claims),
						decisions: mergeRecords(s.decisions, file.decisions),
						// The drill record merges in the same write, so an import is applied whole or not at all.
						...(file.drills ? { drills: mergeDrillState(s.drills, file.drills) } : {}),
					},
					deleted,
				);
			}, importTooBig);
			return result.ok ? { ok: true, ...counts } : result;
		},
		importLog(rows) {
			checkRows('importLog', rows);
			let counts = { added: 0, updated: 0 };
			const result = core.changeWhole((s) => {
				const merged = mergeLogDetailed(s.log, rows, s.deleted);
				counts = { added: merged.added, updated: merged.updated };
				return { ...s, log: merged.rows };
			}, importTooBig);
			return result.ok ? { ok: true, ...counts } : result;
		},
		editRow(id, values) {
			const { date, week, metric, value, unit, note } = values;
			const edited = { id, date, week, metric, value, unit, note };
			if (!isLogRow(edited)) throw new TypeError('editRow: the values are not a valid log row (rowProblems in practice-log/metrics.ts says why)');
			const old = state().log.find((r) => r.id === id);
			if (!old) return false;
			const editedAt = Math.max(now(), (old.editedAt ?? 0) + 1);
			core.change((s) => ({ ...s, log: s.log.map((r) => (r.id === id ? { ...edited, editedAt } : r)) }));
			return true;
		},
		deleteRecord(id) {
			if (!hasRecord(state(), id)) return false;
			const at = now();
			core.change((s) => withoutDeleted(s, mergeTombstones(s.deleted, { [id]: at })));
			return true;
		},
		editClaim(id, { text, confidence, checkOn }: NewClaim) {
			const old = state().claims.find((c) => c.id === id);
			if (!old || old.resolved) return false;
			const editedAt = Math.max(now(), (old.editedAt ?? old.createdAt) + 1);
			refuse('editClaim', claimsProblem([{ ...old, text, confidence, checkOn, editedAt }]));
			core.change((s) => ({ ...s, claims: s.claims.map((c) => (c.id === id && !c.resolved ? { ...c, text, confidence, checkOn, editedAt } : c)) }));
			return true;
		},
		editDecision(id, { title, kind, reviewOn }: NewDecision) {
			const old = state().decisions.find((d) => d.id === id);
			if (!old || old.resolved) return false;
			const editedAt = Math.max(now(), (old.editedAt ?? old.createdAt) + 1);
			refuse('editDecision', decisionsProblem([{ ...old, title, kind, reviewOn, editedAt }]));
			core.change((s) => ({ ...s, decisions: s.decisions.map((d) => (d.id === id && !d.resolved ? { ...d, title, kind, reviewOn, editedAt } : d)) }));
			return true;
		},
	};
	stores.set(core, store);
	return store;
}

/** A full store with its own core: what tests and build-time code use. */
export function createProgressStore(options: ProgressStoreOptions): ProgressStore {
	return extendStore(createStoreCore(options), { renames: options.renames, now: options.now, startDate: options.startDate });
}
