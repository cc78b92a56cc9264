/**
 * The zod schemas of the progress stored in the browser and of the export file.
 * They are the written-down specification, used on the server (build-time code
 * reading a published `content/progress.json`) and by the tests, which check
 * that the hand-written validators the browser runs (validate-state.ts) accept
 * and reject exactly what these schemas do. The browser never loads zod: it
 * would add ~90 KB gzipped to a checklist island whose budget is 4 KB.
 *
 * Stored value (localStorage, key from `storageKey()`), JSON, version 3:
 *   {
 *     version: 3,
 *     ticks: { "<item-id>": { checked: boolean, at: <epoch ms> }, ... },
 *     settings: { startDate?: "YYYY-MM-DD" },
 *     log: [ { id, date, week, metric, value, unit, note, editedAt? }, ... ],   // the practice log (src/lib/practice-log)
 *     timers: { "<routine>": { startedAt, pausedAt: number | null, pausedMs, stopping?: true } },
 *     claims: [ { id, text, confidence, checkOn, createdAt, editedAt?, resolved?: { correct, partly?, at } }, ... ],
 *     decisions: [ { id, title, kind, reviewOn, createdAt, editedAt?, resolved?: { right, at } }, ... ],
 *     deleted: { "<row, claim or decision id>": <epoch ms of the deletion> },
 *     drills?: { cards, attempts, paragraphs, patterns }        // the daily drills (src/lib/drills/state.ts)
 *   }
 * An untick is stored as `checked: false` with its time, not deleted, so a merge
 * can tell a newer untick from an older tick. Ticks on ids the book no longer has
 * stay (orphaned); ticks on a renamed id move to the new id when read (merge.ts).
 * A timer stores when it started (and paused), never a running count, so its clock
 * survives a reload and a closed tab; `stopping` marks a run whose Stop was pressed
 * (in any tab) and whose row is being confirmed, so no other tab can resume it.
 * Resolving a claim or decision appends its log
 * row (`intuition_correct`, `decision_right`); the claim stays, marked resolved.
 *
 * Every row, claim and decision has an id, so two equal measurements are two rows.
 * A deletion is a tombstone in `deleted` (the id and when), kept for good: a merge
 * is the union of both sides' records minus every tombstoned id (an observed-remove
 * set), so neither another tab nor an old file can bring a deleted record back. An
 * edit keeps the id and sets `editedAt`; of two versions of an id the newer wins.
 *
 * Migrations: `readStoredState` (validate-state.ts) turns every older stored value
 * into the current shape when it is read; the next write stores the new shape.
 *   v1 -> v3: `{ version: 1, ticks, settings }` gains an empty log, timers, claims,
 *   decisions and tombstones; every tick and the settings are kept as they were.
 *   v2 -> v3: every log row gets the id `legacyRowId` (practice-log/metrics.ts)
 *   gives it: a hash of its values and its occurrence, so the same row gets the
 *   same id in every browser and in every v2 export file; an empty `deleted`.
 * When the shape changes again: bump STATE_VERSION, add the new schema here, and
 * add the step to `readStoredState`. A value whose version is newer than this
 * code knows (an older copy of the book opened after a newer one) fails
 * validation and is treated like a corrupt value: set aside under a backup key
 * with a notice, never silently overwritten.
 *
 * Export file: `{ format: 'ai-eng-plan-progress', version: 3, siteId, exportedAt
 * (ISO 8601), ticks, settings, log, claims, decisions, deleted }` (running timers
 * stay in the browser: a clock started on one machine means nothing on another).
 * Version 1 files (ticks and settings only) and version 2 files (no ids on rows,
 * no tombstones) are still read, given ids as above. All objects are strict:
 * unknown keys are rejected.
 */
import { z } from 'astro/zod';
import { legacyLogRow, storedLogRow } from '../../content/schema';
import { isCalendarDate, MAX_NOTE_LENGTH, withRowIds, type StoredRow } from '../practice-log/metrics';
import type { DrillState } from '../drills/state';
import { drillStateProblem } from '../drills/validate';
import { DATE_PATTERN, EXPORT_FORMAT, ITEM_ID_PATTERN, MAX_CONFIDENCE, MAX_ID_LENGTH, MIN_CONFIDENCE, SITE_ID_PATTERN, STATE_VERSION } from './constants';

/** A course item id as stored: kebab-case, bounded length. */
export const storedItemId = z.string().max(MAX_ID_LENGTH).regex(ITEM_ID_PATTERN);

/** One checkbox's latest state and when it was set (epoch milliseconds). */
export const tickSchema = z.strictObject({
	checked: z.boolean(),
	at: z.number().nonnegative(),
});

export const ticksSchema = z.record(storedItemId, tickSchema);

export const settingsSchema = z.strictObject({
	startDate: z.string().regex(DATE_PATTERN).optional(),
});

const calendarDate = z.string().refine(isCalendarDate, 'a date YYYY-MM-DD');
const epochMs = z.number().nonnegative();
const shortText = z.string().trim().min(1).max(MAX_NOTE_LENGTH);

/** A timed routine's clock: when it started, when it was paused (null while running), total paused time. */
export const runningTimerSchema = z.strictObject({
	startedAt: epochMs,
	pausedAt: epochMs.nullable(),
	pausedMs: epochMs,
	/** Stop was pressed (in any tab): the run is over everywhere while its row is confirmed. Absent otherwise. */
	stopping: z.literal(true).optional(),
});
export const timersSchema = z.record(storedItemId, runningTimerSchema);

