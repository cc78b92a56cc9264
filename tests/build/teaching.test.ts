// Every page teaches: the built HTML of each week has all the parts a learner works
// through, and the month, track, practice and glossary pages are complete.
import { describe, expect, it } from 'vitest';
import { allPages, mainText, readPage } from '../support/dist';

const pad = (n: number) => String(n).padStart(2, '0');
const weeks = Array.from({ length: 24 }, (_, i) => i + 1);

/** Elements after the h2 `#from` up to the next h2. */
function section(doc: Document, id: string): Element[] {
	const start = doc.getElementById(id);
	const out: Element[] = [];
	for (let el = start?.nextElementSibling ?? null; el && el.tagName !== 'H2'; el = el.nextElementSibling) out.push(el);
	return out;
}

function words(elements: Element[]): number {
	return elements
		.map((el) => {
			const copy = el.cloneNode(true) as Element;
			copy.querySelectorAll('pre, .katex-display, .katex-mathml').forEach((n) => n.remove());
			return copy.textContent ?? '';
		})
		.join(' ')
		.split(/\s+/)
		.filter((w) => /\w/.test(w)).length;
}

describe.each(weeks)('week %i', (week) => {
	const doc = readPage(`/weeks/${pad(week)}/`);
	const h2 = [...doc.querySelectorAll('main h2')].map((h) => h.id);

	it('has every part, in order', () => {
		const wanted = ['why', 'checklist', 'deliverable', 'the-ideas', 'in-code', 'how-to-do-the-practice', 'self-check', 'where-this-leads'];
		expect(h2.filter((id) => wanted.includes(id))).toEqual(wanted);
	});
	it('explains why the week matters in two or three sentences', () => {
		const why = doc.querySelector('.why')?.textContent ?? '';
		expect(why.split(/[.!?](\s|$)/).filter((s) => s.trim().length > 3).length).toBeGreaterThanOrEqual(2);
	});
	it('teaches the ideas in 600 to 1,500 words with a worked example and the common mistakes', () => {
		const ideas = section(doc, 'the-ideas');
		const count = words(ideas);
		expect(count).toBeGreaterThanOrEqual(600);
		expect(count).toBeLessThanOrEqual(1500);
		const h3 = ideas.filter((el) => el.tagName === 'H3').map((el) => el.textContent);
		expect(h3).toEqual(expect.arrayContaining(['A worked example', 'Mistakes to avoid']));
	});
	it('has at least one highlighted Python example', () => {
		const code = section(doc, 'in-code').filter((el) => el.matches('pre.astro-code[data-language="python"]'));
		expect(code.length).toBeGreaterThanOrEqual(1);
		expect(code[0]!.querySelectorAll('span[style]').length).toBeGreaterThan(10);
	});
	it('turns the practice into steps', () => {
		expect(section(doc, 'how-to-do-the-practice').some((el) => el.tagName === 'OL' && el.children.length >= 3)).toBe(true);
	});
	it('has 3 to 5 self-check questions with hidden answers', () => {
		const details = section(doc, 'self-check').filter((el) => el.tagName === 'DETAILS');
		expect(details.length).toBeGreaterThanOrEqual(3);
		expect(details.length).toBeLessThanOrEqual(5);
		for (const d of details) expect(d.querySelector('summary')?.textContent?.trim()).toMatch(/\S/);
	});
	it('gives the deliverable a rubric and names exact chapters to read', () => {
		expect(doc.querySelectorAll('.deliverable .criteria li').length).toBeGreaterThanOrEqual(3);
		const reading = [...doc.querySelectorAll('ul[aria-label^="Reading"] label')].map((l) => l.textContent ?? '');
		expect(reading.length).toBeGreaterThan(0);
		for (const r of reading) expect(r).toMatch(/^Read .+(chapter|section|:)/);
	});
	it('leads on to the month checkpoint and the micro-skills', () => {
		const leads = section(doc, 'where-this-leads');
		const links = leads.flatMap((el) => [...el.querySelectorAll('a')]).map((a) => a.getAttribute('href') ?? '');
		expect(links.some((href) => /\/months\/[123]\/$/.test(href))).toBe(true);
		expect(links.some((href) => href.includes('/skills/#'))).toBe(true);
	});
});

describe('month, track and practice pages', () => {
	it.each([1, 2, 3])('month %i gives the project as steps and explains the rubric', (month) => {
		const doc = readPage(`/months/${month}/`);
		const steps = section(doc, 'the-integration-project').filter((el) => el.tagName === 'OL');
		expect(steps.some((ol) => ol.children.length >= 3)).toBe(true);
		expect(mainText(doc)).toMatch(/Reality check/);
	});
	it.each(['eda/1', 'eda/2', 'eda/3', 'eda/4', 'eda/5', 'bayes/1', 'bayes/2', 'bayes/3'])('track week %s has its focus, exercises, measure and self-check', (path) => {
		const doc = readPage(`/tracks/${path}/`);
		const ids = [...doc.querySelectorAll('main h2')].map((h) => h.id);
		expect(ids).toEqual(expect.arrayContaining(['the-focus', 'exercises', 'measuring-the-goal', 'self-check']));
	});
	it('has a page for every practice routine and framework of the plan', () => {
		const practice = allPages().filter((p) => /^\/practice\/[^/]+\/$/.test(p));
		expect(practice.length).toBeGreaterThanOrEqual(14);
	});
	it('links glossary terms from the pages that use them', () => {
		const doc = readPage('/glossary/');
		expect(doc.querySelectorAll('dl.glossary > div[id]').length).toBeGreaterThanOrEqual(50);
		const linked = weeks.filter((w) => readPage(`/weeks/${pad(w)}/`).querySelector('a.glossary-link'));
		expect(linked.length).toBe(24);
	});
});
