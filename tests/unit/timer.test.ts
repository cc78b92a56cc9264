// The timed routines' clock arithmetic: elapsed time from a stored start, pauses,
// phases, the clock face, and the row stopping writes to the log.
import { describe, expect, it } from 'vitest';
import {
	anchorTimer,
	anchoredElapsed,
	boxMinutes,
	clockJumped,
	elapsedMs,
	formatClock,
	isRoutineId,
	pauseTimer,
	phaseAt,
	resumeTimer,
	sameTimer,
	startTimer,
	stopQuestion,
	timedRoutines,
	timerAt,
	timerMode,
	timerRow,
} from '../../src/lib/schedule/timer';
import { rowProblems } from '../../src/lib/practice-log/metrics';

const MIN = 60_000;
const t0 = Date.UTC(2027, 0, 4, 9, 0);

describe('elapsedMs', () => {
	it('counts from the stored start, so a reload an hour later shows an hour', () => {
		expect(elapsedMs(startTimer(t0), t0 + 60 * MIN)).toBe(60 * MIN);
	});

	it('stops counting while paused and leaves the pause out after resuming', () => {
		const paused = pauseTimer(startTimer(t0), t0 + 10 * MIN);
		expect(elapsedMs(paused, t0 + 50 * MIN)).toBe(10 * MIN);
		expect(pauseTimer(paused, t0 + 20 * MIN)).toBe(paused); // pausing twice keeps the first pause
		const resumed = resumeTimer(paused, t0 + 40 * MIN);
		expect(resumed).toEqual({ startedAt: t0, pausedAt: null, pausedMs: 30 * MIN });
		expect(elapsedMs(resumed, t0 + 45 * MIN)).toBe(15 * MIN);
		expect(resumeTimer(resumed, t0 + 50 * MIN)).toBe(resumed);
	});

	it('never goes negative when the clock is set back', () => {
		expect(elapsedMs(startTimer(t0), t0 - 5 * MIN)).toBe(0);
	});
});

describe('a run while the page is open (wall and monotonic clocks)', () => {
	// performance.now() starts near 0 when the page loads; Date.now() is the wall clock.
	const mono0 = 1_234;

	it('keeps the minutes run when the wall clock is set back an hour mid-run', () => {
		const stored = startTimer(t0);
		const anchor = anchorTimer(stored, t0 + 30 * MIN, mono0); // page opened 30 minutes into the run
		// One more minute passes, but the wall clock now reads an hour earlier.
		const wall = t0 + 31 * MIN - 60 * MIN;
		const mono = mono0 + MIN;
		expect(elapsedMs(stored, wall)).toBe(0); // the stored start alone loses everything
		expect(anchoredElapsed(anchor, wall, mono)).toBe(31 * MIN);
		expect(clockJumped(anchor, wall, mono)).toBe(true);
		// Rebased, the stored run reads 31 minutes at the new wall time: a reload or another tab agrees.
		const rebased = timerAt(31 * MIN, wall, 'running');
		expect(elapsedMs(rebased, wall)).toBe(31 * MIN);
		expect(elapsedMs(rebased, wall + 9 * MIN)).toBe(40 * MIN);
	});

	it('still counts a sleep the monotonic clock missed, by the wall clock', () => {
		const anchor = anchorTimer(startTimer(t0), t0, mono0);
		// 20 minutes asleep: the wall clock moved on, the monotonic clock barely.
		expect(anchoredElapsed(anchor, t0 + 20 * MIN, mono0 + 1000)).toBe(20 * MIN);
		expect(clockJumped(anchor, t0 + 20 * MIN, mono0 + 1000)).toBe(true);
		// Ordinary drift between the two clocks is no jump.
		expect(clockJumped(anchor, t0 + 60_000, mono0 + 60_500)).toBe(false);
	});

	it('stands still while paused or stopping, whatever either clock does', () => {
		const paused = timerAt(12 * MIN, t0, 'paused');
		const anchor = anchorTimer(paused, t0 + 5 * MIN, mono0);
		expect(anchoredElapsed(anchor, t0 - 60 * MIN, mono0 + 30 * MIN)).toBe(12 * MIN);
		const stopping = timerAt(12 * MIN, t0, 'stopping');
		expect(stopping.stopping).toBe(true);
		expect(elapsedMs(stopping, t0 + 90 * MIN)).toBe(12 * MIN);
	});

	it('names the mode and tells a changed stored timer from the same one', () => {
		expect(timerMode(timerAt(1, t0, 'running'))).toBe('running');
		expect(timerMode(timerAt(1, t0, 'paused'))).toBe('paused');
		expect(timerMode(timerAt(1, t0, 'stopping'))).toBe('stopping');
		const running = timerAt(MIN, t0, 'running');
		expect(sameTimer(running, { ...running })).toBe(true);
		expect(sameTimer(running, timerAt(MIN, t0, 'paused'))).toBe(false);
		expect(sameTimer(timerAt(MIN, t0, 'paused'), timerAt(MIN, t0, 'stopping'))).toBe(false);
	});
});

