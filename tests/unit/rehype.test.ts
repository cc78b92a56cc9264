import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import { describe, expect, it } from 'vitest';
import { rehypeBaseLinks } from '../../src/lib/rehype/base-links';
import { rehypeGlossaryLinks } from '../../src/lib/rehype/glossary-links';
import { rehypeAccessibleContent } from '../../src/lib/rehype/accessible-content';

const run = (html: string, plugin: (tree: ReturnType<typeof fromHtml>) => void) => {
	const tree = fromHtml(html, { fragment: true });
	plugin(tree);
	return toHtml(tree);
};

describe('rehypeBaseLinks', () => {
	it('prefixes site paths with the base and leaves other links alone', () => {
		const html = run('<a href="/months/1/">m</a><a href="https://x.org/">x</a><a href="#f">f</a><a href="//cdn/x">c</a>', rehypeBaseLinks({ base: '/study-plan/' }));
		expect(html).toBe('<a href="/study-plan/months/1/">m</a><a href="https://x.org/">x</a><a href="#f">f</a><a href="//cdn/x">c</a>');
	});
	it('does nothing at the root base', () => {
		expect(run('<a href="/weeks/01/">w</a>', rehypeBaseLinks({ base: '/' }))).toBe('<a href="/weeks/01/">w</a>');
	});
});

describe('rehypeGlossaryLinks', () => {
	const entries = [
		{ id: 'p-value', term: 'p-value', aliases: ['p-values'] },
		{ id: 'regression', term: 'regression', aliases: [] },
		{ id: 'logistic-regression', term: 'logistic regression', aliases: [] },
	];
	const plugin = rehypeGlossaryLinks({ entries, href: (id) => `/glossary/#${id}` });

	it('links only the first use of a term, keeping its case', () => {
		const html = run('<p>The P-value is small. A p-value again.</p>', plugin);
		expect(html).toBe('<p>The <a href="/glossary/#p-value" class="glossary-link">P-value</a> is small. A p-value again.</p>');
	});
	it('prefers the longer phrase and still finds later terms in the same text', () => {
		const html = run('<p>Fit a logistic regression, then a plain regression.</p>', plugin);
		expect(html).toContain('<a href="/glossary/#logistic-regression" class="glossary-link">logistic regression</a>');
		expect(html).toContain('plain <a href="/glossary/#regression" class="glossary-link">regression</a>');
	});
	it('never links inside headings, code, links or math', () => {
		const html = run('<h2>p-value</h2><code>p-value</code><a href="/x">p-value</a><span class="katex">p-value</span><p>p-values matter</p>', plugin);
		expect(html.match(/glossary-link/g)).toHaveLength(1);
		expect(html).toContain('<p><a href="/glossary/#p-value" class="glossary-link">p-values</a> matter</p>');
	});
	it('does not match inside a longer word', () => {
		expect(run('<p>regressions and progression</p>', plugin)).not.toContain('glossary-link');
	});
	it('matches an abbreviation in its own case only, so the month "Mar" is not "MAR"', () => {
		const withAbbreviation = rehypeGlossaryLinks({ entries: [{ id: 'missing', term: 'missing data mechanism', aliases: ['MAR'] }], href: (id) => `/glossary/#${id}` });
		expect(run('<p>Jan, Feb, Mar and mar.</p>', withAbbreviation)).not.toContain('glossary-link');
		expect(run('<p>Data MAR given species.</p>', withAbbreviation)).toContain('<a href="/glossary/#missing" class="glossary-link">MAR</a>');
	});
});

describe('rehypeAccessibleContent', () => {
	it('wraps tables in a focusable scroll region named by the caption', () => {
		const html = run('<table><caption>Counts</caption><tbody><tr><td>1</td></tr></tbody></table>', rehypeAccessibleContent());
		expect(html).toBe('<div class="table-scroll" tabindex="0" role="group" aria-label="Counts"><table><caption>Counts</caption><tbody><tr><td>1</td></tr></tbody></table></div>');
	});
	it('turns empty header cells into plain cells and labels task-list boxes', () => {
		const html = run('<table><thead><tr><th></th><th>A</th></tr></thead></table><ul><li class="task-list-item"><input type="checkbox" disabled> Check types</li></ul>', rehypeAccessibleContent());
		expect(html).toContain('<tr><td></td><th>A</th></tr>');
		expect(html).toContain('<input type="checkbox" disabled aria-label="Check types">');
	});
	it('makes display maths keyboard-scrollable', () => {
		expect(run('<span class="katex-display">x</span>', rehypeAccessibleContent())).toBe('<span class="katex-display" tabindex="0">x</span>');
	});
});

describe('rehypeGlossaryLinks in MDX', () => {
	it('skips a <summary> written as JSX in MDX', () => {
		const tree = { type: 'root', children: [{ type: 'mdxJsxFlowElement', name: 'summary', attributes: [], children: [{ type: 'text', value: 'Is a p-value a probability?' }] }, { type: 'element', tagName: 'p', properties: {}, children: [{ type: 'text', value: 'The p-value again.' }] }] };
		rehypeGlossaryLinks({ entries: [{ id: 'p-value', term: 'p-value', aliases: [] }], href: (id) => `/g/#${id}` })(tree as never);
		expect(JSON.stringify(tree.children[0])).not.toContain('glossary-link');
		expect(JSON.stringify(tree.children[1])).toContain('glossary-link');
	});
});

describe('inline Markdown through the pages’ pipeline', () => {
	it('puts the base in front of site links, renders maths with KaTeX and keeps raw HTML as text', async () => {
		const { renderInline } = await import('../../src/lib/site/inline-markdown');
		const html = renderInline('Read [week 3](/weeks/03/) and compute $\\bar{x}$ <img src=x onerror=alert(1)>', '/study/');
		expect(html).toMatch(/^Read <a href="\/study\/weeks\/03\/">week 3<\/a> and compute <span class="katex">/);
		expect(html).not.toMatch(/<img\b|<p>/);
		expect(html).toContain('&#x3C;img src=x onerror=alert(1)>');
		expect(renderInline('**Bold** and `code`', '/')).toBe('<strong>Bold</strong> and <code>code</code>');
	});
});
