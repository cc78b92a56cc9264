/**
 * Store v3: deleting and editing rows, claims and decisions (tombstones that survive
 * reload, other tabs, export and import), writes that say whether they were saved,
 * imports refused whole when they do not fit, a way out of memory-only mode that
 * keeps the unreadable value, and times from a clock that ran fast.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FakeStorage } from '../support/fake-storage';
import { parseProgressFile } from '../../src/lib/progress/import';
import { createProgressStore, type ProgressStoreOptions } from '../../src/lib/progress/store';
import type { LogRow } from '../../src/lib/practice-log/metrics';

const KEY = 'sp:ai-eng-plan:/:progress';
const SITE = 'ai-eng-plan';
const T0 = Date.UTC(2025, 5, 1, 9);
const HOUR = 3_600_000;

function clock(start = T0): { now: () => number; set: (t: number) => void } {
	let t = start - 1000;
	return { now: () => (t += 1000), set: (next) => (t = next) };
}

const make = (storage: ProgressStoreOptions['storage'], extra: Partial<ProgressStoreOptions> = {}) => createProgressStore({ storage, key: KEY, now: clock().now, ...extra });
const row = (overrides: Partial<LogRow> = {}): LogRow => ({ date: '2025-06-01', week: 1, metric: 'eda_minutes', value: 38, unit: 'min', note: '', ...overrides });
const reimport = (text: string, target: ReturnType<typeof make>) => {
	const parsed = parseProgressFile(text, { siteId: SITE, maxBytes: 10_000_000, now: T0 + 100 * HOUR });
	if (!parsed.ok) throw new Error(parsed.error);
	return target.importFile(parsed.file);
};

describe('delete', () => {
	it('removes a row for good: reload, another tab, and an old export cannot bring it back', () => {
		const fake = new FakeStorage();
		const store = make(fake);
		store.appendLog([row({ value: 60 }), row(), row(), row({ value: 52 })]);
		const oldExport = store.exportFile(SITE);
		const other = make(fake.openTab());
		const doomed = store.log()[1].id;
		expect(store.deleteRecord(doomed)).toBe(true);
		expect(store.log().map((r) => r.value)).toEqual([60, 38, 52]);
		expect(store.lastWrite()).toEqual({ saved: true });
		expect(make(fake).log().map((r) => r.value)).toEqual([60, 38, 52]);
		other.reload();
		expect(other.log().map((r) => r.id)).not.toContain(doomed);
		const result = reimport(oldExport, store);
		expect(result).toEqual({ ok: true, added: 0, updated: 0 });
		expect(store.log().map((r) => r.value)).toEqual([60, 38, 52]);
		expect(store.deleted()).toHaveProperty(doomed);
	});

	it('carries the tombstone in the export, so another browser deletes the row too', () => {
		const a = make(new FakeStorage());
		a.appendLog([row({ value: 60 }), row({ value: 61 })]);
		const b = make(new FakeStorage());
		reimport(a.exportFile(SITE), b);
		expect(b.log()).toHaveLength(2);
		a.deleteRecord(a.log()[0].id);
		reimport(a.exportFile(SITE), b);
		expect(b.log().map((r) => r.value)).toEqual([61]);
	});

	it('deletes a claim or a decision, and says false for an id it does not have', () => {
		const store = make(new FakeStorage());
		const claim = store.addClaim({ text: 'Median below mean', confidence: 0.7, checkOn: '2025-06-08' });
		const decision = store.addDecision({ title: 'Batch scoring', kind: 'adr', reviewOn: '2025-07-01' });
		const file = store.exportFile(SITE);
		expect(store.deleteRecord(claim.id)).toBe(true);
		expect(store.deleteRecord(decision.id)).toBe(true);
		expect(store.deleteRecord('no-such-id')).toBe(false);
		reimport(file, store);
		expect(store.claims()).toEqual([]);
		expect(store.decisions()).toEqual([]);
	});
});

describe('edit', () => {
	it('changes a row in place, keeps its id, and the newer edit wins an import of the older version', () => {
		const fake = new FakeStorage();
		const store = make(fake);
		store.appendLog([row({ value: 380 })]);
		const before = store.exportFile(SITE);
		const { id } = store.log()[0];
		expect(store.editRow(id, { ...row({ value: 38, note: 'typo fixed' }) })).toBe(true);
		expect(make(fake).log()).toEqual([expect.objectContaining({ id, value: 38, note: 'typo fixed' })]);
		reimport(before, store);
		expect(store.log().map((r) => r.value)).toEqual([38]);
		const other = make(new FakeStorage());
		reimport(before, other);
		expect(reimport(store.exportFile(SITE), other)).toEqual({ ok: true, added: 0, updated: 1 });
		expect(other.log().map((r) => r.value)).toEqual([38]);
	});

	it('refuses an edit that is not a valid row, changing nothing', () => {
		const store = make(new FakeStorage());
		store.appendLog([row()]);
		expect(() => store.editRow(store.log()[0].id, row({ value: -5 }))).toThrow(/value/);
		expect(store.log()[0].value).toBe(38);
	});

	it('edits an open claim and decision, not an answered one', () => {
		const store = make(new FakeStorage());
		const claim = store.addClaim({ text: 'Tail 3x', confidence: 0.6, checkOn: '2025-06-08' });
		expect(store.editClaim(claim.id, { text: 'Tail 4x', confidence: 0.8, checkOn: '2025-06-09' })).toBe(true);
		expect(store.claims()[0]).toMatchObject({ text: 'Tail 4x', confidence: 0.8, checkOn: '2025-06-09' });
		expect(() => store.editClaim(claim.id, { text: 'x', confidence: 2, checkOn: '2025-06-09' })).toThrow(/confidence/);
		store.resolveClaim(claim.id, true);
		expect(store.editClaim(claim.id, { text: 'changed', confidence: 0.6, checkOn: '2025-06-09' })).toBe(false);
		const decision = store.addDecision({ title: 'Queue', kind: 'decision', reviewOn: '2025-07-01' });
		expect(store.editDecision(decision.id, { title: 'Queue, not cron', kind: 'adr', reviewOn: '2025-07-02' })).toBe(true);
		expect(store.decisions()[0]).toMatchObject({ title: 'Queue, not cron', kind: 'adr', reviewOn: '2025-07-02' });
	});

	it('answering a claim in two tabs logs one row', () => {
		const fake = new FakeStorage();
		const a = make(fake);
		const claim = a.addClaim({ text: 'x', confidence: 0.6, checkOn: '2025-06-01' });
		const b = make(fake.openTab());
		a.resolveClaim(claim.id, true);
		const file = b.exportFile(SITE);
		reimport(file, a);
		expect(a.log()).toHaveLength(1);
	});
});

describe('never says saved when it did not save', () => {
	it('reports a write that did not fit, then saves once there is room', () => {
		const fake = new FakeStorage();
		const store = make(fake);
		store.appendLog([row()]);
		fake.quota = (fake.peek(KEY)?.length ?? 0) + KEY.length + 10;
		store.appendLog([row({ note: 'this one does not fit any more' })]);
		expect(store.lastWrite()).toEqual({ saved: false, reason: 'full', message: expect.stringMatching(/^Not saved: this browser's storage for the site is full.*Download what you have/) });
		expect(store.log()).toHaveLength(2);
		expect(make(fake).log()).toHaveLength(1);
		fake.quota = Number.POSITIVE_INFINITY;
		store.setChecked('a', true);
		expect(store.lastWrite()).toEqual({ saved: true });
		expect(make(fake).log()).toHaveLength(2);
	});

	it('refuses an import that does not fit, before anything changes, with the size and a way out', () => {
		const fake = new FakeStorage();
		const store = make(fake);
		store.setChecked('a', true);
		const before = fake.peek(KEY);
		const big = make(new FakeStorage());
		big.appendLog(Array.from({ length: 2000 }, (_, i) => row({ note: `run ${i}`, value: 1 + (i % 90) })));
		fake.quota = 50_000;
		const parsed = parseProgressFile(big.exportFile(SITE), { siteId: SITE, maxBytes: 10_000_000, now: T0 + HOUR });
		if (!parsed.ok) throw new Error(parsed.error);
		const result = store.importFile(parsed.file);
		expect(result).toEqual({ ok: false, message: expect.stringMatching(/^Not imported: .* would take \d+ KB.*nothing was changed\. Download your log.*delete old rows/) });
		expect(fake.peek(KEY)).toBe(before);
		expect(store.log()).toEqual([]);
		expect(store.lastWrite()).toEqual({ saved: true });
		const csv = store.importLog(parsed.file.log);
		expect(csv.ok).toBe(false);
		expect(store.log()).toEqual([]);
	});

	it('says why when storage is blocked', () => {
		const fake = new FakeStorage();
		fake.throwOnSet = true;
		const store = make(fake);
		store.appendLog([row()]);
		expect(store.lastWrite()).toMatchObject({ saved: false, reason: 'unavailable' });
	});
});

describe('memory-only after a value too large to copy aside', () => {
	it('keeps the unreadable value as a backup and starts a fresh store when asked', () => {
		const corrupt = `{"version":3,${'x'.repeat(3000)}`;
		const fake = new FakeStorage({ [KEY]: corrupt });
		fake.quota = corrupt.length + KEY.length + 2000;
		const store = make(fake);
		expect(store.notice()).toMatchObject({ kind: 'corrupt', canStartFresh: true });
		store.setChecked('a', true);
		expect(store.lastWrite()).toMatchObject({ saved: false, reason: 'corrupt' });
		expect(fake.peek(KEY)).toBe(corrupt);
		expect(store.startFresh()).toBe(true);
		const backup = fake.keys().find((k) => k.startsWith(`${KEY}:backup:`));
		expect(backup && fake.peek(backup)).toBe(corrupt);
		expect(make(fake).isChecked('a')).toBe(true);
		expect(store.notice()).toMatchObject({ kind: 'corrupt', message: expect.stringContaining(backup!) });
		expect(store.lastWrite()).toEqual({ saved: true });
	});
});

describe('times from a clock that ran fast', () => {
	it('a tick made an hour ahead is exported as now, so the file imports', () => {
		const c = clock(T0 + HOUR);
		const store = make(new FakeStorage(), { now: c.now });
		store.setChecked('week-01-read', true);
		c.set(T0);
		const text = store.exportFile(SITE);
		expect(JSON.parse(text).ticks['week-01-read'].at).toBeLessThanOrEqual(T0 + 1000);
		const parsed = parseProgressFile(text, { siteId: SITE, maxBytes: 1_000_000, now: T0 + 2000 });
		expect(parsed.ok && parsed.clampedTimes).toBe(0);
	});

	it('a new untick after the clock was set back still lands', () => {
		const c = clock(T0 + 24 * HOUR);
		const store = make(new FakeStorage(), { now: c.now });
		store.setChecked('a', true);
		c.set(T0);
		store.setChecked('a', false);
		expect(store.isChecked('a')).toBe(false);
		expect(store.snapshot().ticks.a.at).toBeLessThanOrEqual(T0 + 1000);
	});
});

describe('v2 values and files (the shape the book wrote before rows had ids)', () => {
	const fixture = (name: string) => readFileSync(new URL(`../fixtures/progress/${name}`, import.meta.url), 'utf8');
	const v2Stored = fixture('v2-stored.json');
	const v2Export = fixture('v2-export.json');
	const withoutIds = (rows: readonly LogRow[]) => rows.map(({ id: _id, editedAt: _e, ...values }) => values);

	it('keeps every tick, row, claim, decision and timer of a stored v2 value, each row with an id', () => {
		const v2 = JSON.parse(v2Stored);
		const fake = new FakeStorage({ [KEY]: v2Stored });
		const store = make(fake);
		expect(store.notice()).toBeNull();
		expect(store.snapshot().ticks).toEqual(v2.ticks);
		expect(withoutIds(store.log())).toEqual(v2.log);
		expect(new Set(store.log().map((r) => r.id)).size).toBe(v2.log.length);
		expect(store.claims()).toEqual(v2.claims);
		expect(store.decisions()).toEqual(v2.decisions);
		expect(store.runningTimer('eda-challenge')).toEqual(v2.timers['eda-challenge']);
		// The same v2 value gives the same ids in another browser.
		expect(make(new FakeStorage({ [KEY]: v2Stored })).log().map((r) => r.id)).toEqual(store.log().map((r) => r.id));
	});

	it('imports a v2 export into the browser it came from without adding a row, and into a fresh one whole', () => {
		const migrated = make(new FakeStorage({ [KEY]: v2Stored }));
		expect(reimport(v2Export, migrated)).toEqual({ ok: true, added: 0, updated: 0 });
		expect(migrated.log()).toHaveLength(4);
		const fresh = make(new FakeStorage());
		expect(reimport(v2Export, fresh)).toEqual({ ok: true, added: 4, updated: 0 });
		expect(fresh.log().map((r) => r.id)).toEqual(migrated.log().map((r) => r.id));
		expect(fresh.claims()).toHaveLength(2);
		expect(Object.keys(fresh.snapshot().ticks)).toHaveLength(3);
	});
});
