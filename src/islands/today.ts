/**
 * `<sp-today>`: today's drill. Picks the drill from the start date and the weekday
 * (lib/drills/select.ts), fetches that week's drill file only when the card is in
 * view, and records every answer in the progress store: attempts and FSRS cards in
 * the drill record, rows (estimates, shapes, explain scores) in the practice log.
 * Misses come back through the review cards; Friday lists the week's misses.
 */
import { defineOnce } from './page-store';
import { LogElement } from './log-store';
import { localDate, weekOfDate, type LogRow } from '../lib/practice-log/metrics';
import { effectiveStartDate } from '../lib/schedule';
import { selectToday, allDrills, type BankIndex, type Today } from '../lib/drills/select';
import { dueDrills, weekMisses } from '../lib/drills/queue';
import { judgeEstimate, parseEstimate } from '../lib/drills/estimate';
import { attemptId, MAX_PARAGRAPH, type Attempt, type DrillState } from '../lib/drills/state';
import { drillStateProblem } from '../lib/drills/validate';
import type { ServedDrill, ServedWeek } from '../lib/drills/served';

const SHAPES = ['symmetric', 'right-skewed', 'left-skewed', 'bimodal', 'uniform-ish', 'heavy-tailed'] as const;
const DAY_NAMES: Record<string, string> = { sunday: 'Sunday', monday: 'Monday', tuesday: 'Tuesday', wednesday: 'Wednesday', thursday: 'Thursday', friday: 'Friday', saturday: 'Saturday' };

/** Builds an element with attributes and children (text is always text, never HTML). */
function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
	const node = document.createElement(tag);
	for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
	node.append(...children);
	return node;
}

/** HTML the build made (highlighted code, rendered inline Markdown): never learner text. */
function built(tag: 'div' | 'p', html: string, attrs: Record<string, string> = {}): HTMLElement {
	const node = el(tag, attrs);
	node.innerHTML = html;
	return node;
}

const format = (x: number) => (Math.abs(x) >= 100 ? x.toFixed(0) : Math.abs(x) >= 1 ? x.toFixed(2).replace(/\.?0+$/, '') : x.toPrecision(2));

let uid = 0;
const nextId = (prefix: string) => `${prefix}-${(uid += 1)}`;

class TodayElement extends LogElement {
	private index: BankIndex = {};
	private weeks = new Map<number, Promise<ServedWeek | null>>();
	private visible = false;
	/** Key of what is drawn (day and week); redrawing on every store change would wipe what the learner is typing. */
	private drawn = '';

	connectedCallback(): void {
		try {
			this.index = JSON.parse(this.querySelector('[data-index]')?.textContent ?? '{}') as BankIndex;
		} catch {
			this.index = {};
		}
		// Fetch nothing until the card is on screen.
		const observer = new IntersectionObserver((entries) => {
			if (!entries.some((e) => e.isIntersecting)) return;
			observer.disconnect();
			this.visible = true;
			this.render();
		}, { rootMargin: '200px 0px' });
		observer.observe(this);
		// The card's box has a fixed height (no layout shift as it fills in); it opens on the learner's first input,
		// which the layout-shift metric does not count against the page.
		// What was scrolled into view inside the box stays where it is on screen (under the pointer, say).
		const open = () => {
			const frame = this.querySelector<HTMLElement>('[data-frame]');
			if (!frame || frame.classList.contains('is-open')) return;
			const scrolled = frame.scrollTop;
			frame.classList.add('is-open');
			if (scrolled > 0) window.scrollBy(0, scrolled);
		};
		for (const type of ['pointerdown', 'keydown', 'focusin']) this.addEventListener(type, open);
		super.connectedCallback();
	}

	private week(n: number): Promise<ServedWeek | null> {
		if (!this.weeks.has(n)) {
			const url = (this.dataset.url ?? '').replace('{week}', String(n).padStart(2, '0'));
			this.weeks.set(n, fetch(url).then((r) => (r.ok ? (r.json() as Promise<ServedWeek>) : null)).catch(() => null));
		}
		return this.weeks.get(n)!;
	}

