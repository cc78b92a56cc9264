// The built book (dist/, from `npm run build`): every week, month and track page
// exists with its parts, every plan item is visible, the search index is there.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { allPages, distDir, hasPage, mainText, normalise, readPage } from '../support/dist';
import { planItems } from '../../src/lib/course/plan-items';
import { configured, siteHref } from '../support/course';

const weeks = Array.from({ length: 24 }, (_, i) => i + 1);
const pad = (n: number) => String(n).padStart(2, '0');

describe('week pages', () => {
	it.each(weeks)('week %i has its title, time budget, checklist and deliverable', (week) => {
		const doc = readPage(`/weeks/${pad(week)}/`);
		expect(doc.querySelector('h1')?.textContent).toMatch(new RegExp(`^Week ${week}: \\S`));
		expect(mainText(doc)).toMatch(/Time budget: \d+(–\d+)? hours this week/);
		const practice = doc.querySelectorAll(`ul[aria-label="Practice for week ${week}"] input[type=checkbox]`);
		expect(practice.length).toBeGreaterThan(0);
		const deliverable = doc.querySelector('.deliverable');
		expect(deliverable?.querySelector('input[type=checkbox][data-item]')).not.toBeNull();
		expect(deliverable?.querySelectorAll('.criteria li').length).toBeGreaterThanOrEqual(1);
	});
});

describe('month pages', () => {
	it.each([1, 2, 3])('month %i shows its checkpoint, rubric, project and reality check', (month) => {
		const doc = readPage(`/months/${month}/`);
		const text = mainText(doc);
		expect(doc.querySelector('#checkpoint')).not.toBeNull();
		expect(text).toMatch(/Emerging.*Developing.*Confident/);
		expect(doc.querySelector('#project')?.textContent).toMatch(/^Integration project: \S/);
		expect(doc.querySelector('blockquote.reality-check')?.textContent?.trim().length).toBeGreaterThan(20);
	});
});

describe('track pages', () => {
	const trackWeeks = [...[1, 2, 3, 4, 5].map((w) => `/tracks/eda/${w}/`), ...[1, 2, 3].map((w) => `/tracks/bayes/${w}/`)];
	it('has 8 track week pages and the two track overviews', () => {
		expect(trackWeeks.filter((p) => hasPage(p))).toEqual(trackWeeks);
		expect(hasPage('/tracks/eda/') && hasPage('/tracks/bayes/')).toBe(true);
	});
	it.each(trackWeeks)('%s shows its tasks and measurable goal', (path) => {
		const doc = readPage(path);
		expect(doc.querySelectorAll('input[type=checkbox][data-item]').length).toBeGreaterThanOrEqual(2);
		expect(mainText(doc)).toMatch(/How to measure: \S/);
	});
});

describe('the plan', () => {
	const plan = readFileSync('content/source/learning-plan.md', 'utf8');
	const items = planItems(plan);
	const siteText = normalise(allPages().map((p) => mainText(readPage(p))).join(' \n '));

	it('finds the plan items to check', () => {
		expect(items.length).toBeGreaterThan(150);
	});
	it.each(items.map((i) => [i.line, i.text] as const))('plan line %i is in the book: %s', (_line, text) => {
		expect(siteText).toContain(normalise(text));
	});
});

describe('search', () => {
	it('has a Pagefind index covering the weeks', () => {
		const entry = join(distDir, 'pagefind/pagefind-entry.json');
		expect(existsSync(entry)).toBe(true);
		const index = JSON.parse(readFileSync(entry, 'utf8')) as { languages: Record<string, { page_count: number }> };
		const pages = Object.values(index.languages).reduce((n, l) => n + l.page_count, 0);
		expect(pages).toBeGreaterThanOrEqual(24 + 3 + 8);
	});
	it('indexes month, track and skill filters', () => {
		const doc = readPage('/weeks/05/');
		const filters = [...doc.querySelectorAll('[data-pagefind-filter]')].map((e) => e.getAttribute('data-pagefind-filter'));
		expect(filters).toContain('month:Month 1');
		expect(filters.some((f) => f?.startsWith('skill:'))).toBe(true);
		expect(filters.some((f) => f?.startsWith('track:'))).toBe(true);
	});
});

describe('site furniture', () => {
	it('has a 404 page, a sitemap and a favicon', () => {
		expect(existsSync(join(distDir, '404.html'))).toBe(true);
		expect(existsSync(join(distDir, 'sitemap-index.xml'))).toBe(true);
		expect(existsSync(join(distDir, 'favicon.svg'))).toBe(true);
	});
	it('serves KaTeX fonts itself and requests nothing from other hosts', () => {
		const html = allPages().map((p) => readFileSync(join(distDir, p, p.endsWith('/') ? 'index.html' : ''), 'utf8')).join('\n');
		const external = [...html.matchAll(/<(?:script|link|img)[^>]+(?:src|href)="(https?:\/\/[^"]+)"/g)].map((m) => m[1]).filter((u) => !u?.startsWith(configured.site));
		expect(external).toEqual([]);
		expect(html).toMatch(/katex/);
	});
});

describe('notebooks', () => {
	it('renders every starter notebook as a page linked from its week, with a download link', () => {
		const weeksWithNotebook = weeks.filter((w) => readPage(`/weeks/${pad(w)}/`).querySelector('a[href$=".ipynb"]'));
		expect(weeksWithNotebook.length).toBeGreaterThanOrEqual(20);
		for (const week of weeksWithNotebook) {
			const doc = readPage(`/weeks/${pad(week)}/`);
			const online = doc.querySelector(`a[href^="${siteHref('/notebooks/')}"][href$="/"]`)?.getAttribute('href');
			expect(online, `week ${week}`).toBeTruthy();
			const notebook = readPage(`/${online!.slice(configured.base.length)}`);
			expect(notebook.querySelectorAll('main pre.astro-code').length).toBeGreaterThan(0);
			expect(notebook.querySelector('a[href$=".ipynb"][download]')).not.toBeNull();
			expect(notebook.querySelector(`a[href="${siteHref(`/weeks/${pad(week)}/`)}"]`)).not.toBeNull();
		}
	});
});
