// The timed routines' clock arithmetic: elapsed time from a stored start, pauses,
// phases, the clock face, and the value stopping suggests for the log.
import { describe, expect, it } from 'vitest';
import { boxMinutes, elapsedMs, formatClock, isRoutineId, pauseTimer, phaseAt, resumeTimer, startTimer, suggestedValue, timedRoutines } from '../../src/lib/timer';

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

describe('suggestedValue', () => {
	it('suggests the minutes used for the 45-minute EDA benchmark, rounded', () => {
		expect(suggestedValue(timedRoutines['eda-benchmark'], 52 * MIN + 31_000)).toBe(53);
		expect(suggestedValue(timedRoutines['eda-benchmark'], 10_000)).toBe(1); // eda_minutes must be > 0
	});

	it('counts only the challenge’s 60-minute workflow phase', () => {
		const challenge = timedRoutines['eda-challenge'];
		expect(suggestedValue(challenge, 20 * MIN)).toBe(1);
		expect(suggestedValue(challenge, 72 * MIN)).toBe(42);
		expect(suggestedValue(challenge, 125 * MIN)).toBe(60);
	});

	it('divides minutes used by the time box for prototypes, as the measurement guide’s 38 of 45 = 0.84', () => {
		expect(suggestedValue(timedRoutines['prototype-serving'], 38 * MIN)).toBe(0.84);
		expect(suggestedValue(timedRoutines['prototype-monitoring'], 45 * MIN)).toBe(1.5);
		expect(suggestedValue(timedRoutines['prototype-feature-store'], 150 * MIN)).toBe(1.25);
	});

	it('leaves the score to the learner for the decomposition and logs nothing for routines without a metric', () => {
		expect(suggestedValue(timedRoutines.decomposition, 15 * MIN)).toBeNull();
		expect(timedRoutines.decomposition.record.metric).toBe('decomposition');
		expect(suggestedValue(timedRoutines['daily-practice'], 15 * MIN)).toBeNull();
		expect(timedRoutines['daily-practice'].record).toBeNull();
	});

	it('knows its routine ids', () => {
		expect(isRoutineId('eda-challenge')).toBe(true);
		expect(isRoutineId('toString')).toBe(false);
	});
});