	private async drill(ref: { id: string; week: number }): Promise<ServedDrill | null> {
		return (await this.week(ref.week))?.drills.find((d) => d.id === ref.id) ?? null;
	}

	private startDate(): string | null {
		return effectiveStartDate(this.dataset.startDate || null, this.store?.snapshot().settings.startDate);
	}

	protected render(): void {
		if (!this.store || !this.visible) return;
		const problem = drillStateProblem(this.store.drills());
		if (problem) {
			// Never written over: the record stays as it is (export keeps it) and the card says why it cannot go on.
			const notice = this.querySelector<HTMLElement>('[data-notice]')!;
			notice.textContent = `Your drill record in this browser could not be read (${problem}), so it was left unchanged and drills are paused. Export your progress to keep a copy.`;
			notice.hidden = false;
			this.querySelector('[data-body]')!.replaceChildren();
			this.drawn = '';
			return;
		}
		const now = Date.now();
		const today = localDate(now);
		const due = dueDrills(this.store.drills(), now);
		const selection = selectToday({ today, startDate: this.startDate(), index: this.index, due });
		// The day and week decide what is drawn; an answer (here or in another tab) must not redraw the card under the learner's feedback.
		const key = JSON.stringify([today, selection.week, selection.noStartDate, selection.beforeStart]);
		if (key === this.drawn) return;
		this.drawn = key;
		void this.draw(selection);
	}

	private async draw(t: Today): Promise<void> {
		const when = this.querySelector<HTMLElement>('[data-when]')!;
		const notice = this.querySelector<HTMLElement>('[data-notice]')!;
		const body = this.querySelector<HTMLElement>('[data-body]')!;
		when.textContent = `Week ${t.week} · ${DAY_NAMES[t.weekday]}`;
		notice.replaceChildren();
		notice.hidden = !(t.noStartDate || t.beforeStart);
		if (t.noStartDate) notice.append('No start date is set, so this is week 1. ', el('a', { href: this.dataset.dates ?? '#' }, 'Set the day you start'), ' and the drills follow your week.');
		else if (t.beforeStart) notice.append('Your start date is still ahead: a taste of week 1. ');

		const sections: HTMLElement[] = [];
		if (t.mode === 'drill') {
			for (const ref of t.drills) {
				const drill = await this.drill(ref);
				if (drill) sections.push(this.drillForm(drill, t));
			}
			if (t.drills.length === 0) sections.push(el('p', {}, `There is no drill for ${DAY_NAMES[t.weekday]} yet.`));
		} else if (t.mode === 'review') {
			sections.push(this.fridayReview(t));
		} else {
			sections.push(el('p', {}, 'The weekend has no drill of its own: ten minutes on what this week left open.'));
			const record = this.store!.drills();
			const misses = weekMisses(t.week, record, this.store!.log(), (id) => id);
			// A miss that is due already shows under "Due for review" below.
			const missed = misses.filter((m) => m.drill && !t.due.includes(m.drill));
			for (const miss of missed) {
				const drill = await this.drill({ id: miss.drill!, week: allDrills(this.index).get(miss.drill!) ?? t.week });
				if (drill) sections.push(this.drillForm(drill, t));
			}
			// Nothing missed: one of the week's spare drills the learner has not tried yet, so extra material is not wasted.
			const tried = new Set(Object.values(record.attempts).map((a) => a.drill));
			const spare = misses.length === 0 ? t.spare.find((ref) => !tried.has(ref.id)) : undefined;
			const drill = spare ? await this.drill(spare) : null;
			if (drill) sections.push(el('p', {}, 'Nothing missed this week. Here is one of its drills you have not met:'), this.drillForm(drill, t));
		}
		if (t.shape) {
			const shape = await this.drill(t.shape);
			if (shape && shape.id !== t.drills[0]?.id) sections.push(this.drillForm(shape, t, 'Statistical intuition (10 minutes)'));
		}
		if (t.due.length > 0) {
			const list = el('section', { class: 'today-due' }, el('h3', {}, `Due for review (${t.due.length})`), el('p', {}, 'You missed these before; they come back until you get them right.'));
			const byId = allDrills(this.index);
			for (const id of t.due) {
				const drill = await this.drill({ id, week: byId.get(id) ?? t.week });
				if (drill) list.append(this.drillForm(drill, t));
			}
			sections.push(list);
		}
		body.replaceChildren(...sections);
	}

