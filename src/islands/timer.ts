/**
 * `<sp-timer data-routine>`: start, pause, resume and stop a timed routine.
 *
 * Clocks: the stored timer (progress store) is the run's start, read again after
 * a reload, in a closed and reopened tab, and in other tabs. While this page is
 * open it counts on from where it read that start (wall and monotonic clocks,
 * `TimerAnchor`), so setting the computer's clock back costs no minutes; when it
 * notices the clock was changed it rewrites the stored start to match.
 *
 * Tabs: one run, one row. Stop, in any tab, marks the stored run `stopping`: every
 * open tab shows the stop form and none offers Resume; "Keep going" in any tab
 * takes the run back; the first tab to save writes the one row and ends the run,
 * and the others close their forms when the storage event says so. A save finds
 * out from storage whether the run is still being stopped, so a run ended or
 * resumed elsewhere is never logged.
 *
 * Phase changes are announced once each through a polite live region, the
 * ticking clock never. Only pages with a timer load this file.
 */
import { localDate, rowProblems } from '../lib/practice-log/metrics';
import {
	anchorTimer,
	anchoredElapsed,
	clockJumped,
	formatClock,
	isRoutineId,
	phaseAt,
	sameTimer,
	stopQuestion,
	timedRoutines,
	timerAt,
	timerMode,
	timerRow,
	type RunningTimer,
	type TimedRoutine,
	type TimerAnchor,
	type TimerMode,
} from '../lib/schedule/timer';
import { defineOnce } from './page-store';
import { LogElement } from './log-store';

class Timer extends LogElement {
	private routineId = this.dataset.routine ?? '';
	private routine: TimedRoutine | undefined = isRoutineId(this.routineId) ? timedRoutines[this.routineId] : undefined;
	private form = this.querySelector<HTMLFormElement>('[data-stop]');
	private ticking: ReturnType<typeof setInterval> | undefined;
	/** Phase last shown (-1: time box over); null until the first render, which announces nothing. */
	private shownPhase: number | null = null;
	/** The stored run as this page read it, and when; null when none runs. */
	private anchor: TimerAnchor | null = null;

	connectedCallback(): void {
		super.connectedCallback();
		if (!this.store || !this.routine) return;
		this.addEventListener('click', (event) => {
			const act = (event.target as Element).closest('[data-act]')?.getAttribute('data-act');
			if (act) this.act(act);
		});
		this.form?.addEventListener('submit', (event) => {
			event.preventDefault();
			this.save();
		});
		this.render();
	}

	disconnectedCallback(): void {
		super.disconnectedCallback();
		clearInterval(this.ticking);
	}

	/** The stored run, re-anchored when it changed (here or in another tab). */
	private current(): RunningTimer | undefined {
		const stored = this.store!.runningTimer(this.routineId);
		if (!stored) this.anchor = null;
		else if (!this.anchor || !sameTimer(this.anchor.timer, stored)) this.anchor = anchorTimer(stored, Date.now(), performance.now());
		return stored;
	}

	private elapsed(): number {
		return this.anchor ? anchoredElapsed(this.anchor, Date.now(), performance.now()) : 0;
	}

	/** Stores the run as `mode` at its current elapsed time; the anchor moves first, so the re-render sees an unchanged run. */
	private write(mode: TimerMode, elapsed = this.elapsed()): void {
		const wall = Date.now();
		const timer = timerAt(elapsed, wall, mode);
		this.anchor = anchorTimer(timer, wall, performance.now());
		this.store!.setRunningTimer(this.routineId, timer);
	}

	private act(act: string): void {
		const timer = this.current();
		const mode = timer && timerMode(timer);
		if (act === 'start' && !timer) {
			this.shownPhase = 0;
			this.say(`Started. ${this.phaseText(0)}`);
			this.write('running', 0);
		} else if (act === 'pause' && mode === 'running') {
			this.say('Paused.');
			this.write('paused');
		} else if (act === 'resume' && timer) {
			this.form!.hidden = true;
			this.say('Running.');
			this.write('running');
		} else if (act === 'stop' && timer && mode !== 'stopping') {
			this.write('stopping');
			this.openStopForm(true);
		} else if (act === 'discard') {
			this.finish('Stopped. Nothing was logged.');
		}
	}

