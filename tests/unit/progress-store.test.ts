/**
 * The progress store against the fake storage: normal use, every failure mode
 * (it must never throw and must always keep working in memory), renames,
 * orphans, two tabs, export/import and reset.
 */
import { describe, expect, it, vi } from 'vitest';
import { FakeStorage } from '../support/fake-storage';
import { STATE_VERSION } from '../../src/lib/progress/constants';
import { parseProgressFile } from '../../src/lib/progress/import';
import { createProgressStore, type ProgressStore, type ProgressStoreOptions } from '../../src/lib/progress/store';

const KEY = 'sp:ai-eng-plan:/:progress';
const SITE = 'ai-eng-plan';
const T0 = Date.UTC(2025, 5, 1, 9); // 2025-06-01T09:00:00Z

/** A clock that reads T0 first, then one second later at each reading, so every change has its own time. */
function clock(start = T0): () => number {
	let t = start - 1000;
	return () => (t += 1000);
}

function make(storage: ProgressStoreOptions['storage'], extra: Partial<ProgressStoreOptions> = {}): ProgressStore {
	return createProgressStore({ storage, key: KEY, now: clock(), ...extra });
}

function stored(fake: FakeStorage): unknown {
	const raw = fake.peek(KEY);
	return raw === null ? null : JSON.parse(raw);
}

/** A stored value of version 1, as every browser that used the book before the practice log holds it. */
const state = (ticks: Record<string, { checked: boolean; at: number }>, settings = {}) =>
	JSON.stringify({ version: 1, ticks, settings });

/** The same value as the store writes it now (the current version, with an empty practice log and no tombstones). */
const current = (ticks: Record<string, { checked: boolean; at: number }>, settings = {}) => ({
	version: STATE_VERSION,
	ticks,
	settings,
	log: [],
	timers: {},
	claims: [],
	decisions: [],
	deleted: {},
});

describe('normal use', () => {
	it('starts empty, then writes each change at once', () => {
		const fake = new FakeStorage();
		const store = make(fake);
		expect(store.isChecked('week-01-read')).toBe(false);
		expect(store.notice()).toBeNull();
		store.setChecked('week-01-read', true);
		expect(store.isChecked('week-01-read')).toBe(true);
		expect(stored(fake)).toEqual(current({ 'week-01-read': { checked: true, at: T0 } }, {}));
		store.setChecked('week-01-read', false);
		expect(stored(fake)).toEqual(current({ 'week-01-read': { checked: false, at: T0 + 1000 } }, {}));
	});

	it('reads what an earlier visit saved', () => {
		const fake = new FakeStorage({ [KEY]: state({ 'week-01-read': { checked: true, at: 5 } }, { startDate: '2025-01-06' }) });
		const store = make(fake);
		expect(store.isChecked('week-01-read')).toBe(true);
		expect(store.snapshot().settings).toEqual({ startDate: '2025-01-06' });
	});

	it('lands a tick and an untick made within one millisecond, in order', () => {
		const fake = new FakeStorage();
		const store = make(fake, { now: () => T0 });
		store.setChecked('a', true);
		store.setChecked('a', false);
		expect(store.isChecked('a')).toBe(false);
		expect(stored(fake)).toEqual(current({ a: { checked: false, at: T0 + 1 } }, {}));
	});

	it('notifies subscribers until they unsubscribe, and survives a listener that throws', () => {
		const store = make(new FakeStorage());
		const listener = vi.fn();
		const error = vi.spyOn(console, 'error').mockImplementation(() => {});
		store.subscribe(() => {
			throw new Error('broken listener');
		});
		const unsubscribe = store.subscribe(listener);
		store.setChecked('a', true);
		expect(listener).toHaveBeenCalledTimes(1);
		expect(error).toHaveBeenCalledTimes(1);
		unsubscribe();
		store.setChecked('b', true);
		expect(listener).toHaveBeenCalledTimes(1);
		expect(store.isChecked('b')).toBe(true);
		error.mockRestore();
	});

	it('does not mistake Object.prototype members for ticks', () => {
		const store = make(new FakeStorage());
		expect(store.isChecked('constructor')).toBe(false);
		store.setChecked('constructor', true);
		expect(store.isChecked('constructor')).toBe(true);
	});

	it('does not clobber ticks another tab wrote since it loaded (read-modify-write)', () => {
		const tabA = new FakeStorage();
		const tabB = tabA.openTab();
		const storeA = make(tabA);
		const storeB = make(tabB); // loaded before A's write and never told about it
		storeA.setChecked('from-a', true);
		storeB.setChecked('from-b', true);
		expect(Object.keys((stored(tabA) as { ticks: object }).ticks).sort()).toEqual(['from-a', 'from-b']);
	});
});

