/**
 * `<sp-start-date>` on /progress/: sets or clears the learner's start date in the
 * progress store, says which week is current, and downloads the course calendar
 * for that date (ical.js loads only when the button is pressed).
 */
import type { CalendarPlan } from '../lib/schedule/calendar';
import { currentWeek, effectiveStartDate, localToday } from '../lib/schedule';
import { START_DATE_ATTRIBUTE } from '../lib/progress/constants';
import { saveFile } from './controls';
import { ProgressElement, defineOnce } from './page-store';

class StartDate extends ProgressElement {
	private input = this.querySelector<HTMLInputElement>('[data-start-input]');
	private lastStatus = '';

	connectedCallback(): void {
		super.connectedCallback();
		if (!this.store || !this.input) return;
		for (const control of this.querySelectorAll<HTMLInputElement | HTMLButtonElement>('[disabled]')) control.disabled = false;
		this.input.addEventListener('change', () => {
			// A browser without a date picker may pass any text; the store refuses non-dates.
			try {
				if (this.input?.value) this.store?.setStartDate(this.input.value);
			} catch {
				this.setStatus('That is not a date: write it as YYYY-MM-DD, e.g. 2027-01-04.');
			}
		});
		this.querySelector('[data-clear]')?.addEventListener('click', () => this.store?.setStartDate(null));
		this.querySelector('[data-calendar]')?.addEventListener('click', () => void this.download());
	}

	private start(): string | null {
		return effectiveStartDate(this.getAttribute(START_DATE_ATTRIBUTE) || null, this.store?.snapshot().settings.startDate);
	}

	protected render(): void {
		const start = this.start();
		if (this.input && document.activeElement !== this.input) this.input.value = start ?? '';
		const week = currentWeek(start, localToday(new Date()));
		const status = !start
			? 'No start date yet: week pages show no dates.'
			: week
				? `Week 1 starts on ${start}, so this is week ${week}.`
				: `Week 1 starts on ${start}; today is outside the course weeks.`;
		this.setStatus(status);
		const calendar = this.querySelector<HTMLButtonElement>('[data-calendar]');
		if (calendar) calendar.disabled = !start;
	}

	/** Only changed text is written, so a screen reader hears each message once. */
	private setStatus(text: string): void {
		if (text === this.lastStatus) return;
		this.lastStatus = text;
		const region = this.querySelector('[data-status]');
		if (region) region.textContent = text;
	}

	private async download(): Promise<void> {
		const start = this.start();
		const planText = this.querySelector('[data-plan]')?.textContent;
		if (!start || !planText) return;
		const { buildCalendar, calendarFileName } = await import('../lib/schedule/calendar');
		// Links into the site in use (its paths already carry the base), not the configured one.
		const ics = buildCalendar(JSON.parse(planText) as CalendarPlan, start, new Date(), location.origin);
		saveFile(ics, calendarFileName(this.dataset.siteId ?? 'course', start), 'text/calendar');
	}
}

defineOnce('sp-start-date', StartDate);
