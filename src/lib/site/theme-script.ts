/**
 * The one inline script of every page, as text: it runs before first paint so a stored
 * theme never flashes the other one, and wires the mobile menu button and the print
 * buttons (`?print=chapter|ticked` selects a print mode for PDFs). It is a string so
 * the layout can list its hash in the Content-Security-Policy (no inline script runs
 * without one); `src/components/ThemeScript.astro` prints it.
 */
import { createHash } from 'node:crypto';

export const themeScript = `
	(() => {
		const root = document.documentElement;
		root.classList.add('js');
		let stored = null;
		try { stored = localStorage.getItem('sp-theme'); } catch {}
		if (stored === 'light' || stored === 'dark') root.dataset.theme = stored;
		const mode = new URLSearchParams(location.search).get('print');
		if (mode === 'chapter' || mode === 'ticked') root.dataset.print = mode;
		addEventListener('afterprint', () => { if (!mode) delete root.dataset.print; });
		document.addEventListener('click', (event) => {
			const button = event.target instanceof Element && event.target.closest('[data-theme-toggle],[data-menu-toggle],[data-print-mode]');
			if (!button) return;
			if (button.hasAttribute('data-print-mode')) {
				root.dataset.print = button.getAttribute('data-print-mode');
				print();
				return;
			}
			if (button.hasAttribute('data-menu-toggle')) {
				const open = button.getAttribute('aria-expanded') !== 'true';
				button.setAttribute('aria-expanded', String(open));
				root.toggleAttribute('data-menu-open', open);
				return;
			}
			const dark = root.dataset.theme ? root.dataset.theme === 'dark' : matchMedia('(prefers-color-scheme: dark)').matches;
			root.dataset.theme = dark ? 'light' : 'dark';
			button.setAttribute('aria-pressed', String(!dark));
			try { localStorage.setItem('sp-theme', root.dataset.theme); } catch {}
		});
	})();
`;

/** The CSP source that allows exactly this script: `sha256-<base64>`. */
export const themeScriptHash: `sha256-${string}` = `sha256-${createHash('sha256').update(themeScript).digest('base64')}`;
