import type { LogRow } from '../practice-log/metrics';
import type { Prediction } from './spec';

/** What the learner is told after a "predict before reveal" guess. */
export function verdict(guess: number | null, answer: number, unit: 'percent' | 'number'): string {
	const round = (x: number) => Number(x.toFixed(unit === 'percent' ? 1 : 3));
	const show = (x: number) => `${round(x)}${unit === 'percent' ? '%' : ''}`;
	if (guess === null) return `The answer is ${show(answer)}.`;
	const off = round(Math.abs(guess - answer));
	if (off === 0) return `You guessed ${show(guess)}: exactly right.`;
	const distance = unit === 'percent' ? `${off} percentage points` : String(off);
	return `You guessed ${show(guess)}; the answer is ${show(answer)}, so you were ${distance} too ${guess > answer ? 'high' : 'low'}.`;
}

/**
 * How far off a guess may be and still count as right in the log: the demo's own
 * `tolerance` when it sets one, else 5 percentage points for percentages and 10%
 * of the answer (at least one input step) for numbers.
 */
export function guessTolerance(prediction: Tolerated, answer: number): number {
	if (prediction.tolerance !== undefined) return prediction.tolerance;
	return prediction.unit === 'percent' ? 5 : Math.max(0.1 * Math.abs(answer), prediction.step);
}

type Tolerated = Pick<Prediction, 'unit' | 'step' | 'tolerance'>;

const shown = (prediction: Tolerated, x: number) => `${Number(x.toFixed(prediction.unit === 'percent' ? 1 : 3))}${prediction.unit === 'percent' ? '%' : ''}`;

/** Whether the log counts a guess as right: within `guessTolerance` (float noise forgiven). */
export const guessIsRight = (prediction: Tolerated, guess: number, answer: number) => Math.abs(guess - answer) <= guessTolerance(prediction, answer) + 1e-9;

/** "±5 percentage points" or "±0.032": how far off a guess may be and count as right. */
function toleranceText(prediction: Tolerated, answer: number): string {
	const tolerance = Number(guessTolerance(prediction, answer).toFixed(prediction.unit === 'percent' ? 1 : 3));
	return prediction.unit === 'percent' ? `±${tolerance} percentage points` : `±${tolerance}`;
}

/**
 * Said after a guess was written to the practice log, after the verdict (which
 * already gives the answer): how the log counted it, and by what tolerance.
 * Short, so verdict and note fit the two lines the page keeps for them.
 */
export function loggedText(prediction: Tolerated, guess: number, answer: number): string {
	const tolerance = toleranceText(prediction, answer);
	return guessIsRight(prediction, guess, answer) ? `Logged as right (within ${tolerance}).` : `Logged as a miss (outside ${tolerance}).`;
}

/** The practice-log row of a checked guess: `intuition_correct`, 1 within tolerance, the note naming demo, guess and answer. */
export function guessRow(demo: string, prediction: Tolerated, guess: number, answer: number, date: string, week: number): LogRow {
	const show = (x: number) => shown(prediction, x);
	const right = guessIsRight(prediction, guess, answer);
	return { date, week, metric: 'intuition_correct', value: right ? 1 : 0, unit: 'guess', note: `Demo ${demo}: guessed ${show(guess)}, answer ${show(answer)}` };
}