	/** Writes a change to the drill record after checking its result, so a bug cannot store what the next load would refuse. */
	private update(change: (d: DrillState) => DrillState, rows: LogRow[] = []): void {
		const problem = drillStateProblem(change(this.store!.drills()));
		if (problem) throw new TypeError(`drill record: ${problem}`);
		this.store!.updateDrills(change, rows);
	}

	/** Stores an answer: the attempt, the review card (FSRS, loaded only now) and the log rows, in one write. */
	private async record(drill: ServedDrill, t: Today, answer: Omit<Attempt, 'drill' | 'at' | 'date' | 'week'>, rows: Omit<LogRow, 'date' | 'week'>[]): Promise<void> {
		const store = this.store!;
		const at = Date.now();
		const date = localDate(at);
		const week = weekOfDate(date, this.startDate());
		const attempt: Attempt = { drill: drill.id, at, date, week: this.startDate() ? week : t.week, ...answer };
		let card = store.drills().cards[drill.id];
		if (answer.right !== null) {
			const { reviewDrill } = await import('../lib/drills/review');
			card = reviewDrill(card, answer.right, at) ?? card;
		}
		const id = attemptId(drill.id, at);
		this.update(
			(d: DrillState) => ({ ...d, attempts: { ...d.attempts, [id]: attempt }, cards: card ? { ...d.cards, [drill.id]: card } : d.cards }),
			rows.map((r) => ({ ...r, date, week: attempt.week })),
		);
	}

	private drillForm(drill: ServedDrill, t: Today, heading = `${drill.day}: ${drill.title}`): HTMLElement {
		const section = el('section', { class: `today-drill today-${drill.kind}`, 'data-drill': drill.id });
		section.append(el('h3', {}, heading), built('p', drill.prompt, { class: 'today-prompt' }));
		if (drill.dataset) section.append(el('p', { class: 'today-meta' }, `Data: ${drill.dataset} · Week ${drill.week} · `, el('a', { href: drill.concept.href }, drill.concept.term)));
		const form = el('form', { class: 'today-form' });
		const status = el('p', { class: 'today-status', role: 'status' });
		const reveal = el('div', { class: 'today-reveal' });
		form.addEventListener('submit', (e) => e.preventDefault());
		section.append(form, reveal, status);
		if (drill.kind === 'explain') this.explain(drill, t, form, reveal, status);
		else if (drill.kind === 'estimate') this.estimate(drill, t, form, reveal, status);
		else if (drill.kind === 'shape') this.shape(drill, t, form, reveal, status);
		else this.recall(drill, t, form, reveal, status);
		return section;
	}

	private field(label: string, control: HTMLElement, hint?: string): HTMLElement {
		const id = nextId('today-field');
		control.id = id;
		const wrap = el('p', { class: 'today-field' }, el('label', { for: id }, label), control);
		if (hint) {
			const hintId = `${id}-hint`;
			control.setAttribute('aria-describedby', hintId);
			wrap.append(el('span', { id: hintId, class: 'today-hint' }, hint));
		}
		return wrap;
	}

