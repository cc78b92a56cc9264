/**
 * Links the first use of each glossary term on a page to its entry in the glossary.
 * Only running text is touched: never headings, links, code, math or summaries, so
 * a link never lands inside something that already means something else.
 */
import type { Element, ElementContent, Root, Text } from 'hast';
import { SKIP, visit } from 'unist-util-visit';

export interface GlossaryEntry {
	id: string;
	term: string;
	aliases: string[];
}

const SKIPPED = new Set(['a', 'code', 'pre', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'summary', 'script', 'style', 'math', 'svg', 'button', 'label']);

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

interface Matcher {
	id: string;
	pattern: RegExp;
	/**
	 * Text every match contains: the phrase, lower-cased when the pattern ignores case, to
	 * look for in the lower-cased text. Null for a phrase beyond ASCII, whose case-blind
	 * matches lower-casing might not find.
	 */
	needle: string | null;
}

/** An abbreviation such as "MAR" or "PCA": matched in its own case only, so "MAR" never links the month "Mar". */
const isAbbreviation = (phrase: string) => !/\p{Ll}/u.test(phrase) && (phrase.match(/\p{Lu}/gu)?.length ?? 0) >= 2;

/** Longer phrases first, so "logistic regression" wins over "regression". */
export function matchersFor(entries: GlossaryEntry[]): Matcher[] {
	return entries
		.flatMap((e) => [e.term, ...e.aliases].map((phrase) => ({ id: e.id, phrase })))
		.sort((a, b) => b.phrase.length - a.phrase.length)
		.map(({ id, phrase }) => {
			const caseless = !isAbbreviation(phrase);
			return {
				id,
				pattern: new RegExp(`(?<![\\w-])${escape(phrase)}(?![\\w-])`, caseless ? 'i' : ''),
				needle: !/^[\x00-\x7f]*$/.test(phrase) ? null : caseless ? phrase.toLowerCase() : phrase,
			};
		});
}

/**
 * Whether `matcher` can match `text` at all (`lower` is the text lower-cased): a substring
 * test first, since most of the hundreds of phrases are in no given text and running
 * every pattern on every text node of every page was most of the linker's time.
 */
export function mayMatch(matcher: Matcher, text: string, lower: string): boolean {
	if (matcher.needle === null) return true;
	return matcher.pattern.flags.includes('i') ? lower.includes(matcher.needle) : text.includes(matcher.needle);
}

const WORD = /[A-Za-z0-9]+/g;

/**
 * Which matchers can match a text, found by its words instead of trying all of them:
 * a pattern starts where no word character or hyphen precedes it, so a text can hold a
 * phrase only if it holds the phrase's first ASCII word as a whole word (in any case).
 * Phrases with no such word (beyond ASCII, or starting with a symbol) are always tried.
 */
export function matcherIndex(matchers: Matcher[]): (text: string) => Matcher[] {
	const byWord = new Map<string, number[]>();
	const always: number[] = [];
	matchers.forEach((matcher, position) => {
		const first = matcher.needle === null ? null : (/^[a-z0-9]+/.exec(matcher.needle.toLowerCase())?.[0] ?? null);
		if (first === null) always.push(position);
		else byWord.set(first, [...(byWord.get(first) ?? []), position]);
	});
	return (text) => {
		const positions = new Set(always);
		// Words of the text itself, not of its lower-casing, which can turn a symbol into a letter.
		for (const [word] of text.matchAll(WORD)) for (const position of byWord.get(word.toLowerCase()) ?? []) positions.add(position);
		// Longer phrases first, as matchersFor ordered them.
		return [...positions].sort((a, b) => a - b).map((position) => matchers[position]!);
	};
}

function isMath(node: Element): boolean {
	const className = node.properties?.className;
	return Array.isArray(className) && className.some((c) => String(c).startsWith('katex'));
}

/** Tag name of HTML written inside MDX, which arrives as JSX nodes that hast's types do not list. */
function jsxElementName(node: { type: string }): string | null {
	return node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement' ? String((node as { name?: unknown }).name) : null;
}

export function rehypeGlossaryLinks(options: { entries: GlossaryEntry[]; href: (id: string) => string }) {
	const candidates = matcherIndex(matchersFor(options.entries));
	return (tree: Root) => {
		const linked = new Set<string>();
		visit(tree, (node, index, parent) => {
			if (node.type === 'element' && (SKIPPED.has(node.tagName) || isMath(node))) return SKIP;
			const jsxName = jsxElementName(node);
			if (jsxName && SKIPPED.has(jsxName)) return SKIP;
			if (node.type !== 'text' || !parent || index === undefined) return;
			const text = (node as Text).value;
			const lower = text.toLowerCase();
			for (const matcher of candidates(text)) {
				const { id, pattern } = matcher;
				if (linked.has(id) || !mayMatch(matcher, text, lower)) continue;
				const match = pattern.exec(text);
				if (!match) continue;
				linked.add(id);
				const before: Text = { type: 'text', value: text.slice(0, match.index) };
				const link: Element = {
					type: 'element',
					tagName: 'a',
					properties: { href: options.href(id), className: ['glossary-link'] },
					children: [{ type: 'text', value: match[0] }],
				};
				const after: Text = { type: 'text', value: text.slice(match.index + match[0].length) };
				(parent.children as ElementContent[]).splice(index, 1, before, link, after);
				// Continue with the text after the link: it may hold other terms.
				return index + 2;
			}
			return;
		});
	};
}
