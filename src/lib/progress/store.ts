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
import type { Claim, Decision, ProgressFile, ProgressState, RunningTimer, Ticks } from './state';
import { EXPORT_FORMAT, STATE_VERSION, backupKey } from './constants';
import { mergeRecords, mergeTicks, migrateRenames, orphanedIds, tickOf } from './merge';
import { MAX_NOTE_LENGTH, isCalendarDate, localDate, isLogRow, mergeLog, weekOfDate, type LogRow } from '../practice-log/metrics';
import { claimsProblem, decisionsProblem, readStoredState, timersProblem, type ShapeProblem } from './validate-state';
import type { DrillState } from '../drills/state';

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
	/** The configured start date (course.config.ts); the browser's `settings.startDate` overrides it. Dates rows' weeks. */
	startDate?: string | null;
}

/** A claim as the learner states it; the store gives it an id and a creation time. */
export type NewClaim = Pick<Claim, 'text' | 'confidence' | 'checkOn'>;
/** A decision as the learner states it; the store gives it an id and a creation time. */
export type NewDecision = Pick<Decision, 'title' | 'kind' | 'reviewOn'>;

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
	/** Merges a parsed file (newest wins per id; local settings win), saves, notifies. Its drill record is merged by the caller (updateDrills with mergeDrillState), so this code stays out of pages without drills. */
	importFile(file: ProgressFile): void;
	/** Removes every tick (settings stay), saves, notifies. */
	reset(): void;
	/** Ticked ids not in `knownIds` (empty without knownIds). */
	orphaned(): string[];

	/** The practice log, oldest first. */
	log(): readonly LogRow[];
	/**
	 * Appends rows not already in the log (an identical row is the same measurement,
	 * kept once); returns how many were added. Throws a TypeError naming the first
	 * bad field when a row is not valid (a caller's bug: forms check their input).
	 */
	appendLog(rows: readonly LogRow[]): number;
	/** The clock of a timed routine (a kebab-case id), or undefined when it is not running. */
	runningTimer(routine: string): RunningTimer | undefined;
	/** Starts, pauses or resumes (a timer) or stops (null) a routine's clock. Throws a TypeError on a bad routine id or timer. */
	setRunningTimer(routine: string, timer: RunningTimer | null): void;
	claims(): readonly Claim[];
	/** Records a claim to check on `checkOn`; returns it with its id. Throws a TypeError on empty text, a confidence outside 0.5-0.95 or a bad date. */
	addClaim(claim: NewClaim): Claim;
	/** Marks a claim right or wrong and appends its `intuition_correct` row; a second answer is ignored. */
	resolveClaim(id: string, correct: boolean): void;
	decisions(): readonly Decision[];
	/** Records a decision or ADR to review on `reviewOn`; returns it with its id. Throws a TypeError on an empty title or a bad date. */
	addDecision(decision: NewDecision): Decision;
	/** Marks a decision proved right or not and appends its `decision_right` row; a second answer is ignored. */
	resolveDecision(id: string, right: boolean): void;
	/** The week a row dated `date` belongs to, from the browser's or the configured start date. */
	weekOf(date: string): number;
	/** Sets (YYYY-MM-DD) or clears (null) this browser's start date, which overrides the configured one. */
	setStartDate(date: string | null): void;

	/** The daily drills' record (src/lib/drills/state.ts); empty when none is stored. */
	drills(): DrillState;
	/**
	 * Changes the drill record and appends `rows` to the log in one write. `change`
	 * must be idempotent (it may be replayed on a fresher value) and its result valid
	 * (the caller checks it with drills/validate.ts, which pages without drills do not
	 * load). Throws a TypeError when a row is not valid (a caller's bug).
	 */
	updateDrills(change: (drills: DrillState) => DrillState, rows?: readonly LogRow[]): void;
}

type Change = (state: ProgressState) => ProgressState;

const EMPTY_DRILLS: DrillState = Object.freeze({ cards: {}, attempts: {}, paragraphs: {}, patterns: {} });

const UNAVAILABLE =
	'Your ticks cannot be saved in this browser (its storage is turned off or blocked, as in some private windows). They stay until you close this page; to keep them, use "Export progress" on the progress page.';
const FULL =
	"This browser's storage for the site is full, so your latest ticks are kept only until you close this page. Free some space, or use \"Export progress\" on the progress page, to keep them.";
const corruptSetAside = (key: string) =>
	`The progress saved in this browser could not be read. It was kept aside unchanged (under "${key}") and new ticks are saved as usual. If you have an exported progress file, import it on the progress page.`;
const CORRUPT_KEPT =
	'The progress saved in this browser could not be read, and it was left untouched, so new ticks are kept only until you close this page. Use "Export progress" on the progress page to keep them.';

const emptyState = (settings: ProgressState['settings'] = {}): ProgressState => ({
	version: STATE_VERSION,
	ticks: {},
	settings,
	log: [],
	timers: {},
	claims: [],
	decisions: [],
});

/** A fresh id for a claim or decision: kebab-case, unique enough for one learner's records. */
function newId(prefix: string, at: number): string {
	return `${prefix}-${at.toString(36)}-${Math.floor(Math.random() * 36 ** 4).toString(36)}`;
}

/** Throws a TypeError naming the bad field: what is stored must read back valid, or the next load would set it all aside. */
function refuse(method: string, problem: ShapeProblem | null): void {
	if (problem) throw new TypeError(`${method}: ${problem.path} should be ${problem.expected}`);
}

/** A note within the row limit (a claim may already be as long as a note may be). */
function clip(note: string): string {
	return note.length <= MAX_NOTE_LENGTH ? note : `${note.slice(0, MAX_NOTE_LENGTH - 1)}…`;
}

