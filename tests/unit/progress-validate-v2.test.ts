/**
 * The browser's hand-written checks of the version 2 and 3 parts of the stored value
 * and of the export file (log, timers, claims, decisions, ids, tombstones) against
 * the zod schemas of state.ts, which are the specification: on every value below
 * both must agree. The browser reads a v2 value (and migrates it), so its check is
 * compared with "a valid v2 or v3 value".
 */
import { z } from 'astro/zod';
import { describe, expect, it } from 'vitest';
import { progressFileSchema, storedStateSchema as storedStateV3Schema, storedStateV2Schema } from '../../src/lib/progress/state';
import { readStoredState, storedStateProblem } from '../../src/lib/progress/validate-state';
import { fileProblem } from '../../src/lib/progress/validate-file';

const row = { date: '2025-03-08', week: 1, metric: 'eda_minutes', value: 78, unit: 'min', note: 'UCI Wine, challenge workflow' };
const claim = { id: 'claim-abc-12', text: 'Tumour area is right-skewed', confidence: 0.7, checkOn: '2025-06-01', createdAt: 1 };
const decision = { id: 'adr-abc-12', title: 'ADR-007 queue', kind: 'adr', reviewOn: '2025-06-01', createdAt: 1 };
const timer = { startedAt: 1_700_000_000_000, pausedAt: null, pausedMs: 0 };
const good = {
	version: 2,
	ticks: { 'w01-read': { checked: true, at: 1 } },
	settings: { startDate: '2025-03-03' },
	log: [row],
	timers: { 'eda-challenge': timer },
	claims: [claim, { ...claim, id: 'claim-abc-13', resolved: { correct: false, at: 2 } }],
	decisions: [decision, { ...decision, id: 'decision-x', kind: 'decision', resolved: { right: true, at: 2 } }],
};

const storedStateSchema = z.union([storedStateV2Schema, storedStateV3Schema]);
const v3 = { ...good, version: 3, log: [{ ...row, id: 'r-1' }, { ...row, id: 'r-2' }], deleted: { 'r-0': 5 } };

const values: [string, unknown][] = [
	['a full v3 value: equal rows with two ids', v3],
	['a v3 row edited', { ...v3, log: [{ ...row, id: 'r-1', editedAt: 9 }] }],
	['a v3 claim edited', { ...v3, claims: [{ ...claim, editedAt: 9 }] }],
	['a v3 value with a row without id', { ...v3, log: [row] }],
	['a v3 value with two rows of one id', { ...v3, log: [{ ...row, id: 'r-1' }, { ...row, id: 'r-1' }] }],
	['a v3 value with two claims of one id', { ...v3, claims: [claim, claim] }],
	['a v3 value with a bad row id', { ...v3, log: [{ ...row, id: 'R 1' }] }],
	['a v3 value without tombstones', { ...v3, deleted: undefined }],
	['a v3 tombstone without a time', { ...v3, deleted: { 'r-0': 'today' } }],
	['a v2 value with a row id', { ...good, log: [{ ...row, id: 'r-1' }] }],
	['a full v2 value', good],
	['an empty v2 value', { version: 2, ticks: {}, settings: {}, log: [], timers: {}, claims: [], decisions: [] }],
	['a paused timer', { ...good, timers: { 'eda-challenge': { ...timer, pausedAt: 1_700_000_060_000, pausedMs: 5 } } }],
	['a timer being stopped', { ...good, timers: { 'eda-challenge': { ...timer, pausedAt: 1_700_000_060_000, stopping: true } } }],
	['a timer with stopping false', { ...good, timers: { 'eda-challenge': { ...timer, pausedAt: 1_700_000_060_000, stopping: false } } }],
	['a claim at 95%', { ...good, claims: [{ ...claim, confidence: 0.95 }] }],
	['no log', { ...good, log: undefined }],
	['no timers', (({ timers: _t, ...rest }) => rest)(good)],
	['a log as an object', { ...good, log: {} }],
	['a row with an unknown metric', { ...good, log: [{ ...row, metric: 'eda_speed' }] }],
	['a row with a value out of range', { ...good, log: [{ ...row, metric: 'communication', value: 5, unit: 'of 4' }] }],
	['a row with an extra field', { ...good, log: [{ ...row, month: 1 }] }],
	['a row with a bad date', { ...good, log: [{ ...row, date: '2025-02-29' }] }],
	['a row without its note', { ...good, log: [(({ note: _n, ...rest }) => rest)(row)] }],
	['a timer on a bad routine id', { ...good, timers: { 'EDA challenge': timer } }],
	['a timer without pausedMs', { ...good, timers: { x: { startedAt: 1, pausedAt: null } } }],
	['a timer with a text start', { ...good, timers: { x: { ...timer, startedAt: 'now' } } }],
	['a claim at 99%', { ...good, claims: [{ ...claim, confidence: 0.99 }] }],
	['a claim at 40%', { ...good, claims: [{ ...claim, confidence: 0.4 }] }],
	['a claim with empty text', { ...good, claims: [{ ...claim, text: '  ' }] }],
	['a claim with a bad check date', { ...good, claims: [{ ...claim, checkOn: '2025-6-1' }] }],
	['a claim resolved with "right"', { ...good, claims: [{ ...claim, resolved: { right: true, at: 1 } }] }],
	['a claim with markup as id', { ...good, claims: [{ ...claim, id: '<b>x</b>' }] }],
	['a decision of another kind', { ...good, decisions: [{ ...decision, kind: 'rfc' }] }],
	['a decision with an extra field', { ...good, decisions: [{ ...decision, owner: 'me' }] }],
	['a decision resolved without a time', { ...good, decisions: [{ ...decision, resolved: { right: true } }] }],
];

