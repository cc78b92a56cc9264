/**
 * Everything /portfolio/ shows, gathered once on the server: published entries
 * grouped by type, prediction calibration, and the published progress snapshot
 * (when content/progress.json exists). Pages only lay this out.
 */
import { getChecklistIndex, getPortfolio } from '../course';
import { courseRoot } from '../course/course-root';
import { getProgressGroups } from '../course/progress-groups';
import { calibration, type Calibration } from './calibration';
import { groupByType } from './list';
import { readPublishedProgress } from './published-progress';
import { readPublishedLog } from './published-log';
import { overallCompletion, snapshotCompletion } from './snapshot';
import type { Completion } from '../progress/dashboard';

export interface SnapshotChart {
	id: string;
	title: string;
	rows: Completion[];
}

export interface ProgressSnapshot {
	exportedAt: Date;
	overall: { done: number; total: number; share: number };
	charts: SnapshotChart[];
}

/** The published progress, or null when the learner has not committed content/progress.json. */
async function progressSnapshot(href: (path: string) => string): Promise<ProgressSnapshot | null> {
	const file = readPublishedProgress(courseRoot);
	if (!file) return null;
	const [{ byMonth, byWeek }, { renames }] = await Promise.all([getProgressGroups(href), getChecklistIndex()]);
	const renameMap = new Map(Object.entries(renames));
	const chart = (id: string, title: string, groups: typeof byMonth): SnapshotChart => {
		return { id, title, rows: snapshotCompletion(file, groups, renameMap) };
	};
	const charts = [chart('snapshot-by-month', 'Completion by month', byMonth), chart('snapshot-by-week', 'Completion by week', byWeek)];
	// Months hold their weeks' items plus the month's own, without overlap: their sum is every week and month item.
	return { exportedAt: new Date(file.exportedAt), overall: overallCompletion(charts[0]!.rows), charts };
}

export async function getPortfolioPage(href: (path: string) => string) {
	const entries = await getPortfolio();
	const predictions = entries.flatMap((e) => (e.data.type === 'prediction' && e.data.confidence !== undefined ? [{ confidence: e.data.confidence, outcome: e.data.outcome }] : []));
	const calibrationTable: Calibration | null = predictions.length ? calibration(predictions) : null;
	return { entries, groups: groupByType(entries), calibration: calibrationTable, snapshot: await progressSnapshot(href), practiceLog: readPublishedLog(courseRoot) };
}
