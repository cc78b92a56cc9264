/**
 * `<sp-practice-log>` on the progress page: redraws the practice dashboard from the
 * browser's log (and another tab's), downloads the log as CSV, and imports a CSV:
 * read, checked whole (every bad line is listed and nothing changes), previewed as
 * "adds N rows, M already in your log", then merged on confirmation. An import
 * never deletes a row, and never brings back one deleted here (its tombstone stays).
 * An import that would not fit in storage is refused whole.
 *
 *   <sp-practice-log data-storage-key data-site-id>
 *     <div data-log-actions hidden> <button data-action="download-log"> <input type="file" accept=".csv" data-action="import-log"> </div>
 *     <div data-region="log-preview" hidden> <p data-region="log-status" role="status"> <div data-region="log-alert" role="alert">
 *     <div data-practice-dashboard data-months='[{month, from, to}]'>…server-rendered…</div>
 *   </sp-practice-log>
 */
import { ACTION_ATTRIBUTE, REGION_ATTRIBUTE, SITE_ID_ATTRIBUTE } from '../lib/progress/constants';
import type { ProgressStore } from '../lib/progress/store';
import { formatLineProblem, formatLogCsv, parseLogCsv } from '../lib/practice-log/csv';
import { summariseLog, type CourseMonth } from '../lib/practice-log/dashboard';
import { localDate, MAX_LOG_BYTES, type LogRow } from '../lib/practice-log/metrics';
import { mergeLogDetailed } from '../lib/practice-log/merge-log';
import { button, saveFile } from './controls';
import { defineOnce } from './page-store';
import { fullStoreFor } from './full-store';

/** How many refused lines are listed; the rest are counted. */
const LISTED_PROBLEMS = 20;
export const LOG_FILE_NAME = 'log.csv';

