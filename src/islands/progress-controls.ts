/**
 * Client island of the dashboard's `<sp-progress-controls>`: export the ticks,
 * log, claims, decisions and deletions to a file, import a file (check, preview,
 * then apply or cancel) and reset the ticks (with an offer to export first, without
 * `confirm()`). The preview names every tick the file would remove; those unticks
 * are applied only with "Apply, removing N ticks" ("Apply, keeping my ticks" keeps
 * them). A file with nothing new says so and asks nothing. An import that does not
 * fit in storage is refused whole, and the message says so. The server renders the
 * element (it may carry `hidden`: the controls do nothing without JavaScript):
 *
 *   <sp-progress-controls data-storage-key data-site-id data-known-ids='["id", ...]' data-renames='{...}' hidden>
 *     <button type="button" data-action="export">Export progress</button>
 *     <label>Import progress file <input type="file" accept=".json,application/json" data-action="import"></label>
 *     <button type="button" data-action="reset">Reset ticks</button>
 *     (optional) <div data-region="preview|reset"></div> <p data-region="status" role="status"></p> <p data-region="alert" role="alert"></p>
 *   </sp-progress-controls>
 *
 * Known ids may instead come from a `<script type="application/json">` child.
 * Regions that are missing are created at the end of the element.
 */
import { ACTION_ATTRIBUTE, CONTROLS_ELEMENT, KNOWN_IDS_ATTRIBUTE, MAX_IMPORT_BYTES, REGION_ATTRIBUTE, RENAMES_ATTRIBUTE, SITE_ID_ATTRIBUTE, STORAGE_KEY_ATTRIBUTE } from '../lib/progress/constants';
import { parseProgressFile } from '../lib/progress/import';
import { mergeRecords, mergeTombstones, previewImport, type ImportPreview } from '../lib/progress/merge-import';
import { mergeLogDetailed } from '../lib/practice-log/merge-log';
import type { ProgressFile } from '../lib/progress/state';
import type { ProgressStore } from '../lib/progress/store';
import { button, saveFile } from './controls';
import { defineOnce, parseRenames } from './page-store';
import { fullStoreFor } from './full-store';

type RegionName = 'preview' | 'reset' | 'status' | 'alert';

const RESET_QUESTION = 'This removes every tick in this browser. Your practice log, claims and decisions stay. Export first?';

/** "1 new tick" / "3 new ticks". */
export function plural(count: number, one: string, many: string): string {
	return `${count} ${count === 1 ? one : many}`;
}

/** What an import adds to the practice log besides the ticks. */
export interface RecordsPreview {
	logRows: number;
	claims: number;
	decisions: number;
	/** Rows, claims and decisions the file deletes here (its tombstones). */
	deletions?: number;
}

/** The first ids of a list and how many more: "w03-read, w04-read and 3 more". */
function listIds(ids: readonly string[], shown = 5): string {
	const head = ids.slice(0, shown).join(', ');
	return ids.length > shown ? `${head} and ${ids.length - shown} more` : head;
}

/** Whether an import would change anything at all. */
export function importChangesNothing(preview: ImportPreview, records?: RecordsPreview): boolean {
	const recordCount = records ? records.logRows + records.claims + records.decisions + (records.deletions ?? 0) : 0;
	return preview.added.length === 0 && preview.changed.length === 0 && recordCount === 0;
}

/**
 * The sentences shown before an import is applied. Unticks are named as unticks:
 * they are applied only when the learner chooses to (the other button keeps them).
 */
export function describePreview(preview: ImportPreview, records?: RecordsPreview): string {
	const ticked = preview.changed.filter((c) => c.to).length;
	const parts = [
		`This file has ${plural(preview.added.length, 'new tick', 'new ticks')}, ${plural(ticked, 'tick', 'ticks')} on items unticked here, ` +
			`${plural(preview.conflictsKeptLocal.length, 'conflict', 'conflicts')} kept local (this browser's record is newer) and ` +
			`${plural(preview.orphaned.length, 'orphaned tick', 'orphaned ticks')} (items this book no longer has; they are kept).`,
	];
	if (preview.unticks.length > 0) {
		parts.push(`${plural(preview.unticks.length, 'tick', 'ticks')} would be removed (the file unticked ${preview.unticks.length === 1 ? 'it' : 'them'} later): ${listIds(preview.unticks)}.`);
	}
	if (records && records.logRows + records.claims + records.decisions + (records.deletions ?? 0) > 0) {
		const removed = records.deletions ? ` It deletes ${plural(records.deletions, 'record', 'records')} you or another browser deleted.` : ' Nothing in your log is removed.';
		parts.push(`It also adds ${plural(records.logRows, 'practice log row', 'practice log rows')}, ${plural(records.claims, 'claim', 'claims')} and ${plural(records.decisions, 'decision', 'decisions')}.${removed}`);
	}
	parts.push(preview.unticks.length > 0 ? 'Apply it with the unticks, or keep your ticks?' : 'Apply it?');
	return parts.join(' ');
}

