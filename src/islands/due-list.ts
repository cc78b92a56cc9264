/**
 * `<sp-due-list>` on /progress/: every unresolved claim or decision whose date is
 * today or past, with two answers each. Answering resolves it in the store, which
 * writes the log row; focus moves to the next question.
 */
import { localDate } from '../lib/practice-log/metrics';
import type { Claim, Decision } from '../lib/progress/state';
import { ProgressElement, defineOnce } from './page-store';

type Due = { kind: 'claim'; item: Claim } | { kind: 'decision'; item: Decision };

class DueList extends ProgressElement {
	private summaryHtml = this.querySelector('[data-summary]')?.innerHTML ?? '';

	connectedCallback(): void {
		super.connectedCallback();
		this.addEventListener('click', (event) => {
			const button = (event.target as Element).closest<HTMLButtonElement>('button[data-answer]');
			if (!button || !this.store) return;
			const li = button.closest('li')!;
			const next = li.nextElementSibling ?? li.previousElementSibling;
			const id = li.dataset.id!;
			const yes = button.dataset.answer === 'yes';
			if (li.dataset.kind === 'claim') this.store.resolveClaim(id, yes);
			else this.store.resolveDecision(id, yes);
			this.querySelector('[data-status]')!.textContent = `Logged: ${button.textContent}.`;
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
		const waiting = this.store.claims().filter((c) => !c.resolved).length + this.store.decisions().filter((d) => !d.resolved).length - due.length;
		const summary = this.querySelector('[data-summary]')!;
		const later = waiting ? ` ${waiting} more ${waiting === 1 ? 'comes' : 'come'} back later.` : '';
		if (due.length === 0) summary.innerHTML = this.summaryHtml + later;
		else summary.textContent = `${due.length} ${due.length === 1 ? 'is' : 'are'} due: answer each once and the result goes into your practice log.${later}`;
		const list = this.querySelector('[data-items]')!;
		list.replaceChildren(...due.map(item));
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
			? { text: `Claim: ${d.item.text} (${Math.round(d.item.confidence * 100)}% confident, check on ${d.item.checkOn})`, question: 'Did it come true?', yes: 'Came true', no: 'Did not' }
			: { text: `${d.item.kind === 'adr' ? 'ADR' : 'Decision'}: ${d.item.title} (review on ${d.item.reviewOn})`, question: 'Did it prove right?', yes: 'Proved right', no: 'Did not' };
	text.textContent = answers.text;
	text.id = `due-${d.item.id}`;
	group.setAttribute('aria-labelledby', text.id);
	const label = document.createElement('span');
	label.textContent = answers.question;
	group.append(label);
	for (const [answer, word] of [['yes', answers.yes], ['no', answers.no]] as const) {
		const button = document.createElement('button');
		button.type = 'button';
		button.className = answer === 'no' ? 'secondary' : '';
		button.dataset.answer = answer;
		button.textContent = word;
		group.append(button);
	}
	li.append(text, group);
	return li;
}

defineOnce('sp-due-list', DueList);
