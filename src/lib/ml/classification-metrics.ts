/**
 * Turning scores into decisions and decisions into rates: the confusion matrix
 * at a threshold (positive when score ≥ threshold, as scikit-learn's
 * `roc_curve` counts), precision, recall, F1 and the false positive rate, the
 * full ROC curve and its area. A rate whose denominator is zero (precision
 * when nothing is flagged) is NaN, which the formatters print as a dash.
 */

export interface Confusion {
	truePositives: number;
	falsePositives: number;
	falseNegatives: number;
	trueNegatives: number;
}

export interface Rates {
	accuracy: number;
	precision: number;
	/** Recall = sensitivity = true positive rate. */
	recall: number;
	specificity: number;
	falsePositiveRate: number;
	f1: number;
}

export interface RocPoint {
	falsePositiveRate: number;
	truePositiveRate: number;
	/** Smallest score flagged at this point (Infinity for the (0, 0) start). */
	threshold: number;
}

/** Counts of the four cells when every score ≥ threshold is called positive; labels are 0/1. */
export function confusionAt(scores: readonly number[], labels: readonly number[], threshold: number): Confusion {
	const cells: Confusion = { truePositives: 0, falsePositives: 0, falseNegatives: 0, trueNegatives: 0 };
	scores.forEach((s, i) => {
		const flagged = s >= threshold;
		if (labels[i] === 1) {
			if (flagged) cells.truePositives++;
			else cells.falseNegatives++;
		} else if (flagged) cells.falsePositives++;
		else cells.trueNegatives++;
	});
	return cells;
}

const ratio = (a: number, b: number) => (b > 0 ? a / b : Number.NaN);

export function ratesOf({ truePositives: tp, falsePositives: fp, falseNegatives: fn, trueNegatives: tn }: Confusion): Rates {
	const precision = ratio(tp, tp + fp);
	const recall = ratio(tp, tp + fn);
	return {
		accuracy: ratio(tp + tn, tp + fp + fn + tn),
		precision,
		recall,
		specificity: ratio(tn, tn + fp),
		falsePositiveRate: ratio(fp, fp + tn),
		// 2TP / (2TP + FP + FN) equals the harmonic mean of precision and recall and stays defined when TP = 0.
		f1: ratio(2 * tp, 2 * tp + fp + fn),
	};
}

/**
 * Every point of the ROC curve: one per distinct score, from the highest down,
 * starting at (0, 0) — sklearn's `roc_curve(..., drop_intermediate=False)`.
 */
export function rocCurve(scores: readonly number[], labels: readonly number[]): RocPoint[] {
	const positives = labels.filter((y) => y === 1).length;
	const negatives = labels.length - positives;
	const order = scores.map((s, i) => ({ s, y: labels[i]! })).sort((a, b) => b.s - a.s);
	const points: RocPoint[] = [{ falsePositiveRate: 0, truePositiveRate: 0, threshold: Number.POSITIVE_INFINITY }];
	let tp = 0;
	let fp = 0;
	for (let i = 0; i < order.length; i++) {
		if (order[i]!.y === 1) tp++;
		else fp++;
		// Tied scores are flagged together, so emit a point only after the last of a tie.
		if (i + 1 < order.length && order[i + 1]!.s === order[i]!.s) continue;
		points.push({ falsePositiveRate: ratio(fp, negatives), truePositiveRate: ratio(tp, positives), threshold: order[i]!.s });
	}
	return points;
}

/** Area under a curve of ROC points by the trapezoid rule (ties count half, like the Mann–Whitney U). */
export function areaUnderRoc(points: readonly RocPoint[]): number {
	let area = 0;
	for (let i = 1; i < points.length; i++) {
		const a = points[i - 1]!;
		const b = points[i]!;
		area += ((b.falsePositiveRate - a.falsePositiveRate) * (a.truePositiveRate + b.truePositiveRate)) / 2;
	}
	return area;
}