describe('storedStateProblem agrees with storedStateSchema', () => {
	it.each(values)('%s', (_, value) => {
		const zodSays = storedStateSchema.safeParse(value).success;
		expect(storedStateProblem(value) === null).toBe(zodSays);
		expect(readStoredState(value) !== null).toBe(zodSays);
	});

	it('has both valid and invalid cases in its table', () => {
		expect(values.filter(([, v]) => storedStateSchema.safeParse(v).success)).toHaveLength(8);
	});

	it('names the first bad path', () => {
		expect(storedStateProblem({ ...good, log: [row, { ...row, value: -1 }] })?.path).toBe('log.1');
		expect(storedStateProblem({ ...good, claims: [{ ...claim, confidence: 1 }] })?.path).toBe('claims.0.confidence');
	});
});

describe('fileProblem agrees with progressFileSchema on v2 and v3 files', () => {
	const header = { format: 'ai-eng-plan-progress', siteId: 'ai-eng-plan', exportedAt: '2025-06-01T09:00:00.000Z' };
	const file = { ...header, version: 2, ticks: good.ticks, settings: good.settings, log: good.log, claims: good.claims, decisions: good.decisions };
	it.each<[string, unknown]>([
		['a full v2 file', file],
		['a v1 file', { ...header, version: 1, ticks: {}, settings: {} }],
		['a v1 file with a log', { ...header, version: 1, ticks: {}, settings: {}, log: [] }],
		['a v2 file without a log', { ...file, log: undefined }],
		['a v2 file with timers', { ...file, timers: {} }],
		['a v2 file with a bad row', { ...file, log: [{ ...row, unit: 'minutes' }] }],
		['a v2 file with a bad claim', { ...file, claims: [{ ...claim, checkOn: 'soon' }] }],
		['a version 3 file without tombstones', { ...file, version: 3 }],
		['a version 3 file', { ...file, version: 3, log: v3.log, deleted: v3.deleted }],
		['a version 3 file with a row without id', { ...file, version: 3, log: [row], deleted: {} }],
		['a version 2 file with tombstones', { ...file, deleted: {} }],
		['a version 4 file', { ...file, version: 4, log: v3.log, deleted: {} }],
	])('%s', (_, value) => {
		expect(fileProblem(value) === null).toBe(progressFileSchema.safeParse(value).success);
	});
});