	private explain(drill: ServedDrill, t: Today, form: HTMLFormElement, reveal: HTMLElement, status: HTMLElement): void {
		const store = this.store!;
		const text = el('textarea', { rows: '6', maxlength: String(MAX_PARAGRAPH) });
		text.value = store.drills().paragraphs[drill.id]?.text ?? '';
		let timer: ReturnType<typeof setTimeout> | undefined;
		const keep = () => {
			clearTimeout(timer);
			timer = undefined;
			const value = { text: text.value, at: Date.now() };
			this.update((d) => ({ ...d, paragraphs: { ...d.paragraphs, [drill.id]: value } }));
		};
		text.addEventListener('input', () => {
			clearTimeout(timer);
			// Kept as the learner types (after a pause), so a reload or another tab never loses the paragraph.
			timer = setTimeout(() => {
				keep();
				status.textContent = 'Paragraph kept in this browser.';
			}, 600);
		});
		const show = el('button', { type: 'button' }, 'Reveal the book’s definition');
		form.append(this.field('Your paragraph (notes closed)', text), el('p', {}, show));
		show.addEventListener('click', () => {
			show.disabled = true;
			const scores = el('fieldset', { class: 'today-choices' }, el('legend', {}, 'Score your paragraph: one point for each that it has'));
			['0', '1', '2', '3', '4'].forEach((v) => {
				const id = nextId('today-score');
				scores.append(el('span', {}, el('input', { type: 'radio', name: `${drill.id}-score`, id, value: v }), el('label', { for: id }, v)));
			});
			const save = el('button', { type: 'button' }, 'Save score');
			reveal.append(
				el('h4', {}, `The book’s definition of ${drill.concept.term}`),
				built('div', drill.concept.definition, { class: 'today-definition' }),
				el('p', {}, 'The rubric, one point each: a plain definition; an example with a number in it; what it does not mean (a limit); and no statement the book contradicts.'),
				scores,
				el('p', {}, save),
			);
			save.addEventListener('click', async () => {
				const chosen = scores.querySelector<HTMLInputElement>('input:checked');
				if (!chosen) {
					status.textContent = 'Pick a score from 0 to 4 first.';
					return;
				}
				const score = Number(chosen.value);
				save.disabled = true;
				// A paragraph still waiting for its pause is kept now: its "kept" notice would
				// otherwise land after, and hide, the score's.
				if (timer !== undefined) keep();
				await this.record(drill, t, { right: score >= 3, value: score }, [{ metric: 'communication', value: score, unit: 'of 4', note: `Drill: ${drill.id} — explain ${drill.concept.term}` }]);
				status.textContent = `Logged: communication ${score} of 4.${score < 3 ? ' This concept comes back for another try.' : ''}`;
			});
		});
	}

	private estimate(drill: ServedDrill, t: Today, form: HTMLFormElement, reveal: HTMLElement, status: HTMLElement): void {
		const input = el('input', { type: 'text', inputmode: 'decimal', autocomplete: 'off' });
		const error = el('p', { class: 'today-error', role: 'alert' });
		const check = el('button', { type: 'submit' }, 'Check');
		const unit = drill.unit ? ` (${drill.unit})` : '';
		form.append(this.field(`Your estimate${unit}`, input, `Right if ${drill.toleranceText}.${drill.share ? ' A share: 0.36 or 36%.' : ''}`), error, el('p', {}, check));
		form.addEventListener('submit', async () => {
			const value = parseEstimate(input.value, { share: drill.share });
			if (value === null) {
				error.textContent = input.value.trim() === '' ? 'Type a number first.' : `“${input.value.trim().slice(0, 40)}” is not a number; type digits such as 197 or 0.36.`;
				input.setAttribute('aria-invalid', 'true');
				input.focus();
				return;
			}
			error.textContent = '';
			input.removeAttribute('aria-invalid');
			check.disabled = true;
			input.readOnly = true;
			const v = judgeEstimate(value, drill.truth!, drill.tolerance!);
			const rel = v.relativeGap === null ? '' : ` (${Math.round(v.relativeGap * 100)}% of the true value)`;
			reveal.append(
				el('p', { class: v.right ? 'today-right' : 'today-wrong' }, el('strong', {}, v.right ? 'Right' : 'Not this time'), `: the true value is ${drill.truth}${drill.unit ? ` ${drill.unit}` : ''}; you said ${format(value)}, off by ${format(Math.abs(v.gap))}${rel}. Right means ${drill.toleranceText}.`),
				...drill.reveal.map((r) => built('div', r.html, { class: 'today-code' })),
			);
			await this.record(drill, t, { right: v.right, value }, [{ metric: 'intuition_correct', value: v.right ? 1 : 0, unit: 'guess', note: `Drill: ${drill.id} — ${drill.text}`.slice(0, 2000) }]);
			status.textContent = `Logged to your practice log as an intuition row (${v.right ? 'right' : 'wrong'}).${v.right ? '' : ' It comes back for review.'}`;
		});
	}

