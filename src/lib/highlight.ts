/**
 * Code highlighting for the whole site: the pages' fenced blocks (rehype/highlight.ts),
 * notebook cells and the drills' solutions share one Shiki highlighter and one pair of
 * themes, so code looks the same wherever it is shown.
 *
 * Shiki runs on its JavaScript regex engine rather than the Oniguruma WebAssembly one
 * Astro loads: the same tokens for every block in the book (tests/unit/highlight.test.ts
 * compares the two), in half the time, and highlighting was the largest single cost of
 * building a page. The engine compiles every grammar Shiki bundles.
 */
import type { Root } from 'hast';
import {
	bundledLanguages,
	createHighlighter,
	createJavaScriptRegexEngine,
	isSpecialLang,
	type BundledLanguage,
	type ShikiTransformer,
} from 'shiki';

/** Both themes as CSS variables (`defaultColor: false`); the site's CSS picks one per colour scheme. */
export const CODE_THEMES = { light: 'github-light-high-contrast', dark: 'github-dark-high-contrast' } as const;

export interface HighlightOptions {
	transformers?: ShikiTransformer[];
	/** The fence's meta string (what follows the language), for transformers that read it. */
	meta?: string;
}

const create = () => createHighlighter({ themes: Object.values(CODE_THEMES), langs: [], engine: createJavaScriptRegexEngine() });
let highlighter: ReturnType<typeof create> | null = null;

/** Whether Shiki can highlight `lang` (a bundled grammar, one of its aliases, or plain text). */
export function isKnownLanguage(lang: string): boolean {
	return isSpecialLang(lang) || Object.hasOwn(bundledLanguages, lang);
}

/** The highlighter, made on first use, with `lang`'s grammar loaded. */
async function highlighterFor(lang: string) {
	highlighter ??= create();
	const ready = await highlighter;
	if (!isSpecialLang(lang) && !ready.getLoadedLanguages().includes(lang)) await ready.loadLanguage(lang as BundledLanguage);
	return ready;
}

/**
 * `code` in `lang` as a hast tree (a <pre> holding a <code>). `lang` must be known
 * (isKnownLanguage); callers decide what an unknown one falls back to.
 */
export async function highlight(code: string, lang: string, options: HighlightOptions = {}): Promise<Root> {
	const settings = { lang, themes: CODE_THEMES, defaultColor: false as const, transformers: options.transformers, meta: options.meta === undefined ? undefined : { __raw: options.meta } };
	return (await highlighterFor(lang)).codeToHast(code, settings);
}
