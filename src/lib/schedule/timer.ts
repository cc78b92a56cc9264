/**
 * The book's timed routines and the arithmetic of their clocks. A running timer
 * is stored as its start time plus paused time, never as a counter, so the clock
 * is right after a reload, a closed tab or a sleeping laptop. While a page is
 * open it counts on from where it read the stored timer (`TimerAnchor`), so a
 * wall clock set back during a run costs no minutes. Everything here is pure
 * (the clocks are arguments) and shared by the timer island and the tests.
 */
import type { LogRow } from '../practice-log/metrics';

/**
 * As the progress store keeps it: epoch ms. `pausedAt` is set while paused;
 * `stopping` once Stop was pressed in any tab (the run is over, its row is being
 * confirmed: one run, one row, and no tab may resume it but through "Keep going").
 */
export interface RunningTimer {
	startedAt: number;
	pausedAt: number | null;
	pausedMs: number;
	stopping?: true;
}

export interface TimerPhase {
	/** Said when the phase begins, e.g. "Hypotheses". */
	label: string;
	minutes: number;
}

/** What stopping writes: nothing, the minutes, minutes used / time box, or a score the learner gives. */
export type TimerRecord =
	| { metric: 'eda_minutes'; unit: 'min'; note: string }
	/** Only the minutes of these phases count (the challenge's 60-minute workflow). */
	| { metric: 'eda_minutes'; unit: 'min'; note: string; fromPhase: number; untilPhase: number }
	| { metric: 'prototype_overrun'; unit: 'ratio'; note: string }
	| { metric: 'decomposition'; unit: 'of 7'; note: string }
	| null;

export interface TimedRoutine {
	title: string;
	phases: readonly TimerPhase[];
	record: TimerRecord;
}

export const timedRoutines = {
	'eda-challenge': {
		title: '2-hour EDA challenge',
		phases: [
			{ label: 'Hypotheses', minutes: 30 },
			{ label: 'Standard workflow', minutes: 60 },
			{ label: 'Compare findings with hypotheses', minutes: 20 },
			{ label: 'Reflect on the process', minutes: 10 },
		],
		record: { metric: 'eda_minutes', unit: 'min', note: 'EDA challenge, workflow', fromPhase: 1, untilPhase: 1 },
	},
	'eda-benchmark': {
		title: '45-minute EDA benchmark',
		phases: [{ label: 'Basic EDA', minutes: 45 }],
		record: { metric: 'eda_minutes', unit: 'min', note: 'EDA benchmark' },
	},
	'prototype-serving': {
		title: '45-minute prototype: model serving endpoint',
		phases: [{ label: 'Prototype', minutes: 45 }],
		record: { metric: 'prototype_overrun', unit: 'ratio', note: 'Serving endpoint' },
	},
	'prototype-monitoring': {
		title: '30-minute prototype: model monitoring',
		phases: [{ label: 'Prototype', minutes: 30 }],
		record: { metric: 'prototype_overrun', unit: 'ratio', note: 'Monitoring' },
	},
	'prototype-feature-store': {
		title: '2-hour prototype: feature store',
		phases: [{ label: 'Prototype', minutes: 120 }],
		record: { metric: 'prototype_overrun', unit: 'ratio', note: 'Feature store' },
	},
	'daily-practice': {
		title: '15-minute daily practice',
		phases: [{ label: 'Practice', minutes: 15 }],
		record: null,
	},
	decomposition: {
		title: '15-minute decomposition',
		phases: [{ label: 'Decomposition', minutes: 15 }],
		record: { metric: 'decomposition', unit: 'of 7', note: 'Decomposition' },
	},
	'design-session': {
		title: '30-minute design session',
		phases: [
			{ label: 'Sketch your solution', minutes: 20 },
			{ label: 'Compare with real systems', minutes: 10 },
		],
		record: null,
	},
} as const satisfies Record<string, TimedRoutine>;

export type RoutineId = keyof typeof timedRoutines;

export const isRoutineId = (id: string): id is RoutineId => Object.hasOwn(timedRoutines, id);

/** Time box in minutes: the phases added up. */
export const boxMinutes = (routine: TimedRoutine) => routine.phases.reduce((sum, p) => sum + p.minutes, 0);

/** Running time in ms at `now`, not counting pauses; never negative (a clock set back). */
export function elapsedMs(timer: RunningTimer, now: number): number {
	const until = timer.pausedAt ?? now;
	return Math.max(0, until - timer.startedAt - timer.pausedMs);
}

export const startTimer = (now: number): RunningTimer => ({ startedAt: now, pausedAt: null, pausedMs: 0 });

export const pauseTimer = (timer: RunningTimer, now: number): RunningTimer => (timer.pausedAt === null ? { ...timer, pausedAt: now } : timer);

export function resumeTimer(timer: RunningTimer, now: number): RunningTimer {
	if (timer.pausedAt === null) return timer;
	return { ...timer, pausedAt: null, pausedMs: timer.pausedMs + Math.max(0, now - timer.pausedAt) };
}

/** What a run is doing; `stopping` is paused with Stop pressed. */
export type TimerMode = 'running' | 'paused' | 'stopping';

export const timerMode = (timer: RunningTimer): TimerMode => (timer.stopping ? 'stopping' : timer.pausedAt === null ? 'running' : 'paused');

/**
 * The stored form of a run that is `elapsed` ms long at wall time `wall`: read at
 * `wall` it gives exactly `elapsed`, so another tab, or this one after a reload,
 * counts on from there. Every change a page writes goes through here, which also
 * folds an earlier clock change into the stored start.
 */
