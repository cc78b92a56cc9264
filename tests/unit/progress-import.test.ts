/** parseProgressFile: every rejection is a sentence for the learner, and a good file comes back whole. */
import { describe, expect, it } from 'vitest';
import { STATE_VERSION } from '../../src/lib/progress/constants';
import { jsonErrorOffset, lineAndColumn, parseProgressFile } from '../../src/lib/progress/import';

const NOW = Date.UTC(2025, 5, 1); // 2025-06-01T00:00:00Z
const DAY = 24 * 60 * 60 * 1000;
const options = { siteId: 'ai-eng-plan', maxBytes: 1_000_000, now: NOW };

function exportFile(overrides: Record<string, unknown> = {}): Record<string, unknown> {
	return {
		format: 'ai-eng-plan-progress',
		version: 1,
		siteId: 'ai-eng-plan',
		exportedAt: '2025-05-31T12:00:00.000Z',
		ticks: { 'week-01-read': { checked: true, at: NOW - DAY }, 'week-01-eda': { checked: false, at: NOW - 2 * DAY } },
		settings: { startDate: '2025-01-06' },
		...overrides,
	};
}

function errorOf(text: string, opts = options): string {
	const result = parseProgressFile(text, opts);
	if (result.ok) throw new Error('expected a rejection');
	return result.error;
}

describe('parseProgressFile accepts', () => {
	it('a well-formed version 1 export of this site, as the current version with an empty log', () => {
		const result = parseProgressFile(JSON.stringify(exportFile()), options);
		expect(result).toEqual({ ok: true, file: { ...exportFile(), version: STATE_VERSION, log: [], claims: [], decisions: [], deleted: {} }, fromOtherCopy: null, clampedTimes: 0 });
	});

	it('a tick up to a day in the future (clock skew), and a time offset in exportedAt', () => {
		const text = JSON.stringify(exportFile({ exportedAt: '2025-05-31T14:00:00+02:00', ticks: { a: { checked: true, at: NOW + DAY } } }));
		expect(parseProgressFile(text, options).ok).toBe(true);
	});

	it('a tick far in the future (a clock that ran fast), read as now and counted for the note', () => {
		const future = exportFile({ ticks: { 'week-02-read': { checked: true, at: NOW + 30 * DAY }, 'week-01-read': { checked: true, at: NOW - DAY } } });
		const result = parseProgressFile(JSON.stringify(future), options);
		if (!result.ok) throw new Error(result.error);
		expect(result.clampedTimes).toBe(1);
		expect(result.file.ticks['week-02-read']).toEqual({ checked: true, at: NOW });
		expect(result.file.ticks['week-01-read']).toEqual({ checked: true, at: NOW - DAY });
	});

	it('a version 2 file: rows get the same ids in every browser, two equal rows two ids', () => {
		const row = { date: '2025-05-01', week: 1, metric: 'eda_minutes', value: 38, unit: 'min', note: '' };
		const v2 = exportFile({ version: 2, log: [row, { ...row, value: 52 }, row], claims: [], decisions: [] });
		const first = parseProgressFile(JSON.stringify(v2), options);
		const again = parseProgressFile(JSON.stringify(v2), options);
		if (!first.ok || !again.ok) throw new Error('expected both to parse');
		const ids = first.file.log.map((r) => r.id);
		expect(new Set(ids).size).toBe(3);
		expect(again.file.log.map((r) => r.id)).toEqual(ids);
		expect(first.file.deleted).toEqual({});
	});
});

