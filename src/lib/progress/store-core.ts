/**
 * The progress store's core: the ONLY code that reads or writes localStorage. Every
 * page with a checklist loads it, so it holds only what ticking and the notice need,
 * and checks only the ticks and settings of the stored value: the rest (log, claims,
 * decisions, timers, drills) it keeps as it found them. The log's records and their
 * checks live in store-log.ts, which switches the core to the full check when a page
 * uses them; imports, edits and deletions live in store.ts, on the progress page.
 *
 * Every change is a read-modify-write of the stored value (so another tab's
 * ticks are not clobbered) and is written at once. It never throws into the
 * page: when storage is missing or blocked, full, or holds a value it cannot
 * read, the store keeps working in memory for the session and says so through
 * `notice()`. A value it cannot read is copied to `<key>:backup:<epoch>` before
 * anything is written over it; if that copy fails, the key is left untouched
 * until the learner chooses `startFresh()`, which moves it to the backup key.
 *
 * It never says saved when it did not save: every write is read back, and
 * `lastWrite()` tells the page whether the latest change is in storage and, if
 * not, why. An import that does not fit is refused whole: storage and memory
 * stay as they were.
 */
import type { ProgressFile, ProgressState } from './state';
import { EXPORT_FORMAT, STATE_VERSION, backupKey } from './constants';
import { migrateRenames, orphanedIds, tickOf } from './merge';
import { isCalendarDate, weekOfDate } from '../practice-log/dates';
import { readTicksAndSettings } from './validate-ticks';

/** The part of `Storage` the store uses; `removeItem` only to move an unreadable value aside (`startFresh`). */
export type StorageLike = Pick<Storage, 'getItem' | 'setItem'> & Partial<Pick<Storage, 'removeItem'>>;

export interface ProgressNotice {
	kind: 'unavailable' | 'corrupt' | 'full';
	message: string;
	/** True when `startFresh()` can set the unreadable value aside and save again. */
	canStartFresh?: boolean;
}

/** Whether the latest change reached storage, and if not, why (a sentence for the learner). */
export type WriteResult = { saved: true } | { saved: false; reason: ProgressNotice['kind']; message: string };

/** Reads a stored value (parsed JSON) as the current state, or null when it cannot be read. */
export type StateReader = (value: unknown) => ProgressState | null;

export interface ProgressStoreOptions {
	/** localStorage, or a function returning it: merely reading `window.localStorage` can throw SecurityError. */
	storage: StorageLike | null | undefined | (() => StorageLike | null | undefined);
	/** Full key from `storageKey()`. */
	key: string;
	/** Clock in epoch ms; defaults to Date.now. */
	now?: () => number;
	/** Old id -> new id; ticks move when read. The map may grow later (call `reload()`). */
	renames?: ReadonlyMap<string, string>;
	/** Every item id the book has, for `orphaned()`. */
	knownIds?: Iterable<string>;
	/** The configured start date (course.config.ts); the browser's `settings.startDate` overrides it. Dates rows' weeks. */
	startDate?: string | null;
	/** How stored values are read; by default only ticks and settings are checked (see `useReader`). */
	read?: StateReader;
}

export interface StoreCore {
	isChecked(id: string): boolean;
	/** Records a tick or untick now; the page sees it even if it cannot be saved. */
	setChecked(id: string, checked: boolean): void;
	snapshot(): Readonly<ProgressState>;
	/** Called after every change (own, another tab's, import, reset, notice); returns the unsubscribe. */
	subscribe(listener: () => void): () => void;
	notice(): ProgressNotice | null;
	/** A `storage` event from another tab; events for other keys are ignored. */
	handleStorageEvent(event: Pick<StorageEvent, 'key'>): void;
	/** Re-reads storage (after renames were added) and notifies. */
	reload(): void;
	/** The export file as JSON text, of the version held, times as stored (the full store's export clamps times ahead of the clock). */
	exportFile(siteId: string): string;
	/** Whether the latest change was saved (read back from storage), or why not. */
	lastWrite(): WriteResult;
	/**
	 * Memory-only after an unreadable value too large to copy: moves that value to a
	 * backup key, then saves what this page has under the key again. False (and
	 * nothing lost) when even that fails.
	 */
	startFresh(): boolean;
	/** Removes every tick (settings stay), saves, notifies. */
	reset(): void;
	/** Ticked ids not in `knownIds` (empty without knownIds). */
	orphaned(): string[];

