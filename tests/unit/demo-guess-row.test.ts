// A demo's checked guess as a practice-log row: right within the tolerance, the
// note naming demo, guess and answer, and always a row the log accepts.
import { describe, expect, it } from 'vitest';
import { guessRow, guessTolerance, loggedText } from '../../src/lib/demos/verdict';
import { rowProblems } from '../../src/lib/practice-log/metrics';

const percent = { unit: 'percent', step: 0.1 } as const;
const number = { unit: 'number', step: 0.001 } as const;

describe('guessTolerance', () => {
	it('is 5 points for percentages, 10% of the answer for numbers, or the demo’s own', () => {
		expect(guessTolerance(percent, 16.1)).toBe(5);
		expect(guessTolerance(number, -2.5)).toBeCloseTo(0.25, 12);
		expect(guessTolerance({ unit: 'number', step: 0.5 }, 0)).toBe(0.5); // never below one step
		expect(guessTolerance({ ...percent, tolerance: 2 }, 50)).toBe(2);
	});
});

describe('guessRow', () => {
	it('logs 1 for a guess within tolerance, and 0 just outside', () => {
		expect(guessRow('Bayes’ theorem', percent, 20, 16.1, '2027-01-06', 1)).toEqual({
			date: '2027-01-06', week: 1, metric: 'intuition_correct', value: 1, unit: 'guess', note: 'Demo Bayes’ theorem: guessed 20%, answer 16.1%',
		});
		expect(guessRow('Bayes’ theorem', percent, 21.2, 16.1, '2027-01-06', 1).value).toBe(0);
		expect(guessRow('Bayes’ theorem', percent, 21.1, 16.1, '2027-01-06', 1).value).toBe(1); // exactly 5 points off
		expect(guessRow('CLT', number, 0.35, 0.316227, '2027-01-06', 3)).toMatchObject({ value: 0, note: 'Demo CLT: guessed 0.35, answer 0.316' });
		expect(guessRow('CLT', number, 0.34, 0.316227, '2027-01-06', 3).value).toBe(1);
	});

	it('writes rows the log accepts', () => {
		expect(rowProblems(guessRow('Regression, with a comma', number, -3, 2, '2027-02-28', 8))).toEqual([]);
	});
});

describe('loggedText', () => {
	it('says the guess was logged, how it counted and by what tolerance', () => {
		expect(loggedText(percent, 20, 16.1)).toBe('Logged as right (within ±5 percentage points).');
		expect(loggedText(percent, 80, 15.4)).toBe('Logged as a miss (outside ±5 percentage points).');
		expect(loggedText(number, 0.35, 0.316227)).toBe('Logged as a miss (outside ±0.032).');
		expect(loggedText({ ...percent, tolerance: 2 }, 51, 50)).toBe('Logged as right (within ±2 percentage points).');
	});

	it('counts a guess right exactly when its row says 1', () => {
		for (const guess of [10, 11.1, 21.1, 21.2, 30]) {
			const right = guessRow('x', percent, guess, 16.1, '2027-01-06', 1).value === 1;
			expect(loggedText(percent, guess, 16.1).startsWith('Logged as right')).toBe(right);
		}
	});
});
