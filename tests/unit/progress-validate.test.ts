/**
 * The browser's hand-written validators (validate-state.ts) against the zod
 * schemas of state.ts, which are the specification: on every value below both
 * must agree, so the client can skip zod without drifting from the spec.
 */
import { describe, expect, it } from 'vitest';
import { backupKey, storageKey } from '../../src/lib/progress/constants';
import { progressFileSchema, storedStateSchema, storedStateV1Schema } from '../../src/lib/progress/state';

/** What the store reads: a value of the current version, or of version 1 (migrated when read). */
const readableState = storedStateV1Schema.or(storedStateSchema);
import { readStoredState, ticksProblem } from '../../src/lib/progress/validate-state';
import { fileProblem, isIsoDateTime } from '../../src/lib/progress/validate-file';

const goodState = { version: 1, ticks: { 'week-01-read': { checked: true, at: 1_700_000_000_000 } }, settings: {} };

const storedValues: [string, unknown][] = [
	['a minimal state', { version: 1, ticks: {}, settings: {} }],
	['a state with ticks and a start date', { ...goodState, settings: { startDate: '2025-01-06' } }],
	['an untick at time 0', { version: 1, ticks: { a: { checked: false, at: 0 } }, settings: {} }],
	['a fractional time', { version: 1, ticks: { a: { checked: true, at: 1.5 } }, settings: {} }],
	['the id "constructor"', { version: 1, ticks: { constructor: { checked: true, at: 1 } }, settings: {} }],
	['a 100-character id', { version: 1, ticks: { ['a'.repeat(100)]: { checked: true, at: 1 } }, settings: {} }],
	['null', null],
	['an array', []],
	['a string', 'state'],
	['version 2', { ...goodState, version: 2 }],
	['version "1"', { ...goodState, version: '1' }],
	['no version', { ticks: {}, settings: {} }],
	['no settings', { version: 1, ticks: {} }],
	['an unknown top-level key', { ...goodState, log: [] }],
	['ticks as an array', { ...goodState, ticks: [] }],
	['a tick as true', { ...goodState, ticks: { a: true } }],
	['checked as a string', { ...goodState, ticks: { a: { checked: 'true', at: 1 } } }],
	['at as a string', { ...goodState, ticks: { a: { checked: true, at: '1' } } }],
	['a negative time', { ...goodState, ticks: { a: { checked: true, at: -1 } } }],
	['an infinite time', { ...goodState, ticks: { a: { checked: true, at: Number.POSITIVE_INFINITY } } }],
	['NaN as time', { ...goodState, ticks: { a: { checked: true, at: Number.NaN } } }],
	['a tick without at', { ...goodState, ticks: { a: { checked: true } } }],
	['an extra tick field', { ...goodState, ticks: { a: { checked: true, at: 1, note: 'x' } } }],
	['an upper-case id', { ...goodState, ticks: { Week: { checked: true, at: 1 } } }],
	['an id with a double hyphen', { ...goodState, ticks: { 'a--b': { checked: true, at: 1 } } }],
	['an id with a trailing hyphen', { ...goodState, ticks: { 'a-': { checked: true, at: 1 } } }],
	['an id with markup', { ...goodState, ticks: { '<script>x</script>': { checked: true, at: 1 } } }],
	['a 101-character id', { ...goodState, ticks: { ['a'.repeat(101)]: { checked: true, at: 1 } } }],
	['an empty id', { ...goodState, ticks: { '': { checked: true, at: 1 } } }],
	['a bad start date', { ...goodState, settings: { startDate: '2025-1-6' } }],
	['a start date as a number', { ...goodState, settings: { startDate: 20250106 } }],
	['an unknown setting', { ...goodState, settings: { theme: 'dark' } }],
];

describe('readStoredState agrees with storedStateV1Schema or storedStateSchema', () => {
	it.each(storedValues)('%s', (_, value) => {
		const zodSays = readableState.safeParse(value).success;
		expect(readStoredState(value) !== null).toBe(zodSays);
	});

	it('has both valid and invalid cases in its table', () => {
		const verdicts = storedValues.map(([, value]) => readableState.safeParse(value).success);
		expect(verdicts.filter(Boolean).length).toBe(6);
	});
});

const goodFile = {
	format: 'ai-eng-plan-progress',
	version: 1,
	siteId: 'ai-eng-plan',
	exportedAt: '2025-05-31T12:00:00.000Z',
	ticks: goodState.ticks,
	settings: {},
};