	/** Shows the stop form with the suggested answer; focus moves only in the tab where Stop was pressed. */
	private openStopForm(focus: boolean): void {
		const form = this.form!;
		const question = stopQuestion(this.routine!, this.elapsed());
		const value = form.elements.namedItem('value') as HTMLInputElement | null;
		if (question && value) {
			form.querySelector('[data-value-label]')!.textContent = question.label;
			value.min = String(question.min);
			value.max = question.max === undefined ? '' : String(question.max);
			value.value = question.suggested === null ? '' : String(question.suggested);
		}
		form.hidden = false;
		if (focus) (value ?? form.querySelector('button'))?.focus();
		this.render();
	}

	private save(): void {
		const store = this.store!;
		const form = this.form!;
		// Another tab may have saved, resumed or discarded this run a moment ago: ask storage, not memory.
		store.reload();
		const timer = this.current();
		if (!timer || timerMode(timer) !== 'stopping') {
			this.closeForm();
			this.say(timer ? 'The run was resumed in another tab; nothing was logged.' : 'The run was already ended in another tab; nothing was logged here.');
			return;
		}
		const value = form.elements.namedItem('value') as HTMLInputElement | null;
		const note = (form.elements.namedItem('note') as HTMLInputElement | null)?.value ?? '';
		const date = localDate(Date.now());
		const row = value ? timerRow(this.routine!, value.valueAsNumber, note, date, store.weekOf(date)) : null;
		if (row) {
			const problem = rowProblems(row)[0];
			value!.setCustomValidity(problem ? `${problem.problem}; ${problem.fix}` : '');
			if (!form.reportValidity()) return;
			store.appendLog([row]);
		}
		// "Saved" only once the store read the row back; a full or blocked storage keeps it for this visit.
		const write = store.lastWrite();
		const logged = `${row?.metric} ${row?.value} ${row?.unit}`;
		this.finish(!row ? 'Stopped.' : write.saved ? `Saved to your practice log: ${logged}.` : `Kept for this visit only: ${logged}. ${write.message}`);
	}

	private closeForm(): void {
		this.form!.hidden = true;
		this.form!.reset();
	}

	private finish(message: string): void {
		this.closeForm();
		this.shownPhase = null;
		this.say(message);
		this.anchor = null;
		this.store!.setRunningTimer(this.routineId, null);
		this.querySelector<HTMLButtonElement>('[data-act=start]')?.focus();
	}

	private phaseText(index: number): string {
		const phases = this.routine!.phases;
		const phase = phases[index]!;
		return `${phases.length > 1 ? `Phase ${index + 1} of ${phases.length}: ` : ''}${phase.label}, ${phase.minutes} minutes.`;
	}

	private say(text: string): void {
		const region = this.querySelector('[data-announce]');
		if (region) region.textContent = text;
	}

	/** Every second while running: a changed clock is folded into the stored start (which re-renders), else the face moves on. */
	private tick(): void {
		if (this.anchor && timerMode(this.anchor.timer) === 'running' && clockJumped(this.anchor, Date.now(), performance.now())) this.write('running');
		else this.render();
	}

	protected render(): void {
		if (!this.store || !this.routine) return;
		const timer = this.current();
		const mode = timer && timerMode(timer);
		// The form follows the stored run: opened by a Stop in another tab, closed when the run ends or goes on elsewhere.
		if (mode === 'stopping' && this.form?.hidden) this.openStopForm(false);
		else if (mode !== 'stopping' && this.form && !this.form.hidden) {
			this.closeForm();
			if (!timer) this.say('The run was ended in another tab.');
		}
		const show = (act: string, visible: boolean) => {
			const button = this.querySelector<HTMLButtonElement>(`[data-controls] [data-act=${act}]`);
			if (button) {
				button.hidden = !visible;
				button.disabled = false;
			}
		};
		show('start', !timer);
		show('pause', mode === 'running');
		show('resume', mode === 'paused');
		show('stop', mode === 'running' || mode === 'paused');

		const elapsed = this.elapsed();
		const phase = phaseAt(this.routine, elapsed);
		this.querySelector('[data-clock]')!.textContent = formatClock(elapsed);
		this.querySelector('[data-phase]')!.textContent = phase.overMs
			? `${formatClock(phase.overMs)} over the time box`
			: `${phase.label}: ${formatClock(phase.remainingMs)} left`;
		const shown = phase.overMs ? -1 : phase.index;
		if (timer && this.shownPhase !== null && shown !== this.shownPhase) this.say(shown < 0 ? 'Time box over.' : this.phaseText(shown));
		this.shownPhase = timer ? shown : null;

		const running = mode === 'running';
		if (running && !this.ticking) this.ticking = setInterval(() => this.tick(), 1000);
		if (!running && this.ticking) {
			clearInterval(this.ticking);
			this.ticking = undefined;
		}
	}
}

defineOnce('sp-timer', Timer);
