/**
 * `<sp-demo>`: makes a server-rendered demo interactive when it scrolls near. Waking
 * uses the DOM alone: it enables the controls and covers the answer of a "guess
 * first" demo, and keeps the server's figure, facts and table, which already show the
 * default view. The demo's spec and Observable Plot (demo-live.ts, about 100 KB gzip)
 * load only when the reader asks for another view: a control change, "New sample", a
 * guess, or a shared URL whose parameters (`?<demo>.<name>=value`) differ from the
 * defaults. Pointing at or tabbing into the controls starts the download early.
 */
import type { Live, Raw } from './demo-live';
import type { DemoId } from '../lib/demos/registry';

class DemoElement extends HTMLElement {
	#live: Promise<Live> | null = null;
	/** The loaded live part, once there, so later changes redraw at once, in the input event itself. */
	#ready: Live | null = null;
	/** A redraw asked for before the code arrived: which values (the form's latest unless given) and whether they go into the URL. */
	#pending: { raw?: Raw; writeUrl: boolean } | null = null;
	#revealing = false;

	connectedCallback(): void {
		const observer = new IntersectionObserver((entries) => {
			if (entries.some((e) => e.isIntersecting)) {
				observer.disconnect();
				this.#wake();
			}
		}, { rootMargin: '200px' });
		observer.observe(this);
	}

	#wake(): void {
		const form = this.querySelector<HTMLFormElement>('[data-controls]')!;
		const fieldset = form.querySelector('fieldset')!;
		form.addEventListener('submit', (event) => event.preventDefault());
		form.addEventListener('input', (event) => {
			const input = event.target;
			// The slider's number in its label follows the hand even while the code is still on its way.
			if (input instanceof HTMLInputElement && input.type === 'range') {
				const output = form.querySelector(`[data-output="${input.name}"]`);
				if (output) output.textContent = input.value;
			}
			this.#redraw({ writeUrl: true });
		});
		form.querySelector('[data-new-seed]')?.addEventListener('click', (event) => {
			const seed = (event.currentTarget as HTMLElement).closest('.demo-seed')?.querySelector('input');
			if (!seed) return;
			seed.value = String(Math.floor(Math.random() * 1_000_000));
			this.#redraw({ writeUrl: true });
		});
		// A hand moving over the controls or a key tabbing into them is about to change something:
		// start the download then, so the first redraw comes sooner. Not pointerenter: Chromium
		// fires it when the page scrolls the controls under a resting pointer, i.e. for a reader
		// who only scrolls past.
		const prefetch = () => void this.#load().catch(() => {});
		form.addEventListener('pointermove', prefetch, { once: true });
		form.addEventListener('focusin', prefetch, { once: true });
		this.#setUpPrediction();

