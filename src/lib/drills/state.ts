/**
 * The learner's drill record, kept in the progress store beside the log (field
 * `drills` of the stored value and of the export file; absent means empty):
 *   {
 *     cards:      { "<drill id>": StoredCard },            // FSRS state; newest lastReview wins
 *     attempts:   { "<attempt id>": Attempt },              // every answer; a union, never removed
 *     paragraphs: { "<drill id>": { text, at } },           // Monday's paragraph; newest wins
 *     patterns:   { "<week>": { text, at } }                // Friday's one pattern; newest wins
 *   }
 * Pure functions only: the shape and a merge that is idempotent and order-free, so
 * tabs, reloads and imports agree. The full check of the shape is validate.ts, loaded
 * only where drills are (every page's store checks only the outline, so pages
 * without drills carry none of this).
 */

export interface StoredCard {
	/** When the drill is next due, epoch ms. */
	due: number;
	stability: number;
	difficulty: number;
	scheduled_days: number;
	learning_steps: number;
	reps: number;
	lapses: number;
	/** ts-fsrs State: 0 new, 1 learning, 2 review, 3 relearning. */
	state: number;
	lastReview: number | null;
}

export interface Attempt {
	drill: string;
	/** Epoch ms of the answer. */
	at: number;
	/** Local date and course week of the answer, for the Friday review. */
	date: string;
	week: number;
	/** Right or wrong (estimates by tolerance, others as the learner marks them); null for golf and unscored answers. */
	right: boolean | null;
	/** The estimate, the self-score 0-4, or the learner's line count. */
	value?: number;
	/** What the learner had to look up, the shape they picked, … */
	note?: string;
}

export interface DrillState {
	cards: Record<string, StoredCard>;
	attempts: Record<string, Attempt>;
	paragraphs: Record<string, { text: string; at: number }>;
	patterns: Record<string, { text: string; at: number }>;
}

export const emptyDrillState = (): DrillState => ({ cards: {}, attempts: {}, paragraphs: {}, patterns: {} });

const MAX_ID = 120;
/** A paragraph is longer than a log note: a page of text at most. */
export const MAX_PARAGRAPH = 5000;

function newest<T>(a: Record<string, T>, b: Record<string, T>, time: (t: T) => number): Record<string, T> {
	const out: Record<string, T> = { ...a };
	for (const [k, v] of Object.entries(b)) if (!Object.hasOwn(out, k) || time(v) > time(out[k]!)) out[k] = v;
	return out;
}

/**
 * Merges two drill records: attempts are a union by id (an attempt id names one
 * answer forever); cards, paragraphs and patterns keep the newest per key.
 * Idempotent, commutative on distinct times: merging the same file twice changes nothing.
 */
export function mergeDrillState(local: DrillState | undefined, incoming: DrillState | undefined): DrillState {
	const a = local ?? emptyDrillState();
	const b = incoming ?? emptyDrillState();
	return {
		cards: newest(a.cards, b.cards, (c) => c.lastReview ?? 0),
		attempts: { ...b.attempts, ...a.attempts },
		paragraphs: newest(a.paragraphs, b.paragraphs, (p) => p.at),
		patterns: newest(a.patterns, b.patterns, (p) => p.at),
	};
}

/** A fresh attempt id: the drill id and the answer's time, unique for one learner. */
export const attemptId = (drill: string, at: number) => `${drill}-${at.toString(36)}`.slice(-MAX_ID).replace(/^-+/, '');
