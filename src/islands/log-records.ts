/**
 * `<sp-log-records>` on /progress/: every row of the practice log (newest first, 50
 * at a time) and every open claim and decision, each with Edit and Delete. Delete
 * asks first and leaves a tombstone, so the record stays gone after a reload, in
 * other tabs and after importing an old file. Edit opens a form with the same
 * checks as the forms that made the record. Focus returns to the record's Edit
 * button (or the list) when a question closes.
 *
 *   <sp-log-records data-storage-key>
 *     <p data-summary> <table data-rows><tbody></tbody></table> <button data-action="more-rows" hidden>
 *     <ul data-open></ul> <div data-region="record-edit" hidden></div> <p role="status" data-region="record-status">
 *   </sp-log-records>
 */
import { METRIC_NAMES, METRICS, type Metric, type StoredRow } from '../lib/practice-log/metrics';
import { describeRow, openRecords, rowFromFields, type OpenRecord } from '../lib/practice-log/records';
import { ACTION_ATTRIBUTE } from '../lib/progress/constants';
import type { ProgressStore } from '../lib/progress/store';
import { button } from './controls';
import { defineOnce } from './page-store';
import { LogElement } from './log-store';
import { fullStoreFor } from './full-store';

const PAGE = 50;

function el<K extends keyof HTMLElementTagNameMap>(tag: K, text = '', attrs: Record<string, string> = {}): HTMLElementTagNameMap[K] {
	const element = document.createElement(tag);
	element.textContent = text;
	for (const [name, value] of Object.entries(attrs)) element.setAttribute(name, value);
	return element;
}

/** A labelled form field; `options` makes it a select. */
function field(label: string, name: string, value: string, attrs: Record<string, string> = {}, options?: [string, string][]): HTMLLabelElement {
	const wrapper = el('label', label);
	const input = options ? el('select', '', { name }) : el('input', '', { name, ...attrs });
	if (options) for (const [v, text] of options) input.append(el('option', text, { value: v }));
	(input as HTMLInputElement).value = value;
	wrapper.append(input);
	return wrapper;
}

function recordButtons(id: string, what: string): HTMLElement[] {
	const edit = button('edit-record', 'Edit');
	const remove = button('delete-record', 'Delete');
	remove.className = 'secondary';
	for (const b of [edit, remove]) {
		b.dataset.id = id;
		b.setAttribute('aria-label', `${b.textContent} ${what}`);
	}
	return [edit, remove];
}

class LogRecords extends LogElement {
	private shown = PAGE;
	private editing: string | null = null;

	connectedCallback(): void {
		super.connectedCallback();
		this.addEventListener('click', (event) => this.onClick(event));
		this.addEventListener('submit', (event) => {
			event.preventDefault();
			this.save();
		});
	}

	private region(name: string): HTMLElement {
		return this.querySelector<HTMLElement>(`[data-region="${name}"]`)!;
	}

	protected render(): void {
		const store = this.store;
		if (!store) return;
		const rows = [...store.log()].reverse();
		const open = openRecords(store.claims(), store.decisions());
		this.querySelector('[data-summary]')!.textContent = rows.length + open.length
			? `${rows.length} row${rows.length === 1 ? '' : 's'} in your log and ${open.length} open claim${open.length === 1 ? '' : 's'} or decision${open.length === 1 ? '' : 's'}. Correct or delete any of them here.`
			: 'No rows yet. Rows, claims and decisions you add appear here, where you can correct or delete them.';
		const table = this.querySelector<HTMLTableElement>('[data-rows]')!;
		table.hidden = rows.length === 0;
		table.tBodies[0]!.replaceChildren(
			...rows.slice(0, this.shown).map((row) => {
				const tr = el('tr');
				const cells = [row.date, String(row.week), row.metric, `${row.value} ${row.unit}`, row.note];
				tr.append(el('th', cells[0], { scope: 'row' }), ...cells.slice(1).map((text) => el('td', text)));
				const actions = el('td');
				actions.append(...recordButtons(row.id, `row ${describeRow(row)}`));
				tr.append(actions);
				return tr;
			}),
		);
		const more = this.querySelector<HTMLButtonElement>(`[${ACTION_ATTRIBUTE}="more-rows"]`)!;
		more.hidden = rows.length <= this.shown;
		more.textContent = `Show ${Math.min(PAGE, rows.length - this.shown)} more of ${rows.length} rows`;
		this.querySelector('[data-open]')!.replaceChildren(
			...(open.length === 0 ? [el('li', 'None open.')] : []),
			...open.map((o) => {
				const li = el('li');
				li.append(el('span', `${o.text} `), ...recordButtons(o.record.id, o.text));
				return li;
			}),
		);
		// A record edited or asked about here and deleted in another tab: close the question.
		if (this.editing && !this.find(this.editing)) this.close('That record was deleted in another tab.');
	}

	private find(id: string): { kind: 'row'; row: StoredRow } | OpenRecord | undefined {
		const store = fullStoreFor(this) as ProgressStore;
		const row = store.log().find((r) => r.id === id);
		return row ? { kind: 'row', row } : openRecords(store.claims(), store.decisions()).find((o) => o.record.id === id);
	}

