/**
 * Store v2: the practice log, timers, claims and decisions kept beside the ticks,
 * and the migration of values and export files written by version 1 of the book.
 * The v1 fixtures were written by the v1 store itself (tests/fixtures/progress).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FakeStorage } from '../support/fake-storage';
import { parseProgressFile } from '../../src/lib/progress/import';
import { storedStateSchema } from '../../src/lib/progress/state';
import { createProgressStore, type ProgressStoreOptions } from '../../src/lib/progress/store';
import { readStoredState } from '../../src/lib/progress/validate-state';
import type { LogRow } from '../../src/lib/practice-log/metrics';
import { STATE_VERSION } from '../../src/lib/progress/constants';

/** A row's values without its id (the store gives every row a random one). */
const values = (rows: readonly LogRow[]) => rows.map(({ id: _id, ...rest }) => rest);

const KEY = 'sp:ai-eng-plan:/:progress';
const SITE = 'ai-eng-plan';
const T0 = Date.UTC(2025, 5, 1, 9);
const fixture = (name: string) => readFileSync(new URL(`../fixtures/progress/${name}`, import.meta.url), 'utf8');
const v1Stored = fixture('v1-stored.json');
const v1Export = fixture('v1-export.json');

function clock(start = T0): () => number {
	let t = start - 1000;
	return () => (t += 1000);
}

const make = (storage: ProgressStoreOptions['storage'], extra: Partial<ProgressStoreOptions> = {}) =>
	createProgressStore({ storage, key: KEY, now: clock(), ...extra });

const row = (overrides: Partial<LogRow> = {}): LogRow => ({
	date: '2025-03-08',
	week: 1,
	metric: 'eda_minutes',
	value: 78,
	unit: 'min',
	note: 'UCI Wine, challenge workflow',
	...overrides,
});

