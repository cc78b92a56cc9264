/**
 * The store with the practice log and what feeds it: rows, timers, claims, decisions
 * and the daily drills' record, on top of the core (store-core.ts). Pages load it
 * with the islands that use these (timers, forms, today's drill, the dashboard);
 * a page that only ticks never does. Extending a core switches it to the full check
 * of the stored value, which also migrates older versions (a v2 log gets its row ids).
 */
import type { Claim, Decision, ProgressState, RunningTimer, Tombstones } from './state';
import { MAX_NOTE_LENGTH, isLogRow, localDate, newRowId, weekOfDate, type LogRow, type StoredRow } from '../practice-log/metrics';
import type { DrillState } from '../drills/state';
import { claimsProblem, decisionsProblem, readStoredState, timersProblem, type ShapeProblem } from './validate-state';
import type { StoreCore } from './store-core';

/** A claim as the learner states it; the store gives it an id and a creation time. */
export type NewClaim = Pick<Claim, 'text' | 'confidence' | 'checkOn'>;
/** A decision as the learner states it; the store gives it an id and a creation time. */
export type NewDecision = Pick<Decision, 'title' | 'kind' | 'reviewOn'>;

export interface LogStore extends StoreCore {
	/** The practice log, oldest first. */
	log(): readonly StoredRow[];
	/**
	 * Appends rows: each row without an id is a new measurement with a fresh id (two
	 * equal rows are two rows); a row with an id already kept or deleted is not added
	 * again. Returns how many were added; `lastWrite()` says whether they were saved.
	 * Throws a TypeError naming the first bad row when a row is not valid (a caller's
	 * bug: forms check their input).
	 */
	appendLog(rows: readonly LogRow[]): number;
	/** Ids deleted in this browser (or in a file it imported), and when. */
	deleted(): Readonly<Tombstones>;
	/** The clock of a timed routine (a kebab-case id), or undefined when it is not running. */
	runningTimer(routine: string): RunningTimer | undefined;
	/** Starts, pauses or resumes (a timer) or stops (null) a routine's clock. Throws a TypeError on a bad routine id or timer. */
	setRunningTimer(routine: string, timer: RunningTimer | null): void;
	claims(): readonly Claim[];
	/** Records a claim to check on `checkOn`; returns it with its id. Throws a TypeError on empty text, a confidence outside 0.5-0.95 or a bad date. */
	addClaim(claim: NewClaim): Claim;
	/** Marks a claim right, wrong or partly right and appends its `intuition_correct` row (1, 0 or 0.5); a second answer is ignored. */
	resolveClaim(id: string, correct: boolean | 'partly'): void;
	decisions(): readonly Decision[];
	/** Records a decision or ADR to review on `reviewOn`; returns it with its id. Throws a TypeError on an empty title or a bad date. */
	addDecision(decision: NewDecision): Decision;
	/** Marks a decision proved right or not and appends its `decision_right` row; a second answer is ignored. */
	resolveDecision(id: string, right: boolean): void;
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

const EMPTY_DRILLS: DrillState = Object.freeze({ cards: {}, attempts: {}, paragraphs: {}, patterns: {} });

/** A fresh id for a claim or decision: kebab-case, unique enough for one learner's records. */
function newId(prefix: string, at: number): string {
	return `${prefix}-${at.toString(36)}-${Math.floor(Math.random() * 36 ** 4).toString(36)}`;
}

/** Throws a TypeError naming the bad field: what is stored must read back valid, or the next load would set it all aside. */
export function refuse(method: string, problem: ShapeProblem | null): void {
	if (problem) throw new TypeError(`${method}: ${problem.path} should be ${problem.expected}`);
}

/** A note within the row limit (a claim may already be as long as a note may be). */
function clip(note: string): string {
	return note.length <= MAX_NOTE_LENGTH ? note : `${note.slice(0, MAX_NOTE_LENGTH - 1)}…`;
}

export function checkRows(method: string, rows: readonly LogRow[]): void {
	const bad = rows.findIndex((row) => !isLogRow(row));
	if (bad !== -1) throw new TypeError(`${method}: row ${bad} is not a valid log row (rowProblems in practice-log/metrics.ts says why)`);
}

/** Rows whose ids the state neither has nor deleted: a replayed change must not add a row twice. */
function newRows(s: ProgressState, rows: readonly StoredRow[]): StoredRow[] {
	const known = new Set(s.log.map((r) => r.id));
	return rows.filter((row) => !known.has(row.id) && !Object.hasOwn(s.deleted, row.id) && (known.add(row.id), true));
}

function addRows(s: ProgressState, rows: readonly StoredRow[]): ProgressState {
	const fresh = newRows(s, rows);
	return fresh.length ? { ...s, log: [...s.log, ...fresh] } : s;
}

/** A claim or decision added unless its id is there already (a replayed change). */
function addOnce<T extends { id: string }>(records: readonly T[], record: T): T[] {
	return records.some((r) => r.id === record.id) ? [...records] : [...records, record];
}

/** Ids are given once, outside the change, so replaying it after a full storage adds the same rows, not new ones. */
const withIds = (rows: readonly LogRow[]): StoredRow[] => rows.map((row) => (row.id === undefined ? { id: newRowId(), ...row } : (row as StoredRow)));

const stores = new WeakMap<StoreCore, LogStore>();

/** The log store on top of a core (the same one for the same core, so every island of a page shares it). */
export function withLog(core: StoreCore, options: { now?: () => number; startDate?: string | null } = {}): LogStore {
	const cached = stores.get(core);
	if (cached) return cached;
	const now = options.now ?? Date.now;
	core.useReader(readStoredState);
	const state = () => core.snapshot();
	const startDateOf = (s: ProgressState) => s.settings.startDate ?? options.startDate ?? undefined;
	/** A claim or decision answered: its flag set and its row appended, once (the row's id comes from the record's, so answering in two tabs logs one row). */
	const answer = (s: ProgressState, { id, ...row }: Omit<StoredRow, 'date' | 'week'>, at: number): ProgressState => {
		const date = localDate(at);
		return addRows(s, [{ id, date, week: weekOfDate(date, startDateOf(s)), ...row }]);
	};
	const store: LogStore = {
		...core,
		log: () => state().log,
		appendLog(rows) {
			checkRows('appendLog', rows);
			const stored = withIds(rows);
			const added = newRows(state(), stored).length;
			core.change((s) => addRows(s, stored));
			return added;
		},
		deleted: () => state().deleted,
		// The drill code itself (merge, full check) stays in src/lib/drills: pages without drills load none of it.
		drills: () => state().drills ?? EMPTY_DRILLS,
		updateDrills(change, rows = []) {
			checkRows('updateDrills', rows);
			const stored = withIds(rows);
			core.change((s) => ({ ...addRows(s, stored), drills: change(s.drills ?? EMPTY_DRILLS) }));
		},
		runningTimer: (routine) => (Object.hasOwn(state().timers, routine) ? state().timers[routine] : undefined),
		setRunningTimer(routine, timer) {
			if (timer) refuse('setRunningTimer', timersProblem({ [routine]: timer }));
			core.change((s) => {
				const { [routine]: _old, ...others } = s.timers;
				return { ...s, timers: timer ? { ...others, [routine]: { ...timer } } : others };
			});
		},
		claims: () => state().claims,
		addClaim({ text, confidence, checkOn }) {
			const createdAt = now();
			const claim: Claim = { id: newId('claim', createdAt), text, confidence, checkOn, createdAt };
			refuse('addClaim', claimsProblem([claim]));
			core.change((s) => ({ ...s, claims: addOnce(s.claims, claim) }));
			return claim;
		},
		resolveClaim(id, correct) {
			const at = now();
			core.change((s) => {
				const claim = s.claims.find((c) => c.id === id);
				if (!claim || claim.resolved) return s;
				const resolved = correct === 'partly' ? { correct: false, partly: true as const, at } : { correct, at };
				const row = {
					id: `${id}-answer`,
					metric: 'intuition_correct' as const,
					value: correct === 'partly' ? 0.5 : correct ? 1 : 0,
					unit: 'claim',
					note: clip(`${claim.text} (${Math.round(claim.confidence * 100)}% confident, check on ${claim.checkOn})`),
				};
				return answer({ ...s, claims: s.claims.map((c) => (c.id === id ? { ...c, resolved } : c)) }, row, at);
			});
		},
		decisions: () => state().decisions,
		addDecision({ title, kind, reviewOn }) {
			const createdAt = now();
			const decision: Decision = { id: newId(kind, createdAt), title, kind, reviewOn, createdAt };
			refuse('addDecision', decisionsProblem([decision]));
			core.change((s) => ({ ...s, decisions: addOnce(s.decisions, decision) }));
			return decision;
		},
		resolveDecision(id, right) {
			const at = now();
			core.change((s) => {
				const decision = s.decisions.find((d) => d.id === id);
				if (!decision || decision.resolved) return s;
				const row = {
					id: `${id}-answer`,
					metric: 'decision_right' as const,
					value: right ? 1 : 0,
					unit: decision.kind === 'adr' ? 'ADR' : 'decision',
					note: clip(`${decision.title} (reviewed ${localDate(at)}, due ${decision.reviewOn})`),
				};
				return answer({ ...s, decisions: s.decisions.map((d) => (d.id === id ? { ...d, resolved: { right, at } } : d)) }, row, at);
			});
		},
	};
	stores.set(core, store);
	return store;
}
