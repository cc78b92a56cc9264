/**
 * The full store (imports, edits, deletions) for the progress page's islands, on
 * top of the page's one core store. Only the progress page imports this, so pages
 * that only tick never load that code.
 */
import { START_DATE_ATTRIBUTE } from '../lib/progress/constants';
import { extendStore, type ProgressStore } from '../lib/progress/store';
import { renamesOf, storeFor } from './page-store';

export function fullStoreFor(element: Element): ProgressStore | null {
	const core = storeFor(element);
	return core ? extendStore(core, { renames: renamesOf(core), startDate: element.getAttribute(START_DATE_ATTRIBUTE) }) : null;
}
