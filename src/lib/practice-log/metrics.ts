/**
 * The practice log's row format as plain values: the metrics the measurement guide
 * (content/practice/measurement.mdx) defines, the unit each is written in and the
 * values it may take. Plain data (no zod, no DOM) because the browser's store checks
 * rows with it; src/content/schema.ts builds the zod schema of a row from the same
 * table, and tests/unit/practice-log-rows.test.ts checks both agree.
 *
 * A row, as the CSV header names it: date,week,metric,value,unit,note
 */

import { MAX_WEEK, isCalendarDate } from './dates';

export { MAX_WEEK, isCalendarDate, localDate, weekOfDate } from './dates';

/** What a value means, which fixes its range. */
export type MetricKind = 'outcome' | 'minutes' | 'ratio' | 'score' | 'count';

export interface MetricSpec {
	kind: MetricKind;
	/** Units a row of this metric may carry; the first is the one the book writes. */
	units: readonly string[];
	/** Inclusive bounds for scores; outcomes are 0 or 1, minutes and ratios only > 0. */
	max?: number;
	/** Counts only: the smallest whole number allowed (0 when absent). */
	min?: number;
	/** How the learner should read the range, for error messages. */
	range: string;
	/** Outcomes only: 0.5 is allowed too (partly right counts as half). */
	partly?: boolean;
}

export const METRICS = {
	eda_minutes: { kind: 'minutes', units: ['min'], range: 'minutes, more than 0' },
	intuition_correct: { kind: 'outcome', units: ['claim', 'guess'], range: '1 (came true), 0.5 (partly) or 0 (did not)', partly: true },
	decision_right: { kind: 'outcome', units: ['ADR', 'decision'], range: '1 (proved right) or 0 (did not)' },
	prototype_overrun: { kind: 'ratio', units: ['ratio'], range: 'minutes used divided by the time box, more than 0' },
	communication: { kind: 'score', units: ['of 4'], max: 4, range: 'a whole score from 0 to 4' },
	decomposition: { kind: 'score', units: ['of 7'], max: 7, range: 'a whole score from 0 to 7' },
	// The daily drills' own rows (content/practice/measurement.mdx, "Rows from the daily drills").
	recall_correct: { kind: 'outcome', units: ['task'], range: '1 (right) or 0 (wrong)' },
	golf_lines: { kind: 'count', units: ['lines'], min: 1, range: 'a whole number from 1' },
	mistake_pattern: { kind: 'count', units: ['misses'], range: 'a whole number from 0' },
} as const satisfies Record<string, MetricSpec>;

export type Metric = keyof typeof METRICS;
export const METRIC_NAMES = Object.keys(METRICS) as Metric[];

/** One measurement: the columns of the CSV, typed. */
export interface LogRow {
	/**
	 * The row's identity (kebab-case, at most 100 characters): two rows with equal
	 * values are still two measurements. The store gives every row one (a random
	 * UUID, or `legacyRowId` for a row that came without one); a committed log.csv
	 * may leave the column out.
	 */
	id?: string;
	/** Day of the measurement, YYYY-MM-DD. */
	date: string;
	/** Course week (1 = the week of the start date). */
	week: number;
	metric: Metric;
	value: number;
	unit: string;
	/** Free text; may hold commas, quotes and line breaks (the CSV quotes them). */
	note: string;
	/** When the learner last edited the row (epoch ms); an edit is a new version of the same id, and the newest wins a merge. */
	editedAt?: number;
}

/** A row as the browser stores it: always with its id. */
export type StoredRow = LogRow & { id: string };

/** Column order of the CSV; the header line is exactly these names joined by commas, optionally followed by `,id`. */
export const LOG_COLUMNS = ['date', 'week', 'metric', 'value', 'unit', 'note'] as const;
/** The optional last column of the CSV: the row's id. */
export const ID_COLUMN = 'id';
/** A row id: lowercase letters and digits in words joined by single hyphens (a UUID is one), at most 100 characters. */
export const ROW_ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const MAX_ROW_ID_LENGTH = 100;

export function isRowId(value: unknown): boolean {
	return typeof value === 'string' && value.length <= MAX_ROW_ID_LENGTH && ROW_ID_PATTERN.test(value);
}

/** Longest note kept, in characters. */
export const MAX_NOTE_LENGTH = 2000;
/** Largest CSV file read, in bytes (a spreadsheet export of years of practice is far smaller). */
export const MAX_LOG_BYTES = 50_000_000;
/** Most rows a stored log or an import may hold. */
export const MAX_LOG_ROWS = 200_000;

export function isMetric(value: unknown): value is Metric {
	return typeof value === 'string' && Object.hasOwn(METRICS, value);
}

/** Whether `value` is allowed for `metric`, as its spec's `range` says. */
export function valueInRange(metric: Metric, value: number): boolean {
	const spec: MetricSpec = METRICS[metric];
	if (!Number.isFinite(value)) return false;
	switch (spec.kind) {
		case 'outcome':
			return value === 0 || value === 1 || (spec.partly === true && value === 0.5);
		case 'score':
			return Number.isInteger(value) && value >= 0 && value <= (spec.max ?? 0);
		case 'count':
			return Number.isInteger(value) && value >= (spec.min ?? 0) && value < 1e6;
		default:
			return value > 0 && value < 1e6;
	}
}

/** One thing wrong with a row field, said as the problem and its fix. */
export interface RowProblem {
	field: (typeof LOG_COLUMNS)[number] | 'row';
	problem: string;
	fix: string;
}

/**
 * Every problem of a row, in column order (empty when the row is valid). Works on
 * typed values; the CSV parser turns text into numbers first and reports text that
 * is not a number itself.
 */
