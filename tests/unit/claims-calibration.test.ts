// Browser claims join the portfolio's predictions in one calibration table.
import { describe, expect, it } from 'vitest';
import { calibration, claimsAsPredictions } from '../../src/lib/portfolio/calibration';

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
		const band80 = table.bands.find((b) => b.label === '80-90%')!;
		expect(band80).toMatchObject({ count: 2, cameTrue: 1, share: 0.5 });
		expect(band80.meanConfidence).toBeCloseTo(0.825, 12);
		// Brier: (0.8-1)² + (0.85-0)² + (0.7-0.5)² over 3 = (0.04 + 0.7225 + 0.04) / 3
		expect(table.brier).toBeCloseTo(0.8025 / 3, 12);
	});
});