/** A checkable statistical claim, answered right or wrong on or after `checkOn`. */
export const claimSchema = z.strictObject({
	id: storedItemId,
	text: shortText,
	/** Stated probability that the claim comes true, 0.5 to 0.95. */
	confidence: z.number().min(MIN_CONFIDENCE).max(MAX_CONFIDENCE),
	checkOn: calendarDate,
	createdAt: epochMs,
	/** When the learner last edited it; of two versions of an id the newer wins. */
	editedAt: epochMs.optional(),
	/** The answer: came true or not; `partly` (with `correct: false`) when it came partly true, which counts as half. */
	resolved: z.strictObject({ correct: z.boolean(), partly: z.literal(true).optional(), at: epochMs }).optional(),
});

/** Records whose ids are all different (the browser's check says "an id no other row has"). */
const distinctIds = <T extends { id?: string }>(records: T[]) => new Set(records.map((r) => r.id)).size === records.length;
const idsOnce = 'each id once';

/** A technical decision or ADR, reviewed on or after `reviewOn`. */
/** The daily drills' record (src/lib/drills/state.ts, which documents and checks its shape); optional, so older values stay valid as they are. */
export const drillsSchema = z.custom<DrillState>((value) => drillStateProblem(value) === null, 'a drill record (src/lib/drills/state.ts)');

export const decisionSchema = z.strictObject({
	id: storedItemId,
	title: shortText,
	kind: z.enum(['decision', 'adr']),
	reviewOn: calendarDate,
	createdAt: epochMs,
	editedAt: epochMs.optional(),
	resolved: z.strictObject({ right: z.boolean(), at: epochMs }).optional(),
});

/** Version 1 of the stored value: ticks and settings only. Still read, migrated on load. */
export const storedStateV1Schema = z.strictObject({
	version: z.literal(1),
	ticks: ticksSchema,
	settings: settingsSchema,
});

/** Deleted ids (rows, claims, decisions) and when they were deleted. */
export const tombstonesSchema = z.record(storedItemId, epochMs);

/** Version 2 of the stored value: rows without ids, no tombstones. Still read, migrated on load. */
export const storedStateV2Schema = z.strictObject({
	version: z.literal(2),
	ticks: ticksSchema,
	settings: settingsSchema,
	log: z.array(legacyLogRow),
	timers: timersSchema,
	claims: z.array(claimSchema).refine(distinctIds, idsOnce),
	decisions: z.array(decisionSchema).refine(distinctIds, idsOnce),
});

export const storedStateSchema = z.strictObject({
	version: z.literal(STATE_VERSION),
	ticks: ticksSchema,
	settings: settingsSchema,
	log: z.array(storedLogRow).refine(distinctIds, idsOnce),
	timers: timersSchema,
	claims: z.array(claimSchema).refine(distinctIds, idsOnce),
	decisions: z.array(decisionSchema).refine(distinctIds, idsOnce),
	deleted: tombstonesSchema,
	drills: drillsSchema.optional(),
});

const fileHeader = {
	format: z.literal(EXPORT_FORMAT),
	siteId: z.string().max(MAX_ID_LENGTH).regex(SITE_ID_PATTERN),
	exportedAt: z.iso.datetime({ offset: true }),
};

/** An export file of version 1 (ticks and settings), as older copies of the book wrote it. */
export const progressFileV1Schema = z.strictObject({ ...fileHeader, version: z.literal(1), ticks: ticksSchema, settings: settingsSchema });

/** An export file of version 2: the log's rows without ids, no tombstones. */
export const progressFileV2Schema = z.strictObject({
	...fileHeader,
	version: z.literal(2),
	ticks: ticksSchema,
	settings: settingsSchema,
	log: z.array(legacyLogRow),
	claims: z.array(claimSchema).refine(distinctIds, idsOnce),
	decisions: z.array(decisionSchema).refine(distinctIds, idsOnce),
});

/** An export file of the current version. */
export const progressFileV3Schema = z.strictObject({
	...fileHeader,
	version: z.literal(STATE_VERSION),
	ticks: ticksSchema,
	settings: settingsSchema,
	log: z.array(storedLogRow).refine(distinctIds, idsOnce),
	claims: z.array(claimSchema).refine(distinctIds, idsOnce),
	decisions: z.array(decisionSchema).refine(distinctIds, idsOnce),
	deleted: tombstonesSchema,
	drills: drillsSchema.optional(),
});

/** Any export file this book reads, as the current version (a v1 file has an empty log; v2 rows get their legacy ids). */
export const progressFileSchema = z.discriminatedUnion('version', [progressFileV1Schema, progressFileV2Schema, progressFileV3Schema]).transform(
	(file): ProgressFile =>
		file.version === 1
			? { ...file, version: STATE_VERSION, log: [], claims: [], decisions: [], deleted: {} }
			: file.version === 2
				? { ...file, version: STATE_VERSION, log: withRowIds(file.log), deleted: {} }
				: file,
);

export type Tick = z.infer<typeof tickSchema>;
export type Ticks = Record<string, Tick>;
export type ProgressSettings = z.infer<typeof settingsSchema>;
export type RunningTimer = z.infer<typeof runningTimerSchema>;
export type Claim = z.infer<typeof claimSchema>;
export type Decision = z.infer<typeof decisionSchema>;
export type Tombstones = Record<string, number>;
export type ProgressStateV1 = z.infer<typeof storedStateV1Schema>;
export type ProgressState = Omit<z.infer<typeof storedStateSchema>, 'log'> & { log: StoredRow[] };
export type ProgressFile = Omit<z.infer<typeof progressFileV3Schema>, 'log'> & { log: StoredRow[] };
