/**
 * `<sp-log-form data-form="claim|decision|score">`: the small forms that put a
 * claim, a decision or a score into the progress store. Claims and decisions come
 * back on /progress/ on their date; a score is a log row at once.
 */
import { METRICS, localDate, rowProblems, type Metric, type MetricSpec } from '../lib/practice-log/metrics';
import { addDays } from '../lib/schedule';
import { defineOnce } from './page-store';
import { LogElement } from './log-store';

/** Days ahead the date field suggests: a claim is checked within a week, a decision reviewed after a month. */
const DAYS_AHEAD: Record<string, number> = { claim: 7, decision: 30, score: 0 };

class LogForm extends LogElement {
	private form = this.querySelector('form')!;

	connectedCallback(): void {
		super.connectedCallback();
		if (!this.store) return;
		this.resetDate();
		this.form.querySelector('button')!.disabled = false;
		this.form.addEventListener('submit', (event) => {
			event.preventDefault();
			this.save();
		});
		// The points field's range follows the chosen score.
		this.form.addEventListener('change', (event) => {
			if ((event.target as Element).getAttribute('name') === 'metric') this.field('value').max = String((METRICS[this.field('metric').value as Metric] as MetricSpec).max ?? '');
		});
	}

	private field(name: string): HTMLInputElement {
		return this.form.elements.namedItem(name) as HTMLInputElement;
	}

	private resetDate(): void {
		this.field('date').value = addDays(localDate(Date.now()), DAYS_AHEAD[this.dataset.form ?? ''] ?? 0);
	}

	private save(): void {
		const store = this.store!;
		const text = this.field('text')?.value.trim() ?? '';
		const date = this.field('date').value;
		let message: string;
		if (this.dataset.form === 'claim') {
			store.addClaim({ text, confidence: this.field('confidence').valueAsNumber / 100, checkOn: date });
			message = `Saved. Your progress page asks on ${date} whether it came true.`;
		} else if (this.dataset.form === 'decision') {
			store.addDecision({ title: text, kind: this.field('kind').value === 'adr' ? 'adr' : 'decision', reviewOn: date });
			message = `Saved. Your progress page asks on ${date} whether it proved right.`;
		} else {
			const metric = this.field('metric').value as Metric;
			const row = { date, week: store.weekOf(date), metric, value: this.field('value').valueAsNumber, unit: METRICS[metric].units[0], note: this.field('note').value.trim() };
			const problem = rowProblems(row)[0];
			if (problem) {
				this.say(`Not saved: ${problem.field} ${problem.problem}; ${problem.fix}.`);
				return;
			}
			store.appendLog([row]);
			message = `Saved to your practice log: ${metric} ${row.value} ${row.unit}.`;
		}
		// Said only once the store read the write back: a full or blocked storage keeps it for this visit only.
		const write = store.lastWrite();
		if (!write.saved) message = `Kept for this visit only. ${write.message}`;
		this.form.reset();
		this.resetDate();
		this.say(message);
	}

	private say(text: string): void {
		this.querySelector('[data-status]')!.textContent = text;
	}

	protected render(): void {}
}

defineOnce('sp-log-form', LogForm);
