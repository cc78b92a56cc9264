/** Merge rules of the progress store: newest wins, renames, orphans, import preview. */
import { describe, expect, it } from 'vitest';
import { STATE_VERSION } from '../../src/lib/progress/constants';
import { migrateRenames, orphanedIds, tickOf } from '../../src/lib/progress/merge';
import { mergeTicks, previewImport } from '../../src/lib/progress/merge-import';
import type { ProgressFile, Ticks } from '../../src/lib/progress/state';

const tick = (checked: boolean, at: number) => ({ checked, at });

function file(ticks: Ticks, siteId = 'ai-eng-plan'): ProgressFile {
	return { format: 'ai-eng-plan-progress', version: STATE_VERSION, siteId, exportedAt: '2025-01-01T00:00:00.000Z', ticks, settings: {}, log: [], claims: [], decisions: [], deleted: {} };
}

describe('mergeTicks', () => {
	it('takes a newer incoming tick over an older local untick', () => {
		expect(mergeTicks({ a: tick(false, 100) }, { a: tick(true, 200) })).toEqual({ a: tick(true, 200) });
	});

	it('takes a newer incoming untick over an older local tick', () => {
		expect(mergeTicks({ a: tick(true, 100) }, { a: tick(false, 200) })).toEqual({ a: tick(false, 200) });
	});

	it('keeps a newer local record over an older incoming one, both ways', () => {
		expect(mergeTicks({ a: tick(true, 300) }, { a: tick(false, 200) })).toEqual({ a: tick(true, 300) });
		expect(mergeTicks({ a: tick(false, 300) }, { a: tick(true, 200) })).toEqual({ a: tick(false, 300) });
	});

	it('keeps local on equal timestamps', () => {
		expect(mergeTicks({ a: tick(false, 100) }, { a: tick(true, 100) })).toEqual({ a: tick(false, 100) });
		expect(mergeTicks({ a: tick(true, 100) }, { a: tick(false, 100) })).toEqual({ a: tick(true, 100) });
	});

	it('keeps ids found on one side only and does not change its inputs', () => {
		const local = { a: tick(true, 1) };
		const incoming = { b: tick(false, 2) };
		expect(mergeTicks(local, incoming)).toEqual({ a: tick(true, 1), b: tick(false, 2) });
		expect(local).toEqual({ a: tick(true, 1) });
		expect(incoming).toEqual({ b: tick(false, 2) });
	});

	it('treats `constructor` as an ordinary id, not as Object.prototype.constructor', () => {
		expect(tickOf({}, 'constructor')).toBeUndefined();
		expect(mergeTicks({}, { constructor: tick(true, 5) })).toEqual({ constructor: tick(true, 5) });
	});
});

describe('migrateRenames', () => {
	it('moves a tick from the old id to the new id and removes the old key', () => {
		const renames = new Map([['old-read', 'new-read']]);
		expect(migrateRenames({ 'old-read': tick(true, 10) }, renames)).toEqual({ 'new-read': tick(true, 10) });
	});

	it('lets a newer old-id tick replace an older new-id record', () => {
		const renames = new Map([['old-read', 'new-read']]);
		const ticks = { 'old-read': tick(true, 20), 'new-read': tick(false, 10) };
		expect(migrateRenames(ticks, renames)).toEqual({ 'new-read': tick(true, 20) });
	});

	it('keeps the old key (now orphaned) when the new id is newer or equally new', () => {
		const renames = new Map([['old-read', 'new-read']]);
		const newer = { 'old-read': tick(true, 10), 'new-read': tick(false, 20) };
		expect(migrateRenames(newer, renames)).toEqual(newer);
		const equal = { 'old-read': tick(true, 10), 'new-read': tick(false, 10) };
		expect(migrateRenames(equal, renames)).toEqual(equal);
	});

	it('changes nothing when the old id has no tick, and never mutates its input', () => {
		const ticks = { other: tick(true, 1), 'old-read': tick(true, 2) };
		expect(migrateRenames({ other: tick(true, 1) }, new Map([['old-read', 'new-read']]))).toEqual({ other: tick(true, 1) });
		migrateRenames(ticks, new Map([['old-read', 'new-read']]));
		expect(ticks).toEqual({ other: tick(true, 1), 'old-read': tick(true, 2) });
	});

	it('merges two old ids of one item by newest', () => {
		const renames = new Map([
			['first-name', 'final-name'],
			['second-name', 'final-name'],
		]);
		const ticks = { 'first-name': tick(true, 5), 'second-name': tick(false, 9) };
		expect(migrateRenames(ticks, renames)).toEqual({ 'final-name': tick(false, 9) });
	});
});

describe('orphanedIds', () => {
	it('lists ticked ids the book does not know, sorted, leaving unticks out', () => {
		const ticks = { zeta: tick(true, 1), known: tick(true, 1), alpha: tick(true, 1), gone: tick(false, 1) };
		expect(orphanedIds(ticks, ['known'])).toEqual(['alpha', 'zeta']);
	});
});

describe('previewImport', () => {
	const local: Ticks = {
		same: tick(true, 10),
		'older-here': tick(false, 10),
		'newer-here': tick(true, 50),
		'tie-here': tick(true, 30),
	};
	const incoming: Ticks = {
		same: tick(true, 99),
		'older-here': tick(true, 20),
		'newer-here': tick(false, 40),
		'tie-here': tick(false, 30),
		'brand-new': tick(true, 5),
		'removed-item': tick(true, 5),
	};
	const known = ['same', 'older-here', 'newer-here', 'tie-here', 'brand-new'];

	it('sorts every incoming id into added, changed or kept local, and counts orphans', () => {
		expect(previewImport(local, file(incoming), { siteId: 'ai-eng-plan', knownIds: known })).toEqual({
			added: ['brand-new', 'removed-item'],
			changed: [{ id: 'older-here', from: false, to: true }],
			unticks: [],
			conflictsKeptLocal: ['newer-here', 'tie-here'],
			orphaned: ['removed-item'],
		});
	});

	it('applies renames to the file first, as the store does on import', () => {
		const preview = previewImport({}, file({ 'old-read': tick(true, 1) }), {
			siteId: 'ai-eng-plan',
			knownIds: ['new-read'],
			renames: new Map([['old-read', 'new-read']]),
		});
		expect(preview.added).toEqual(['new-read']);
		expect(preview.orphaned).toEqual([]);
	});

	it('refuses a file of another site', () => {
		expect(() => previewImport({}, file({}, 'other-fork'), { siteId: 'ai-eng-plan', knownIds: [] })).toThrow(/other-fork/);
	});
});
