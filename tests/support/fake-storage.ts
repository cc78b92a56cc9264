/**
 * A `Storage` fake for tests, with switches for every way real localStorage
 * fails: reads or writes throwing (SecurityError when storage is blocked), a
 * byte quota (QuotaExceededError), and a second tab that shares the data and
 * hears the other tab's writes as `storage` events, as browsers deliver them.
 */

/** What a listener receives: the fields of a StorageEvent the store reads. */
export interface FakeStorageEvent {
	key: string | null;
	oldValue: string | null;
	newValue: string | null;
}

interface Shared {
	data: Map<string, string>;
	tabs: Set<FakeStorage>;
}

export class FakeStorage implements Pick<Storage, 'length' | 'key' | 'getItem' | 'setItem' | 'removeItem' | 'clear'> {
	/** Throw SecurityError from getItem (storage blocked after the page got a handle). */
	throwOnGet = false;
	/** Throw SecurityError from setItem/removeItem/clear. */
	throwOnSet = false;
	/** Total size allowed in UTF-16 code units of keys plus values (browsers count about 5M); Infinity for none. */
	quota = Number.POSITIVE_INFINITY;
	/** Every setItem call that succeeded, in order: [key, value]. */
	readonly writes: [string, string][] = [];
	private readonly shared: Shared;
	private readonly listeners = new Set<(event: FakeStorageEvent) => void>();

	constructor(initial: Record<string, string> = {}, shared?: Shared) {
		this.shared = shared ?? { data: new Map(Object.entries(initial)), tabs: new Set() };
		this.shared.tabs.add(this);
	}

	/** Another tab of the same origin: same data; each tab hears the other's writes as storage events. */
	openTab(): FakeStorage {
		return new FakeStorage({}, this.shared);
	}

	/** Registers a listener for writes made by OTHER tabs (as `window.addEventListener('storage')` would). */
	onStorageEvent(listener: (event: FakeStorageEvent) => void): () => void {
		this.listeners.add(listener);
		return () => this.listeners.delete(listener);
	}

	get length(): number {
		return this.shared.data.size;
	}

	key(index: number): string | null {
		return [...this.shared.data.keys()][index] ?? null;
	}

	getItem(key: string): string | null {
		if (this.throwOnGet) throw new DOMException('The operation is insecure.', 'SecurityError');
		return this.shared.data.get(key) ?? null;
	}

	setItem(key: string, value: string): void {
		this.checkWritable();
		const oldValue = this.shared.data.get(key) ?? null;
		const used = this.usedExcept(key) + key.length + String(value).length;
		if (used > this.quota) {
			throw new DOMException(`Setting the value of '${key}' exceeded the quota.`, 'QuotaExceededError');
		}
		this.shared.data.set(key, String(value));
		this.writes.push([key, String(value)]);
		this.broadcast({ key, oldValue, newValue: String(value) });
	}

	removeItem(key: string): void {
		this.checkWritable();
		const oldValue = this.shared.data.get(key) ?? null;
		if (!this.shared.data.delete(key)) return;
		this.broadcast({ key, oldValue, newValue: null });
	}

	clear(): void {
		this.checkWritable();
		this.shared.data.clear();
		this.broadcast({ key: null, oldValue: null, newValue: null });
	}

	/** The raw stored value, bypassing the failure switches (for assertions). */
	peek(key: string): string | null {
		return this.shared.data.get(key) ?? null;
	}

	/** All keys, bypassing the failure switches (for assertions). */
	keys(): string[] {
		return [...this.shared.data.keys()];
	}

	private checkWritable(): void {
		if (this.throwOnSet) throw new DOMException('The operation is insecure.', 'SecurityError');
	}

	private usedExcept(skip: string): number {
		let used = 0;
		for (const [key, value] of this.shared.data) if (key !== skip) used += key.length + value.length;
		return used;
	}

	private broadcast(event: FakeStorageEvent): void {
		for (const tab of this.shared.tabs) {
			if (tab === this) continue;
			for (const listener of tab.listeners) listener(event);
		}
	}
}
