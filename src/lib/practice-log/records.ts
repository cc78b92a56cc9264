/**
 * What the progress page says about single records: a row, an open claim or
 * decision as one line of text, the claims and decisions still to come back (with
 * their dates), and an edited row read from form fields and checked as the forms
 * check it. Pure: the records and due-list islands render these.
 */
import type { Claim, Decision } from '../progress/state';
import { METRICS, isMetric, rowProblems, type LogRow, type Metric } from './metrics';

/** "2025-06-01 · week 1 · eda_minutes 38 min · note". */
export function describeRow(row: LogRow): string {
	return [row.date, `week ${row.week}`, `${row.metric} ${row.value} ${row.unit}`, row.note].filter(Boolean).join(' · ');
}

export function describeClaim(claim: Claim): string {
	return `Claim: ${claim.text} (${Math.round(claim.confidence * 100)}% confident) — check on ${claim.checkOn}`;
}

export function describeDecision(decision: Decision): string {
	return `${decision.kind === 'adr' ? 'ADR' : 'Decision'}: ${decision.title} — review on ${decision.reviewOn}`;
}

export type OpenRecord = { kind: 'claim'; record: Claim; on: string; text: string } | { kind: 'decision'; record: Decision; on: string; text: string };

/** Open claims and decisions, soonest first, each with its date and its line of text. */
export function openRecords(claims: readonly Claim[], decisions: readonly Decision[]): OpenRecord[] {
	return [
		...claims.filter((c) => !c.resolved).map((record) => ({ kind: 'claim' as const, record, on: record.checkOn, text: describeClaim(record) })),
		...decisions.filter((d) => !d.resolved).map((record) => ({ kind: 'decision' as const, record, on: record.reviewOn, text: describeDecision(record) })),
	].sort((a, b) => a.on.localeCompare(b.on) || a.text.localeCompare(b.text));
}

/** Open records whose date is after `today` (YYYY-MM-DD): the ones that come back later. */
export function laterRecords(claims: readonly Claim[], decisions: readonly Decision[], today: string): OpenRecord[] {
	return openRecords(claims, decisions).filter((r) => r.on > today);
}

/** The fields of the row edit form, as text. */
export interface RowFields {
	date: string;
	week: string;
	metric: string;
	value: string;
	unit: string;
	note: string;
}

/** The row the form describes, or the first problem said as the forms say it ("Not saved: …"). */
export function rowFromFields(fields: RowFields): { ok: true; row: Omit<LogRow, 'id' | 'editedAt'> } | { ok: false; message: string } {
	const metric = fields.metric as Metric;
	const unit = isMetric(metric) && !(METRICS[metric].units as readonly string[]).includes(fields.unit) ? METRICS[metric].units[0] : fields.unit;
	const week = /^\d+$/.test(fields.week.trim()) ? Number(fields.week) : Number.NaN;
	const value = fields.value.trim() === '' ? Number.NaN : Number(fields.value);
	const row = { date: fields.date, week, metric, value, unit, note: fields.note.trim() };
	const problem = rowProblems(row)[0];
	return problem ? { ok: false, message: `Not saved: ${problem.problem}; ${problem.fix}.` } : { ok: true, row };
}
