/**
 * The client islands on a server-rendered page (linkedom as the DOM, the fake
 * storage as localStorage): checklist and meter upgrade the markup and stay in
 * sync; the notice shows; the dashboard controls export, import (preview,
 * apply, cancel, reject) and reset without confirm().
 */
import { parseHTML } from 'linkedom';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { FakeStorage } from '../support/fake-storage';

const { window, document, HTMLElement, customElements, Event } = parseHTML('<!doctype html><html><body></body></html>');
const fake = new FakeStorage();
let blocked = false;
let keyCount = 0;
let key = '';

beforeAll(async () => {
	Object.defineProperty(window, 'localStorage', {
		configurable: true,
		get() {
			if (blocked) throw new DOMException('The operation is insecure.', 'SecurityError');
			return fake;
		},
	});
	Object.assign(globalThis, { window, document, HTMLElement, customElements });
	vi.useFakeTimers({ toFake: ['Date'] });
	vi.setSystemTime(new Date('2025-06-01T09:00:00Z'));
	await import('../../src/islands/checklist');
	await import('../../src/islands/progress-meter');
	await import('../../src/islands/progress-controls');
});

afterAll(() => {
	vi.useRealTimers();
});

beforeEach(() => {
	blocked = false;
	// A fresh key per test: the islands keep one store per key for the whole page.
	keyCount += 1;
	key = `sp:ai-eng-plan:/t${keyCount}/:progress`;
});

const NOTICE = '<sp-progress-notice role="status" aria-live="polite" hidden></sp-progress-notice>';

function mount(html: string): void {
	document.body.innerHTML = NOTICE + html;
}

function checklist(ids: string[], renames = '{}'): string {
	const boxes = ids.map((id) => `<label><input type="checkbox" data-item="${id}"> ${id}</label>`).join('');
	return `<sp-checklist data-storage-key="${key}" data-renames='${renames}'>${boxes}</sp-checklist>`;
}

function meter(ids: string[]): string {
	return `<sp-progress-meter data-storage-key="${key}" data-items="${ids.join(' ')}"><progress value="0" max="${ids.length}"></progress><span data-count>0 of ${ids.length} done</span></sp-progress-meter>`;
}

function box(id: string): HTMLInputElement {
	return document.querySelector(`input[data-item="${id}"]`) as unknown as HTMLInputElement;
}

function tick(id: string, checked: boolean): void {
	const input = box(id);
	input.checked = checked;
	input.dispatchEvent(new Event('change', { bubbles: true }));
}

function storedTicks(): Record<string, { checked: boolean; at: number }> {
	return JSON.parse(fake.peek(key) ?? '{"ticks":{}}').ticks;
}

function text(selector: string): string {
	return document.querySelector(selector)?.textContent ?? '';
}

describe('sp-checklist and sp-progress-meter', () => {
	it('set the boxes and the meter from what is stored', () => {
		fake.setItem(key, JSON.stringify({ version: 1, ticks: { a: { checked: true, at: 1 }, b: { checked: false, at: 1 } }, settings: {} }));
		mount(checklist(['a', 'b']) + meter(['a', 'b', 'c']));
		expect(box('a').checked).toBe(true);
		expect(box('b').checked).toBe(false);
		expect(text('[data-count]')).toBe('1 of 3 done');
		expect((document.querySelector('progress') as unknown as HTMLProgressElement).value).toBe(1);
		expect(document.querySelector('sp-progress-notice')?.hasAttribute('hidden')).toBe(true);
	});

	it('save a change at once and update every view of the same item', () => {
		mount(checklist(['a', 'b']) + checklist(['a']) + meter(['a', 'b']));
		tick('b', true);
		expect(storedTicks().b).toEqual({ checked: true, at: Date.UTC(2025, 5, 1, 9) });
		expect(text('[data-count]')).toBe('1 of 2 done');
		const [first, second] = document.querySelectorAll('input[data-item="a"]') as unknown as HTMLInputElement[];
		first.checked = true;
		first.dispatchEvent(new Event('change', { bubbles: true }));
		expect(second.checked).toBe(true);
		expect(text('[data-count]')).toBe('2 of 2 done');
	});

	it('follow another tab through the window storage event', () => {
		mount(checklist(['a']) + meter(['a']));
		fake.openTab().setItem(key, JSON.stringify({ version: 1, ticks: { a: { checked: true, at: 5 } }, settings: {} }));
		window.dispatchEvent(Object.assign(new Event('storage'), { key }));
		expect(box('a').checked).toBe(true);
		expect(text('[data-count]')).toBe('1 of 1 done');
	});

	it('carry a tick over from a renamed id', () => {
		fake.setItem(key, JSON.stringify({ version: 1, ticks: { 'old-id': { checked: true, at: 5 } }, settings: {} }));
		mount(checklist(['new-id'], '{"old-id":"new-id"}'));
		expect(box('new-id').checked).toBe(true);
	});

	it('show the notice when storage is blocked, and keep ticking in memory', () => {
		blocked = true;
		mount(checklist(['a']) + meter(['a']));
		const notice = document.querySelector('sp-progress-notice');
		expect(notice?.hasAttribute('hidden')).toBe(false);
		expect(notice?.textContent).toMatch(/cannot be saved in this browser/);
		tick('a', true);
		expect(text('[data-count]')).toBe('1 of 1 done');
		expect(fake.peek(key)).toBeNull();
	});
});