describe('storage unavailable', () => {
	function expectMemoryOnly(store: ProgressStore): void {
		expect(store.notice()?.kind).toBe('unavailable');
		expect(store.notice()?.message).toMatch(/cannot be saved in this browser.*download what you have/);
		const listener = vi.fn();
		store.subscribe(listener);
		store.setChecked('week-01-read', true);
		expect(store.isChecked('week-01-read')).toBe(true);
		expect(listener).toHaveBeenCalledTimes(1);
		expect(JSON.parse(store.exportFile(SITE)).ticks['week-01-read'].checked).toBe(true);
	}

	it('works in memory when there is no storage at all', () => {
		expectMemoryOnly(make(null));
		expectMemoryOnly(make(undefined));
		expectMemoryOnly(make(() => null));
	});

	it('works in memory when getting storage throws SecurityError', () => {
		const getter = () => {
			throw new DOMException('The operation is insecure.', 'SecurityError');
		};
		expect(() => make(getter)).not.toThrow();
		expectMemoryOnly(make(getter));
	});

	it('works in memory when reading throws', () => {
		const fake = new FakeStorage({ [KEY]: state({ a: { checked: true, at: 1 } }) });
		fake.throwOnGet = true;
		expectMemoryOnly(make(fake));
	});

	it('works in memory when writing throws SecurityError, and stops trying', () => {
		const fake = new FakeStorage();
		fake.throwOnSet = true;
		const store = make(fake);
		expect(store.notice()).toBeNull();
		store.setChecked('a', true);
		expect(store.isChecked('a')).toBe(true);
		expect(store.notice()?.kind).toBe('unavailable');
		fake.throwOnSet = false;
		store.setChecked('b', true);
		expect(fake.peek(KEY)).toBeNull();
		expect(store.isChecked('b')).toBe(true);
	});

	it('turns unavailable mid-session without throwing', () => {
		const fake = new FakeStorage();
		const store = make(fake);
		store.setChecked('a', true);
		fake.throwOnGet = true;
		expect(() => store.setChecked('b', true)).not.toThrow();
		expect(store.isChecked('a')).toBe(true);
		expect(store.isChecked('b')).toBe(true);
		expect(store.notice()?.kind).toBe('unavailable');
	});
});

describe('storage full', () => {
	it('keeps the tick in memory, says so, leaves the stored value, and saves once there is room', () => {
		const before = state({ a: { checked: true, at: 1 } });
		const fake = new FakeStorage({ [KEY]: before });
		fake.quota = KEY.length + before.length; // exactly what is stored now: any growth fails
		const store = make(fake);
		store.setChecked('b', true);
		expect(store.isChecked('b')).toBe(true);
		expect(store.notice()?.kind).toBe('full');
		expect(store.notice()?.message).toMatch(/storage for the site is full.*kept only until you close this page/);
		expect(fake.peek(KEY)).toBe(before);

		fake.quota = Number.POSITIVE_INFINITY;
		store.setChecked('c', true);
		expect(store.notice()).toBeNull();
		const ticks = (stored(fake) as { ticks: Record<string, unknown> }).ticks;
		expect(Object.keys(ticks).sort()).toEqual(['a', 'b', 'c']);
	});

	it('replays unsaved changes on top of another tab’s newer writes', () => {
		const tabA = new FakeStorage();
		const tabB = tabA.openTab();
		const storeA = make(tabA);
		tabA.quota = 0;
		storeA.setChecked('unsaved-in-a', true);
		tabA.quota = Number.POSITIVE_INFINITY;
		make(tabB).setChecked('from-b', true);
		storeA.setChecked('later-in-a', true);
		const ticks = (stored(tabA) as { ticks: Record<string, unknown> }).ticks;
		expect(Object.keys(ticks).sort()).toEqual(['from-b', 'later-in-a', 'unsaved-in-a']);
	});
});