const fileValues: [string, unknown][] = [
	['a good file', goodFile],
	['exportedAt without milliseconds', { ...goodFile, exportedAt: '2025-05-31T12:00:00Z' }],
	['exportedAt with an offset', { ...goodFile, exportedAt: '2025-05-31T12:00:00+02:00' }],
	['exportedAt with nanoseconds', { ...goodFile, exportedAt: '2025-05-31T12:00:00.123456789Z' }],
	['exportedAt on 29 February of a leap year', { ...goodFile, exportedAt: '2024-02-29T00:00:00Z' }],
	['exportedAt on 29 February of a common year', { ...goodFile, exportedAt: '2025-02-29T00:00:00Z' }],
	['exportedAt on 30 February', { ...goodFile, exportedAt: '2024-02-30T00:00:00Z' }],
	['exportedAt at hour 24', { ...goodFile, exportedAt: '2025-05-31T24:00:00Z' }],
	['exportedAt at second 60', { ...goodFile, exportedAt: '2025-05-31T12:00:60Z' }],
	['exportedAt without seconds', { ...goodFile, exportedAt: '2025-05-31T12:00Z' }],
	['exportedAt without a zone', { ...goodFile, exportedAt: '2025-05-31T12:00:00' }],
	['exportedAt as a date only', { ...goodFile, exportedAt: '2025-05-31' }],
	['exportedAt with a compact offset', { ...goodFile, exportedAt: '2025-05-31T12:00:00+0200' }],
	['exportedAt in month 13', { ...goodFile, exportedAt: '2025-13-01T12:00:00Z' }],
	['exportedAt as a number', { ...goodFile, exportedAt: 1_700_000_000_000 }],
	['another format', { ...goodFile, format: 'other' }],
	['version 2', { ...goodFile, version: 2 }],
	['a site id with capitals', { ...goodFile, siteId: 'AI' }],
	['a site id of 101 characters', { ...goodFile, siteId: 'a'.repeat(101) }],
	['no site id', { ...goodFile, siteId: undefined }],
	['an extra field', { ...goodFile, log: [] }],
	['a bad tick', { ...goodFile, ticks: { a: { checked: 1, at: 1 } } }],
	['a bad id', { ...goodFile, ticks: { 'a b': { checked: true, at: 1 } } }],
	['bad settings', { ...goodFile, settings: null }],
	['an array', [goodFile]],
];

describe('fileProblem agrees with progressFileSchema', () => {
	it.each(fileValues)('%s', (_, value) => {
		const zodSays = progressFileSchema.safeParse(value).success;
		expect(fileProblem(value) === null).toBe(zodSays);
	});

	it('has both valid and invalid cases in its table', () => {
		const verdicts = fileValues.map(([, value]) => progressFileSchema.safeParse(value).success);
		expect(verdicts.filter(Boolean).length).toBe(5);
	});
});

describe('validators report the first bad path', () => {
	it('names the tick and field', () => {
		expect(ticksProblem({ ok: { checked: true, at: 1 }, bad: { checked: true, at: 'x' } })).toEqual({
			path: 'ticks.bad.at',
			expected: 'a time in milliseconds',
		});
		expect(ticksProblem({ 'Not-Kebab': { checked: true, at: 1 } })).toEqual({ path: 'ticks.Not-Kebab', expected: 'an item id', badId: true });
	});

	it('accepts only ISO date-times with seconds and a zone', () => {
		expect(isIsoDateTime(new Date(0).toISOString())).toBe(true);
		expect(isIsoDateTime('2025-05-31 12:00:00Z')).toBe(false);
	});
});

describe('storage keys', () => {
	it('are namespaced by storage id and base path', () => {
		expect(storageKey('ai-eng-plan', '/repo/')).toBe('sp:ai-eng-plan:/repo/:progress');
		expect(storageKey('ai-eng-plan', '/')).toBe('sp:ai-eng-plan:/:progress');
		expect(storageKey('ai-eng-plan', 'repo')).toBe('sp:ai-eng-plan:/repo/:progress');
		expect(storageKey('other-fork', '/repo/')).not.toBe(storageKey('ai-eng-plan', '/repo/'));
		expect(storageKey('ai-eng-plan', '/a/')).not.toBe(storageKey('ai-eng-plan', '/b/'));
	});

	it('put backups beside the key, stamped with the time', () => {
		expect(backupKey('sp:x:/:progress', 1234)).toBe('sp:x:/:progress:backup:1234');
	});
});