describe('parseProgressFile rejects', () => {
	it('a file over the size limit before parsing it, counting UTF-8 bytes', () => {
		// len('"ééééé"'.encode('utf-8')) == 12 in Python, while the string has 7 UTF-16 units
		expect(errorOf('"ééééé"', { ...options, maxBytes: 11 })).toMatch(/^This file is larger than 11 bytes/);
		// The same 12 bytes fit a 12-byte limit, so the next check (format) speaks instead.
		expect(errorOf('"ééééé"', { ...options, maxBytes: 12 })).toMatch(/not a progress export/);
		expect(errorOf('x'.repeat(2_000_001), options)).toMatch(/larger than 1 MB.*Export progress/);
	});

	it('an empty file', () => {
		expect(errorOf('  \n')).toMatch(/^This file is empty\. Export your progress again/);
	});

	it('invalid JSON, saying where the first problem is', () => {
		// python: json.loads(t) with t = the text below raises "Expecting ',' delimiter: line 4 column 3"
		const text = '{\n  "format": "ai-eng-plan-progress",\n  "version": 1\n  "siteId": "x"\n}';
		expect(errorOf(text)).toBe(
			'This file is not valid JSON (the first problem is at line 4, column 3), so it is damaged or not a progress export. ' +
				'Export your progress again from the progress page of the book and import that file.',
		);
		expect(errorOf('{"format": "ai-eng-plan-progress", ')).toMatch(/not valid JSON \(it ends before the data is complete\)/);
	});

	it('a JSON file that is not a progress export', () => {
		expect(errorOf('[1, 2, 3]')).toMatch(/^This file is not a progress export of this book/);
		expect(errorOf(JSON.stringify(exportFile({ format: 'something-else' })))).toMatch(/not a progress export/);
	});

	it('a newer version, naming both versions and what to do', () => {
		expect(errorOf(JSON.stringify(exportFile({ version: STATE_VERSION + 1 })))).toBe(
			`This file was exported by a newer version of the book (file version ${STATE_VERSION + 1}; this copy reads version ${STATE_VERSION}). ` +
				'Update your copy of the book, then import the file again.',
		);
	});

	it('an unknown or missing version', () => {
		expect(errorOf(JSON.stringify(exportFile({ version: 0 })))).toMatch(/unknown version \(0;/);
		expect(errorOf(JSON.stringify(exportFile({ version: undefined })))).toMatch(/unknown version \(none;/);
	});

	it('a wrong shape, naming the first bad path', () => {
		const badAt = exportFile({ ticks: { 'week-01-read': { checked: true, at: 'yesterday' } } });
		expect(errorOf(JSON.stringify(badAt))).toMatch(/at "ticks\.week-01-read\.at" the book expected a time in milliseconds\. .*Export/);
		const badChecked = exportFile({ ticks: { 'week-01-read': { checked: 'yes', at: 1 } } });
		expect(errorOf(JSON.stringify(badChecked))).toMatch(/at "ticks\.week-01-read\.checked" the book expected true or false/);
		expect(errorOf(JSON.stringify(exportFile({ extra: 1 })))).toMatch(/at "extra" the book expected no such field/);
		expect(errorOf(JSON.stringify(exportFile({ settings: { startDate: '6 Jan' } })))).toMatch(/at "settings\.startDate"/);
		expect(errorOf(JSON.stringify(exportFile({ exportedAt: 'last tuesday' })))).toMatch(/at "exportedAt"/);
		expect(errorOf(JSON.stringify(exportFile({ ticks: [] })))).toMatch(/at "ticks" the book expected an object of ticks/);
	});

	it('does not echo a strange key back to the learner', () => {
		const error = errorOf(JSON.stringify(exportFile({ '<img src=x onerror=alert(1)>': 1 })));
		expect(error).toMatch(/at "a field with an unusual name"/);
		expect(error).not.toContain('<img');
	});

	it('an id that is not kebab-case, such as one carrying a script', () => {
		const hostile = exportFile({ ticks: { '<script>alert(1)</script>': { checked: true, at: 1 } } });
		const error = errorOf(JSON.stringify(hostile));
		expect(error).toMatch(/^This file contains an item id that is not valid/);
		expect(error).not.toContain('<script>');
		const upper = exportFile({ ticks: { 'Week-01': { checked: true, at: 1 } } });
		expect(errorOf(JSON.stringify(upper))).toMatch(/item id that is not valid/);
		const long = exportFile({ ticks: { ['a'.repeat(101)]: { checked: true, at: 1 } } });
		expect(errorOf(JSON.stringify(long))).toMatch(/item id that is not valid/);
	});

	it('a huge version without echoing it whole', () => {
		const error = errorOf(JSON.stringify(exportFile({ version: 'x'.repeat(1_000_000) })), { ...options, maxBytes: 2_000_000 });
		expect(error).toMatch(/unknown version \("x{39}… \(1000002 characters\)/);
		expect(error.length).toBeLessThan(300);
	});

	it('a time that is not finite or is negative', () => {
		// JSON has no Infinity, but 1e400 parses to it (Python: json.loads('1e400') == inf)
		const text = JSON.stringify(exportFile({ ticks: { a: { checked: true, at: 0 } } })).replace('"at":0', '"at":1e400');
		expect(errorOf(text)).toMatch(/at "ticks\.a\.at" the book expected a time in milliseconds/);
		expect(errorOf(JSON.stringify(exportFile({ ticks: { a: { checked: true, at: -1 } } })))).toMatch(/ticks\.a\.at/);
	});

	it('more ticks than any book has', () => {
		const ticks = Object.fromEntries(Array.from({ length: 5001 }, (_, i) => [`item-${i}`, { checked: true, at: 1 }]));
		expect(errorOf(JSON.stringify(exportFile({ ticks })))).toMatch(/more than 5000 ticks/);
	});
});

describe('jsonErrorOffset', () => {
	it('finds the offset Python reports for common mistakes', () => {
		// python: json.loads('{"a":1,}') -> "Expecting property name enclosed in double quotes: line 1 column 8 (char 7)"
		expect(jsonErrorOffset('{"a":1,}')).toBe(7);
		// python: json.loads('{"a": tru}') -> "Expecting value: line 1 column 7 (char 6)"
		expect(jsonErrorOffset('{"a": tru}')).toBe(6);
		expect(jsonErrorOffset('[1 2]')).toBe(3);
		expect(jsonErrorOffset('"a\\x"')).toBe(2);
		expect(jsonErrorOffset('"line\nbreak"')).toBe(5);
		expect(jsonErrorOffset('01')).toBe(1);
		expect(jsonErrorOffset('{"a":1} x')).toBe(8);
	});

	it('returns null for valid JSON of every kind', () => {
		for (const text of ['{}', '[]', ' {"a": [1, -2.5e3, true, false, null, "\\u00e9\\n"]} ', '"x"', '0']) {
			expect(jsonErrorOffset(text)).toBeNull();
		}
	});

	it('puts an early end at the length of the text', () => {
		expect(jsonErrorOffset('{"a": [1, 2')).toBe(11);
		expect(jsonErrorOffset('')).toBe(0);
	});

	it('counts lines and columns from 1', () => {
		expect(lineAndColumn('ab\ncd', 4)).toBe('line 2, column 2');
		expect(lineAndColumn('abc', 0)).toBe('line 1, column 1');
	});
});
