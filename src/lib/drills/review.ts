/**
 * Missed drills come back: one FSRS card per drill id (ts-fsrs, the scheduler of
 * Anki's FSRS family), stored as plain JSON in the progress store. A wrong answer
 * is Rating.Again, a right one Rating.Good; a drill answered right the first time
 * never gets a card (nothing to come back for). The browser loads this module only
 * when an answer is recorded: counting what is due needs no scheduler (queue.ts).
 */
import { createEmptyCard, fsrs, Rating, type Card } from 'ts-fsrs';
import type { StoredCard } from './state';

/** Default parameters with short-term learning steps off: a miss comes back tomorrow, not in ten minutes (the drills are daily). */
const scheduler = fsrs({ enable_short_term: false, enable_fuzz: false });

function toCard(stored: StoredCard): Card {
	return { ...stored, due: new Date(stored.due), last_review: stored.lastReview === null ? undefined : new Date(stored.lastReview), elapsed_days: 0 } as Card;
}

function fromCard(card: Card): StoredCard {
	return {
		due: card.due.getTime(),
		stability: card.stability,
		difficulty: card.difficulty,
		scheduled_days: card.scheduled_days,
		learning_steps: card.learning_steps,
		reps: card.reps,
		lapses: card.lapses,
		state: card.state,
		lastReview: card.last_review ? card.last_review.getTime() : null,
	};
}

/**
 * The card after an answer at `now` (epoch ms), or null when there is no card and
 * none is needed (right at the first try).
 */
export function reviewDrill(card: StoredCard | undefined, right: boolean, now: number): StoredCard | null {
	if (!card && right) return null;
	const current = card ? toCard(card) : createEmptyCard(new Date(now));
	return fromCard(scheduler.next(current, new Date(now), right ? Rating.Good : Rating.Again).card);
}
