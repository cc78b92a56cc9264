/**
 * What every progress island on a page shares: one store per storage key (so every
 * checklist, meter and control sees the same ticks), the layout's notice region,
 * and a base element that re-renders on every change. No framework, no zod.
 */
import { NOTICE_ELEMENT, RENAMES_ATTRIBUTE, START_DATE_ATTRIBUTE, STORAGE_KEY_ATTRIBUTE } from '../lib/progress/constants';
import { createStoreCore, type StoreCore } from '../lib/progress/store-core';
import { localDate } from '../lib/practice-log/dates';
import { button, saveFile } from './controls';

interface PageStore {
	store: StoreCore;
	/** Grows as elements with more `data-renames` connect; the store reads it on reload. */
	renames: Map<string, string>;
}

/** One store per key per page, so every checklist, meter and control sees the same ticks. */
const pageStores = new Map<string, PageStore>();

/** `{ "old-id": "new-id" }` from an attribute; anything malformed counts as no renames. */
export function parseRenames(json: string | null): [string, string][] {
	try {
		return Object.entries(JSON.parse(json ?? '{}') as Record<string, unknown>).filter(
			(entry): entry is [string, string] => typeof entry[1] === 'string',
		);
	} catch {
		return [];
	}
}

/**
 * Shows the store's notice in the layout's live region, or hides the region when all
 * is well. While changes are kept in memory only, the notice offers to download
 * them, and after an unreadable value too large to copy, to keep it as a backup and
 * start a fresh store.
 */
function showNotice(store: StoreCore, key: string): void {
	const region = document.querySelector<HTMLElement>(NOTICE_ELEMENT);
	if (!region) return;
	const notice = store.notice();
	const memoryOnly = notice !== null && !store.lastWrite().saved;
	const shown = notice ? `${notice.message}|${memoryOnly}|${notice.canStartFresh === true}` : '';
	region.hidden = !notice;
	// Rewriting identical text would make screen readers announce it again.
	if (!notice || region.dataset.shown === shown) return;
	region.dataset.shown = shown;
	const text = document.createElement('span');
	text.textContent = `${notice.message} `;
	region.replaceChildren(text);
	if (memoryOnly) region.append(button('save-progress', 'Download what you have'));
	if (notice.canStartFresh) region.append(' ', button('start-fresh', 'Keep the backup and start a fresh store'));
	region.onclick = (event) => {
		const action = (event.target as Element).closest?.('button')?.dataset.action;
		if (action === 'save-progress') {
			const siteId = /^sp:([a-z0-9-]+):/.exec(key)?.[1] ?? 'progress';
			saveFile(store.exportFile(siteId), `progress-${siteId}-${localDate(Date.now())}.json`, 'application/json');
		} else if (action === 'start-fresh') store.startFresh();
	};
}

/** The page's store for the element's `data-storage-key`, with its `data-renames` added; null without a key. */
export function storeFor(element: Element): StoreCore | null {
	const key = element.getAttribute(STORAGE_KEY_ATTRIBUTE);
	if (!key) return null;
	const renames = parseRenames(element.getAttribute(RENAMES_ATTRIBUTE));
	const existing = pageStores.get(key);
	if (existing) {
		const fresh = renames.filter(([oldId, newId]) => existing.renames.get(oldId) !== newId);
		for (const [oldId, newId] of fresh) existing.renames.set(oldId, newId);
		if (fresh.length > 0) existing.store.reload();
		return existing.store;
	}
	const map = new Map(renames);
	// A getter, because reading window.localStorage itself throws SecurityError when storage is blocked.
	const store = createStoreCore({ storage: () => window.localStorage, key, renames: map, startDate: element.getAttribute(START_DATE_ATTRIBUTE) });
	pageStores.set(key, { store, renames: map });
	window.addEventListener('storage', (event) => store.handleStorageEvent(event));
	store.subscribe(() => showNotice(store, key));
	showNotice(store, key);
	return store;
}

/** The renames the page's store for `store` applies (for the full store's imports). */
export function renamesOf(store: StoreCore): ReadonlyMap<string, string> {
	return [...pageStores.values()].find((p) => p.store === store)?.renames ?? new Map();
}

/** Base of the progress elements: connects to the page store, re-renders on every change, lets go when removed. */
export abstract class ProgressElement<Store extends StoreCore = StoreCore> extends HTMLElement {
	protected store: Store | null = null;
	private unsubscribe: (() => void) | null = null;

	/** The store this element uses: the core; log elements (log-store.ts) extend it with the log. */
	protected openStore(): Store | null {
		return storeFor(this) as Store | null;
	}

	connectedCallback(): void {
		this.store = this.openStore();
		if (!this.store) return;
		this.unsubscribe = this.store.subscribe(() => this.render());
		this.render();
	}

	disconnectedCallback(): void {
		this.unsubscribe?.();
		this.unsubscribe = null;
	}

	protected abstract render(): void;
}

/** Defines an element once (a second bundle or hot reload must not throw). */
export function defineOnce(name: string, element: CustomElementConstructor): void {
	if (!customElements.get(name)) customElements.define(name, element);
}
