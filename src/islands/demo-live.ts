/**
 * The part of `<sp-demo>` that needs the demo's spec and Observable Plot: redrawing a
 * view and working out a guess's answer. demo.ts loads it only when a reader asks for
 * something the server-rendered default view cannot show (a control change, a shared
 * URL, a guess), so reading past a demo costs no more than this file's name.
 */
import type { DemoSpec, DemoView, Params } from '../lib/demos/spec';
import type { DemoId } from '../lib/demos/registry';
import { renderFigure } from '../lib/demos/render';
import { writeQuery } from '../lib/demos/params';
import { formatParams } from '../lib/demos/describe-params';
import { loggedText, verdict } from '../lib/demos/verdict';

/** Raw values of the controls by name, as the URL or the form holds them. */
export type Raw = Partial<Record<string, string>>;

export interface Live {
	/** Draws the view of these values (corrected, with a note, when out of range), fills the form with them and, if asked, puts them in the URL. */
	update(raw: Raw, writeUrl: boolean): void;
	/** Says whether the guess was right for these values (and logs a checked guess). */
	reveal(raw: Raw, guess: number | null): void;
}

export function live(demo: HTMLElement, spec: DemoSpec<Params>): Live {
	const id = demo.dataset.demo as DemoId;
	const form = demo.querySelector<HTMLFormElement>('[data-controls]')!;
	let renders = 0;
	return {
		update(raw, writeUrl) {
			const started = performance.now();
			const { params, notes } = spec.parse(raw);
			fillForm(form, params);
			const view = spec.view(params);
			show(demo, view, notes, (figure) => renderFigure(figure, view.description, document));
			demo.querySelector('[data-params]')!.textContent = `Settings: ${formatParams(spec.controls, params)}.`;
			if (writeUrl) {
				const query = writeQuery(id, params, spec.defaults, new URLSearchParams(location.search));
				const search = query.toString();
				history.replaceState(history.state, '', `${location.pathname}${search ? `?${search}` : ''}${location.hash}`);
			}
			demo.dataset.renderMs = (performance.now() - started).toFixed(1);
			// The count tells a waiting test or the bench that this redraw happened, even when it took as long as the last.
			demo.dataset.renderCount = String(++renders);
		},
		reveal(raw, guess) {
			const predict = spec.predict;
			const verdictText = demo.querySelector<HTMLElement>('[data-verdict]');
			if (!predict || !verdictText) return;
			const answer = predict.answer(spec.parse(raw).params);
			verdictText.textContent = verdict(guess, answer, predict.unit);
			const title = demo.querySelector('h3')?.textContent ?? id;
			// The verdict then says that the guess was logged and how it was counted, so "right" is never a mystery.
			if (guess !== null)
				void import('./demo-guess').then((m) => {
					if (m.recordGuess(demo, title, predict, guess, answer)) verdictText.textContent = `${verdict(guess, answer, predict.unit)} ${loggedText(predict, guess, answer)}`;
				});
		},
	};
}

function fillForm(form: HTMLFormElement, params: Params): void {
	for (const [name, value] of Object.entries(params)) {
		const input = form.elements.namedItem(name);
		if (input instanceof HTMLInputElement && input.type === 'checkbox') input.checked = Boolean(value);
		else if ((input instanceof HTMLInputElement || input instanceof HTMLSelectElement) && input !== document.activeElement) input.value = String(value);
		const output = form.querySelector(`[data-output="${name}"]`);
		if (output) output.textContent = String(value);
	}
}

function show(demo: HTMLElement, view: DemoView, notes: string[], render: (figure: DemoView['figures'][number]) => Element): void {
	const notice = demo.querySelector<HTMLElement>('[data-notice]')!;
	const messages = [...notes, ...(view.notice ? [view.notice] : [])];
	notice.hidden = messages.length === 0;
	notice.textContent = messages.join(' ');
	const facts = demo.querySelector('[data-facts]')!;
	facts.replaceChildren(
		...view.facts.map((f) => {
			const row = document.createElement('div');
			const dt = document.createElement('dt');
			const dd = document.createElement('dd');
			dt.textContent = f.label;
			dd.textContent = f.value;
			row.append(dt, dd);
			return row;
		}),
	);
	demo.querySelector('[data-figures]')!.replaceChildren(...view.figures.map(render));
	demo.querySelector('[data-description]')!.textContent = view.description;
	const table = demo.querySelector('[data-table]')!;
	const caption = document.createElement('caption');
	caption.textContent = view.table.caption;
	const head = document.createElement('thead');
	const headRow = head.insertRow();
	for (const c of view.table.columns) {
		// An empty corner cell is a plain cell: a header must say what it heads.
		const cell = document.createElement(c ? 'th' : 'td');
		if (c) (cell as HTMLTableCellElement).scope = 'col';
		cell.textContent = c;
		headRow.append(cell);
	}
	const body = document.createElement('tbody');
	for (const r of view.table.rows) {
		const row = body.insertRow();
		for (const cell of r) row.insertCell().textContent = String(cell);
	}
	table.replaceChildren(caption, head, body);
}