		const enable = () => {
			fieldset.disabled = false;
			this.dataset.ready = 'true';
		};
		const shared = this.#sharedView(fieldset);
		if (!shared) return enable();
		// A shared view: draw it before the controls go live, so they never show the defaults under another view.
		this.#redraw({ raw: shared, writeUrl: false });
		this.#load().then(enable, enable);
	}

	/** This demo's values in the URL when any differs from the default the server rendered, else null. */
	#sharedView(fieldset: HTMLFieldSetElement): Raw | null {
		const query = new URLSearchParams(location.search);
		const raw: Raw = {};
		let differs = false;
		for (const input of fieldset.elements) {
			if (!(input instanceof HTMLInputElement || input instanceof HTMLSelectElement) || !input.name) continue;
			// The key as src/lib/demos/params.ts writes it (queryKey), read without loading that module.
			const value = query.get(`${this.dataset.demo}.${input.name}`);
			if (value === null) continue;
			raw[input.name] = value;
			if (value !== defaultOf(input)) differs = true;
		}
		return differs ? raw : null;
	}

	/** Raw values of the controls; an unticked checkbox reads "false" (FormData would omit it). */
	#readForm(): Raw {
		const fieldset = this.querySelector<HTMLFieldSetElement>('[data-controls] fieldset')!;
		const raw: Raw = {};
		for (const input of fieldset.elements) {
			if (input instanceof HTMLInputElement && input.name) raw[input.name] = input.type === 'checkbox' ? String(input.checked) : input.value;
			else if (input instanceof HTMLSelectElement && input.name) raw[input.name] = input.value;
		}
		return raw;
	}

	/**
	 * Redraws now when the code is here; otherwise loads it and then draws the form as it
	 * is by then, once, so changes made while it loads are neither lost nor drawn one by one.
	 */
	#redraw(request: { raw?: Raw; writeUrl: boolean }): void {
		if (this.#ready) return this.#ready.update(request.raw ?? this.#readForm(), request.writeUrl);
		// The latest request wins (a shared view comes first, at waking); the URL is written if any asked for it.
		this.#pending = { raw: request.raw, writeUrl: request.writeUrl || (this.#pending?.writeUrl ?? false) };
		void this.#load().catch(() => {});
	}

	/**
	 * Loads the spec and the live part, then draws what is pending. Once: a module that
	 * failed to load stays failed for the page (the browser keeps the failure in its
	 * module map), so the notice asks for a reload rather than retrying.
	 */
	#load(): Promise<Live> {
		const id = this.dataset.demo as DemoId;
		this.#live ??= Promise.all([import('./demo-live'), import('../lib/demos/loaders').then((m) => m.loadDemo(id))]).then(
			([{ live }, spec]) => {
				if (!spec) throw new Error(`no spec for demo "${id}"`);
				this.#ready = live(this, spec);
				const pending = this.#pending;
				this.#pending = null;
				if (pending) this.#ready.update(pending.raw ?? this.#readForm(), pending.writeUrl);
				return this.#ready;
			},
			(error: unknown) => {
				const notice = this.querySelector<HTMLElement>('[data-notice]')!;
				notice.hidden = false;
				notice.textContent = 'This demo could not load its code (are you offline?), so the figure still shows the default settings. Reload the page to try again.';
				throw error;
			},
		);
		return this.#live;
	}

	/**
	 * Predict before reveal: cover the answer until the learner commits to a guess. The
	 * prompt lies over the result in the same box (the answer blurred and inert beneath
	 * it), so neither waking up nor revealing moves anything on the page. The answer
	 * needs the spec, so the cover lifts once the code is here and the view is current.
	 */
	#setUpPrediction(): void {
		const form = this.querySelector<HTMLFormElement>('[data-predict]');
		if (!form) return;
		const result = this.querySelector<HTMLElement>('[data-result]')!;
		const answer = [...result.children].filter((child) => child !== form) as HTMLElement[];
		const cover = (covered: boolean) => {
			form.hidden = !covered;
			result.toggleAttribute('data-covered', covered);
			for (const child of answer) child.inert = covered;
		};
		cover(true);
		const reveal = (guess: number | null) => {
			if (this.#revealing) return;
			this.#revealing = true;
			this.#load().then(
				(live) => {
					cover(false);
					live.reveal(this.#readForm(), guess);
				},
				() => {
					this.#revealing = false;
				},
			);
		};
		// Typing a guess takes a while: time enough to fetch the answer's code.
		const prefetch = () => void this.#load().catch(() => {});
		form.addEventListener('pointermove', prefetch, { once: true });
		form.addEventListener('focusin', prefetch, { once: true });
		form.addEventListener('submit', (event) => {
			event.preventDefault();
			const value = Number(new FormData(form).get('guess'));
			reveal(Number.isFinite(value) ? value : null);
		});
		form.querySelector('[data-reveal]')?.addEventListener('click', () => reveal(null));
	}
}

/** The value a control had in the server's HTML: the default view's. */
function defaultOf(input: HTMLInputElement | HTMLSelectElement): string {
	if (input instanceof HTMLSelectElement) return ([...input.options].find((o) => o.defaultSelected) ?? input.options[0])?.value ?? '';
	return input.type === 'checkbox' ? String(input.defaultChecked) : input.defaultValue;
}

if (!customElements.get('sp-demo')) customElements.define('sp-demo', DemoElement);
