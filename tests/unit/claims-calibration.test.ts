// Browser claims join the portfolio's predictions in one calibration table.
import { describe, expect, it } from 'vitest';
import { calibration, claimRowsWithoutConfidence, claimsAsPredictions } from '../../src/lib/portfolio/calibration';
import { summariseLog } from '../../src/lib/practice-log/dashboard';
import { isLogRow } from '../../src/lib/practice-log/metrics';

describe('claimsAsPredictions', () => {
	it('counts answered claims as right or wrong and open ones as pending', () => {
		const claims = [
			{ confidence: 0.8, resolved: { correct: true } },
			{ confidence: 0.85, resolved: { correct: false } },
			{ confidence: 0.6 },
		];
		expect(claimsAsPredictions(claims)).toEqual([
			{ confidence: 0.8, outcome: 'right' },
			{ confidence: 0.85, outcome: 'wrong' },
			{ confidence: 0.6, outcome: 'pending' },
		]);
		const table = calibration([...claimsAsPredictions(claims), { confidence: 0.7, outcome: 'partly' }]);
		expect(table.resolved).toBe(3);
		expect(table.pending).toBe(1);
		const band80 = table.bands.find((b) => b.label === '80–89%')!;
		expect(band80).toMatchObject({ count: 2, cameTrue: 1, share: 0.5 });
		expect(band80.meanConfidence).toBeCloseTo(0.825, 12);
		// Brier: (0.8-1)² + (0.85-0)² + (0.7-0.5)² over 3 = (0.04 + 0.7225 + 0.04) / 3
		expect(table.brier).toBeCloseTo(0.8025 / 3, 12);
	});
});

describe('partly right counts as half, everywhere', () => {
	it('a claim answered "partly" is half right in calibration and in the log accuracy', () => {
		expect(claimsAsPredictions([{ confidence: 0.7, resolved: { correct: false, partly: true } }])).toEqual([{ confidence: 0.7, outcome: 'partly' }]);
		const row = { date: '2025-06-01', week: 1, metric: 'intuition_correct', value: 0.5, unit: 'claim', note: '' } as const;
		expect(isLogRow(row)).toBe(true);
		expect(isLogRow({ ...row, metric: 'decision_right', unit: 'decision' })).toBe(false);
		const accuracy = summariseLog([row, { ...row, value: 1 }], [{ month: 1, from: 1, to: 8 }]).total.accuracy;
		expect(accuracy).toMatchObject({ k: 1.5, n: 2, share: 0.75 });
	});

	it('puts a confidence on a band edge into the band it opens (half-open bands)', () => {
		const table = calibration([{ confidence: 0.7, outcome: 'right' }, { confidence: 0.69, outcome: 'right' }, { confidence: 1, outcome: 'right' }]);
		expect(table.bands.map((b) => [b.label, b.count])).toEqual([['50–59%', 0], ['60–69%', 1], ['70–79%', 1], ['80–89%', 0], ['90–100%', 1]]);
	});

	it('counts answered claims in the log that no claim here stands for (a CSV import)', () => {
		const rows = [{ metric: 'intuition_correct', unit: 'claim' }, { metric: 'intuition_correct', unit: 'claim' }, { metric: 'intuition_correct', unit: 'guess' }];
		expect(claimRowsWithoutConfidence(rows, [])).toBe(2);
		expect(claimRowsWithoutConfidence(rows, [{ resolved: { correct: true } }, {}])).toBe(1);
	});
});
