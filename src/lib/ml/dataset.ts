/**
 * Labelled numeric data sets for the machine-learning demos: a CSV with one
 * class column and numeric feature columns becomes a row-major feature matrix,
 * the feature names and one class label per row. Rows with a missing or
 * non-numeric feature are dropped (and counted) so the maths never sees NaN.
 */
import { parseCsvRecords } from './csv';
import { fail, succeed, type Outcome } from '../stats/outcome';

export interface LabelledData {
	/** Feature names in column order, the class column left out. */
	features: string[];
	/** One row per observation, one entry per feature. */
	rows: number[][];
	/** The class of each row, as written in the CSV. */
	labels: string[];
	/** Rows skipped because a feature was missing or not a number. */
	dropped: number;
}

/** Reads `text` as CSV, taking `classColumn` as the label and every other column as a numeric feature. */
export function parseLabelledCsv(text: string, classColumn: string): Outcome<LabelledData> {
	const table = parseCsvRecords(text);
	if (!table.columns.includes(classColumn)) return fail(`The data has no column “${classColumn}”.`);
	const features = table.columns.filter((c) => c !== classColumn);
	if (features.length === 0) return fail('The data has no feature columns.');
	const rows: number[][] = [];
	const labels: string[] = [];
	let dropped = 0;
	for (const record of table.records) {
		const values = features.map((f) => {
			const cell = record[f]?.trim() ?? '';
			return cell === '' ? Number.NaN : Number(cell);
		});
		if (values.some((v) => !Number.isFinite(v))) {
			dropped++;
			continue;
		}
		rows.push(values);
		labels.push(record[classColumn] ?? '');
	}
	return succeed({ features, rows, labels, dropped });
}

/** The distinct labels in order of first appearance, for a stable colour legend. */
export function distinctLabels(labels: readonly string[]): string[] {
	return [...new Set(labels)];
}
