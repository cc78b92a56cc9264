/**
 * `<sp-due-list>` on /progress/: every unresolved claim or decision whose date is
 * today or past, with its answers (a claim: came true, partly, did not; partly
 * counts as half). Answering resolves it in the store, which writes the log row;
 * focus moves to the next question. The ones not yet due are listed with their
 * dates ("Claim: … — check on 2027-01-12").
 */
import { localDate } from '../lib/practice-log/metrics';
import { laterRecords } from '../lib/practice-log/records';
import type { Claim, Decision } from '../lib/progress/state';
import { defineOnce } from './page-store';
import { LogElement } from './log-store';

type Due = { kind: 'claim'; item: Claim } | { kind: 'decision'; item: Decision };

class DueList extends LogElement {
	private summaryHtml = this.querySelector('[data-summary]')?.innerHTML ?? '';

	connectedCallback(): void {
		super.connectedCallback();
		this.addEventListener('click', (event) => {
			const button = (event.target as Element).closest<HTMLButtonElement>('button[data-answer]');
			if (!button || !this.store) return;
			const li = button.closest('li')!;
			const next = li.nextElementSibling ?? li.previousElementSibling;
			const id = li.dataset.id!;
			const answer = button.dataset.answer;
			if (li.dataset.kind === 'claim') this.store.resolveClaim(id, answer === 'partly' ? 'partly' : answer === 'yes');
			else this.store.resolveDecision(id, answer === 'yes');
			const write = this.store.lastWrite();
			this.querySelector('[data-status]')!.textContent = write.saved ? `Logged: ${button.textContent}.` : `${button.textContent}: kept for this visit only. ${write.message}`;
			const focusTarget = next && this.querySelector<HTMLElement>(`li[data-id="${(next as HTMLElement).dataset.id}"] button`);
			(focusTarget ?? this.querySelector<HTMLElement>('#due'))?.focus();
		});
	}

	protected render(): void {
		if (!this.store) return;
		const today = localDate(Date.now());
		const due: Due[] = [
			...this.store.claims().filter((c) => !c.resolved && c.checkOn <= today).map((item) => ({ kind: 'claim' as const, item })),
			...this.store.decisions().filter((d) => !d.resolved && d.reviewOn <= today).map((item) => ({ kind: 'decision' as const, item })),
		].sort((a, b) => dueOn(a).localeCompare(dueOn(b)));
		const waiting = laterRecords(this.store.claims(), this.store.decisions(), today);
		const summary = this.querySelector('[data-summary]')!;
		const later = waiting.length ? ` Coming back later: ${waiting.length}, listed below.` : '';
		if (due.length === 0) summary.innerHTML = this.summaryHtml + later;
		else summary.textContent = `${due.length} ${due.length === 1 ? 'is' : 'are'} due: answer each once and the result goes into your practice log.${later}`;
		const list = this.querySelector('[data-items]')!;
		list.replaceChildren(...due.map(item));
		let laterList = this.querySelector<HTMLUListElement>('[data-later]');
		if (!laterList) {
			laterList = Object.assign(document.createElement('ul'), { className: 'due-later' });
			laterList.dataset.later = '';
			list.after(laterList);
		}
		laterList.replaceChildren(...waiting.map((w) => Object.assign(document.createElement('li'), { textContent: w.text })));
	}
}

const dueOn = (d: Due) => (d.kind === 'claim' ? d.item.checkOn : d.item.reviewOn);

function item(d: Due): HTMLLIElement {
	const li = document.createElement('li');
	li.dataset.id = d.item.id;
	li.dataset.kind = d.kind;
	const text = document.createElement('p');
	const group = document.createElement('p');
	group.className = 'due-answers';
	group.setAttribute('role', 'group');
	const answers =
		d.kind === 'claim'
			? { text: `Claim: ${d.item.text} (${Math.round(d.item.confidence * 100)}% confident, check on ${d.item.checkOn})`, question: 'Did it come true?', choices: [['yes', 'Came true'], ['partly', 'Partly'], ['no', 'Did not']] }
			: { text: `${d.item.kind === 'adr' ? 'ADR' : 'Decision'}: ${d.item.title} (review on ${d.item.reviewOn})`, question: 'Did it prove right?', choices: [['yes', 'Proved right'], ['no', 'Did not']] };
	text.textContent = answers.text;
	text.id = `due-${d.item.id}`;
	group.setAttribute('aria-labelledby', text.id);
	const label = document.createElement('span');
	label.textContent = answers.question;
	group.append(label);
	for (const [answer, word] of answers.choices) {
		const button = document.createElement('button');
		button.type = 'button';
		button.className = answer === 'yes' ? '' : 'secondary';
		button.dataset.answer = answer;
		button.textContent = word;
		group.append(button);
	}
	li.append(text, group);
	return li;
}

defineOnce('sp-due-list', DueList);
