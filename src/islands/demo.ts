/**
 * `<sp-demo>`: hydrates a server-rendered demo when it scrolls into view. Until then
 * the page carries only this file; the demo's spec and Observable Plot load on demand.
 * Parameters live in the URL (`?<demo>.<name>=value`) so a view can be shared.
 */
import type { DemoSpec, DemoView, Params } from '../lib/demos/spec';
import type { DemoId } from '../lib/demos/registry';
import { loggedText, verdict } from '../lib/demos/verdict';

class DemoElement extends HTMLElement {
	#spec: DemoSpec<Params> | null = null;
	#revealed = false;

	connectedCallback(): void {
		const observer = new IntersectionObserver((entries) => {
			if (entries.some((e) => e.isIntersecting)) {
				observer.disconnect();
				void this.hydrate();
			}
		}, { rootMargin: '200px' });
		observer.observe(this);
	}

	async hydrate(): Promise<void> {
		const [{ loadDemo }, { renderFigure }, { paramsFromQuery, writeQuery }, { formatParams }] = await Promise.all([
			import('../lib/demos/loaders'),
			import('../lib/demos/render'),
			import('../lib/demos/params'),
			import('../lib/demos/describe-params'),
		]);
		const id = this.dataset.demo as DemoId;
		const spec = await loadDemo(id);
		if (!spec) return;
		this.#spec = spec;
		const form = this.querySelector<HTMLFormElement>('[data-controls]')!;
		const fieldset = form.querySelector('fieldset')!;

		const update = (raw: Partial<Record<string, string>>, writeUrl: boolean) => {
			const started = performance.now();
			const { params, notes } = spec.parse(raw);
			this.#fillForm(form, params);
			const view = spec.view(params);
			this.#show(view, notes, (figure) => renderFigure(figure, view.description, document));
			this.querySelector('[data-params]')!.textContent = `Settings: ${formatParams(spec.controls, params)}.`;
			if (writeUrl) {
				const query = writeQuery(id, params, spec.defaults, new URLSearchParams(location.search));
				const search = query.toString();
				history.replaceState(history.state, '', `${location.pathname}${search ? `?${search}` : ''}${location.hash}`);
			}
			this.dataset.renderMs = (performance.now() - started).toFixed(1);
			this.dataset.ready = 'true';
		};

		const readForm = () => this.#readForm();

		form.addEventListener('input', () => update(readForm(), true));
		form.addEventListener('submit', (event) => event.preventDefault());
		form.querySelector('[data-new-seed]')?.addEventListener('click', () => {
			const seedControl = spec.controls.find((c) => c.kind === 'seed');
			if (!seedControl) return;
			const raw = readForm();
			raw[seedControl.name] = String(Math.floor(Math.random() * 1_000_000));
			update(raw, true);
		});
		fieldset.disabled = false;
		const fromUrl = paramsFromQuery(id, spec.controls, new URLSearchParams(location.search));
		// The server already drew the default view: drawing it again would only replace
		// the SVG, facts and table with identical copies.
		if (Object.entries(fromUrl).some(([name, value]) => value !== String(spec.defaults[name]))) update(fromUrl, false);
		else this.dataset.ready = 'true';
		this.#setUpPrediction();
	}

	/** Raw values of the controls; an unticked checkbox reads "false" (FormData would omit it). */
	#readForm(): Record<string, string> {
		const form = this.querySelector<HTMLFormElement>('[data-controls]')!;
		const raw: Record<string, string> = {};
		for (const c of this.#spec?.controls ?? []) {
			const input = form.elements.namedItem(c.name);
			if (input instanceof HTMLInputElement && input.type === 'checkbox') raw[c.name] = String(input.checked);
			else if (input instanceof HTMLInputElement || input instanceof HTMLSelectElement) raw[c.name] = input.value;
		}
		return raw;
	}

	#fillForm(form: HTMLFormElement, params: Params): void {
		for (const [name, value] of Object.entries(params)) {
			const input = form.elements.namedItem(name);
			if (input instanceof HTMLInputElement && input.type === 'checkbox') input.checked = Boolean(value);
			else if ((input instanceof HTMLInputElement || input instanceof HTMLSelectElement) && input !== document.activeElement) input.value = String(value);
			const output = form.querySelector(`[data-output="${name}"]`);
			if (output) output.textContent = String(value);
		}
	}

	#show(view: DemoView, notes: string[], render: (figure: DemoView['figures'][number]) => Element): void {
		const notice = this.querySelector<HTMLElement>('[data-notice]')!;
		const messages = [...notes, ...(view.notice ? [view.notice] : [])];
		notice.hidden = messages.length === 0;
		notice.textContent = messages.join(' ');
		const facts = this.querySelector('[data-facts]')!;
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
		this.querySelector('[data-figures]')!.replaceChildren(...view.figures.map(render));
		this.querySelector('[data-description]')!.textContent = view.description;
		const table = this.querySelector('[data-table]')!;
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

	/**
	 * Predict before reveal: cover the answer until the learner commits to a guess. The
	 * prompt lies over the result in the same box (the answer blurred and inert beneath
	 * it), so neither waking up nor revealing moves anything on the page.
	 */
	#setUpPrediction(): void {
		const predict = this.#spec?.predict;
		const form = this.querySelector<HTMLFormElement>('[data-predict]');
		if (!predict || !form || this.#revealed) return;
		const result = this.querySelector<HTMLElement>('[data-result]')!;
		const verdictText = this.querySelector<HTMLElement>('[data-verdict]')!;
		const answer = [...result.children].filter((child) => child !== form) as HTMLElement[];
		const cover = (covered: boolean) => {
			form.hidden = !covered;
			result.toggleAttribute('data-covered', covered);
			for (const child of answer) child.inert = covered;
		};
		cover(true);
		const reveal = (guess: number | null) => {
			this.#revealed = true;
			cover(false);
			const params = this.#spec!.parse(this.#readForm()).params;
			const answer = predict.answer(params);
			verdictText.textContent = verdict(guess, answer, predict.unit);
			const title = this.querySelector('h3')?.textContent ?? this.dataset.demo ?? '';
			// The verdict then says that the guess was logged and how it was counted, so "right" is never a mystery.
			if (guess !== null)
				void import('./demo-guess').then((m) => {
					if (m.recordGuess(this, title, predict, guess, answer)) verdictText.textContent = `${verdict(guess, answer, predict.unit)} ${loggedText(predict, guess, answer)}`;
				});
		};
		form.addEventListener('submit', (event) => {
			event.preventDefault();
			const value = Number(new FormData(form).get('guess'));
			reveal(Number.isFinite(value) ? value : null);
		});
		form.querySelector('[data-reveal]')?.addEventListener('click', () => reveal(null));
	}
}

if (!customElements.get('sp-demo')) customElements.define('sp-demo', DemoElement);
