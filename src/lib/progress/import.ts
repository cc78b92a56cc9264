/**
 * Turns the text of a file the learner chose into a progress file, or into one
 * sentence saying what is wrong and what to do. Pure: reading the file and
 * applying the import belong to the dashboard island and the store.
 *
 * Checks run cheapest and most telling first: size (before parsing), JSON,
 * format, version, site, shape (first bad path), item ids, tick count, times.
 * Rejecting ids that are not kebab-case is what stops a hostile file from
 * smuggling markup (`<script>…`) into the page through an id.
 */
import { drillStateProblem } from '../drills/validate';
import { emptyDrillState } from '../drills/state';
import type { ProgressFile } from './state';
import { EXPORT_FORMAT, MAX_IMPORT_TICKS, MAX_RECORDS, STATE_VERSION } from './constants';
import { clampTimes } from './merge-import';
import { fileProblem, upgradeFile } from './validate-file';
import { MAX_LOG_ROWS } from '../practice-log/metrics';

/**
 * `clampedTimes` counts the times in the file that were ahead of this computer's
 * clock (a clock that ran fast when they were made): they are read as now, and the
 * learner is told, rather than the whole file being refused.
 *
 * `fromOtherCopy` is the storage id of another copy of this course (a fork, or the
 * original of a fork) the file came from, or null for this copy's own file. Item ids
 * are the course's, not the site's, so such a file applies here; its `siteId` is
 * rewritten to this copy's, and the learner is told before anything is applied.
 */
export type ParseResult = { ok: true; file: ProgressFile; fromOtherCopy: string | null; clampedTimes: number } | { ok: false; error: string };

export interface ParseOptions {
	/** This copy's storage id; a file from another copy of the course is accepted and reported. */
	siteId: string;
	/** Largest accepted size in UTF-8 bytes. */
	maxBytes: number;
	/** Current time in epoch ms (for the future-timestamp check); defaults to Date.now(). */
	now?: number;
}

const EXPORT_AGAIN = 'Export your progress again from the progress page of the book and import that file.';

function fail(error: string): ParseResult {
	return { ok: false, error };
}

/** UTF-8 size without encoding huge strings: every UTF-16 unit is 1 to 3 bytes. */
function exceedsBytes(text: string, maxBytes: number): boolean {
	if (text.length > maxBytes) return true;
	if (text.length * 3 <= maxBytes) return false;
	return new TextEncoder().encode(text).length > maxBytes;
}

function formatSize(bytes: number): string {
	if (bytes >= 1_000_000) return `${bytes / 1_000_000} MB`;
	return bytes >= 1000 ? `${Math.round(bytes / 1000)} KB` : `${bytes} bytes`;
}

const LITERAL = /true|false|null|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const ESCAPE = /\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4})/y;

/**
 * Offset of the first JSON syntax error (text.length when the text ends too
 * early), or null when the text is valid JSON. Browsers' JSON.parse messages
 * differ (V8 often gives no position, Safari never), so the learner's "line
 * and column" comes from this small RFC 8259 scanner, run only after a failure.
 */
export function jsonErrorOffset(text: string): number | null {
	let i = 0;
	const fail = (): never => {
		throw i;
	};
	const space = () => {
		while (text[i] === ' ' || text[i] === '\t' || text[i] === '\n' || text[i] === '\r') i += 1;
	};
	const expect = (char: string) => (text[i] === char ? (i += 1) : fail());
	const string = () => {
		expect('"');
		for (;;) {
			const char = text[i];
			if (char === '"') return void (i += 1);
			if (char === undefined || char < ' ') fail();
			if (char !== '\\') i += 1;
			else {
				ESCAPE.lastIndex = i;
				if (!ESCAPE.test(text)) fail();
				i = ESCAPE.lastIndex;
			}
		}
	};
	/** Members of an object or elements of an array, after the opening bracket. */
	const members = (close: string, member: () => void) => {
		space();
		if (text[i] === close) return void (i += 1);
		for (;;) {
			member();
			space();
			if (text[i] !== ',') return void expect(close);
			i += 1;
		}
	};
	const value = (): void => {
		space();
		if (text[i] === '{') {
			i += 1;
			members('}', () => {
				space();
				string();
				space();
				expect(':');
				value();
			});
		} else if (text[i] === '[') {
			i += 1;
			members(']', value);
		} else if (text[i] === '"') string();
		else {
			LITERAL.lastIndex = i;
			if (!LITERAL.test(text)) fail();
			i = LITERAL.lastIndex;
		}
	};
	try {
		value();
		space();
		return i < text.length ? fail() : null;
	} catch (offset) {
		// A RangeError (nesting deeper than the call stack) has no offset to report.
		return typeof offset === 'number' ? Math.min(offset, text.length) : null;
	}
}

