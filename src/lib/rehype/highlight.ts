/**
 * The pages' fenced code, highlighted with the site's one highlighter (lib/highlight.ts)
 * into the markup Astro's own Shiki step writes: a `<pre class="astro-code …">` with its
 * language in `data-language`, scrollable (`overflow-x: auto`) and focusable, so the
 * site's CSS and the keyboard treat it the same. Astro's step is turned off in
 * astro.config.mjs (`syntaxHighlight: false`) and this one takes its place in the chain.
 */
import type { Element, Root } from 'hast';
import { toText } from 'hast-util-to-text';
import type { ShikiTransformer } from 'shiki';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { highlight, isKnownLanguage } from '../highlight';

/** Display maths arrives as a `math` fence; KaTeX renders it later in the chain. */
const NOT_CODE = new Set(['math']);

/** The fence's language as Astro reads it from the class (its pattern, so `c++` reads as `c` there too). */
function languageOf(code: Element): string {
	const classes = Array.isArray(code.properties.className) ? code.properties.className : [];
	for (const c of classes) {
		const match = /\blanguage-(\S+)\b/.exec(String(c));
		if (match) return match[1]!;
	}
	return 'plaintext';
}

/** Astro's attributes on the <pre>, and its diff lines' `+`/`-` kept out of a copy. */
function astroMarkup(lang: string): ShikiTransformer {
	return {
		pre(node) {
			node.properties.class = String(node.properties.class ?? '').replace(/shiki/g, 'astro-code');
			node.properties.dataLanguage = lang;
			node.properties.style = `${String(node.properties.style ?? '')}; overflow-x: auto;`;
		},
		line(node) {
			if (lang !== 'diff') return;
			const span = node.children[0];
			const text = span?.type === 'element' ? span.children[0] : undefined;
			if (text?.type !== 'text' || (text.value[0] !== '+' && text.value[0] !== '-')) return;
			const sign = text.value[0];
			text.value = text.value.slice(1);
			(span as Element).children.unshift({ type: 'element', tagName: 'span', properties: { style: 'user-select: none;' }, children: [{ type: 'text', value: sign }] });
		},
	};
}

export function rehypeHighlight() {
	return async (tree: Root, file: VFile) => {
		const blocks: Array<{ pre: Element; code: Element; parent: { children: unknown[] } }> = [];
		visit(tree, 'element', (pre, _index, parent) => {
			if (pre.tagName !== 'pre' || pre.children.length !== 1 || !parent) return;
			const code = pre.children[0]!;
			if (code.type === 'element' && code.tagName === 'code' && !NOT_CODE.has(languageOf(code))) blocks.push({ pre, code, parent });
		});
		for (const { pre, code, parent } of blocks) {
			let lang = languageOf(code);
			if (!isKnownLanguage(lang)) {
				const message = file.message(`code fenced as "${lang}", a language the highlighter does not know, is shown as plain text; fence it with a language Shiki lists (https://shiki.style/languages), or "text"`, code);
				// As Astro's own step did: the build's log is where an author sees it.
				console.warn(`${file.path ?? 'a page'}:${message.line ?? '?'}: ${message.reason}`);
				lang = 'plaintext';
			}
			const meta = (code.data as { meta?: string } | undefined)?.meta ?? (code.properties.metastring as string | undefined);
			const source = toText(code, { whitespace: 'pre' }).replace(/(?:\r\n|\r|\n)$/, '');
			const highlighted = await highlight(source, lang, { meta, transformers: [astroMarkup(lang)] });
			parent.children[parent.children.indexOf(pre)] = highlighted.children[0];
		}
	};
}