/** Said before the preview when the file was exported by another copy of the course (a fork, or its original). */
export function describeOtherCopy(fromSiteId: string): string {
	return `This file comes from another copy of this course ("${fromSiteId}"); its ticks use the course's item ids, so they apply here too. `;
}

/** Local calendar date YYYY-MM-DD, for the export file name. */
export function localDate(date: Date): string {
	const pad = (n: number) => String(n).padStart(2, '0');
	return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** Item ids from `data-known-ids` or a JSON script child; anything malformed counts as none. */
function readKnownIds(element: Element): string[] {
	const json = element.getAttribute(KNOWN_IDS_ATTRIBUTE) ?? element.querySelector('script[type="application/json"]')?.textContent;
	try {
		const ids: unknown = JSON.parse(json ?? '[]');
		return Array.isArray(ids) ? ids.filter((id): id is string => typeof id === 'string') : [];
	} catch {
		return [];
	}
}

class ProgressControls extends HTMLElement {
	private store: ProgressStore | null = null;
	private siteId = '';
	private pending: ProgressFile | null = null;
	private clampNote = '';

	connectedCallback(): void {
		if (this.store) return;
		this.store = fullStoreFor(this);
		if (!this.store) return;
		// The key starts `sp:<site id>:`, so a missing data-site-id still has an answer.
		const fromKey = /^sp:([a-z0-9-]+):/.exec(this.getAttribute(STORAGE_KEY_ATTRIBUTE) ?? '')?.[1];
		this.siteId = this.getAttribute(SITE_ID_ATTRIBUTE) ?? fromKey ?? '';
		this.hidden = false;
		this.addEventListener('click', (event) => this.onClick(event));
		this.addEventListener('change', (event) => void this.onChange(event));
	}

	private region(name: RegionName): HTMLElement {
		let element = this.querySelector<HTMLElement>(`[${REGION_ATTRIBUTE}="${name}"]`);
		if (!element) {
			element = document.createElement(name === 'status' || name === 'alert' ? 'p' : 'div');
			element.setAttribute(REGION_ATTRIBUTE, name);
			if (name === 'status' || name === 'alert') element.setAttribute('role', name);
			this.append(element);
		}
		return element;
	}

	/** Fills the status (or alert) line and empties the other, so only the latest message is read. */
	private say(text: string, kind: 'status' | 'alert' = 'status'): void {
		this.region(kind === 'status' ? 'alert' : 'status').textContent = '';
		this.region(kind).textContent = text;
	}

	/** Shows a question with buttons in a region and moves focus to the question. */
	private ask(name: 'preview' | 'reset', question: string, buttons: HTMLButtonElement[]): void {
		const region = this.region(name);
		const text = document.createElement('p');
		text.tabIndex = -1;
		text.textContent = question;
		region.replaceChildren(text, ...buttons);
		region.hidden = false;
		text.focus();
	}

	/** Hides a question and returns focus to the control that opened it. */
	private close(name: 'preview' | 'reset', focusAction: string): void {
		const region = this.region(name);
		region.replaceChildren();
		region.hidden = true;
		this.querySelector<HTMLElement>(`[${ACTION_ATTRIBUTE}="${focusAction}"]`)?.focus();
	}

	private exportNow(): void {
		if (!this.store) return;
		const fileName = `progress-${this.siteId}-${localDate(new Date())}.json`;
		saveFile(this.store.exportFile(this.siteId), fileName, 'application/json');
		this.say(`Your progress was saved as ${fileName}.`);
	}

	private resetNow(): void {
		if (!this.store) return;
		this.store.reset();
		this.close('reset', 'reset');
		const write = this.store.lastWrite();
		if (write.saved) this.say('Every tick in this browser was removed. Your practice log, claims and decisions were kept.');
		else this.say(`The ticks were removed on this page only. ${write.message}`, 'alert');
	}

	private onClick(event: Event): void {
		const action = (event.target as Element).closest?.(`[${ACTION_ATTRIBUTE}]`)?.getAttribute(ACTION_ATTRIBUTE);
		if (action === 'export') this.exportNow();
		else if (action === 'reset') {
			this.ask('reset', RESET_QUESTION, [
				button('export-reset', 'Export, then reset'),
				button('reset-now', 'Reset without export'),
				button('cancel-reset', 'Cancel'),
			]);
		} else if (action === 'export-reset') {
			this.exportNow();
			this.resetNow();
		} else if (action === 'reset-now') this.resetNow();
		else if (action === 'cancel-reset') this.close('reset', 'reset');
		else if (action === 'apply-import') this.applyImport(false);
		else if (action === 'apply-import-keep') this.applyImport(true);
		else if (action === 'cancel-import') {
			this.pending = null;
			this.close('preview', 'import');
			this.say('Import cancelled; nothing was changed.');
		}
	}

	private async onChange(event: Event): Promise<void> {
		const input = event.target as HTMLInputElement;
		if (input.getAttribute(ACTION_ATTRIBUTE) !== 'import' || !this.store) return;
		const file = input.files?.[0];
		input.value = '';
		if (!file) return;
		this.pending = null;
		this.close('preview', 'import');
		let text: string;
		try {
			// One byte past the limit is enough for parseProgressFile to refuse a large file unread.
			text = await file.slice(0, MAX_IMPORT_BYTES + 1).text();
		} catch {
			this.say('The file could not be read. Choose it again, or export it again from the book.', 'alert');
			return;
		}
		const parsed = parseProgressFile(text, { siteId: this.siteId, maxBytes: MAX_IMPORT_BYTES });
		if (!parsed.ok) {
			this.say(parsed.error, 'alert');
			return;
		}
		const { log, claims, decisions, deleted } = this.store.snapshot();
		const tombstones = mergeTombstones(deleted, parsed.file.deleted);
		const merged = mergeLogDetailed(log, parsed.file.log, tombstones);
		const live = <T extends { id: string }>(records: readonly T[]) => records.filter((r) => !Object.hasOwn(tombstones, r.id)).length;
		const records: RecordsPreview = {
			logRows: merged.added + merged.updated,
			claims: live(mergeRecords(claims, parsed.file.claims)) - live(claims),
			decisions: live(mergeRecords(decisions, parsed.file.decisions)) - live(decisions),
			deletions: [...log, ...claims, ...decisions].filter((r) => Object.hasOwn(tombstones, r.id)).length,
		};
		const preview = previewImport(this.store.snapshot().ticks, parsed.file, {
			siteId: this.siteId,
			knownIds: readKnownIds(this),
			renames: new Map(parseRenames(this.getAttribute(RENAMES_ATTRIBUTE))),
		});
		this.clampNote = parsed.clampedTimes
			? ` ${plural(parsed.clampedTimes, 'time', 'times')} in the file ${parsed.clampedTimes === 1 ? 'was' : 'were'} ahead of this computer's clock and ${parsed.clampedTimes === 1 ? 'was' : 'were'} read as now.`
			: '';
		this.say('');
		if (importChangesNothing(preview, records)) {
			this.say(`There is nothing new in ${file.name}: everything in it is already in this browser. Nothing was changed.`);
			return;
		}
		this.pending = parsed.file;
		const buttons = preview.unticks.length
			? [button('apply-import', `Apply, removing ${plural(preview.unticks.length, 'tick', 'ticks')}`), button('apply-import-keep', 'Apply, keeping my ticks'), button('cancel-import', 'Cancel')]
			: [button('apply-import', 'Apply import'), button('cancel-import', 'Cancel')];
		this.ask('preview', `${parsed.fromOtherCopy ? describeOtherCopy(parsed.fromOtherCopy) : ''}${describePreview(preview, records)}${this.clampNote}`, buttons);
	}

	private applyImport(keepTicks: boolean): void {
		if (!this.store || !this.pending) return;
		const result = this.store.importFile(this.pending, { keepTicks });
		this.pending = null;
		this.close('preview', 'import');
		if (!result.ok) return this.say(result.message, 'alert');
		const write = this.store.lastWrite();
		if (!write.saved) return this.say(`The file was merged for this visit only. ${write.message}`, 'alert');
		this.say(`Import done: the file was merged with the ticks and log in this browser${keepTicks ? ', keeping your ticks' : ''}.${this.clampNote}`);
	}
}

defineOnce(CONTROLS_ELEMENT, ProgressControls);