function controls(knownIds: string[]): string {
	return (
		`<sp-progress-controls data-storage-key="${key}" data-site-id="ai-eng-plan" data-known-ids='${JSON.stringify(knownIds)}' hidden>` +
		'<button type="button" data-action="export">Export progress</button>' +
		'<label>Import progress file <input type="file" accept=".json" data-action="import"></label>' +
		'<button type="button" data-action="reset">Reset progress</button>' +
		'</sp-progress-controls>'
	);
}

function click(selector: string): void {
	const element = document.querySelector(selector);
	if (!element) throw new Error(`no ${selector}`);
	element.dispatchEvent(new Event('click', { bubbles: true }));
}

function chooseFile(content: string): void {
	const input = document.querySelector('input[data-action="import"]');
	if (!input) throw new Error('no file input');
	Object.defineProperty(input, 'files', { configurable: true, value: [new File([content], 'progress.json')] });
	input.dispatchEvent(new Event('change', { bubbles: true }));
}

function exportText(ticks: Record<string, { checked: boolean; at: number }>, siteId = 'ai-eng-plan'): string {
	return JSON.stringify({ format: 'ai-eng-plan-progress', version: 1, siteId, exportedAt: '2025-05-31T12:00:00Z', ticks, settings: {} });
}

describe('sp-progress-controls', () => {
	it('shows itself once upgraded', () => {
		mount(controls([]));
		expect(document.querySelector('sp-progress-controls')?.hasAttribute('hidden')).toBe(false);
	});

	it('exports a file named after the site and the date', async () => {
		fake.setItem(key, JSON.stringify({ version: 1, ticks: { a: { checked: true, at: 1 } }, settings: {} }));
		mount(controls(['a']));
		const blobs: Blob[] = [];
		const created = vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
			blobs.push(blob as Blob);
			return 'blob:test';
		});
		const names: string[] = [];
		const clicked = vi.spyOn(window.HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
			names.push(this.download);
		});
		click('[data-action="export"]');
		expect(names).toEqual(['progress-ai-eng-plan-2025-06-01.json']);
		expect(JSON.parse(await blobs[0].text()).ticks).toEqual({ a: { checked: true, at: 1 } });
		expect(text('[data-region="status"]')).toBe('Your progress was saved as progress-ai-eng-plan-2025-06-01.json.');
		created.mockRestore();
		clicked.mockRestore();
	});

	it('previews an import, then applies it', async () => {
		fake.setItem(key, JSON.stringify({ version: 1, ticks: { mine: { checked: true, at: 50 }, older: { checked: false, at: 1 } }, settings: {} }));
		mount(controls(['mine', 'older', 'fresh']) + checklist(['fresh']));
		chooseFile(exportText({ mine: { checked: false, at: 40 }, older: { checked: true, at: 2 }, fresh: { checked: true, at: 3 }, gone: { checked: true, at: 3 } }));
		await vi.waitFor(() => expect(text('[data-region="preview"] p')).not.toBe(''));
		expect(text('[data-region="preview"] p')).toBe(
			"This file has 2 new ticks, 1 tick on items unticked here, 1 conflict kept local (this browser's record is newer) and 1 orphaned tick (items this book no longer has; they are kept). Apply it?",
		);
		expect(fake.peek(key)).not.toContain('fresh');
		click('[data-action="apply-import"]');
		expect(storedTicks()).toEqual({
			mine: { checked: true, at: 50 },
			older: { checked: true, at: 2 },
			fresh: { checked: true, at: 3 },
			gone: { checked: true, at: 3 },
		});
		expect(box('fresh').checked).toBe(true);
		expect(document.querySelector('[data-region="preview"]')?.hasAttribute('hidden')).toBe(true);
		expect(text('[data-region="status"]')).toMatch(/^Import done/);
	});

	it('names unticks as unticks, and keeps the ticks when asked to', async () => {
		fake.setItem(key, JSON.stringify({ version: 1, ticks: { 'w03-read': { checked: true, at: 5 }, 'w04-read': { checked: true, at: 5 }, kept: { checked: true, at: 5 } }, settings: {} }));
		mount(controls(['w03-read', 'w04-read', 'kept', 'fresh']));
		chooseFile(exportText({ 'w03-read': { checked: false, at: 9 }, 'w04-read': { checked: false, at: 9 }, fresh: { checked: true, at: 3 } }));
		await vi.waitFor(() => expect(document.querySelector('[data-action="apply-import-keep"]')).not.toBeNull());
		expect(text('[data-region="preview"] p')).toContain('2 ticks would be removed (the file unticked them later): w03-read, w04-read.');
		expect(text('[data-region="preview"] p')).toMatch(/Apply it with the unticks, or keep your ticks\?$/);
		const labels = [...document.querySelectorAll('[data-region="preview"] button')].map((b) => b.textContent);
		expect(labels).toEqual(['Apply, removing 2 ticks', 'Apply, keeping my ticks', 'Cancel']);
		click('[data-action="apply-import-keep"]');
		expect(storedTicks()).toEqual({ 'w03-read': { checked: true, at: 5 }, 'w04-read': { checked: true, at: 5 }, kept: { checked: true, at: 5 }, fresh: { checked: true, at: 3 } });
		expect(text('[data-region="status"]')).toMatch(/^Import done.*keeping your ticks/);
	});

	it('says there is nothing new when the same file is imported again', async () => {
		fake.setItem(key, JSON.stringify({ version: 1, ticks: { a: { checked: true, at: 3 } }, settings: {} }));
		mount(controls(['a']));
		const before = fake.peek(key);
		chooseFile(exportText({ a: { checked: true, at: 3 } }));
		await vi.waitFor(() => expect(text('[data-region="status"]')).not.toBe(''));
		expect(text('[data-region="status"]')).toMatch(/^There is nothing new in .*Nothing was changed\.$/);
		expect(document.querySelector('[data-action="apply-import"]')).toBeNull();
		expect(fake.peek(key)).toBe(before);
	});

	it('changes nothing when the import is cancelled', async () => {
		mount(controls(['a']));
		chooseFile(exportText({ a: { checked: true, at: 3 } }));
		await vi.waitFor(() => expect(document.querySelector('[data-action="cancel-import"]')).not.toBeNull());
		click('[data-action="cancel-import"]');
		expect(fake.peek(key)).toBeNull();
		expect(text('[data-region="status"]')).toBe('Import cancelled; nothing was changed.');
	});

	it('shows a bad file’s message in the alert region and changes nothing', async () => {
		const before = JSON.stringify({ version: 1, ticks: { a: { checked: true, at: 1 } }, settings: {} });
		fake.setItem(key, before);
		mount(controls(['a']));
		chooseFile(exportText({ a: { checked: false, at: 9 } }).slice(0, 40));
		await vi.waitFor(() => expect(text('[data-region="alert"]')).not.toBe(''));
		expect(document.querySelector('[data-region="alert"]')?.getAttribute('role')).toBe('alert');
		expect(text('[data-region="alert"]')).toMatch(/not valid JSON/);
		expect(document.querySelector('[data-action="apply-import"]')).toBeNull();
		expect(fake.peek(key)).toBe(before);
	});

	it('says a file comes from another copy of the course and imports it once confirmed', async () => {
		mount(controls(['a']));
		chooseFile(exportText({ a: { checked: true, at: 3 } }, 'someone-else'));
		await vi.waitFor(() => expect(document.querySelector('[data-action="apply-import"]')).not.toBeNull());
		expect(text('[data-region="preview"] p')).toMatch(/^This file comes from another copy of this course \("someone-else"\).*1 new tick/);
		expect(fake.peek(key)).toBeNull();
		click('[data-action="apply-import"]');
		expect(storedTicks()).toHaveProperty('a');
	});

	it('asks before a reset, and cancel keeps every tick', () => {
		fake.setItem(key, JSON.stringify({ version: 1, ticks: { a: { checked: true, at: 1 } }, settings: {} }));
		mount(controls(['a']));
		click('[data-action="reset"]');
		expect(text('[data-region="reset"] p')).toBe('This removes every tick in this browser. Your practice log, claims and decisions stay. Export first?');
		const labels = [...document.querySelectorAll('[data-region="reset"] button')].map((b) => b.textContent);
		expect(labels).toEqual(['Export, then reset', 'Reset without export', 'Cancel']);
		click('[data-action="cancel-reset"]');
		expect(storedTicks()).toHaveProperty('a');
		click('[data-action="reset"]');
		click('[data-action="reset-now"]');
		expect(storedTicks()).toEqual({});
		expect(text('[data-region="status"]')).toBe('Every tick in this browser was removed. Your practice log, claims and decisions were kept.');
	});

	it('exports before resetting when asked to', () => {
		fake.setItem(key, JSON.stringify({ version: 1, ticks: { a: { checked: true, at: 1 } }, settings: {} }));
		mount(controls(['a']));
		const created = vi.spyOn(URL, 'createObjectURL').mockReturnValue('blob:test');
		const clicked = vi.spyOn(window.HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
		click('[data-action="reset"]');
		click('[data-action="export-reset"]');
		expect(clicked).toHaveBeenCalledTimes(1);
		expect(storedTicks()).toEqual({});
		created.mockRestore();
		clicked.mockRestore();
	});
});
