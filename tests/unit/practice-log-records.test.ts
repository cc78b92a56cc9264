// What /progress/ says about single records: pending claims and decisions with their dates, and an edited row checked as the forms check it.
import { describe, expect, it } from 'vitest';
import { describeRow, laterRecords, openRecords, rowFromFields } from '../../src/lib/practice-log/records';

const claim = { id: 'claim-a', text: 'Median under 4 h', confidence: 0.8, checkOn: '2027-01-12', createdAt: 1 };
const decision = { id: 'adr-b', title: 'Batch scoring', kind: 'adr' as const, reviewOn: '2027-01-10', createdAt: 1 };

describe('open records', () => {
	it('lists open claims and decisions soonest first, with their dates, and leaves answered ones out', () => {
		const open = openRecords([claim, { ...claim, id: 'claim-c', resolved: { correct: true, at: 2 } }], [decision]);
		expect(open.map((o) => o.text)).toEqual(['ADR: Batch scoring — review on 2027-01-10', 'Claim: Median under 4 h (80% confident) — check on 2027-01-12']);
	});

	it('keeps for "later" only those dated after today', () => {
		expect(laterRecords([claim], [decision], '2027-01-10').map((o) => o.record.id)).toEqual(['claim-a']);
		expect(laterRecords([claim], [decision], '2027-01-12')).toEqual([]);
	});
});

describe('rowFromFields', () => {
	const fields = { date: '2027-01-05', week: '2', metric: 'communication', value: '3', unit: 'of 4', note: ' clear ' };

	it('reads a valid row, trimming the note', () => {
		expect(rowFromFields(fields)).toEqual({ ok: true, row: { date: '2027-01-05', week: 2, metric: 'communication', value: 3, unit: 'of 4', note: 'clear' } });
	});

	it('refuses what the forms refuse, saying why and how to fix it', () => {
		expect(rowFromFields({ ...fields, value: '5' })).toEqual({ ok: false, message: 'Not saved: value 5 is out of range for communication; write a whole score from 0 to 4.' });
		expect(rowFromFields({ ...fields, value: '' })).toMatchObject({ ok: false });
		expect(rowFromFields({ ...fields, week: '0' })).toMatchObject({ ok: false, message: expect.stringMatching(/week 0 is not a course week/) });
		expect(rowFromFields({ ...fields, date: '2027-02-30' })).toMatchObject({ ok: false });
	});

	it('gives a row the unit of its new metric when the metric changes', () => {
		const read = rowFromFields({ ...fields, metric: 'decomposition', value: '6' });
		expect(read.ok && read.row.unit).toBe('of 7');
	});

	it('describes a row in one line', () => {
		expect(describeRow({ date: '2027-01-05', week: 2, metric: 'eda_minutes', value: 38, unit: 'min', note: '' })).toBe('2027-01-05 · week 2 · eda_minutes 38 min');
	});
});
