/**
 * The progress store: the ONLY code that reads or writes localStorage.
 *
 * Every change is a read-modify-write of the stored value (so another tab's
 * ticks are not clobbered) and is written at once. It never throws into the
 * page: when storage is missing or blocked, full, or holds a value it cannot
 * read, the store keeps working in memory for the session and says so through
 * `notice()`. A value it cannot read is copied to `<key>:backup:<epoch>` before
 * anything is written over it; if that copy fails, the key is left untouched.
 */
import type { ProgressFile, ProgressState, Ticks } from './state';
import { DATE_PATTERN, EXPORT_FORMAT, STATE_VERSION, backupKey } from './constants';
import { mergeTicks, migrateRenames, orphanedIds, tickOf } from './merge';
import { readStoredState } from './validate-state';

/** The part of `Storage` the store uses. */
export type StorageLike = Pick<Storage, 'getItem' | 'setItem'>;

export interface ProgressNotice {
	kind: 'unavailable' | 'corrupt' | 'full';
	message: string;
}

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
}

export interface ProgressStore {
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
	/** The export file as JSON text. */
	exportFile(siteId: string): string;
	/** Merges a parsed file (newest wins per id; local settings win), saves, notifies. */
	importFile(file: ProgressFile): void;
	/** Removes every tick (settings stay), saves, notifies. */
	reset(): void;
	/** Saves the learner's start date (YYYY-MM-DD), or removes it with null; an invalid date is ignored. */
	setStartDate(date: string | null): void;
	/** Ticked ids not in `knownIds` (empty without knownIds). */
	orphaned(): string[];
}

type Change = (state: ProgressState) => ProgressState;

const UNAVAILABLE =
	'Your ticks cannot be saved in this browser (its storage is turned off or blocked, as in some private windows). They stay until you close this page; to keep them, use "Export progress" on the progress page.';
const FULL =
	"This browser's storage for the site is full, so your latest ticks are kept only until you close this page. Free some space, or use \"Export progress\" on the progress page, to keep them.";
const corruptSetAside = (key: string) =>
	`The progress saved in this browser could not be read. It was kept aside unchanged (under "${key}") and new ticks are saved as usual. If you have an exported progress file, import it on the progress page.`;
const CORRUPT_KEPT =
	'The progress saved in this browser could not be read, and it was left untouched, so new ticks are kept only until you close this page. Use "Export progress" on the progress page to keep them.';

const emptyState = (settings: ProgressState['settings'] = {}): ProgressState => ({ version: STATE_VERSION, ticks: {}, settings });

function parseJson(raw: string): unknown {
	try {
		return JSON.parse(raw);
	} catch {
		return undefined;
	}
}

/** "YYYY-MM-DD" naming a real day (not 2027-02-30). */
function isCalendarDate(date: string): boolean {
	const time = Date.parse(`${date}T00:00:00Z`);
	return DATE_PATTERN.test(date) && !Number.isNaN(time) && new Date(time).toISOString().startsWith(date);
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

export function createProgressStore(options: ProgressStoreOptions): ProgressStore {
	const { key } = options;
	const now = options.now ?? Date.now;
	const renames = options.renames ?? new Map<string, string>();
	// Without the book's ids nothing can be called orphaned.
	const known = options.knownIds ? [...options.knownIds] : null;
	const listeners = new Set<() => void>();
	/** Null once storage proved unusable (or holds a value we could not set aside): memory only. */
	let storage = openStorage(options.storage);
	let state = emptyState();
	let notice: ProgressNotice | null = storage ? null : { kind: 'unavailable', message: UNAVAILABLE };
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
			goMemoryOnly({ kind: 'corrupt', message: CORRUPT_KEPT });
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
		const stored = readStoredState(parseJson(raw));
		if (stored) return { ...stored, ticks: migrateRenames(stored.ticks, renames) };
		setAside(raw);
		return undefined;
	}

	/** Writes the in-memory state; a full storage keeps the unsaved changes for the next try. */
	function write(): void {
		if (!storage) return;
		try {
			storage.setItem(key, JSON.stringify(state));
			unsaved = [];
			if (notice?.kind === 'full') notice = null;
		} catch (error) {
			if (isQuotaError(error)) notice = { kind: 'full', message: FULL };
			else goMemoryOnly({ kind: 'unavailable', message: UNAVAILABLE });
		}
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

	function reload(): void {
		load();
		notify();
	}

	load();

	return {
		isChecked: (id) => tickOf(state.ticks, id)?.checked === true,
		setChecked(id, checked) {
			// Strictly after the previous record of this id, so a quick tick-untick in one millisecond still lands.
			const at = Math.max(now(), (tickOf(state.ticks, id)?.at ?? -1) + 1);
			commit((s) => ({ ...s, ticks: { ...s.ticks, [id]: { checked, at } } }));
		},
		snapshot: () => state,
		subscribe(listener) {
			listeners.add(listener);
			return () => listeners.delete(listener);
		},
		notice: () => notice,
		handleStorageEvent(event) {
			if (event.key === key || event.key === null) reload();
		},
		reload,
		exportFile(siteId) {
			const { ticks, settings } = state;
			const exportedAt = new Date(now()).toISOString();
			return JSON.stringify({ format: EXPORT_FORMAT, version: STATE_VERSION, siteId, exportedAt, ticks, settings }, null, '\t');
		},
		importFile(file) {
			const incoming: Ticks = migrateRenames(file.ticks, renames);
			commit((s) => ({ ...s, ticks: mergeTicks(s.ticks, incoming), settings: { ...file.settings, ...s.settings } }));
		},
		reset() {
			commit((s) => emptyState(s.settings));
		},
		setStartDate(date) {
			if (date !== null && !isCalendarDate(date)) return;
			commit((s) => {
				const { startDate: _dropped, ...rest } = s.settings;
				return { ...s, settings: date ? { ...rest, startDate: date } : rest };
			});
		},
		orphaned: () => (known ? orphanedIds(state.ticks, known) : []),
	};
}