function checkRows(rows: readonly LogRow[]): void {
	const bad = rows.findIndex((row) => !isLogRow(row));
	if (bad !== -1) throw new TypeError(`appendLog: row ${bad} is not a valid log row (rowProblems in practice-log/metrics.ts says why)`);
}

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
		// The value this store last wrote or read is valid already: checking a long log again on every tick would cost tens of ms.
		const stored = raw === lastSeen.raw ? lastSeen.state : readStoredState(parseJson(raw));
		if (stored) {
			lastSeen = { raw, state: stored };
			return { ...stored, ticks: migrateRenames(stored.ticks, renames) };
		}
		setAside(raw);
		return undefined;
	}

	/** Writes the in-memory state; a full storage keeps the unsaved changes for the next try. */
	function write(): void {
		if (!storage) return;
		try {
			const raw = JSON.stringify(state);
			storage.setItem(key, raw);
			lastSeen = { raw, state };
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
			const { ticks, settings, log, claims, decisions, drills } = state;
			const exportedAt = new Date(now()).toISOString();
			const file: ProgressFile = { format: EXPORT_FORMAT, version: STATE_VERSION, siteId, exportedAt, ticks, settings, log, claims, decisions, ...(drills ? { drills } : {}) };
			return JSON.stringify(file, null, '\t');
		},
		importFile(file) {
			const incoming: Ticks = migrateRenames(file.ticks, renames);
			commit((s) => ({
				...s,
				ticks: mergeTicks(s.ticks, incoming),
				settings: { ...file.settings, ...s.settings },
				log: mergeLog(s.log, file.log),
				claims: mergeRecords(s.claims, file.claims),
				decisions: mergeRecords(s.decisions, file.decisions),
			}));
		},
		reset() {
			// Ticks only: the log and its claims and decisions are measurements, not progress to start over.
			commit((s) => ({ ...s, ticks: {} }));
		},
		orphaned: () => (known ? orphanedIds(state.ticks, known) : []),

		log: () => state.log,
		appendLog(rows) {
			checkRows(rows);
			const added = mergeLog(state.log, rows).length - state.log.length;
			commit((s) => ({ ...s, log: mergeLog(s.log, rows) }));
			return added;
		},
		runningTimer: (routine) => (Object.hasOwn(state.timers, routine) ? state.timers[routine] : undefined),
		setRunningTimer(routine, timer) {
			if (timer) refuse('setRunningTimer', timersProblem({ [routine]: timer }));
			commit((s) => {
				const { [routine]: _old, ...others } = s.timers;
				return { ...s, timers: timer ? { ...others, [routine]: { ...timer } } : others };
			});
		},
		claims: () => state.claims,
		addClaim({ text, confidence, checkOn }) {
			const createdAt = now();
			const claim: Claim = { id: newId('claim', createdAt), text, confidence, checkOn, createdAt };
			refuse('addClaim', claimsProblem([claim]));
			commit((s) => ({ ...s, claims: mergeRecords(s.claims, [claim]) }));
			return claim;
		},
		resolveClaim(id, correct) {
			const at = now();
			commit((s) => {
				const claim = s.claims.find((c) => c.id === id);
				if (!claim || claim.resolved) return s;
				const date = localDate(at);
				const row: LogRow = {
					date,
					week: weekOfDate(date, startDateOf(s)),
					metric: 'intuition_correct',
					value: correct ? 1 : 0,
					unit: 'claim',
					note: clip(`${claim.text} (${Math.round(claim.confidence * 100)}% confident, check on ${claim.checkOn})`),
				};
				return { ...s, claims: s.claims.map((c) => (c.id === id ? { ...c, resolved: { correct, at } } : c)), log: mergeLog(s.log, [row]) };
			});
		},
		decisions: () => state.decisions,
		addDecision({ title, kind, reviewOn }) {
			const createdAt = now();
			const decision: Decision = { id: newId(kind, createdAt), title, kind, reviewOn, createdAt };
			refuse('addDecision', decisionsProblem([decision]));
			commit((s) => ({ ...s, decisions: mergeRecords(s.decisions, [decision]) }));
			return decision;
		},
		resolveDecision(id, right) {
			const at = now();
			commit((s) => {
				const decision = s.decisions.find((d) => d.id === id);
				if (!decision || decision.resolved) return s;
				const date = localDate(at);
				const row: LogRow = {
					date,
					week: weekOfDate(date, startDateOf(s)),
					metric: 'decision_right',
					value: right ? 1 : 0,
					unit: decision.kind === 'adr' ? 'ADR' : 'decision',
					note: clip(`${decision.title} (reviewed ${date}, due ${decision.reviewOn})`),
				};
				return { ...s, decisions: s.decisions.map((d) => (d.id === id ? { ...d, resolved: { right, at } } : d)), log: mergeLog(s.log, [row]) };
			});
		},
		weekOf: (date) => weekOfDate(date, startDateOf(state)),
		setStartDate(date) {
			if (date !== null && !isCalendarDate(date)) throw new TypeError(`setStartDate: "${date}" is not a date YYYY-MM-DD`);
			commit((s) => {
				const { startDate: _old, ...settings } = s.settings;
				return { ...s, settings: date === null ? settings : { ...settings, startDate: date } };
			});
		},

		// The drill code itself (merge, full check) stays in src/lib/drills: pages without drills load none of it.
		drills: () => state.drills ?? EMPTY_DRILLS,
		updateDrills(change, rows = []) {
			checkRows(rows);
			commit((s) => ({ ...s, drills: change(s.drills ?? EMPTY_DRILLS), log: mergeLog(s.log, rows) }));
		},
	};
}
