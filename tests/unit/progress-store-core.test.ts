/**
 * The core alone, as a page that only ticks runs it: it checks only the ticks and
 * settings of the stored value and keeps the rest (log, claims, decisions, timers,
 * drills) exactly as it found it, in whichever version it found it. Extending it
 * with the log (store-log.ts) switches it to the full check.
 */
import { describe, expect, it } from 'vitest';
import { FakeStorage } from '../support/fake-storage';
import { createStoreCore } from '../../src/lib/progress/store-core';
import { withLog } from '../../src/lib/progress/store-log';
import { createProgressStore } from '../../src/lib/progress/store';
import { STATE_VERSION } from '../../src/lib/progress/constants';
import { parseProgressFile } from '../../src/lib/progress/import';

const KEY = 'sp:ai-eng-plan:/:progress';
const T0 = Date.UTC(2025, 5, 1, 9);
const row = { date: '2025-03-08', week: 1, metric: 'eda_minutes' as const, value: 78, unit: 'min', note: 'UCI Wine' };
const claim = { id: 'claim-1', text: 'Trees beat the linear model', confidence: 0.7, checkOn: '2025-03-20', createdAt: T0 };

function stored(value: object): FakeStorage {
	const storage = new FakeStorage();
	storage.setItem(KEY, JSON.stringify(value));
	return storage;
}
const read = (storage: FakeStorage) => JSON.parse(storage.getItem(KEY)!) as Record<string, unknown>;
const backups = (storage: FakeStorage) => storage.keys().filter((k) => k.startsWith(`${KEY}:backup:`));

describe('a page that only ticks', () => {
	it('keeps a current value\'s log and records as they were', () => {
		const value = { version: STATE_VERSION, ticks: {}, settings: {}, log: [{ id: 'r-1', ...row }], timers: {}, claims: [claim], decisions: [], deleted: { 'r-0': T0 }, drills: { cards: {}, attempts: {}, paragraphs: {}, patterns: {} } };
		const storage = stored(value);
		const core = createStoreCore({ storage, key: KEY, now: () => T0 + 5 });
		core.setChecked('week-01-read', true);
		expect(core.lastWrite()).toEqual({ saved: true });
		expect(read(storage)).toEqual({ ...value, ticks: { 'week-01-read': { checked: true, at: T0 + 5 } } });
	});

	it('writes a version 2 value back as version 2, its rows untouched, and the log store then migrates it', () => {
		const value = { version: 2, ticks: {}, settings: {}, log: [row], timers: {}, claims: [], decisions: [] };
		const storage = stored(value);
		const core = createStoreCore({ storage, key: KEY, now: () => T0 });
		core.setChecked('week-01-read', true);
		expect(read(storage)).toEqual({ ...value, ticks: { 'week-01-read': { checked: true, at: T0 } } });

		const log = withLog(createStoreCore({ storage, key: KEY, now: () => T0 }));
		expect(log.log()).toHaveLength(1);
		expect(log.log()[0]!.id).toMatch(/\S/);
		expect(log.isChecked('week-01-read')).toBe(true);
		log.appendLog([{ ...row, value: 30 }]);
		expect(read(storage).version).toBe(STATE_VERSION);
		expect(read(storage).log).toHaveLength(2);
	});

	it('exports what it holds as a file of that version, which imports with every row', () => {
		const storage = stored({ version: 2, ticks: {}, settings: {}, log: [row, row], timers: {}, claims: [claim], decisions: [] });
		const core = createStoreCore({ storage, key: KEY, now: () => T0 });
		core.setChecked('week-01-read', true);
		const parsed = parseProgressFile(core.exportFile('ai-eng-plan'), { siteId: 'ai-eng-plan', maxBytes: 1_000_000, now: T0 + 1000 });
		expect(parsed.ok).toBe(true);
		const target = createProgressStore({ storage: new FakeStorage(), key: KEY, now: () => T0 + 2000 });
		expect(parsed.ok && target.importFile(parsed.file)).toMatchObject({ ok: true, added: 2 });
		expect(target.claims()).toHaveLength(1);
		expect(target.isChecked('week-01-read')).toBe(true);
	});

	it('does not read past the ticks: a bad log row is kept for the page that shows the log', () => {
		const value = { version: STATE_VERSION, ticks: {}, settings: {}, log: [{ id: 'r-1', ...row, value: -5 }], timers: {}, claims: [], decisions: [], deleted: {} };
		const storage = stored(value);
		const core = createStoreCore({ storage, key: KEY, now: () => T0 });
		expect(core.notice()).toBeNull();
		core.setChecked('week-01-read', true);
		expect(backups(storage)).toEqual([]);
		expect((read(storage).log as unknown[])[0]).toEqual(value.log[0]);
	});

	it('sets the value aside when the log store finds it unreadable, and keeps the ticks', () => {
		const value = { version: STATE_VERSION, ticks: { 'week-01-read': { checked: true, at: T0 } }, settings: { startDate: '2025-03-03' }, log: [{ id: 'r-1', ...row, value: -5 }], timers: {}, claims: [], decisions: [], deleted: {} };
		const raw = JSON.stringify(value);
		const storage = stored(value);
		const core = createStoreCore({ storage, key: KEY, now: () => T0 + 1 });
		const log = withLog(core);
		expect(log.notice()?.kind).toBe('corrupt');
		expect(backups(storage).map((k) => storage.getItem(k))).toEqual([raw]);
		expect(read(storage)).toMatchObject({ version: STATE_VERSION, ticks: value.ticks, settings: value.settings, log: [] });
		expect(log.isChecked('week-01-read')).toBe(true);
	});

	it('sets a value with bad ticks aside at once', () => {
		const storage = stored({ version: STATE_VERSION, ticks: { 'week-01-read': { checked: 'yes', at: T0 } }, settings: {}, log: [], timers: {}, claims: [], decisions: [], deleted: {} });
		const core = createStoreCore({ storage, key: KEY, now: () => T0 });
		expect(core.notice()?.kind).toBe('corrupt');
		expect(backups(storage)).toHaveLength(1);
		expect(core.isChecked('week-01-read')).toBe(false);
	});

	it('reads a version 1 value as the current version', () => {
		const storage = stored({ version: 1, ticks: { 'week-01-read': { checked: true, at: T0 } }, settings: {} });
		const core = createStoreCore({ storage, key: KEY, now: () => T0 + 1 });
		core.setChecked('week-02-read', true);
		expect(read(storage)).toMatchObject({ version: STATE_VERSION, log: [], claims: [], deleted: {} });
		expect(createProgressStore({ storage, key: KEY }).isChecked('week-01-read')).toBe(true);
	});

	it('is the same log store for the same core, so every island of a page shares it', () => {
		const core = createStoreCore({ storage: new FakeStorage(), key: KEY });
		expect(withLog(core)).toBe(withLog(core));
	});
});
