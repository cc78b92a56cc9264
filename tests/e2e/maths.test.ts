// Maths renders as KaTeX laid it out: on every page with maths, each subscript,
// superscript and limit prints smaller than what it is attached to. A KaTeX CSS of
// another version than the renderer's leaves them at full size (different class names).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { useSite } from './harness';
import { allPages, pagePath } from '../support/dist';

const h = useSite();

const mathPages = allPages().filter((path) => readFileSync(pagePath(path), 'utf8').includes('class="katex"'));

/** Per page, the scripts that do not print smaller than their base, described for the failure message. */
async function fullSizeScripts(paths: string[], parallel = 2): Promise<{ checked: number; wrong: string[] }> {
	const queue = [...paths];
	const wrong: string[] = [];
	let checked = 0;
	await Promise.all(
		Array.from({ length: parallel }, async () => {
			const page = await h.browser.newPage();
			for (let path = queue.shift(); path; path = queue.shift()) {
				await page.goto(h.url(path));
				await page.evaluate(() => document.fonts.ready);
				const result = await page.evaluate(() => {
					const size = (el: Element) => parseFloat(getComputedStyle(el).fontSize);
					/** The element holding the first visible character under `root`. */
					const firstText = (root: Element): Element | undefined => {
						const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
							acceptNode: (n) => (/[^\s\u200b]/.test(n.textContent ?? '') ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_SKIP),
						});
						return walker.nextNode()?.parentElement ?? undefined;
					};
					const bad: string[] = [];
					let count = 0;
					// Only top-level scripts: a script of a script may stay at the smallest size.
					const scripts = [...document.querySelectorAll('.katex-html .msupsub, .katex-html .op-limits')].filter(
						(s) => !s.parentElement?.closest('.msupsub, .op-limits, .mtight'),
					);
					for (const script of scripts) {
						const base = script.classList.contains('op-limits') ? script.querySelector('.mop') : script.previousElementSibling;
						const baseText = base && firstText(base);
						if (!baseText) continue;
						const baseSize = size(baseText);
						const parts = [...script.querySelectorAll('.vlist > span')].map(firstText).filter((e): e is Element => !!e && !base?.contains(e));
						for (const part of parts) {
							count++;
							if (size(part) >= baseSize) {
								const tex = script.closest('.katex')?.querySelector('annotation')?.textContent ?? '';
								bad.push(`"${part.textContent}" at ${size(part)}px vs base "${baseText.textContent}" at ${baseSize}px in ${tex}`);
							}
						}
					}
					return { bad, count };
				});
				checked += result.count;
				for (const b of result.bad) wrong.push(`${path}: ${b}`);
			}
			await page.close();
		}),
	);
	return { checked, wrong };
}

describe('maths', () => {
	it('finds the pages with maths', () => {
		expect(mathPages.length).toBeGreaterThan(10);
	});

	it('prints every sub- and superscript smaller than its base, on every page with maths', { timeout: 300_000 }, async () => {
		const { checked, wrong } = await fullSizeScripts(mathPages);
		expect(checked).toBeGreaterThan(mathPages.length);
		expect(wrong.slice(0, 20), `${wrong.length} scripts at full size`).toEqual([]);
	});
});