	/** The week a row dated `date` belongs to, from the browser's or the configured start date. */
	weekOf(date: string): number;
	/** Sets (YYYY-MM-DD) or clears (null) this browser's start date, which overrides the configured one. */
	setStartDate(date: string | null): void;
	/**
	 * Reads stored values with `read` from now on (store-log.ts passes the full check,
	 * which also migrates older versions), re-reads storage and notifies. What this
	 * page holds in memory is read the same way; if it fails the full check, the
	 * stored value is set aside as unreadable and the page keeps its ticks and settings.
	 */
	useReader(read: StateReader): void;

	/**
	 * For the log and full stores (store-log.ts, store.ts) only: applies a change on top
	 * of the freshest stored value and writes it (a failed write keeps it for this visit).
	 */
	change(change: Change): void;
	/** For the full store only: applies a change only if it can be saved; else nothing changes and `tooBig(size)` is the message. */
	changeWhole(change: Change, tooBig: (chars: number) => string): { ok: true } | { ok: false; message: string };
}

/** A change of the stored state: pure, and idempotent, since it may be replayed on a fresher value. */
export type Change = (state: ProgressState) => ProgressState;

const UNAVAILABLE =
	'Your ticks and log cannot be saved in this browser (its storage is turned off or blocked, as in some private windows). They stay until you close this page; to keep them, download what you have.';
const FULL =
	"Not saved: this browser's storage for the site is full, so your latest changes are kept only until you close this page. Download what you have, then free some space (delete old rows on the progress page, or other sites' data).";
const corruptSetAside = (key: string) =>
	`The progress saved in this browser could not be read. It was kept aside unchanged (under "${key}") and new ticks are saved as usual. If you have an exported progress file, import it on the progress page.`;
const CORRUPT_KEPT =
	'The progress saved in this browser could not be read and is too large to copy aside, so it was left untouched and new changes are kept only until you close this page. Download what you have, or keep the unreadable value as a backup and start a fresh store.';
export const emptyState = (settings: ProgressState['settings'] = {}): ProgressState => ({
	version: STATE_VERSION,
	ticks: {},
	settings,
	log: [],
	timers: {},
	claims: [],
	decisions: [],
	deleted: {},
});

function parseJson(raw: string): unknown {
	try {
		return JSON.parse(raw);
	} catch {
		return undefined;
	}
}

function isQuotaError(error: unknown): boolean {
	const name = (error as { name?: unknown } | null)?.name;
	return name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED';
}

function openStorage(source: ProgressStoreOptions['storage']): StorageLike | null {
	try {
		return (typeof source === 'function' ? source() : source) ?? null;
	} catch {
		return null;
	}
}

