/**
 * The drill record in the progress store: kept across reloads and tabs, carried by
 * export and import (merged, never lost), and optional, so values and files
 * without it stay valid. Separate from the store's own tests so both can change.
 */
import { describe, expect, it } from 'vitest';
import { FakeStorage } from '../support/fake-storage';
import { parseProgressFile } from '../../src/lib/progress/import';
import { progressFileSchema, storedStateSchema } from '../../src/lib/progress/state';
import { createProgressStore } from '../../src/lib/progress/store';
import { readStoredState } from '../../src/lib/progress/validate-state';
import { attemptId } from '../../src/lib/drills/state';
import { drillStateProblem } from '../../src/lib/drills/validate';
import { reviewDrill } from '../../src/lib/drills/review';

const KEY = 'sp:test:/:progress';
const T0 = Date.UTC(2026, 0, 7, 9);
const make = (storage: FakeStorage) => createProgressStore({ storage, key: KEY, now: () => T0 });

function answerWrong(store: ReturnType<typeof make>, drill: string) {
	const card = reviewDrill(store.drills().cards[drill], false, T0)!;
	const attempt = { drill, at: T0, date: '2026-01-07', week: 1, right: false, value: 150 };
	store.updateDrills(
		(d) => ({ ...d, cards: { ...d.cards, [drill]: card }, attempts: { ...d.attempts, [attemptId(drill, T0)]: attempt } }),
		[{ date: '2026-01-07', week: 1, metric: 'intuition_correct', value: 0, unit: 'guess', note: `Drill: ${drill}` }],
	);
}

describe('drills in the progress store', () => {
	it('keeps an answer, its card and its log row across a reload and in another tab', () => {
		const storage = new FakeStorage();
		const store = make(storage);
		answerWrong(store, 'w01-est-median-flipper');
		const other = make(storage);
		expect(Object.keys(other.drills().cards)).toEqual(['w01-est-median-flipper']);
		expect(other.log().map((r) => r.note)).toEqual(['Drill: w01-est-median-flipper']);
		const raw = JSON.parse(storage.getItem(KEY)!);
		expect(storedStateSchema.safeParse(raw).success).toBe(true);
		expect(readStoredState(raw)).not.toBeNull();
		// Answering again (a replay of the same change) adds nothing.
		answerWrong(other, 'w01-est-median-flipper');
		expect(Object.keys(other.drills().attempts)).toHaveLength(1);
	});

	it('exports the record and merges it back on import without losing either side', () => {
		const source = make(new FakeStorage());
		answerWrong(source, 'w02-est-iqr-flipper');
		source.updateDrills((d) => ({ ...d, paragraphs: { ...d.paragraphs, 'w01-explain-median': { text: 'The middle value…', at: T0 } } }));
		const text = source.exportFile('test');
		expect(progressFileSchema.safeParse(JSON.parse(text)).success).toBe(true);
		const parsed = parseProgressFile(text, { maxBytes: 10_000_000, siteId: 'test', now: T0 });
		if (!parsed.ok) throw new Error(`not parsed: ${JSON.stringify(parsed).slice(0, 200)}`);
		const target = make(new FakeStorage());
		answerWrong(target, 'w03-est-p-gentoo');
		// The drill record merges in the same write as the rest of the file.
		const importAll = () => expect(target.importFile(parsed.file).ok).toBe(true);
		importAll();
		expect(Object.keys(target.drills().cards).sort()).toEqual(['w02-est-iqr-flipper', 'w03-est-p-gentoo']);
		expect(target.drills().paragraphs['w01-explain-median']!.text).toBe('The middle value…');
		const before = JSON.stringify(target.drills());
		importAll();
		expect(JSON.stringify(target.drills())).toBe(before);
	});

	it('checks a stored record in outline on every page and in full where drills are used and on import', () => {
		const base = { version: 3, ticks: {}, settings: {}, log: [], timers: {}, claims: [], decisions: [], deleted: {} };
		// The outline (four objects) is all a checklist page checks: it keeps such a value, never sets it aside.
		const oddKey = { ...base, drills: { cards: {}, attempts: {}, paragraphs: {}, patterns: { '0': { text: 'x', at: 1 } } } };
		expect(readStoredState(oddKey)).not.toBeNull();
		expect(drillStateProblem(oddKey.drills)).toMatch(/patterns/);
		expect(storedStateSchema.safeParse(oddKey).success).toBe(false);
		expect(readStoredState({ ...base, drills: { cards: [] , attempts: {}, paragraphs: {}, patterns: {} } })).toBeNull();
		expect(readStoredState({ ...base, drills: { cards: {}, attempts: {}, paragraphs: {}, patterns: {}, extra: {} } })).toBeNull();
		// An export file with a damaged record is refused whole, before anything changes.
		const source = make(new FakeStorage());
		const file = JSON.parse(source.exportFile('test'));
		file.drills = oddKey.drills;
		const parsed = parseProgressFile(JSON.stringify(file), { maxBytes: 10_000_000, siteId: 'test', now: T0 });
		expect(parsed.ok).toBe(false);
		if (!parsed.ok) expect(parsed.error).toContain('drill record');
	});
});
