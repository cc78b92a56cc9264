/**
 * Column-wise summaries of a row-major data matrix, shared by PCA and k-means:
 * means, population standard deviations (ddof = 0, as scikit-learn's
 * StandardScaler uses) and centring / scaling.
 */

export function columnMeans(rows: readonly (readonly number[])[]): number[] {
	const width = rows[0]?.length ?? 0;
	const sums = new Array<number>(width).fill(0);
	for (const row of rows) for (let j = 0; j < width; j++) sums[j]! += row[j]!;
	return sums.map((s) => s / rows.length);
}

/** Standard deviation of each column with divisor n (ddof = 0). */
export function columnPopulationSds(rows: readonly (readonly number[])[]): number[] {
	const means = columnMeans(rows);
	const squares = new Array<number>(means.length).fill(0);
	for (const row of rows) for (let j = 0; j < means.length; j++) squares[j]! += (row[j]! - means[j]!) ** 2;
	return squares.map((s) => Math.sqrt(s / rows.length));
}

/** (x − centre) / scale, column by column. */
export function centreAndScaleRows(
	rows: readonly (readonly number[])[],
	centres: readonly number[],
	scales: readonly number[],
): number[][] {
	return rows.map((row) => row.map((x, j) => (x - centres[j]!) / scales[j]!));
}

/** Squared Euclidean distance between two points of the same length. */
export function squaredDistance(a: readonly number[], b: readonly number[]): number {
	let total = 0;
	for (let j = 0; j < a.length; j++) total += (a[j]! - b[j]!) ** 2;
	return total;
}
