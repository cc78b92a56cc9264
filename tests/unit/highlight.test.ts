// The site highlights code itself (src/lib/highlight.ts on Shiki's JavaScript regex
// engine) in place of Astro's Shiki step (the Oniguruma WebAssembly engine): it must
// write what Astro's step wrote, for every fenced block in the course and for the
// cases a fork may bring (aliases, meta strings, diffs, unknown languages).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { rehypeShiki } from '@astrojs/markdown-remark';
import type { Code, Root as MdastRoot } from 'mdast';
import rehypeStringify from 'rehype-stringify';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { VFile } from 'vfile';
import { describe, expect, it, vi } from 'vitest';
import { CODE_THEMES, highlight, isKnownLanguage } from '../../src/lib/highlight';
import { rehypeHighlight } from '../../src/lib/rehype/highlight';
import { parseMarkdown } from '../../src/lib/rehype/pipeline';

const base = () => unified().use(remarkParse).use(remarkRehype);
/** The Markdown as HTML, its code highlighted by the site's step or by Astro's own (as its processor adds it). */
const render = {
	ours: async (markdown: string) => String(await base().use(rehypeHighlight).use(rehypeStringify).process(markdown)),
	astros: async (markdown: string) => String(await base().use(rehypeShiki, { themes: CODE_THEMES, defaultColor: false }, ['math']).use(rehypeStringify).process(markdown)),
};

/** Every fenced block under content/, as Markdown fences again (MDX around them left out). */
function courseFences(): string[] {
	const fences: string[] = [];
	for (const file of readdirSync('content', { recursive: true }) as string[]) {
		if (!/\.mdx?$/.test(file)) continue;
		const tree: MdastRoot = parseMarkdown(readFileSync(join('content', file), 'utf8'));
		visit(tree, 'code', (node: Code) => {
			const longest = Math.max(2, ...(node.value.match(/`+/g) ?? []).map((run) => run.length));
			const fence = '`'.repeat(longest + 1);
			fences.push(`${fence}${node.lang ?? ''}${node.meta ? ` ${node.meta}` : ''}\n${node.value}\n${fence}`);
		});
	}
	return fences;
}

describe('rehypeHighlight', () => {
	const fences = courseFences();

	it('finds the course\'s code', () => {
		expect(fences.length).toBeGreaterThan(50);
		expect(fences.some((f) => f.startsWith('```python'))).toBe(true);
	});

	it('writes what Astro\'s Shiki step writes, for every block in the course', async () => {
		// One document, so each side builds its page once; a difference shows its block.
		const [mine, theirs] = await Promise.all([render.ours(fences.join('\n\n')), render.astros(fences.join('\n\n'))]);
		const split = (html: string) => html.split(/(?=<pre )/);
		expect(split(mine)).toEqual(split(theirs));
	}, 120_000);

	it('writes what Astro\'s step writes for aliases, meta strings, diffs, no language and maths', async () => {
		const cases = [
			'```py title="fit.py"\nprint(1)\n```',
			'```diff\n- old = 1\n+ new = 2\n  same\n```',
			'```\nno language\n```',
			'```math\nx^2\n```',
			'```sh\necho "$HOME" | wc -c\n```',
			'```ts\nconst a: number = 1;\n```',
			'```yaml\nkey: [1, 2]\n```',
			'```c++\nint main() { return 0; }\n```',
		];
		for (const markdown of cases) expect(await render.ours(markdown), markdown).toBe(await render.astros(markdown));
	});

	it('shows an unknown language as plain text, and says so with the page and line', async () => {
		const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
		const file = await base().use(rehypeHighlight).use(rehypeStringify).process(new VFile({ path: 'content/weeks/03.mdx', value: 'Text.\n\n```klingon\nqapla\n```' }));
		expect(String(file)).toContain('data-language="plaintext"');
		expect(String(file)).toContain('qapla');
		expect(file.messages.map(String).join('\n')).toMatch(/"klingon".*plain text/);
		expect(warn).toHaveBeenCalledWith(expect.stringMatching(/^content\/weeks\/03\.mdx:3: code fenced as "klingon"/));
		warn.mockRestore();
	});
});

describe('highlight', () => {
	it('knows Shiki\'s languages and their aliases, and nothing else', () => {
		for (const lang of ['python', 'py', 'sh', 'text', 'plaintext', 'ansi', 'dockerfile']) expect(isKnownLanguage(lang), lang).toBe(true);
		for (const lang of ['klingon', 'toString', '__proto__']) expect(isKnownLanguage(lang), lang).toBe(false);
	});

	it('colours with both themes as CSS variables', async () => {
		const tree = await highlight('x = 1', 'python');
		const html = JSON.stringify(tree);
		expect(html).toContain('--shiki-light:');
		expect(html).toContain('--shiki-dark:');
	});
});
