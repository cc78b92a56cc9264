/**
 * CSV text as records keyed by the header row. d3-dsv's `csvParse` builds each record
 * with `new Function`, which the pages' Content-Security-Policy forbids (no eval), so
 * records are built here from `csvParseRows`.
 */
import { csvParseRows } from 'd3-dsv';

export interface CsvTable {
	columns: string[];
	records: Array<Record<string, string>>;
}

export function parseCsvRecords(text: string): CsvTable {
	const [header = [], ...body] = csvParseRows(text);
	const records = body.map((cells) => Object.fromEntries(header.map((name, i) => [name, cells[i] ?? ''])));
	return { columns: header, records };
}
