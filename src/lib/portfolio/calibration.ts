/**
 * Calibration of the learner's predictions (the plan's "percentage of statistical
 * intuitions that prove correct"): of the resolved predictions made at about 70%,
 * how many came true? Scoring follows the prediction game page: right counts 1,
 * wrong 0, partly 0.5. A claim made below 50% is read as the opposite claim at
 * 1 − confidence (the page asks learners to state claims that way), so every
 * prediction lands in a band from 50% to 100%.
 */
import type { Outcome } from './entry-types';
import { formatNumber, formatPercent } from '../stats/format';

export interface ScoredPrediction {
	/** 0..1, as written in the entry. */
	confidence: number;
	outcome?: Outcome;
}

export interface CalibrationBand {
	/** "70–79%": half-open bands, so a confidence of exactly 70% is in this band and not the one before; the last is "90–100%". */
	label: string;
	/** Lower edge, inclusive (0.7). */
	from: number;
	/** Upper edge, exclusive except for the last band, which includes 100%. */
	to: number;
	/** Resolved predictions in the band. */
	count: number;
	/** Sum of scores: right 1, partly 0.5. */
	cameTrue: number;
	/** cameTrue / count, or null for an empty band. */
	share: number | null;
	/** Mean stated confidence in the band, or null when empty: the share to compare against. */
	meanConfidence: number | null;
}

export interface Calibration {
	bands: CalibrationBand[];
	resolved: number;
	pending: number;
	/** Share of all resolved predictions that came true, or null with none resolved. */
	share: number | null;
	/** Mean of (confidence − score)²; 0 is perfect, always saying 50% scores 0.25. Null with none resolved. */
	brier: number | null;
}

const SCORE: Record<Exclude<Outcome, 'pending'>, number> = { right: 1, partly: 0.5, wrong: 0 };
/** Band edges in tenths: 50–59%, 60–69%, 70–79%, 80–89%, 90–100% (each includes its lower edge only; the last includes 100%). */
const BAND_STARTS = [5, 6, 7, 8, 9] as const;

/** Confidence and score as the claim the learner believed (confidence ≥ 0.5). */
function oriented(confidence: number, score: number): { confidence: number; score: number } {
	return confidence < 0.5 ? { confidence: 1 - confidence, score: 1 - score } : { confidence, score };
}

/** Band index 0..4 of a confidence in [0.5, 1]; the epsilon keeps a computed edge (1 − 0.3 → 0.7) from rounding down a band. */
function bandIndex(confidence: number): number {
	const tenths = Math.floor(confidence * 10 + 1e-9);
	return Math.min(Math.max(tenths, 5), 9) - 5;
}

export function calibration(predictions: readonly ScoredPrediction[]): Calibration {
	const sums = BAND_STARTS.map(() => ({ count: 0, cameTrue: 0, confidence: 0 }));
	let pending = 0;
	let squaredError = 0;
	let resolved = 0;
	let cameTrue = 0;
	for (const p of predictions) {
		if (p.outcome === undefined || p.outcome === 'pending') {
			pending += 1;
			continue;
		}
		const { confidence, score } = oriented(p.confidence, SCORE[p.outcome]);
		const band = sums[bandIndex(confidence)]!;
		band.count += 1;
		band.cameTrue += score;
		band.confidence += confidence;
		resolved += 1;
		cameTrue += score;
		squaredError += (confidence - score) ** 2;
	}
	const bands = BAND_STARTS.map((start, i) => {
		const { count, cameTrue: hits, confidence } = sums[i]!;
		return {
			label: `${start * 10}–${start === 9 ? 100 : start * 10 + 9}%`,
			from: start / 10,
			to: (start + 1) / 10,
			count,
			cameTrue: hits,
			share: count ? hits / count : null,
			meanConfidence: count ? confidence / count : null,
		};
	});
	return {
		bands,
		resolved,
		pending,
		share: resolved ? cameTrue / resolved : null,
		brier: resolved ? squaredError / resolved : null,
	};
}

/**
 * Claims logged in the browser (intuition loop, prediction game) as predictions:
 * an answered claim is right or wrong, an open one pending. Together with the
 * portfolio's prediction entries they make one calibration table.
 */
export function claimsAsPredictions(claims: ReadonlyArray<{ confidence: number; resolved?: { correct: boolean; partly?: boolean } }>): ScoredPrediction[] {
	return claims.map((c) => ({ confidence: c.confidence, outcome: c.resolved ? (c.resolved.partly ? 'partly' : c.resolved.correct ? 'right' : 'wrong') : 'pending' }));
}

/**
 * Answered claims in the log that no claim in the browser stands for (rows imported
 * from a CSV carry no confidence): the accuracy line counts them, the bands cannot.
 */
export function claimRowsWithoutConfidence(log: ReadonlyArray<{ metric: string; unit: string }>, claims: ReadonlyArray<{ resolved?: unknown }>): number {
	const rows = log.filter((r) => r.metric === 'intuition_correct' && r.unit === 'claim').length;
	return Math.max(0, rows - claims.filter((c) => c.resolved).length);
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** The sentence above the table, or the whole message when nothing is resolved yet. */
export function describeCalibration(c: Calibration): string {
	if (c.resolved === 0) return `${plural(c.pending, 'prediction')} waiting for the due date; none resolved yet.`;
	return [
		`Of ${plural(c.resolved, 'resolved prediction')}, ${formatPercent(c.share, 0)} came true (partly right counts as half);`,
		`Brier score ${formatNumber(c.brier, 3)}, where 0 is perfect and always saying 50% scores 0.250.`,
		c.pending > 0 ? `${c.pending} more pending.` : '',
		"Well calibrated means each band's share is close to its mean confidence.",
	].filter(Boolean).join(' ');
}