describe('v1 -> v2 migration', () => {
	it('keeps every tick and the start date of a value the v1 store wrote', () => {
		const v1 = JSON.parse(v1Stored) as { ticks: Record<string, { checked: boolean; at: number }>; settings: object };
		const store = make(new FakeStorage({ [KEY]: v1Stored }));
		expect(store.notice()).toBeNull();
		expect(store.snapshot()).toEqual({ version: STATE_VERSION, ticks: v1.ticks, settings: v1.settings, log: [], timers: {}, claims: [], decisions: [], deleted: {} });
		for (const [id, tick] of Object.entries(v1.ticks)) expect(store.isChecked(id)).toBe(tick.checked);
		expect(Object.keys(store.snapshot().ticks)).toHaveLength(7);
	});

	it('writes the migrated value as v2 at the next change, which the v2 schema accepts', () => {
		const fake = new FakeStorage({ [KEY]: v1Stored });
		const store = make(fake);
		expect(fake.peek(KEY)).toBe(v1Stored); // reading alone changes nothing
		store.appendLog([row()]);
		const written = JSON.parse(fake.peek(KEY)!);
		expect(storedStateSchema.safeParse(written).success).toBe(true);
		expect(written.ticks).toEqual(JSON.parse(v1Stored).ticks);
		expect(values(written.log)).toEqual([row()]);
		expect(written.log[0].id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
	});

	it('imports an export file the v1 book wrote, ticks merged and no log', () => {
		const parsed = parseProgressFile(v1Export, { siteId: SITE, maxBytes: 1_000_000, now: T0 });
		if (!parsed.ok) throw new Error(parsed.error);
		expect(parsed.file.version).toBe(STATE_VERSION);
		expect(parsed.file.log).toEqual([]);
		const store = make(new FakeStorage());
		store.appendLog([row()]);
		store.importFile(parsed.file);
		expect(store.snapshot().ticks).toEqual(JSON.parse(v1Export).ticks);
		expect(values(store.log())).toEqual([row()]);
	});

	it('sets aside a value of a version newer than it knows, unchanged', () => {
		const newer = JSON.stringify({ ...JSON.parse(v1Stored), version: STATE_VERSION + 1 });
		const fake = new FakeStorage({ [KEY]: newer });
		const store = make(fake);
		expect(store.notice()?.kind).toBe('corrupt');
		const backup = fake.keys().find((k) => k.startsWith(`${KEY}:backup:`));
		expect(backup && fake.peek(backup)).toBe(newer);
	});

	it('treats a v2 value with a bad log row as corrupt rather than dropping the row', () => {
		const bad = { version: 2, ticks: {}, settings: {}, log: [row({ metric: 'eda_minutes', value: -3 })], timers: {}, claims: [], decisions: [] };
		expect(readStoredState(bad)).toBeNull();
		expect(storedStateSchema.safeParse(bad).success).toBe(false);
	});
});

describe('the practice log', () => {
	it('appends rows, keeps two equal measurements as two rows, and survives a reload', () => {
		const fake = new FakeStorage();
		const store = make(fake);
		expect(store.appendLog([row(), row({ value: 70 })])).toBe(2);
		expect(store.appendLog([row(), row({ value: 66 })])).toBe(2);
		expect(make(fake).log().map((r) => r.value)).toEqual([78, 70, 78, 66]);
		expect(new Set(make(fake).log().map((r) => r.id)).size).toBe(4);
	});

	it('refuses an invalid row, naming the field, and changes nothing', () => {
		const fake = new FakeStorage();
		const store = make(fake);
		expect(() => store.appendLog([row(), row({ metric: 'communication', value: 5, unit: 'of 4' })])).toThrow(/appendLog: row 1 is not a valid log row/);
		expect(store.log()).toEqual([]);
		expect(fake.peek(KEY)).toBeNull();
	});

	it('shows another tab\'s rows after its storage event', () => {
		const fake = new FakeStorage();
		const tabA = make(fake);
		const tabB = make(fake.openTab());
		tabA.appendLog([row()]);
		tabB.appendLog([row({ value: 61 })]);
		tabA.handleStorageEvent({ key: KEY });
		expect(tabA.log().map((r) => r.value)).toEqual([78, 61]);
	});

	it('keeps rows in memory when storage is full, and saves them when space returns', () => {
		const fake = new FakeStorage();
		const store = make(fake);
		fake.quota = 0;
		store.appendLog([row()]);
		expect(store.notice()?.kind).toBe('full');
		expect(store.log()).toHaveLength(1);
		fake.quota = Number.POSITIVE_INFINITY;
		store.appendLog([row({ value: 50 })]);
		expect(JSON.parse(fake.peek(KEY)!).log).toHaveLength(2);
	});

	it('reset clears ticks but keeps the log', () => {
		const store = make(new FakeStorage());
		store.setChecked('a', true);
		store.appendLog([row()]);
		store.reset();
		expect(store.isChecked('a')).toBe(false);
		expect(store.log()).toHaveLength(1);
	});
});

describe('timers', () => {
	it('stores the start time, survives a reload, and stops', () => {
		const fake = new FakeStorage();
		const store = make(fake);
		store.setRunningTimer('eda-challenge', { startedAt: T0, pausedAt: null, pausedMs: 0 });
		expect(make(fake).runningTimer('eda-challenge')).toEqual({ startedAt: T0, pausedAt: null, pausedMs: 0 });
		store.setRunningTimer('eda-challenge', { startedAt: T0, pausedAt: T0 + 60_000, pausedMs: 0 });
		expect(make(fake).runningTimer('eda-challenge')?.pausedAt).toBe(T0 + 60_000);
		store.setRunningTimer('eda-challenge', null);
		expect(make(fake).runningTimer('eda-challenge')).toBeUndefined();
		expect(store.runningTimer('constructor')).toBeUndefined();
	});

	it('are not exported: a clock means nothing on another machine', () => {
		const store = make(new FakeStorage());
		store.setRunningTimer('eda-benchmark', { startedAt: T0, pausedAt: null, pausedMs: 0 });
		expect(JSON.parse(store.exportFile(SITE))).not.toHaveProperty('timers');
	});
});

describe('claims and decisions', () => {
	it('resolving a claim writes one intuition_correct row dated by the start date, once', () => {
		const fake = new FakeStorage();
		// 2025-06-01 is 27 days after Monday 2025-05-05: the last day of week 4.
		const store = make(fake, { startDate: '2025-05-05' });
		const claim = store.addClaim({ text: 'Tumour area is right-skewed', confidence: 0.7, checkOn: '2025-06-01' });
		expect(claim.id).toMatch(/^claim-[a-z0-9]+-[a-z0-9]+$/);
		store.resolveClaim(claim.id, true);
		store.resolveClaim(claim.id, false);
		const [written] = store.log();
		expect(store.log()).toHaveLength(1);
		expect(written).toMatchObject({ metric: 'intuition_correct', value: 1, unit: 'claim', week: 4 });
		expect(written.note).toContain('Tumour area is right-skewed');
		expect(make(fake).claims()[0].resolved?.correct).toBe(true);
	});

	it('the browser start date overrides the configured one', () => {
		const store = make(new FakeStorage(), { startDate: '2025-05-05' });
		store.setStartDate('2025-05-26');
		expect(store.weekOf('2025-06-01')).toBe(1);
		store.setStartDate(null);
		expect(store.weekOf('2025-06-01')).toBe(4);
		expect(() => store.setStartDate('2025-02-30')).toThrow(TypeError);
	});

	it('resolving a decision writes decision_right with the unit of its kind', () => {
		const store = make(new FakeStorage());
		const adr = store.addDecision({ title: 'ADR-007 queue', kind: 'adr', reviewOn: '2025-06-01' });
		const plain = store.addDecision({ title: 'Use DuckDB', kind: 'decision', reviewOn: '2025-06-01' });
		store.resolveDecision(adr.id, false);
		store.resolveDecision(plain.id, true);
		expect(store.log().map((r) => [r.metric, r.value, r.unit])).toEqual([
			['decision_right', 0, 'ADR'],
			['decision_right', 1, 'decision'],
		]);
	});

	it('export and import carry the log, claims and decisions; importing twice adds nothing', () => {
		const source = make(new FakeStorage());
		source.appendLog([row(), row({ metric: 'prototype_overrun', value: 0.84, unit: 'ratio', note: 'Serving endpoint, 38 of 45 min' })]);
		const open = source.addClaim({ text: 'Median above mean', confidence: 0.6, checkOn: '2025-07-01' });
		source.addDecision({ title: 'Batch scoring', kind: 'adr', reviewOn: '2025-08-01' });
		const parsed = parseProgressFile(source.exportFile(SITE), { siteId: SITE, maxBytes: 1_000_000, now: T0 + 60_000 });
		if (!parsed.ok) throw new Error(parsed.error);
		const target = make(new FakeStorage());
		target.appendLog([row({ value: 90, note: 'mine' })]);
		target.importFile(parsed.file);
		target.importFile(parsed.file);
		expect(target.log()).toHaveLength(3);
		expect(target.claims().map((c) => c.id)).toEqual([open.id]);
		expect(target.decisions()).toHaveLength(1);
	});

	it('an answered claim from a file replaces the open one here, never the reverse', () => {
		const local = make(new FakeStorage());
		const claim = local.addClaim({ text: 'Tail 3x median', confidence: 0.8, checkOn: '2025-06-01' });
		const file = JSON.parse(local.exportFile(SITE));
		file.claims[0].resolved = { correct: false, at: T0 + 5000 };
		const parsed = parseProgressFile(JSON.stringify(file), { siteId: SITE, maxBytes: 1_000_000, now: T0 + 60_000 });
		if (!parsed.ok) throw new Error(parsed.error);
		local.importFile(parsed.file);
		expect(local.claims()[0].resolved).toEqual({ correct: false, at: T0 + 5000 });
		const reopened = { ...parsed.file, claims: [{ ...parsed.file.claims[0], resolved: undefined }] };
		local.importFile(reopened);
		expect(local.claims().find((c) => c.id === claim.id)?.resolved?.correct).toBe(false);
	});
});

describe('what the store refuses to write', () => {
	it('throws on a claim, decision or timer that would not read back, and stores nothing', () => {
		const fake = new FakeStorage();
		const store = make(fake);
		expect(() => store.addClaim({ text: 'x', confidence: 0.99, checkOn: '2025-06-01' })).toThrow(/claims\.0\.confidence/);
		expect(() => store.addClaim({ text: ' ', confidence: 0.6, checkOn: '2025-06-01' })).toThrow(TypeError);
		expect(() => store.addDecision({ title: 'x', kind: 'adr', reviewOn: 'next week' })).toThrow(/reviewOn/);
		expect(() => store.setRunningTimer('EDA challenge', { startedAt: T0, pausedAt: null, pausedMs: 0 })).toThrow(TypeError);
		expect(() => store.setRunningTimer('eda-challenge', { startedAt: Number.NaN, pausedAt: null, pausedMs: 0 })).toThrow(/startedAt/);
		expect(fake.peek(KEY)).toBeNull();
	});

	it('still sees another tab\'s change after skipping the check of its own value', () => {
		const fake = new FakeStorage();
		const tab = make(fake);
		tab.appendLog([row()]);
		fake.openTab().setItem(KEY, '{"version":2,"broken":');
		tab.setChecked('a', true);
		expect(tab.notice()?.kind).toBe('corrupt');
		expect(values(tab.log())).toEqual([row()]);
	});
});

describe('long claims', () => {
	it('clips the note of a resolved claim as long as a note may be, so the row stays valid', () => {
		const fake = new FakeStorage();
		const store = make(fake);
		const claim = store.addClaim({ text: 'x'.repeat(2000), confidence: 0.5, checkOn: '2025-06-01' });
		store.resolveClaim(claim.id, true);
		expect(store.log()[0].note).toHaveLength(2000);
		expect(make(fake).log()).toHaveLength(1);
		expect(make(fake).notice()).toBeNull();
	});
});