describe('corrupt stored value', () => {
	const CORRUPT_JSON = '{"version":1,"ticks":{"week-01-read":{"checked":tr';

	function backups(fake: FakeStorage): string[] {
		return fake.keys().filter((key) => key.startsWith(`${KEY}:backup:`));
	}

	it('copies bad JSON to a backup key, exactly, then starts a fresh record', () => {
		const fake = new FakeStorage({ [KEY]: CORRUPT_JSON });
		const store = make(fake);
		expect(backups(fake)).toEqual([`${KEY}:backup:${T0}`]);
		expect(fake.peek(`${KEY}:backup:${T0}`)).toBe(CORRUPT_JSON);
		expect(store.notice()?.kind).toBe('corrupt');
		expect(store.notice()?.message).toContain(`${KEY}:backup:${T0}`);
		expect(stored(fake)).toEqual(current({}, {}));

		store.setChecked('week-02-read', true);
		expect(store.isChecked('week-02-read')).toBe(true);
		expect((stored(fake) as { ticks: object }).ticks).toHaveProperty('week-02-read');
		expect(fake.peek(`${KEY}:backup:${T0}`)).toBe(CORRUPT_JSON);
		expect(store.notice()?.kind).toBe('corrupt');
	});

	it.each([
		['a tick of the wrong type', JSON.stringify({ version: 1, ticks: { a: { checked: 'yes', at: 1 } }, settings: {} })],
		['a newer version', JSON.stringify({ version: STATE_VERSION + 1, ticks: {}, settings: {}, log: [] })],
		['an unknown key', JSON.stringify({ version: 1, ticks: {}, settings: {}, extra: true })],
		['a bare number', '42'],
		['an id with markup', state({ '<b>x</b>': { checked: true, at: 1 } })],
	])('sets aside a value failing the schema: %s', (_, raw) => {
		const fake = new FakeStorage({ [KEY]: raw });
		const store = make(fake);
		expect(fake.peek(`${KEY}:backup:${T0}`)).toBe(raw);
		expect(store.notice()?.kind).toBe('corrupt');
		store.setChecked('a', true);
		expect(store.isChecked('a')).toBe(true);
	});

	it('never overwrites an earlier backup', () => {
		const fake = new FakeStorage({ [KEY]: CORRUPT_JSON, [`${KEY}:backup:${T0}`]: 'older backup' });
		make(fake);
		expect(fake.peek(`${KEY}:backup:${T0}`)).toBe('older backup');
		expect(fake.peek(`${KEY}:backup:${T0 + 1}`)).toBe(CORRUPT_JSON);
	});

	it('leaves the corrupt value untouched when it cannot be set aside (storage full)', () => {
		const fake = new FakeStorage({ [KEY]: CORRUPT_JSON });
		fake.quota = KEY.length + CORRUPT_JSON.length;
		const store = make(fake);
		expect(backups(fake)).toEqual([]);
		expect(store.notice()).toEqual({ kind: 'corrupt', message: expect.stringMatching(/left untouched.*kept only until you close/), canStartFresh: true });
		fake.quota = Number.POSITIVE_INFINITY;
		store.setChecked('a', true);
		expect(store.isChecked('a')).toBe(true);
		expect(fake.peek(KEY)).toBe(CORRUPT_JSON);
	});

	it('sets aside a corrupt value another tab wrote, keeping this tab’s ticks', () => {
		const fake = new FakeStorage();
		const store = make(fake);
		store.setChecked('mine', true);
		fake.openTab().setItem(KEY, 'garbage');
		store.handleStorageEvent({ key: KEY });
		expect(fake.keys().some((key) => key.startsWith(`${KEY}:backup:`) && fake.peek(key) === 'garbage')).toBe(true);
		expect(store.isChecked('mine')).toBe(true);
		expect((stored(fake) as { ticks: object }).ticks).toHaveProperty('mine');
	});
});

