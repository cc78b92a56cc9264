/**
 * `<sp-timer data-routine>`: start, pause, resume and stop a timed routine. The
 * clock is the stored start time (progress store), so it survives a reload, a
 * closed tab and other tabs; phase changes are announced once each through a
 * polite live region, the ticking clock never. Stopping pauses the clock and
 * asks for the row (value and note) before anything is written to the log.
 * Only pages with a timer load this file.
 */
import { localDate, rowProblems } from '../lib/practice-log/metrics';
import { elapsedMs, formatClock, isRoutineId, pauseTimer, phaseAt, resumeTimer, startTimer, stopQuestion, timedRoutines, timerRow, type TimedRoutine } from '../lib/schedule/timer';
import { ProgressElement, defineOnce } from './page-store';

class Timer extends ProgressElement {
	private routineId = this.dataset.routine ?? '';
	private routine: TimedRoutine | undefined = isRoutineId(this.routineId) ? timedRoutines[this.routineId] : undefined;
	private form = this.querySelector<HTMLFormElement>('[data-stop]');
	private ticking: ReturnType<typeof setInterval> | undefined;
	/** Phase last shown (-1: time box over); null until the first render, which announces nothing. */
	private shownPhase: number | null = null;

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

	private act(act: string): void {
		const store = this.store!;
		const now = Date.now();
		const timer = store.runningTimer(this.routineId);
		if (act === 'start') {
			this.shownPhase = 0;
			this.say(`Started. ${this.phaseText(0)}`);
			store.setRunningTimer(this.routineId, startTimer(now));
		} else if (act === 'pause' && timer) {
			this.say('Paused.');
			store.setRunningTimer(this.routineId, pauseTimer(timer, now));
		} else if (act === 'resume' && timer) {
			this.form!.hidden = true;
			this.say('Running.');
			store.setRunningTimer(this.routineId, resumeTimer(timer, now));
		} else if (act === 'stop' && timer) {
			const paused = pauseTimer(timer, now);
			store.setRunningTimer(this.routineId, paused);
			this.openStopForm(elapsedMs(paused, now));
		} else if (act === 'discard') {
			this.finish('Stopped. Nothing was logged.');
		}
	}

	private openStopForm(elapsed: number): void {
		const form = this.form!;
		const question = stopQuestion(this.routine!, elapsed);
		const value = form.elements.namedItem('value') as HTMLInputElement | null;
		if (question && value) {
			form.querySelector('[data-value-label]')!.textContent = question.label;
			value.min = String(question.min);
			value.max = question.max === undefined ? '' : String(question.max);
			value.value = question.suggested === null ? '' : String(question.suggested);
		}
		form.hidden = false;
		(value ?? form.querySelector('button'))?.focus();
		this.render();
	}

	private save(): void {
		const store = this.store!;
		const form = this.form!;
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
		this.finish(row ? `Saved to your practice log: ${row.metric} ${row.value} ${row.unit}.` : 'Stopped.');
	}

	private finish(message: string): void {
		this.form!.hidden = true;
		this.form!.reset();
		this.shownPhase = null;
		this.say(message);
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

	protected render(): void {
		if (!this.store || !this.routine) return;
		const timer = this.store.runningTimer(this.routineId);
		const stopping = !this.form?.hidden;
		const show = (act: string, visible: boolean) => {
			const button = this.querySelector<HTMLButtonElement>(`[data-controls] [data-act=${act}]`);
			if (button) {
				button.hidden = !visible;
				button.disabled = false;
			}
		};
		show('start', !timer);
		show('pause', !!timer && timer.pausedAt === null && !stopping);
		show('resume', !!timer && timer.pausedAt !== null && !stopping);
		show('stop', !!timer && !stopping);
		if (!timer && stopping) this.form!.hidden = true; // stopped in another tab

		const elapsed = timer ? elapsedMs(timer, Date.now()) : 0;
		const phase = phaseAt(this.routine, elapsed);
		this.querySelector('[data-clock]')!.textContent = formatClock(elapsed);
		this.querySelector('[data-phase]')!.textContent = phase.overMs
			? `${formatClock(phase.overMs)} over the time box`
			: `${phase.label}: ${formatClock(phase.remainingMs)} left`;
		const shown = phase.overMs ? -1 : phase.index;
		if (timer && this.shownPhase !== null && shown !== this.shownPhase) this.say(shown < 0 ? 'Time box over.' : this.phaseText(shown));
		this.shownPhase = timer ? shown : null;

		const running = !!timer && timer.pausedAt === null;
		if (running && !this.ticking) this.ticking = setInterval(() => this.render(), 1000);
		if (!running && this.ticking) {
			clearInterval(this.ticking);
			this.ticking = undefined;
		}
	}
}

defineOnce('sp-timer', Timer);
