// Words and links keep their spaces: "Start at week 1", never "Start atweek 1". Astro
// drops the line break between text and a tag on the next line, so a template with
// the link on its own line glues it to the word before; this reads every built page.
import { readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { allPages, pagePath } from '../support/dist';

const wordEnd = /[\p{L}\p{N}]$/u;
const wordStart = /^[\p{L}\p{N}]/u;

const inline = new Set(['SPAN', 'STRONG', 'EM', 'B', 'I', 'SMALL', 'CODE', 'ABBR', 'KBD', 'MARK', 'Q', 'SUB', 'SUP', 'TIME']);

/**
 * Text that runs straight into `node` from one side: the neighbouring text node or inline
 * element, climbing out of inline parents that `node` starts or ends. Blocks break the run.
 */
function adjacentText(node: Node, direction: 'before' | 'after'): string {
	for (let current: Node | null = node; current; current = current.parentNode) {
		const sibling = direction === 'before' ? current.previousSibling : current.nextSibling;
		if (sibling) return sibling.nodeType === 3 || inline.has(sibling.nodeName) ? (sibling.textContent ?? '') : '';
		if (!current.parentNode || !inline.has(current.parentNode.nodeName)) return '';
	}
	return '';
}

/** Every link on the page glued to a word before or after it, as "word|link text". */
export function gluedLinks(html: string): string[] {
	const { document } = parseHTML(html);
	const glued: string[] = [];
	for (const link of document.querySelectorAll('a')) {
		if (link.closest('pre, code, svg, .katex, script, style')) continue;
		const text = (link.textContent ?? '').trim();
		if (!text) continue;
		const before = adjacentText(link, 'before');
		const after = adjacentText(link, 'after');
		if (wordEnd.test(before) && wordStart.test(link.textContent ?? '')) glued.push(`${before.split(/\s/).at(-1)}|${text}`);
		if (wordStart.test(after) && wordEnd.test(link.textContent ?? '')) glued.push(`${text}|${after.split(/\s/)[0]}`);
	}
	return glued;
}

describe('text spacing', () => {
	it('finds a glued link and accepts a spaced one', () => {
		expect(gluedLinks('<p>Start at<a href="/w/">week 1</a>, then the <a href="/p/">dashboard</a>.</p>')).toEqual(['at|week 1']);
		expect(gluedLinks('<p>Read <a href="/g/">p-value</a>s <strong>now:</strong><a href="/x/">x</a> <em>and</em><a href="/y/">y</a></p>')).toEqual(['p-value|s', 'and|y']);
		expect(gluedLinks('<nav><div>Menu</div><a href="/">Home</a></nav>')).toEqual([]);
	});

	it('glues no word to a link on any built page', () => {
		const glued = allPages().flatMap((path) => gluedLinks(readFileSync(pagePath(path), 'utf8')).map((g) => `${path}: ${g}`));
		expect(glued).toEqual([]);
	});
});
