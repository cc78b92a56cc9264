/**
 * Writes a demo's checked guess to the practice log. Loaded by demo.ts only when
 * a guess is checked, so a demo costs nothing more until then.
 */
import type { Prediction } from '../lib/demos/spec';
import { guessRow } from '../lib/demos/verdict';
import { localDate } from '../lib/practice-log/metrics';
import { storeFor } from './page-store';

/** True once the row was handed to the store (whose notice says if storage failed); false when the page has no store. */
export function recordGuess(demo: HTMLElement, title: string, prediction: Prediction, guess: number, answer: number): boolean {
	const store = storeFor(demo);
	if (!store) return false;
	const date = localDate(Date.now());
	store.appendLog([guessRow(title, prediction, guess, answer, date, store.weekOf(date))]);
	return true;
}