export function timerAt(elapsed: number, wall: number, mode: TimerMode): RunningTimer {
	const startedAt = Math.max(0, wall - Math.max(0, elapsed));
	if (mode === 'running') return { startedAt, pausedAt: null, pausedMs: 0 };
	return mode === 'stopping' ? { startedAt, pausedAt: wall, pausedMs: 0, stopping: true } : { startedAt, pausedAt: wall, pausedMs: 0 };
}

export const sameTimer = (a: RunningTimer, b: RunningTimer) =>
	a.startedAt === b.startedAt && a.pausedAt === b.pausedAt && a.pausedMs === b.pausedMs && !!a.stopping === !!b.stopping;

/** A stored timer as one open page read it: its elapsed time then, by the wall clock (Date.now) and the monotonic one (performance.now). */
export interface TimerAnchor {
	timer: RunningTimer;
	elapsed: number;
	wall: number;
	mono: number;
}

export const anchorTimer = (timer: RunningTimer, wall: number, mono: number): TimerAnchor => ({ timer, elapsed: elapsedMs(timer, wall), wall, mono });

/**
 * Elapsed ms of an anchored run at (`wall`, `mono`): the time at the anchor plus
 * the larger of the two clocks' progress since. The monotonic clock ignores a
 * wall clock set back; the wall clock still counts a laptop's sleep, which some
 * browsers' monotonic clocks leave out. (A clock set forward cannot be told from
 * sleep, so it counts.)
 */
export function anchoredElapsed(anchor: TimerAnchor, wall: number, mono: number): number {
	if (anchor.timer.pausedAt !== null) return anchor.elapsed;
	return anchor.elapsed + Math.max(0, mono - anchor.mono, wall - anchor.wall);
}

/** True when the wall clock moved more than `slackMs` apart from the monotonic one since the anchor: it was set, or the machine slept. */
export function clockJumped(anchor: TimerAnchor, wall: number, mono: number, slackMs = 2000): boolean {
	return Math.abs(wall - anchor.wall - (mono - anchor.mono)) > slackMs;
}

export interface PhaseState {
	/** Index into `phases`; past the box it stays on the last phase with `over` set. */
	index: number;
	label: string;
	/** Ms left in the current phase (0 once over time). */
	remainingMs: number;
	/** Ms past the whole time box, 0 within it. */
	overMs: number;
}

export function phaseAt(routine: TimedRoutine, elapsed: number): PhaseState {
	let end = 0;
	for (const [index, phase] of routine.phases.entries()) {
		end += phase.minutes * 60_000;
		if (elapsed < end) return { index, label: phase.label, remainingMs: end - elapsed, overMs: 0 };
	}
	const last = routine.phases.length - 1;
	return { index: last, label: routine.phases[last]!.label, remainingMs: 0, overMs: elapsed - end };
}

/** "1:05:09" or "4:07": a clock face for whole seconds. */
export function formatClock(ms: number): string {
	const total = Math.floor(Math.max(0, ms) / 1000);
	const h = Math.floor(total / 3600);
	const m = Math.floor((total % 3600) / 60);
	const s = String(total % 60).padStart(2, '0');
	return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}

/** Minutes of the phases [from, until] that `elapsed` covered. */
function minutesInPhases(routine: TimedRoutine, elapsed: number, from: number, until: number): number {
	const startOf = (i: number) => routine.phases.slice(0, i).reduce((sum, p) => sum + p.minutes, 0) * 60_000;
	// The last phase runs on past the box: overrunning is what the number is for.
	const end = until === routine.phases.length - 1 ? Infinity : startOf(until + 1);
	return (Math.min(elapsed, end) - startOf(from)) / 60_000;
}

/**
 * What the stop form asks for, and what it suggests: whole minutes used (EDA:
 * only the challenge's workflow phase counts; prototypes: minutes against the
 * box), or a score the learner gives (decomposition, no suggestion). Null when
 * the routine logs nothing.
 */
export function stopQuestion(routine: TimedRoutine, elapsed: number): { label: string; min: number; max?: number; suggested: number | null } | null {
	const record = routine.record;
	if (!record) return null;
	if (record.metric === 'decomposition') return { label: 'Score, 0 to 7', min: 0, max: 7, suggested: null };
	const minutes = 'fromPhase' in record ? minutesInPhases(routine, elapsed, record.fromPhase, record.untilPhase) : elapsed / 60_000;
	const label = record.metric === 'prototype_overrun' ? `Minutes used (time box ${boxMinutes(routine)})` : 'fromPhase' in record ? `Minutes of the ${routine.phases[record.fromPhase]!.minutes}-minute ${routine.phases[record.fromPhase]!.label.toLowerCase()}` : 'Minutes used';
	return { label, min: 1, suggested: Math.max(1, Math.round(minutes)) };
}

/**
 * The log row stopping writes, from the learner's confirmed answer: minutes as
 * they are, a prototype as minutes used / time box (two decimals, "38 of 45 min"
 * in the note, as the measurement guide writes it), a score as given.
 */
export function timerRow(routine: TimedRoutine, answer: number, note: string, date: string, week: number): LogRow | null {
	const record = routine.record;
	if (!record) return null;
	const extra = note.trim();
	if (record.metric === 'prototype_overrun') {
		const box = boxMinutes(routine);
		const text = `${record.note}, ${answer} of ${box} min${extra ? `; ${extra}` : ''}`;
		return { date, week, metric: record.metric, value: Math.round((answer / box) * 100) / 100, unit: record.unit, note: text };
	}
	return { date, week, metric: record.metric, value: answer, unit: record.unit, note: extra ? `${record.note}; ${extra}` : record.note };
}