/** "line 3, column 7" of an offset (both counted from 1), as editors show it. */
export function lineAndColumn(text: string, offset: number): string {
	const before = text.slice(0, offset);
	const line = before.split('\n').length;
	const column = before.length - before.lastIndexOf('\n');
	return `line ${line}, column ${column}`;
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false; error: string } {
	try {
		return { ok: true, value: JSON.parse(text) };
	} catch {
		const offset = jsonErrorOffset(text);
		const where =
			offset === null ? '' : offset >= text.length ? ' (it ends before the data is complete)' : ` (the first problem is at ${lineAndColumn(text, offset)})`;
		return { ok: false, error: `This file is not valid JSON${where}, so it is damaged or not a progress export. ${EXPORT_AGAIN}` };
	}
}

function field(value: unknown, name: string): unknown {
	return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>)[name] : undefined;
}

/** Longest piece of the file's own text an error message repeats. */
const ECHO_LIMIT = 40;

/** A value from the file as an error may quote it: JSON, cut to a few dozen characters. */
export function echo(value: unknown): string {
	const text = JSON.stringify(value) ?? 'none';
	return text.length <= ECHO_LIMIT ? text : `${text.slice(0, ECHO_LIMIT)}… (${text.length} characters)`;
}

/** Format and version: the checks that say "this is the wrong file" rather than "this file is damaged". */
function headerError(value: unknown): string | null {
	if (field(value, 'format') !== EXPORT_FORMAT) {
		return `This file is not a progress export of this book (it has no "format": "${EXPORT_FORMAT}" line). Choose the file the book's "Export progress" button saved.`;
	}
	const version = field(value, 'version');
	if (typeof version === 'number' && version > STATE_VERSION) {
		return `This file was exported by a newer version of the book (file version ${version}; this copy reads version ${STATE_VERSION}). Update your copy of the book, then import the file again.`;
	}
	if (typeof version !== 'number' || !Number.isInteger(version) || version < 1 || version > STATE_VERSION) {
		return `This file has an unknown version (${echo(version)}; this book reads versions 1 to ${STATE_VERSION}). ${EXPORT_AGAIN}`;
	}
	return null;
}

/** A path as the learner may see it; a key from the file that is not plain text is not echoed. */
function printablePath(path: string): string {
	return /^[\w.() -]{1,160}$/.test(path) ? path : 'a field with an unusual name';
}

/** Parses and checks the text of an import file; never throws. */
export function parseProgressFile(text: string, options: ParseOptions): ParseResult {
	if (exceedsBytes(text, options.maxBytes)) {
		return fail(`This file is larger than ${formatSize(options.maxBytes)}, far more than a progress export needs, so it was not read. Choose the file the book's "Export progress" button saved.`);
	}
	if (text.trim() === '') return fail(`This file is empty. ${EXPORT_AGAIN}`);
	const parsed = parseJson(text);
	if (!parsed.ok) return fail(parsed.error);
	const header = headerError(parsed.value);
	if (header) return fail(header);
	const problem = fileProblem(parsed.value);
	if (problem?.badId) {
		return fail(`This file contains an item id that is not valid (ids are lowercase words joined by hyphens), so it may have been edited or damaged. Nothing was imported. ${EXPORT_AGAIN}`);
	}
	if (problem) {
		return fail(`This file is not in the expected shape: at "${printablePath(problem.path)}" the book expected ${problem.expected}. It may have been edited or damaged. ${EXPORT_AGAIN}`);
	}
	const drills = drillStateProblem((parsed.value as { drills?: unknown }).drills ?? emptyDrillState());
	if (drills) {
		return fail(`This file's drill record is not in the expected shape (${drills.slice(0, 200)}). It may have been edited or damaged. Nothing was imported. ${EXPORT_AGAIN}`);
	}
	const exported = upgradeFile(parsed.value as Record<string, unknown>);
	const fromOtherCopy = exported.siteId === options.siteId ? null : exported.siteId;
	const file = fromOtherCopy === null ? exported : { ...exported, siteId: options.siteId };
	if (Object.keys(file.ticks).length > MAX_IMPORT_TICKS) {
		return fail(`This file holds more than ${MAX_IMPORT_TICKS} ticks, more than the book has items, so it was not imported. ${EXPORT_AGAIN}`);
	}
	if (file.log.length > MAX_LOG_ROWS || file.claims.length > MAX_RECORDS || file.decisions.length > MAX_RECORDS) {
		return fail(`This file holds more than ${MAX_LOG_ROWS} log rows or ${MAX_RECORDS} claims or decisions, so it was not imported. ${EXPORT_AGAIN}`);
	}
	const { state: clampedFile, clamped } = clampTimes(file, options.now ?? Date.now());
	return { ok: true, file: clampedFile, fromOtherCopy, clampedTimes: clamped };
}