	private shape(drill: ServedDrill, t: Today, form: HTMLFormElement, reveal: HTMLElement, status: HTMLElement): void {
		const shapes = el('fieldset', { class: 'today-choices' }, el('legend', {}, 'Its shape'));
		for (const s of SHAPES) {
			const id = nextId('today-shape');
			shapes.append(el('span', {}, el('input', { type: 'radio', name: `${drill.id}-shape`, id, value: s }), el('label', { for: id }, s)));
		}
		const centre = el('input', { type: 'text', inputmode: 'decimal', autocomplete: 'off' });
		const spread = el('input', { type: 'text', inputmode: 'decimal', autocomplete: 'off' });
		const go = el('button', { type: 'submit' }, 'Reveal the histogram');
		const error = el('p', { class: 'today-error', role: 'alert' });
		form.append(shapes, this.field('Rough centre (median)', centre), this.field('Rough spread (standard deviation)', spread), error, el('p', {}, go));
		form.addEventListener('submit', () => {
			const picked = shapes.querySelector<HTMLInputElement>('input:checked')?.value;
			const c = centre.value.trim() === '' ? undefined : parseEstimate(centre.value);
			const s = spread.value.trim() === '' ? undefined : parseEstimate(spread.value);
			if (!picked || c === null || s === null) {
				error.textContent = !picked ? 'Pick a shape first.' : 'Centre and spread must be numbers (or left empty).';
				return;
			}
			error.textContent = '';
			go.disabled = true;
			const fig = drill.figure!;
			const img = el('img', { src: fig.src, alt: fig.alt, ...(fig.width ? { width: String(fig.width), height: String(fig.height) } : {}) });
			const right = el('button', { type: 'button' }, 'My shape was right');
			const wrong = el('button', { type: 'button', class: 'secondary' }, 'It was not');
			reveal.append(img, el('p', {}, `Computed: ${drill.summary}. You said ${picked}${c !== undefined ? `, centre ${c}` : ''}${s !== undefined ? `, spread ${s}` : ''}.`), el('p', {}, right, ' ', wrong));
			const answer = async (ok: boolean) => {
				right.disabled = wrong.disabled = true;
				await this.record(drill, t, { right: ok, note: picked }, [{ metric: 'intuition_correct', value: ok ? 1 : 0, unit: 'guess', note: `Drill: ${drill.id} — ${drill.text} I said ${picked}.`.slice(0, 2000) }]);
				status.textContent = `Logged to your practice log as an intuition row (${ok ? 'right' : 'wrong'}).`;
			};
			right.addEventListener('click', () => void answer(true));
			wrong.addEventListener('click', () => void answer(false));
		});
	}