describe('renames and orphans', () => {
	it('moves a tick from a renamed id on load, and persists the move with the next write', () => {
		const fake = new FakeStorage({ [KEY]: state({ 'old-read': { checked: true, at: 7 } }) });
		const store = make(fake, { renames: new Map([['old-read', 'week-01-read']]) });
		expect(store.isChecked('week-01-read')).toBe(true);
		expect(store.isChecked('old-read')).toBe(false);
		store.setChecked('other', true);
		expect((stored(fake) as { ticks: object }).ticks).toEqual({
			'week-01-read': { checked: true, at: 7 },
			other: { checked: true, at: T0 },
		});
	});

	it('picks up renames added later on reload', () => {
		const fake = new FakeStorage({ [KEY]: state({ 'old-read': { checked: true, at: 7 } }) });
		const renames = new Map<string, string>();
		const store = make(fake, { renames });
		expect(store.isChecked('week-01-read')).toBe(false);
		renames.set('old-read', 'week-01-read');
		store.reload();
		expect(store.isChecked('week-01-read')).toBe(true);
	});

	it('keeps ticks on ids the book no longer has and lists them as orphaned', () => {
		const fake = new FakeStorage({ [KEY]: state({ 'gone-item': { checked: true, at: 1 }, known: { checked: true, at: 1 } }) });
		const store = make(fake, { knownIds: ['known', 'other'] });
		expect(store.orphaned()).toEqual(['gone-item']);
		store.setChecked('other', true);
		expect((stored(fake) as { ticks: object }).ticks).toHaveProperty('gone-item');
		expect(make(fake).orphaned()).toEqual([]);
	});
});

describe('two tabs', () => {
	it('keep in sync through storage events on one shared storage', () => {
		const tabA = new FakeStorage();
		const tabB = tabA.openTab();
		const storeA = make(tabA);
		const storeB = make(tabB);
		tabA.onStorageEvent((event) => storeA.handleStorageEvent(event));
		tabB.onStorageEvent((event) => storeB.handleStorageEvent(event));
		const heardInB = vi.fn();
		storeB.subscribe(heardInB);

		storeA.setChecked('week-01-read', true);
		expect(storeB.isChecked('week-01-read')).toBe(true);
		expect(heardInB).toHaveBeenCalled();

		storeB.setChecked('week-01-read', false);
		expect(storeA.isChecked('week-01-read')).toBe(false);

		storeA.reset();
		storeB.setChecked('after-reset', true);
		expect(storeA.isChecked('after-reset')).toBe(true);
		expect(Object.keys(storeA.snapshot().ticks)).toEqual(['after-reset']);
	});

	it('ignore events for other keys, and reload when storage is cleared', () => {
		const fake = new FakeStorage({ [KEY]: state({ a: { checked: true, at: 1 } }) });
		const store = make(fake);
		const listener = vi.fn();
		store.subscribe(listener);
		store.handleStorageEvent({ key: 'sp:other-fork:/:progress' });
		expect(listener).not.toHaveBeenCalled();
		fake.openTab().clear();
		store.handleStorageEvent({ key: null });
		expect(listener).toHaveBeenCalledTimes(1);
		expect(store.isChecked('a')).toBe(false);
	});
});