function parseMonths(json: string | undefined): CourseMonth[] {
	try {
		const months: unknown = JSON.parse(json ?? '[]');
		return Array.isArray(months) ? (months as CourseMonth[]) : [];
	} catch {
		return [];
	}
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

class PracticeLog extends HTMLElement {
	private store: ProgressStore | null = null;
	private pending: LogRow[] | null = null;
	private drawn = false;

	connectedCallback(): void {
		if (this.store) return;
		this.store = fullStoreFor(this);
		if (!this.store) return;
		// The buttons do nothing without JavaScript, so the page serves them hidden.
		const actions = this.querySelector<HTMLElement>('[data-log-actions]');
		if (actions) actions.hidden = false;
		this.addEventListener('click', (event) => this.onClick(event));
		this.addEventListener('change', (event) => void this.onChange(event));
		this.store.subscribe(() => void this.render());
		void this.render();
	}

	private region(name: string): HTMLElement {
		return this.querySelector<HTMLElement>(`[${REGION_ATTRIBUTE}="${name}"]`)!;
	}

	private async render(): Promise<void> {
		const target = this.querySelector<HTMLElement>('[data-practice-dashboard]');
		if (!target || !this.store) return;
		// The server drew the empty dashboard; Observable Plot (about 90 KB gzip) loads only
		// once there is a row to draw (or after deleting the last one, to draw it empty again).
		if (this.store.log().length === 0 && !this.drawn) return;
		this.drawn = true;
		const started = performance.now();
		const { renderPracticeDashboard } = await import('../lib/practice-log/render');
		const summary = summariseLog(this.store.log(), parseMonths(target.dataset.months));
		target.replaceChildren(renderPracticeDashboard(summary, document));
		// Read by `npm run bench` (the 10,000-row budget); costs nothing to set.
		this.dataset.renderMs = (performance.now() - started).toFixed(1);
	}

	private say(text: string, kind: 'status' | 'alert' = 'status', lines: string[] = []): void {
		this.region(kind === 'status' ? 'log-alert' : 'log-status').replaceChildren();
		const region = this.region(kind === 'status' ? 'log-status' : 'log-alert');
		const message = document.createElement('p');
		message.textContent = text;
		region.replaceChildren(message);
		if (lines.length) {
			const list = document.createElement('ul');
			for (const line of lines) list.append(Object.assign(document.createElement('li'), { textContent: line }));
			region.append(list);
		}
	}

	private closePreview(): void {
		const preview = this.region('log-preview');
		preview.replaceChildren();
		preview.hidden = true;
		this.pending = null;
		this.querySelector<HTMLElement>(`[${ACTION_ATTRIBUTE}="import-log"]`)?.focus();
	}

	private download(): void {
		if (!this.store) return;
		const siteId = this.getAttribute(SITE_ID_ATTRIBUTE) ?? 'practice';
		const fileName = `${siteId}-log-${localDate(Date.now())}.csv`;
		saveFile(formatLogCsv(this.store.log()), fileName, 'text/csv');
		this.say(`Your log (${this.store.log().length} rows) was saved as ${fileName}. To publish it, save it as content/portfolio/${LOG_FILE_NAME}.`);
	}

	private onClick(event: Event): void {
		const action = (event.target as Element).closest?.(`[${ACTION_ATTRIBUTE}]`)?.getAttribute(ACTION_ATTRIBUTE);
		if (action === 'download-log') this.download();
		else if (action === 'apply-log' && this.pending && this.store) {
			const result = this.store.importLog(this.pending);
			this.closePreview();
			if (!result.ok) this.say(result.message, 'alert');
			else {
				const write = this.store.lastWrite();
				const done = `${plural(result.added, 'row')} added${result.updated ? `, ${plural(result.updated, 'row')} updated` : ''}`;
				if (write.saved) this.say(`Import done: ${done} to your log.`);
				else this.say(`${done} for this visit only. ${write.message}`, 'alert');
			}
		} else if (action === 'cancel-log') {
			this.closePreview();
			this.say('Import cancelled; nothing was changed.');
		}
	}

	private async onChange(event: Event): Promise<void> {
		const input = event.target as HTMLInputElement;
		if (input.getAttribute(ACTION_ATTRIBUTE) !== 'import-log' || !this.store) return;
		const file = input.files?.[0];
		input.value = '';
		if (!file) return;
		this.closePreview();
		if (file.size > MAX_LOG_BYTES) {
			this.say(`${file.name} is larger than ${MAX_LOG_BYTES / 1_000_000} MB, far more than a practice log, so it was not read. Nothing was changed.`, 'alert');
			return;
		}
		let text: string;
		try {
			text = await file.text();
		} catch {
			this.say('The file could not be read. Choose it again. Nothing was changed.', 'alert');
			return;
		}
		const parsed = parseLogCsv(text);
		if (!parsed.ok) {
			const { problems } = parsed;
			const listed = problems.slice(0, LISTED_PROBLEMS).map((p) => formatLineProblem(file.name, p));
			if (problems.length > LISTED_PROBLEMS) listed.push(`and ${problems.length - LISTED_PROBLEMS} more`);
			this.say(`${file.name} was not imported: ${problems.length} line${problems.length === 1 ? '' : 's'} cannot be read. Nothing was changed. Fix these lines and import it again:`, 'alert', listed);
			return;
		}
		const { added: adds, updated } = mergeLogDetailed(this.store.log(), parsed.rows, this.store.deleted());
		const already = parsed.rows.length - adds - updated;
		this.say('');
		if (adds === 0 && updated === 0) {
			this.say(`${file.name} has ${plural(parsed.rows.length, 'row')}, all already in your log (or deleted from it). There is nothing new; nothing was changed.`);
			return;
		}
		this.pending = parsed.rows;
		const preview = this.region('log-preview');
		const question = document.createElement('p');
		question.tabIndex = -1;
		const edits = updated ? ` and updates ${plural(updated, 'row')} edited since` : '';
		question.textContent = `${file.name} adds ${plural(adds, 'new row')}${edits} to your log (${already} already in it or deleted from it are skipped; no row is removed). Add them?`;
		preview.replaceChildren(question, button('apply-log', 'Add rows'), button('cancel-log', 'Cancel'));
		preview.hidden = false;
		question.focus();
	}
}

defineOnce('sp-practice-log', PracticeLog);