	private onClick(event: Event): void {
		const target = (event.target as Element).closest<HTMLElement>(`[${ACTION_ATTRIBUTE}]`);
		const action = target?.getAttribute(ACTION_ATTRIBUTE);
		const id = target?.dataset.id ?? this.editing;
		if (action === 'more-rows') {
			this.shown += PAGE;
			this.render();
		} else if (action === 'cancel-record') this.close('Nothing was changed.');
		else if (action === 'confirm-delete' && id) this.deleteNow(id);
		else if ((action === 'edit-record' || action === 'delete-record') && id) {
			const found = this.find(id);
			if (!found) return;
			this.editing = id;
			const what = found.kind === 'row' ? `the row ${describeRow(found.row)}` : found.text;
			if (action === 'delete-record') this.ask(`Delete ${what}? It stays deleted, in other tabs and when you import an older file.`, [button('confirm-delete', 'Delete'), button('cancel-record', 'Cancel')]);
			else this.openForm(found);
		}
	}

	/** Shows a question (or form) in the edit region and moves focus to it. */
	private ask(question: string, content: HTMLElement[]): void {
		const region = this.region('record-edit');
		const text = el('p', question, { tabindex: '-1' });
		region.replaceChildren(text, ...content);
		region.hidden = false;
		text.focus();
	}

	private close(message: string): void {
		const id = this.editing;
		this.editing = null;
		const region = this.region('record-edit');
		region.replaceChildren();
		region.hidden = true;
		this.region('record-status').textContent = message;
		const back = id && this.querySelector<HTMLElement>(`[${ACTION_ATTRIBUTE}="edit-record"][data-id="${CSS.escape(id)}"]`);
		(back || this.querySelector<HTMLElement>('h2'))?.focus();
	}

	private deleteNow(id: string): void {
		const store = fullStoreFor(this) as ProgressStore;
		store.deleteRecord(id);
		const write = store.lastWrite();
		this.close(write.saved ? 'Deleted.' : `Deleted on this page only. ${write.message}`);
	}

	private openForm(found: NonNullable<ReturnType<LogRecords['find']>>): void {
		const form = el('form', '', { class: 'log-form-fields' });
		if (found.kind === 'row') {
			const { row } = found;
			form.append(
				field('Date', 'date', row.date, { type: 'date', required: '' }),
				field('Week', 'week', String(row.week), { type: 'number', min: '1', step: '1', required: '' }),
				field('Metric', 'metric', row.metric, {}, METRIC_NAMES.map((m) => [m, m])),
				field('Value', 'value', String(row.value), { type: 'number', step: 'any', required: '' }),
				field('Unit', 'unit', row.unit, {}, METRIC_NAMES.flatMap((m) => METRICS[m as Metric].units.map((u): [string, string] => [u, u])).filter((o, i, all) => all.findIndex((x) => x[0] === o[0]) === i)),
				field('Note', 'note', row.note, { type: 'text', maxlength: '2000', class: 'wide' }),
			);
		} else if (found.kind === 'claim') {
			const c = found.record;
			form.append(
				field('Claim', 'text', c.text, { type: 'text', required: '', maxlength: '500' }),
				field('Confidence, 50–95%', 'confidence', String(Math.round(c.confidence * 100)), { type: 'number', min: '50', max: '95', step: '5', required: '' }),
				field('Check on', 'date', c.checkOn, { type: 'date', required: '' }),
			);
		} else {
			const d = found.record;
			form.append(
				field('Decision', 'text', d.title, { type: 'text', required: '', maxlength: '500' }),
				field('Kind', 'kind', d.kind, {}, [['decision', 'Decision'], ['adr', 'ADR']]),
				field('Review on', 'date', d.reviewOn, { type: 'date', required: '' }),
			);
		}
		const save = button('save-record', 'Save changes');
		save.type = 'submit';
		form.append(el('p'));
		form.lastElementChild!.append(save, ' ', button('cancel-record', 'Cancel'));
		form.append(el('p', '', { role: 'alert', 'data-form-alert': '' }));
		this.ask(`Edit ${found.kind === 'row' ? `the row ${describeRow(found.row)}` : found.text}`, [form]);
	}

	private save(): void {
		const store = fullStoreFor(this) as ProgressStore;
		const id = this.editing;
		const form = this.querySelector('[data-region="record-edit"] form');
		const found = id ? this.find(id) : undefined;
		if (!form || !id || !found) return;
		const value = (name: string) => ((form as HTMLFormElement).elements.namedItem(name) as HTMLInputElement).value;
		const alert = form.querySelector('[data-form-alert]')!;
		try {
			if (found.kind === 'row') {
				const read = rowFromFields({ date: value('date'), week: value('week'), metric: value('metric'), value: value('value'), unit: value('unit'), note: value('note') });
				if (!read.ok) return void (alert.textContent = read.message);
				store.editRow(id, read.row);
			} else if (found.kind === 'claim') store.editClaim(id, { text: value('text').trim(), confidence: Number(value('confidence')) / 100, checkOn: value('date') });
			else store.editDecision(id, { title: value('text').trim(), kind: value('kind') === 'adr' ? 'adr' : 'decision', reviewOn: value('date') });
		} catch (error) {
			// The store names the bad field ("editClaim: claims.0.confidence should be …").
			alert.textContent = `Not saved: ${(error as Error).message.replace(/^\w+: /, '')}.`;
			return;
		}
		const write = store.lastWrite();
		this.close(write.saved ? 'Saved.' : `Changed on this page only. ${write.message}`);
	}
}

defineOnce('sp-log-records', LogRecords);
