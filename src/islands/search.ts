/**
 * Loads Pagefind's UI (generated into dist/pagefind/ after the build) and runs the
 * query from `?q=`. Pagefind is served by the site itself; nothing third-party loads.
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
	const script = document.createElement('script');
	script.src = `${bundlePath}pagefind-ui.js`;
	script.onload = () => {
		if (!window.PagefindUI) return;
		const ui = new window.PagefindUI({ element, bundlePath, showSubResults: true, resetStyles: false });
		const query = new URLSearchParams(location.search).get('q');
		if (query) ui.triggerSearch(query);
		// Pagefind's input has only a placeholder; give it a real accessible name.
		const input = element.querySelector<HTMLInputElement>('input');
		input?.setAttribute('aria-label', 'Search the book');
		input?.focus();
	};
	script.onerror = () => {
		element.textContent = 'The search index is missing. Build the site with `npm run build` to create it.';
	};
	document.head.append(script);
}
