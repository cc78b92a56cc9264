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