export function createStoreCore(options: ProgressStoreOptions): StoreCore {
	const { key } = options;
	const now = options.now ?? Date.now;
	const renames = options.renames ?? new Map<string, string>();
	// Without the book's ids nothing can be called orphaned.
	const known = options.knownIds ? [...options.knownIds] : null;
	const listeners = new Set<() => void>();
	let read = options.read ?? readTicksAndSettings;
	/** Null once storage proved unusable (or holds a value we could not set aside): memory only. */
	let storage = openStorage(options.storage);
	/** The handle kept in memory-only mode after a corrupt value, for `startFresh()`. */
	let corruptHandle: StorageLike | null = null;
	let state = emptyState();
	let notice: ProgressNotice | null = storage ? null : { kind: 'unavailable', message: UNAVAILABLE };
	let lastResult: WriteResult = storage ? { saved: true } : { saved: false, reason: 'unavailable', message: UNAVAILABLE };
	/** The last stored text this store wrote or validated, and its state, so an unchanged value is not checked again. */
	let lastSeen: { raw: string | null; state: ProgressState | null } = { raw: null, state: null };
	/** Changes not yet written (storage full): replayed on top of the stored value at the next write. */
	let unsaved: Change[] = [];

	function goMemoryOnly(next: ProgressNotice): void {
		storage = null;
		unsaved = [];
		notice = next;
	}

	/** Copies an unreadable value to a fresh backup key; false when even that fails. */
	function setAside(raw: string): boolean {
		if (!storage) return false;
		try {
			let at = now();
			while (storage.getItem(backupKey(key, at)) !== null) at += 1;
			storage.setItem(backupKey(key, at), raw);
			notice = { kind: 'corrupt', message: corruptSetAside(backupKey(key, at)) };
			return true;
		} catch {
			corruptHandle = storage;
			goMemoryOnly({ kind: 'corrupt', message: CORRUPT_KEPT, canStartFresh: true });
			return false;
		}
	}

	/**
	 * The stored state to build on (renames applied), or undefined when there is
	 * none usable: storage gone, or an unreadable value (set aside if possible).
	 */
	function readStored(): ProgressState | undefined {
		if (!storage) return undefined;
		let raw: string | null;
		try {
			raw = storage.getItem(key);
		} catch {
			goMemoryOnly({ kind: 'unavailable', message: UNAVAILABLE });
			return undefined;
		}
		if (raw === null) return emptyState();
		// The value this store last wrote or read is valid already: checking a long log again on every tick would cost tens of ms.
		const stored = raw === lastSeen.raw ? lastSeen.state : read(parseJson(raw));
		if (stored) {
			lastSeen = { raw, state: stored };
			return { ...stored, ticks: migrateRenames(stored.ticks, renames) };
		}
		setAside(raw);
		return undefined;
	}

	/**
	 * Writes `next` and reads it back. Returns what happened; a failed write leaves
	 * storage as it was (a browser's setItem writes all or nothing).
	 */
	function tryWrite(next: ProgressState): WriteResult {
		if (!storage) return notice ? { saved: false, reason: notice.kind, message: notice.message } : { saved: false, reason: 'unavailable', message: UNAVAILABLE };
		const raw = JSON.stringify(next);
		try {
			storage.setItem(key, raw);
			// Read back: a browser (or an extension) may drop a write without an error.
			if (storage.getItem(key) !== raw) throw Object.assign(new Error('read back differs'), { name: 'ReadBackError' });
			lastSeen = { raw, state: next };
			return { saved: true };
		} catch (error) {
			if (isQuotaError(error)) return { saved: false, reason: 'full', message: FULL };
			goMemoryOnly({ kind: 'unavailable', message: UNAVAILABLE });
			return { saved: false, reason: 'unavailable', message: UNAVAILABLE };
		}
	}

	/** Writes the in-memory state; a full storage keeps the unsaved changes for the next try. */
	function write(): void {
		if (!storage) {
			lastResult = notice ? { saved: false, reason: notice.kind, message: notice.message } : { saved: false, reason: 'unavailable', message: UNAVAILABLE };
			return;
		}
		lastResult = tryWrite(state);
		if (lastResult.saved) {
			unsaved = [];
			if (notice?.kind === 'full') notice = null;
		} else if (lastResult.reason === 'full') notice = { kind: 'full', message: FULL };
	}

	/** Reads storage into memory; an unreadable value is replaced by memory once set aside. */
	function load(): void {
		const stored = readStored();
		if (stored) state = unsaved.reduce((next, change) => change(next), stored);
		else write();
	}

	function notify(): void {
		for (const listener of [...listeners]) {
			try {
				listener();
			} catch (error) {
				console.error(error);
			}
		}
	}

	/** Applies a change on top of the freshest stored value and writes it at once. Changes are idempotent. */
	function commit(change: Change): void {
		if (storage) unsaved.push(change);
		const base = readStored() ?? state;
		state = storage ? unsaved.reduce((next, c) => c(next), base) : change(base);
		write();
		notify();
	}

	/**
	 * Applies a change only if it can be saved (or storage is not in use at all):
	 * a value that does not fit is refused and nothing changes, in storage or here.
	 */
	function commitWhole(change: Change, tooBig: (chars: number) => string): { ok: true } | { ok: false; message: string } {
		const base = readStored() ?? state;
		const pending = unsaved.reduce((next, c) => c(next), base);
		const next = change(pending);
		if (!storage) {
			state = next;
			write();
			notify();
			return { ok: true };
		}
		const result = tryWrite(next);
		if (!result.saved) {
			if (result.reason === 'full') return { ok: false, message: tooBig(JSON.stringify(next).length) };
			// Storage went away during the write: keep the change in memory and say so.
			state = next;
			lastResult = result;
			notify();
			return { ok: true };
		}
		state = next;
		unsaved = [];
		lastResult = result;
		if (notice?.kind === 'full') notice = null;
		notify();
		return { ok: true };
	}

	function startDateOf(s: ProgressState): string | undefined {
		return s.settings.startDate ?? options.startDate ?? undefined;
	}

	function reload(): void {
		load();
		notify();
	}

	load();

	return {
		isChecked: (id) => tickOf(state.ticks, id)?.checked === true,
		setChecked(id, checked) {
			const clock = now();
			// Strictly after the previous record of this id, so a quick tick-untick in one millisecond still lands;
			// but never ahead of the clock by more than that: a time from a clock that ran fast is not carried on.
			const previous = tickOf(state.ticks, id)?.at ?? -1;
			const at = previous >= clock && previous - clock < 1000 ? previous + 1 : clock;
			commit((s) => ({ ...s, ticks: { ...s.ticks, [id]: { checked, at } } }));
		},
		snapshot: () => state,
		subscribe(listener) {
			listeners.add(listener);
			return () => listeners.delete(listener);
		},
		notice: () => notice,
		lastWrite: () => lastResult,
		change: commit,
		changeWhole: commitWhole,
		handleStorageEvent(event) {
			if (event.key === key || event.key === null) reload();
		},
		reload,
		exportFile(siteId) {
			const { version, ticks, settings, log, claims, decisions, deleted, drills } = state;
			const exportedAt = new Date(now()).toISOString();
			// The version of what is held: a page that only ticks keeps an older value's log as it found it, and every version imports.
			const file = { format: EXPORT_FORMAT, version, siteId, exportedAt, ticks, settings, log, claims, decisions, deleted, ...(drills ? { drills } : {}) } as ProgressFile;
			return JSON.stringify(file, null, '\t');
		},
		startFresh() {
			const handle = corruptHandle;
			if (!handle || notice?.kind !== 'corrupt') return false;
			try {
				const raw = handle.getItem(key);
				if (raw !== null) {
					// Move, not copy: the value is too large to exist twice, so free its key first and put it back if the copy fails.
					const target = backupKey(key, now());
					handle.removeItem?.(key);
					try {
						handle.setItem(target, raw);
					} catch {
						handle.setItem(key, raw);
						return false;
					}
					storage = handle;
					corruptHandle = null;
					notice = { kind: 'corrupt', message: corruptSetAside(target) };
				} else {
					storage = handle;
					corruptHandle = null;
					notice = null;
				}
			} catch {
				return false;
			}
			write();
			notify();
			return lastResult.saved;
		},
		reset() {
			// Ticks only: the log and its claims and decisions are measurements, not progress to start over.
			commit((s) => ({ ...s, ticks: {} }));
		},
		orphaned: () => (known ? orphanedIds(state.ticks, known) : []),
		weekOf: (date) => weekOfDate(date, startDateOf(state)),
		setStartDate(date) {
			if (date !== null && !isCalendarDate(date)) throw new TypeError(`setStartDate: "${date}" is not a date YYYY-MM-DD`);
			commit((s) => {
				const { startDate: _old, ...settings } = s.settings;
				return { ...s, settings: date === null ? settings : { ...settings, startDate: date } };
			});
		},
		useReader(next) {
			if (next === read) return;
			read = next;
			lastSeen = { raw: null, state: null };
			state = read(state) ?? { ...emptyState(state.settings), ticks: state.ticks };
			reload();
		},
	};
}
