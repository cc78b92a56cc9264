/**
 * Search on the search page: Pagefind's UI (generated into dist/pagefind/ after the
 * build), served by the site itself. It loads only when there is something to search
 * (a `?q=` query, or the first focus or keystroke in the page's search box), then
 * takes that box's place with what was typed in it, so a visit that searches nothing
 * costs nothing.
 */
interface PagefindUIOptions {
	element: HTMLElement;
	bundlePath: string;
	showSubResults: boolean;
	resetStyles: boolean;
}
interface PagefindUIInstance {
	triggerSearch(query: string): void;
}
declare global {
	interface Window {
		PagefindUI?: new (options: PagefindUIOptions) => PagefindUIInstance;
	}
}

export function startSearch(element: HTMLElement | null): void {
	if (!element) return;
	const bundlePath = element.dataset.bundle ?? '/pagefind/';
	const start = element.querySelector<HTMLFormElement>('[data-search-start]');
	const box = start?.querySelector('input');
	const query = new URLSearchParams(location.search).get('q');
	let loading = false;
	const load = () => {
		if (loading) return;
		loading = true;
		const script = document.createElement('script');
		script.src = `${bundlePath}pagefind-ui.js`;
		script.onload = () => {
			if (!window.PagefindUI) return;
			const typed = box?.value.trim() ?? '';
			const focused = box !== undefined && box !== null && document.activeElement === box;
			const ui = new window.PagefindUI({ element, bundlePath, showSubResults: true, resetStyles: false });
			start?.remove();
			// Pagefind's input has only a placeholder; give it a real accessible name.
			const input = element.querySelector<HTMLInputElement>('input');
			input?.setAttribute('aria-label', 'Search the book');
			if (typed) ui.triggerSearch(typed);
			// Arriving with a query (the header's search box) or having clicked into the box: keep typing in Pagefind's.
			if (focused || query) input?.focus();
		};
		script.onerror = () => {
			element.textContent = 'The search index is missing. Build the site with `npm run build` to create it.';
		};
		document.head.append(script);
	};
	if (box && query) box.value = query;
	if (query || !box) return load();
	box.addEventListener('focus', load, { once: true });
	box.addEventListener('keydown', load, { once: true });
	start?.addEventListener('submit', (event) => {
		event.preventDefault();
		load();
	});
}