export function rowProblems(row: { date: unknown; week: unknown; metric: unknown; value: unknown; unit: unknown; note: unknown }): RowProblem[] {
	const problems: RowProblem[] = [];
	if (!isCalendarDate(row.date)) {
		problems.push({ field: 'date', problem: `date ${JSON.stringify(row.date)} is not a day of the calendar`, fix: 'write it as YYYY-MM-DD, e.g. 2025-03-08' });
	}
	if (typeof row.week !== 'number' || !Number.isInteger(row.week) || row.week < 1 || row.week > MAX_WEEK) {
		problems.push({ field: 'week', problem: `week ${JSON.stringify(row.week)} is not a course week`, fix: 'write the course week as a whole number from 1' });
	}
	if (!isMetric(row.metric)) {
		problems.push({ field: 'metric', problem: `unknown metric ${JSON.stringify(row.metric)}`, fix: `use one of ${METRIC_NAMES.join(', ')}` });
	} else {
		const spec: MetricSpec = METRICS[row.metric];
		if (typeof row.value !== 'number' || !valueInRange(row.metric, row.value)) {
			problems.push({ field: 'value', problem: `value ${JSON.stringify(row.value)} is out of range for ${row.metric}`, fix: `write ${spec.range}` });
		}
		if (typeof row.unit !== 'string' || !spec.units.includes(row.unit)) {
			problems.push({ field: 'unit', problem: `unit ${JSON.stringify(row.unit)} does not fit ${row.metric}`, fix: `write ${spec.units.map((u) => `"${u}"`).join(' or ')}` });
		}
	}
	if (typeof row.note !== 'string' || row.note.length > MAX_NOTE_LENGTH) {
		problems.push({ field: 'note', problem: 'the note is too long', fix: `shorten it to ${MAX_NOTE_LENGTH} characters` });
	}
	return problems;
}

/**
 * Whether `value` is a valid row, without saying why not: the store checks every
 * stored row with it on every page that has a checklist, so it carries no messages
 * (`rowProblems` says what is wrong, for the CSV import and the validator).
 */
export function isLogRow(value: unknown): value is LogRow {
	if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
	const row = value as Record<string, unknown>;
	const keys = Object.keys(row);
	const optional = (Object.hasOwn(row, 'id') ? 1 : 0) + (Object.hasOwn(row, 'editedAt') ? 1 : 0);
	if (keys.length !== LOG_COLUMNS.length + optional || !LOG_COLUMNS.every((column) => keys.includes(column))) return false;
	const { date, week, metric, value: measured, unit, note, id, editedAt } = row;
	if (id !== undefined && !isRowId(id)) return false;
	if (editedAt !== undefined && !(typeof editedAt === 'number' && Number.isFinite(editedAt) && editedAt >= 0)) return false;
	return (
		isCalendarDate(date) &&
		typeof week === 'number' &&
		Number.isInteger(week) &&
		week >= 1 &&
		week <= MAX_WEEK &&
		isMetric(metric) &&
		typeof measured === 'number' &&
		valueInRange(metric, measured) &&
		(METRICS[metric].units as readonly unknown[]).includes(unit) &&
		typeof note === 'string' &&
		note.length <= MAX_NOTE_LENGTH
	);
}

/** A row's values (not its id or edit time): rows with equal keys are identical measurements, not the same row. */
export function rowKey(row: LogRow): string {
	return JSON.stringify([row.date, row.week, row.metric, row.value, row.unit, row.note]);
}

/**
 * 53-bit string hash (cyrb53, public domain), as base 36. Not cryptographic: it only
 * has to give the same legacy row the same id in every browser.
 */
function hash53(text: string): string {
	let h1 = 0xdeadbeef;
	let h2 = 0x41c6ce57;
	for (let i = 0; i < text.length; i += 1) {
		const c = text.charCodeAt(i);
		h1 = Math.imul(h1 ^ c, 2654435761);
		h2 = Math.imul(h2 ^ c, 1597334677);
	}
	h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
	h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
	return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}

/**
 * The id of a row that came without one (a v1/v2 store or export, a CSV without the
 * id column): a hash of its values and which occurrence of those values it is
 * (0 for the first), so the same legacy row gets the same id in every browser and
 * two identical rows get two ids.
 */
export function legacyRowId(row: LogRow, occurrence: number): string {
	return `r-${hash53(rowKey(row))}-${occurrence}`;
}

/** A fresh random row id (a UUID where the browser has one). */
export function newRowId(): string {
	const c = globalThis.crypto;
	if (typeof c?.randomUUID === 'function') return c.randomUUID();
	const bytes = new Uint8Array(16);
	c.getRandomValues(bytes);
	return `r-${[...bytes].map((b) => b.toString(16).padStart(2, '0')).join('')}`;
}

/** `rows` with an id on every row: rows without one get `legacyRowId`, counting identical rows in order. */
export function withRowIds(rows: readonly LogRow[]): StoredRow[] {
	const seen = new Map<string, number>();
	const taken = new Set(rows.flatMap((row) => (row.id === undefined ? [] : [row.id])));
	return rows.map((row) => {
		if (row.id !== undefined) return row as StoredRow;
		const key = rowKey(row);
		let occurrence = seen.get(key) ?? 0;
		while (taken.has(legacyRowId(row, occurrence))) occurrence += 1;
		seen.set(key, occurrence + 1);
		const id = legacyRowId(row, occurrence);
		taken.add(id);
		return { id, ...row };
	});
}

/** Deleted ids and when they were deleted (epoch ms): the tombstones an import cannot bring back. */
export type Tombstones = Record<string, number>;
