/**
 * The page's store with the practice log (src/lib/progress/store-log.ts), for the
 * islands that record rows, timers, claims, decisions or drills. Only they import
 * this file, so a page that only ticks loads none of the log's code.
 */
import { START_DATE_ATTRIBUTE } from '../lib/progress/constants';
import { withLog, type LogStore } from '../lib/progress/store-log';
import { ProgressElement, storeFor } from './page-store';

export function logStoreFor(element: Element): LogStore | null {
	const core = storeFor(element);
	return core ? withLog(core, { startDate: element.getAttribute(START_DATE_ATTRIBUTE) }) : null;
}

/** A progress element that reads or writes the log. */
export abstract class LogElement extends ProgressElement<LogStore> {
	protected override openStore(): LogStore | null {
		return logStoreFor(this);
	}
}
