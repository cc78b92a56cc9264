/**
 * `<sp-week-dates>` shows a course week's dates from the learner's start date
 * (progress store settings) or the configured one, and marks the current week.
 * It updates when the date changes in another tab or on /progress/.
 */
import { currentWeek, datesOfWeek, effectiveStartDate, formatRange, formatShortRange, localToday } from '../lib/schedule';
import { START_DATE_ATTRIBUTE } from '../lib/progress/constants';
import { ProgressElement, defineOnce } from './page-store';

class WeekDates extends ProgressElement {
	/** The server's text for "no start date", put back when the learner removes theirs. */
	private fallback: string | null = null;

	protected render(): void {
		const start = effectiveStartDate(this.getAttribute(START_DATE_ATTRIBUTE) || null, this.store?.snapshot().settings.startDate);
		const week = Number(this.dataset.week);
		const dates = datesOfWeek(start, week);
		const range = this.querySelector('[data-range]');
		if (!range) return;
		this.fallback ??= range.innerHTML;
		if (dates) {
			const text = this.dataset.format === 'short' ? formatShortRange(dates) : formatRange(dates);
			if (range.textContent !== text) range.textContent = text;
		} else if (range.innerHTML !== this.fallback) range.innerHTML = this.fallback;
		this.toggleAttribute('data-current', currentWeek(start, localToday(new Date())) === week);
	}
}

defineOnce('sp-week-dates', WeekDates);
