/**
 * The kinds of portfolio entry: their ids (from the schema, so there is one list)
 * and the words the pages, the feed and the `npm run new` messages use for them.
 */
import { portfolioEntry, type PortfolioEntry } from '../../content/schema';

export type EntryType = PortfolioEntry['type'];
export type Outcome = NonNullable<PortfolioEntry['outcome']>;

/** Every entry type, in the schema's order (also the order of the sections on /portfolio/). */
export const entryTypes: readonly EntryType[] = portfolioEntry.shape.type.options;

export const entryTypeLabels: Record<EntryType, { one: string; many: string }> = {
	decision: { one: 'Technical decision', many: 'Technical decisions' },
	adr: { one: 'Architecture decision record', many: 'Architecture decision records' },
	prediction: { one: 'Prediction', many: 'Predictions' },
	comparison: { one: 'Implementation comparison', many: 'Implementation comparisons' },
	explanation: { one: 'Concept explanation', many: 'Concept explanations' },
	'eda-log': { one: 'EDA challenge log', many: 'EDA challenge logs' },
	retro: { one: 'Retrospective', many: 'Retrospectives' },
};

export const outcomeLabels: Record<Outcome, string> = {
	pending: 'Pending',
	right: 'Came true',
	wrong: 'Did not come true',
	partly: 'Partly came true',
};

export function isEntryType(value: string): value is EntryType {
	return (entryTypes as readonly string[]).includes(value);
}