describe('export, import and reset', () => {
	it('round-trips ticks and settings through an export file', () => {
		const source = make(new FakeStorage({ [KEY]: state({}, { startDate: '2025-01-06' }) }));
		source.setChecked('week-01-read', true);
		source.setChecked('week-01-eda', true);
		source.setChecked('week-01-eda', false);
		const text = source.exportFile(SITE);
		expect(JSON.parse(text)).toMatchObject({ format: 'ai-eng-plan-progress', version: STATE_VERSION, siteId: SITE });

		const parsed = parseProgressFile(text, { siteId: SITE, maxBytes: 1_000_000, now: T0 + 60_000 });
		if (!parsed.ok) throw new Error(parsed.error);
		const targetStorage = new FakeStorage();
		const target = make(targetStorage);
		target.importFile(parsed.file);
		expect(target.snapshot()).toEqual(source.snapshot());
		expect(make(targetStorage).snapshot()).toEqual(source.snapshot());
	});

	it('merges an import newest-wins and keeps local settings', () => {
		const fake = new FakeStorage({
			[KEY]: state({ 'mine-newer': { checked: true, at: 50 }, 'theirs-newer': { checked: false, at: 10 } }, { startDate: '2025-01-06' }),
		});
		const store = make(fake);
		store.importFile({
			format: 'ai-eng-plan-progress',
			version: STATE_VERSION,
			siteId: SITE,
			exportedAt: '2025-06-01T00:00:00Z',
			ticks: { 'mine-newer': { checked: false, at: 40 }, 'theirs-newer': { checked: true, at: 20 }, 'old-read': { checked: true, at: 5 } },
			settings: { startDate: '2030-01-07' },
			log: [],
			claims: [],
			decisions: [],
			deleted: {},
		});
		expect(store.snapshot()).toEqual(
			current(
				{
					'mine-newer': { checked: true, at: 50 },
					'theirs-newer': { checked: true, at: 20 },
					'old-read': { checked: true, at: 5 },
				},
				{ startDate: '2025-01-06' },
			),
		);
		expect(stored(fake)).toEqual(store.snapshot());
	});

	it('renames ids of an imported file', () => {
		const store = make(new FakeStorage(), { renames: new Map([['old-read', 'week-01-read']]) });
		store.importFile({
			format: 'ai-eng-plan-progress',
			version: STATE_VERSION,
			siteId: SITE,
			exportedAt: '2025-06-01T00:00:00Z',
			ticks: { 'old-read': { checked: true, at: 5 } },
			settings: {},
			log: [],
			claims: [],
			decisions: [],
			deleted: {},
		});
		expect(store.isChecked('week-01-read')).toBe(true);
	});

	it.each([
		['an oversize file', 'x'.repeat(1_000_001)],
		['invalid JSON', '{"format": '],
		['a wrong format', JSON.stringify({ format: 'csv' })],
		['a newer version', JSON.stringify({ format: 'ai-eng-plan-progress', version: STATE_VERSION + 1 })],
		['a bad shape', JSON.stringify({ format: 'ai-eng-plan-progress', version: 1, siteId: SITE, exportedAt: '2025-01-01T00:00:00Z', ticks: { a: 1 }, settings: {} })],
		[
			'an id with a script',
			JSON.stringify({ format: 'ai-eng-plan-progress', version: 1, siteId: SITE, exportedAt: '2025-01-01T00:00:00Z', ticks: { '<script>alert(1)</script>': { checked: true, at: 1 } }, settings: {} }),
		],
	])('leaves the state unchanged when the file is rejected: %s', (_, text) => {
		const fake = new FakeStorage({ [KEY]: state({ a: { checked: false, at: 3 } }) });
		const store = make(fake);
		const before = store.snapshot();
		const writesBefore = fake.writes.length;
		// What the dashboard does: parse, and import only a file that parsed.
		const parsed = parseProgressFile(text, { siteId: SITE, maxBytes: 1_000_000, now: T0 });
		if (parsed.ok) store.importFile(parsed.file);
		expect(parsed.ok).toBe(false);
		expect(store.snapshot()).toEqual(before);
		expect(fake.writes.length).toBe(writesBefore);
		expect(fake.peek(KEY)).toBe(state({ a: { checked: false, at: 3 } }));
	});

	it('resets every tick, keeps settings, and notifies', () => {
		const fake = new FakeStorage({ [KEY]: state({ a: { checked: true, at: 1 } }, { startDate: '2025-01-06' }) });
		const store = make(fake);
		const listener = vi.fn();
		store.subscribe(listener);
		store.reset();
		expect(store.isChecked('a')).toBe(false);
		expect(listener).toHaveBeenCalledTimes(1);
		expect(stored(fake)).toEqual(current({}, { startDate: '2025-01-06' }));
	});

	it('exports with the time of export and the site id', () => {
		const store = make(new FakeStorage());
		const file = JSON.parse(store.exportFile('my-fork'));
		expect(file).toEqual({ format: 'ai-eng-plan-progress', version: STATE_VERSION, siteId: 'my-fork', exportedAt: '2025-06-01T09:00:00.000Z', ticks: {}, settings: {}, log: [], claims: [], decisions: [], deleted: {} });
	});
});
