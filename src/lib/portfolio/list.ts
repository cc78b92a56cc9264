/**
 * Which portfolio entries are public and in which order: drafts are left out,
 * newest first (ties by title), grouped by type in the schema's order. Pure:
 * takes `{ id, data }` as the content collection gives it, so tests need no build.
 */
import type { PortfolioEntry } from '../../content/schema';
import { entryTypes, type EntryType } from './entry-types';

export interface PortfolioItem {
	/** Collection id: the file path under content/portfolio/ without extension, e.g. `2026-01-09-why-welch`. */
	id: string;
	data: PortfolioEntry;
}

/** URL segment(s) of an entry: its collection id (sub-folders stay as path segments). */
export const entrySlug = (entry: Pick<PortfolioItem, 'id'>) => entry.id;

export function publishedNewestFirst<T extends PortfolioItem>(entries: readonly T[]): T[] {
	return entries
		.filter((e) => !e.data.draft)
		.sort((a, b) => b.data.date.getTime() - a.data.date.getTime() || a.data.title.localeCompare(b.data.title));
}

export interface TypeGroup<T> {
	type: EntryType;
	entries: T[];
}

/** Non-empty groups, in the schema's type order; entries keep their order. */
export function groupByType<T extends PortfolioItem>(entries: readonly T[]): TypeGroup<T>[] {
	return entryTypes.map((type) => ({ type, entries: entries.filter((e) => e.data.type === type) })).filter((g) => g.entries.length > 0);
}

const dateFormatter = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });

/** "9 Jan 2026". Frontmatter dates are calendar dates read as UTC midnight, so they are shown in UTC. */
export const formatEntryDate = (date: Date) => dateFormatter.format(date);
/** "2026-01-09", for `<time datetime>`. */
export const isoDate = (date: Date) => date.toISOString().slice(0, 10);
