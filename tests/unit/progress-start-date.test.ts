// The learner's start date in the progress store: saved, shared with other tabs, removable, validated.
import { describe, expect, it } from 'vitest';
import { FakeStorage } from '../support/fake-storage';
import { createProgressStore } from '../../src/lib/progress/store';

const KEY = 'sp:fork-id:/study/:progress';

describe('setStartDate', () => {
	it('saves the date in settings, keeps ticks, and another store on the same storage reads it', () => {
		const storage = new FakeStorage();
		const store = createProgressStore({ storage, key: KEY });
		store.setChecked('week-1-read', true);
		store.setStartDate('2027-01-04');
		expect(store.snapshot().settings.startDate).toBe('2027-01-04');
		const otherTab = createProgressStore({ storage, key: KEY });
		expect(otherTab.snapshot().settings.startDate).toBe('2027-01-04');
		expect(otherTab.isChecked('week-1-read')).toBe(true);
	});

	it('removes the date with null and refuses impossible dates', () => {
		const store = createProgressStore({ storage: new FakeStorage(), key: KEY });
		store.setStartDate('2027-01-04');
		expect(() => store.setStartDate('2027-02-30')).toThrow(TypeError);
		expect(() => store.setStartDate('4 January')).toThrow(TypeError);
		expect(store.snapshot().settings.startDate).toBe('2027-01-04');
		store.setStartDate(null);
		expect(store.snapshot().settings).toEqual({});
	});
});