	/** Tuesday's pandas and Thursday's golf: try from memory, then compare with the references. */
	private recall(drill: ServedDrill, t: Today, form: HTMLFormElement, reveal: HTMLElement, status: HTMLElement): void {
		const golf = drill.kind === 'golf';
		const code = el('textarea', { rows: '5', spellcheck: 'false', });
		const show = el('button', { type: 'submit' }, golf ? 'Show the plain and the short solution' : 'Show the reference solution');
		form.append(this.field(golf ? 'Your solution (as few readable lines as you can)' : 'Your code, from memory', code), el('p', {}, show));
		form.addEventListener('submit', () => {
			show.disabled = true;
			for (const r of drill.reveal) reveal.append(el('h4', {}, golf ? `${r.label}: ${r.lines} line${r.lines === 1 ? '' : 's'}` : r.label), built('div', r.html, { class: 'today-code' }));
			const save = el('button', { type: 'button' }, 'Save');
			if (golf) {
				const lines = el('input', { type: 'number', min: '1', step: '1' });
				lines.value = String(code.value.split('\n').filter((l) => l.trim() && !l.trim().startsWith('#')).length || '');
				reveal.append(this.field('Your line count', lines), el('p', {}, save));
				save.addEventListener('click', async () => {
					const n = Number(lines.value);
					if (!Number.isInteger(n) || n < 1) {
						status.textContent = 'Give your line count as a whole number.';
						return;
					}
					save.disabled = true;
					const against = drill.reveal.map((r) => `${r.lines} (${r.label.toLowerCase()})`).join(' and ');
					await this.record(drill, t, { right: null, value: n }, [{ metric: 'golf_lines', value: n, unit: 'lines', note: `Drill: ${drill.id} — references ${against}` }]);
					status.textContent = `Logged: ${n} lines against ${against}.`;
				});
			} else {
				const verdict = el('fieldset', { class: 'today-choices' }, el('legend', {}, 'Did yours do the same?'));
				for (const [v, label] of [['right', 'Right'], ['wrong', 'Wrong']] as const) {
					const id = nextId('today-verdict');
					verdict.append(el('span', {}, el('input', { type: 'radio', name: `${drill.id}-verdict`, id, value: v }), el('label', { for: id }, label)));
				}
				const looked = el('input', { type: 'text', maxlength: '500' });
				reveal.append(verdict, this.field('What I had to look up', looked), el('p', {}, save));
				save.addEventListener('click', async () => {
					const v = verdict.querySelector<HTMLInputElement>('input:checked')?.value;
					if (!v) {
						status.textContent = 'Say whether yours was right first.';
						return;
					}
					save.disabled = true;
					const lookedUp = looked.value.trim();
					const note = `Drill: ${drill.id}${lookedUp ? ` — looked up: ${lookedUp}` : ''}`.slice(0, 2000);
					await this.record(drill, t, { right: v === 'right', ...(lookedUp ? { note: lookedUp } : {}) }, [{ metric: 'recall_correct', value: v === 'right' ? 1 : 0, unit: 'task', note }]);
					status.textContent = `Logged to your practice log as a recall row (${v}).${v === 'right' ? '' : ' This one comes back for review.'}`;
				});
			}
		});
	}

	private fridayReview(t: Today): HTMLElement {
		const store = this.store!;
		const byId = allDrills(this.index);
		const misses = weekMisses(t.week, store.drills(), store.log(), (id) => `${id} (week ${byId.get(id) ?? '?'})`);
		const section = el('section', { class: 'today-drill today-review' }, el('h3', {}, 'Friday: mistake analysis'));
		if (misses.length === 0) section.append(el('p', {}, 'No misses logged this week: no wrong estimates or guesses, no claims that failed, no wrong decisions, no overrun timers.'));
		else section.append(el('p', {}, `This week's misses (${misses.length}):`), el('ul', { class: 'today-misses' }, ...misses.map((m) => el('li', {}, `${m.date} · ${m.kind}: ${m.text}`))));
		const text = el('textarea', { rows: '3', maxlength: String(MAX_PARAGRAPH) });
		text.value = store.drills().patterns[String(t.week)]?.text ?? '';
		const save = el('button', { type: 'button' }, 'Save the pattern');
		const status = el('p', { class: 'today-status', role: 'status' });
		section.append(this.field('The one pattern behind most of them', text), el('p', {}, save), status);
		save.addEventListener('click', () => {
			const value = { text: text.value.trim(), at: Date.now() };
			if (!value.text) {
				status.textContent = 'Write the pattern first.';
				return;
			}
			// The pattern is also a log row (the plan's "saved as a note row"), written again only when its text changed.
			const changed = store.drills().patterns[String(t.week)]?.text !== value.text;
			const rows = changed ? [{ date: localDate(value.at), week: t.week, metric: 'mistake_pattern' as const, value: misses.length, unit: 'misses', note: value.text.slice(0, 2000) }] : [];
			this.update((d) => ({ ...d, patterns: { ...d.patterns, [String(t.week)]: value } }), rows);
			status.textContent = changed ? `Saved as week ${t.week}'s pattern and logged as a mistake_pattern row (${misses.length} miss${misses.length === 1 ? '' : 'es'}).` : `Week ${t.week}'s pattern is already saved.`;
		});
		return section;
	}
}

defineOnce('sp-today', TodayElement);
