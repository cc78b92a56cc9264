/**
 * The review queue and the Friday review, computed from stored drill state and the
 * practice log. No scheduler here (review.ts is loaded only to record an answer).
 */
import type { LogRow } from '../practice-log/metrics';
import type { Attempt, DrillState } from './state';

const DAY = 86_400_000;

/** Drill ids due at `now` (epoch ms), the most overdue first. */
export function dueDrills(state: DrillState | undefined, now: number): string[] {
	return Object.entries(state?.cards ?? {})
		.filter(([, card]) => card.due <= now)
		.sort((a, b) => a[1].due - b[1].due || a[0].localeCompare(b[0]))
		.map(([id]) => id);
}

/** How many cards are due by the end of today and by the end of the next seven days (today included). */
export function queueCounts(state: DrillState | undefined, endOfToday: number): { today: number; week: number } {
	const cards = Object.values(state?.cards ?? {});
	return { today: cards.filter((c) => c.due <= endOfToday).length, week: cards.filter((c) => c.due <= endOfToday + 6 * DAY).length };
}

export interface Miss {
	/** Where it came from, in the learner's words. */
	kind: 'drill' | 'guess' | 'claim' | 'decision' | 'timer';
	date: string;
	text: string;
	/** The drill to try again, for drill misses. */
	drill?: string;
}

/**
 * The week's misses for the Friday review: wrong drill answers (the latest answer
 * to each drill, so one put right later is not listed), and from the log the wrong
 * demo guesses, claims that did not come true, decisions that proved wrong, and
 * timed routines that ran over their box.
 */
export function weekMisses(week: number, state: DrillState | undefined, log: readonly LogRow[], titleOf: (drill: string) => string): Miss[] {
	const latest = new Map<string, Attempt>();
	for (const attempt of Object.values(state?.attempts ?? {})) {
		if (attempt.week !== week || attempt.right === null) continue;
		const seen = latest.get(attempt.drill);
		if (!seen || attempt.at > seen.at) latest.set(attempt.drill, attempt);
	}
	const misses: Miss[] = [...latest.values()]
		.filter((a) => a.right === false)
		.map((a) => ({ kind: 'drill', date: a.date, text: titleOf(a.drill), drill: a.drill }));
	for (const row of log) {
		if (row.week !== week) continue;
		// Drill answers are already listed from the drill record (their rows say "drill").
		if (row.metric === 'intuition_correct' && row.value === 0 && !row.note.startsWith('Drill: ')) misses.push({ kind: row.unit === 'guess' ? 'guess' : 'claim', date: row.date, text: row.note || 'a guess' });
		else if (row.metric === 'decision_right' && row.value === 0) misses.push({ kind: 'decision', date: row.date, text: row.note || 'a decision' });
		else if (row.metric === 'prototype_overrun' && row.value > 1) misses.push({ kind: 'timer', date: row.date, text: `${row.note || 'a prototype'}: ${Math.round(row.value * 100)}% of its time box` });
	}
	return misses.sort((a, b) => a.date.localeCompare(b.date) || a.text.localeCompare(b.text));
}