describe('phaseAt', () => {
	const challenge = timedRoutines['eda-challenge'];

	it('walks the 2-hour challenge through 30/60/20/10 minutes', () => {
		expect(boxMinutes(challenge)).toBe(120);
		expect(phaseAt(challenge, 0)).toEqual({ index: 0, label: 'Hypotheses', remainingMs: 30 * MIN, overMs: 0 });
		expect(phaseAt(challenge, 30 * MIN - 1).index).toBe(0);
		expect(phaseAt(challenge, 30 * MIN)).toMatchObject({ index: 1, label: 'Standard workflow', remainingMs: 60 * MIN });
		expect(phaseAt(challenge, 100 * MIN)).toMatchObject({ index: 2, remainingMs: 10 * MIN });
		expect(phaseAt(challenge, 115 * MIN)).toMatchObject({ index: 3, label: 'Reflect on the process', remainingMs: 5 * MIN });
	});

	it('stays on the last phase past the box and says by how much', () => {
		expect(phaseAt(challenge, 127 * MIN)).toEqual({ index: 3, label: 'Reflect on the process', remainingMs: 0, overMs: 7 * MIN });
		expect(phaseAt(timedRoutines['design-session'], 25 * MIN)).toMatchObject({ index: 1, label: 'Compare with real systems', remainingMs: 5 * MIN });
	});
});

describe('formatClock', () => {
	it('shows minutes and seconds, and hours only when there are any', () => {
		expect(formatClock(0)).toBe('0:00');
		expect(formatClock(4 * MIN + 7_999)).toBe('4:07');
		expect(formatClock(65 * MIN + 9_000)).toBe('1:05:09');
		expect(formatClock(-5)).toBe('0:00');
	});
});

describe('stopQuestion and timerRow', () => {
	const ask = (id: keyof typeof timedRoutines, elapsed: number) => stopQuestion(timedRoutines[id], elapsed);

	it('suggests the minutes used for the 45-minute EDA benchmark and writes them as eda_minutes', () => {
		expect(ask('eda-benchmark', 52 * MIN + 31_000)).toEqual({ label: 'Minutes used', min: 1, suggested: 53 });
		expect(ask('eda-benchmark', 10_000)?.suggested).toBe(1); // eda_minutes must be > 0
		expect(timerRow(timedRoutines['eda-benchmark'], 53, ' wine data ', '2027-01-06', 1)).toEqual({ date: '2027-01-06', week: 1, metric: 'eda_minutes', value: 53, unit: 'min', note: 'EDA benchmark; wine data' });
	});

	it('counts only the challenge’s 60-minute workflow phase', () => {
		expect(ask('eda-challenge', 20 * MIN)?.suggested).toBe(1);
		expect(ask('eda-challenge', 72 * MIN)).toEqual({ label: 'Minutes of the 60-minute standard workflow', min: 1, suggested: 42 });
		expect(ask('eda-challenge', 125 * MIN)?.suggested).toBe(60);
	});

	it('writes prototypes as minutes used / time box, the measurement guide’s 38 of 45 = 0.84', () => {
		expect(ask('prototype-serving', 38 * MIN)?.suggested).toBe(38);
		expect(timerRow(timedRoutines['prototype-serving'], 38, '', '2025-06-09', 14)).toEqual({ date: '2025-06-09', week: 14, metric: 'prototype_overrun', value: 0.84, unit: 'ratio', note: 'Serving endpoint, 38 of 45 min' });
		expect(timerRow(timedRoutines['prototype-monitoring'], 45, 'no alert yet', '2027-01-06', 1)).toMatchObject({ value: 1.5, note: 'Monitoring, 45 of 30 min; no alert yet' });
		expect(timerRow(timedRoutines['prototype-feature-store'], 150, '', '2027-01-06', 1)?.value).toBe(1.25);
	});

	it('asks for a 0-7 score after the decomposition and suggests none', () => {
		expect(ask('decomposition', 15 * MIN)).toEqual({ label: 'Score, 0 to 7', min: 0, max: 7, suggested: null });
		expect(timerRow(timedRoutines.decomposition, 5, 'missed leakage', '2027-01-06', 1)).toMatchObject({ metric: 'decomposition', value: 5, unit: 'of 7' });
	});

	it('logs nothing for routines without a metric', () => {
		expect(ask('daily-practice', 15 * MIN)).toBeNull();
		expect(timerRow(timedRoutines['design-session'], 30, '', '2027-01-06', 1)).toBeNull();
	});

	it('writes rows the log accepts', () => {
		for (const [id, routine] of Object.entries(timedRoutines)) {
			const row = timerRow(routine, stopQuestion(routine, 40 * MIN)?.suggested ?? 4, 'a note', '2027-01-06', 1);
			if (row) expect(rowProblems(row), id).toEqual([]);
		}
	});

	it('knows its routine ids', () => {
		expect(isRoutineId('eda-challenge')).toBe(true);
		expect(isRoutineId('toString')).toBe(false);
	});
});
