/**
 * Writes a demo's checked guess to the practice log. Loaded by demo.ts only when
 * a guess is checked, so a demo costs nothing more until then.
 */
import type { Prediction } from '../lib/demos/spec';
import { guessRow } from '../lib/demos/verdict';
import { localDate } from '../lib/practice-log/metrics';
import { logStoreFor } from './log-store';

/** True once the row is saved (read back from storage); false when the page has no store or storage failed (the layout's notice then says why). */
export function recordGuess(demo: HTMLElement, title: string, prediction: Prediction, guess: number, answer: number): boolean {
	const store = logStoreFor(demo);
	if (!store) return false;
	const date = localDate(Date.now());
	store.appendLog([guessRow(title, prediction, guess, answer, date, store.weekOf(date))]);
	return store.lastWrite().saved;
}
