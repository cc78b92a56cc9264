// The built book shows every inline expression (`` `{python} expr` `` in a page's prose) as
// its frozen value: plain text in a span.py-inline that names the source line, never the
// raw code span, and where search and print read it (not in a part they skip).
// Expressions are read from the content itself, so a page that gains one is checked at once.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { courseRoot } from '../../src/lib/course/course-root';
import { cachePathFor, inlineExpressions, type CachedPage } from '../../src/lib/python/outputs';
import { hasPage, readPage } from '../support/dist';

/** Content pages with inline expressions, and the site path each is built at (content/weeks/05.mdx → /weeks/05/). */
const pages = (readdirSync(join(courseRoot, 'content'), { recursive: true }) as string[])
	.map((f) => `content/${f.split('\\').join('/')}`)
	.filter((f) => /\.mdx?$/.test(f) && !f.startsWith('content/examples/') && !f.startsWith('content/source/'))
	.map((file) => ({ file, expressions: inlineExpressions(readFileSync(join(courseRoot, file), 'utf8'), file.endsWith('.mdx')) }))
	.filter((p) => p.expressions.length > 0)
	.map((p) => ({ ...p, path: `/${p.file.replace(/^content\//, '').replace(/\.mdx?$/, '')}/` }));

describe('inline expressions in the built pages', () => {
	it('shows each expression as its frozen value, at its line, where search and print read it', () => {
		for (const { file, expressions, path } of pages) {
			expect(hasPage(path), `${file} is built at ${path}`).toBe(true);
			const frozen = JSON.parse(readFileSync(join(courseRoot, cachePathFor(file)), 'utf8')) as CachedPage;
			const values = new Map((frozen.inline ?? []).map((e) => [e.expr, e.value]));
			const doc = readPage(path);
			const spans = [...doc.querySelectorAll('main span.py-inline')];
			expect(spans.map((s) => [Number(s.getAttribute('data-line')), s.textContent]), file).toEqual(expressions.map((e) => [e.line, values.get(e.expr)]));
			for (const span of spans) {
				expect(span.children.length, `${file}: a value is text, not markup`).toBe(0);
				expect(span.closest('[data-pagefind-ignore], .screen-only, [hidden]'), `${file}: search and print must see the value`).toBeNull();
			}
			const raw = [...doc.querySelectorAll('code')].filter((c) => /^\{python\}\s/.test(c.textContent ?? ''));
			expect(raw.map((c) => c.textContent), `${file} shows a raw expression`).toEqual([]);
		}
	});
});
