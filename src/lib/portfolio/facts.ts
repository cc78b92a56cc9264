/**
 * The metadata line of a portfolio entry, as label/value pairs: type, date, week,
 * and for a prediction its claim, confidence (as a percentage), due date and
 * outcome. Links are site paths without the base; components add it.
 */
import type { PortfolioEntry } from '../../content/schema';
import { pathTo } from '../site/paths';
import { entryTypeLabels, outcomeLabels } from './entry-types';
import { formatEntryDate, isoDate } from './list';

export interface Fact {
	label: string;
	text: string;
	/** Site path the value links to. */
	path?: string;
	/** Machine-readable date (YYYY-MM-DD) when the value is a date. */
	datetime?: string;
}

/** 0.7 → "70%", 0.675 → "67.5%": a confidence is shown as the learner wrote it, never rounded into another band. */
export function formatConfidence(confidence: number): string {
	return `${Number((confidence * 100).toFixed(1))}%`;
}

export function entryFacts(data: PortfolioEntry, options: { withType?: boolean; withClaim?: boolean } = {}): Fact[] {
	const { withType = true, withClaim = true } = options;
	const facts: Fact[] = [];
	if (withType) facts.push({ label: 'Type', text: entryTypeLabels[data.type].one, path: pathTo.portfolio(data.type) });
	facts.push({ label: 'Date', text: formatEntryDate(data.date), datetime: isoDate(data.date) });
	if (data.week !== undefined) facts.push({ label: 'Week', text: `Week ${data.week}`, path: pathTo.week(data.week) });
	if (data.type !== 'prediction') return facts;
	if (withClaim && data.claim) facts.push({ label: 'Claim', text: data.claim });
	if (data.confidence !== undefined) facts.push({ label: 'Confidence', text: formatConfidence(data.confidence) });
	if (data.due) facts.push({ label: 'Due', text: formatEntryDate(data.due), datetime: isoDate(data.due) });
	facts.push({ label: 'Outcome', text: outcomeLabels[data.outcome ?? 'pending'] });
	return facts;
}
