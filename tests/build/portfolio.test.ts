// The portfolio as built. The book itself shows the learner's published entries, or
// upstream's example entry while there are none (never in the feed). Then a fixture
// fork (a copy of the content whose content/portfolio/ holds a decision, drafts,
// predictions and a published content/progress.json, via COURSE_ROOT) built under
// /study-plan/: entries are listed and rendered, drafts stay out, links carry the
// base, the feed links absolutely, calibration and progress show.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import matter from 'gray-matter';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { distDir, hasPage, mainText, readPage } from '../support/dist';
import { configured, siteHref } from '../support/course';

const WELCH = '2026-01-09-why-welch';
const EXAMPLE_FILE = 'content/examples/portfolio-entry.md';

/** Every <item> of an RSS file, with its link. */
function feedItems(xml: string): Array<{ title: string; link: string }> {
	return [...xml.matchAll(/<item>([\s\S]*?)<\/item>/g)].map(([, item]) => ({
		title: /<title>([^<]*)<\/title>/.exec(item!)?.[1] ?? '',
		link: /<link>([^<]*)<\/link>/.exec(item!)?.[1] ?? '',
	}));
}

const scriptSources = (doc: Document) => [...doc.querySelectorAll('script[src]')].map((s) => s.getAttribute('src')).sort();

/** The learner's own published entries in this copy (file names without extension), whatever they are. */
function publishedEntries(): string[] {
	const dir = 'content/portfolio';
	if (!existsSync(dir)) return [];
	return (readdirSync(dir, { recursive: true }) as string[])
		.filter((f) => /\.mdx?$/.test(f) && matter(readFileSync(join(dir, f), 'utf8')).data.draft !== true)
		.map((f) => f.replace(/\.mdx?$/, '').split('/').at(-1)!);
}

describe('the portfolio in the book', () => {
	const published = publishedEntries();

	it('lists the learner’s published entries, or shows the example entry while there are none', () => {
		const doc = readPage('/portfolio/');
		const listed = [...doc.querySelectorAll('[data-entry]')].map((e) => e.getAttribute('data-entry'));
		expect(listed.sort()).toEqual([...published].sort());
		const example = doc.querySelector('[data-example-entry]');
		if (published.length > 0) {
			expect(example).toBeNull();
			return;
		}
		const { data } = matter(readFileSync(EXAMPLE_FILE, 'utf8'));
		expect(example?.querySelector('h3')?.textContent).toBe(data.title);
		expect(example?.querySelector('.body h2')?.textContent).toBe('The situation');
		expect(example?.querySelector(`a[href="${siteHref('/weeks/05/')}"]`)).not.toBeNull();
		const xml = readFileSync(join(distDir, 'portfolio/rss.xml'), 'utf8');
		expect(feedItems(xml)).toEqual([]);
		expect(hasPage('/portfolio/example/')).toBe(false);
	});

	it('has an RSS feed linked from the page head', () => {
		const xml = readFileSync(join(distDir, 'portfolio/rss.xml'), 'utf8');
		expect(xml).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?><rss version="2.0">/);
		expect(xml).toContain(`<title>${configured.title}: portfolio of ${configured.author}</title>`);
		const alternate = readPage('/portfolio/').querySelector('head link[rel="alternate"][type="application/rss+xml"]');
		expect(alternate?.getAttribute('href')).toBe(siteHref('/portfolio/rss.xml'));
	});

	it('is linked from the sidebar reference group and the footer on every page', () => {
		const doc = readPage('/weeks/01/');
		expect(doc.querySelector(`#site-nav a[href="${siteHref('/portfolio/')}"]`)?.textContent).toBe('Portfolio');
		expect(doc.querySelector(`.site-footer a[href="${siteHref('/portfolio/')}"]`)?.textContent).toBe('Portfolio');
	});

	it('adds no JavaScript beyond what a page without islands has', () => {
		expect(scriptSources(readPage('/portfolio/'))).toEqual(scriptSources(readPage('/resources/')));
	});
});

describe("a learner's fork under /study-plan/", () => {
	const root = mkdtempSync(join(tmpdir(), 'portfolio-course-'));
	const out = join(root, 'dist');
	afterAll(() => rmSync(root, { recursive: true, force: true }));

	const entry = (name: string, frontmatter: string, body = 'Text.') =>
		writeFileSync(join(root, 'content/portfolio', `${name}.md`), `---\n${frontmatter.trim()}\n---\n\n${body}\n`);

	beforeAll(() => {
		// The learner's own entries and progress stay out: the fixture is the same in every fork.
		cpSync('content', join(root, 'content'), { recursive: true });
		rmSync(join(root, 'content/portfolio'), { recursive: true, force: true });
		rmSync(join(root, 'content/progress.json'), { force: true });
		mkdirSync(join(root, 'content/portfolio'));
		cpSync('notebooks', join(root, 'notebooks'), { recursive: true });
		// What the pages' numbers and the drills' answers are read from: the frozen outputs and the data they were computed on.
		cpSync('outputs', join(root, 'outputs'), { recursive: true });
		cpSync('public/data', join(root, 'public/data'), { recursive: true });
		cpSync(EXAMPLE_FILE, join(root, 'content/portfolio', `${WELCH}.md`));
		entry('2026-02-01-half-written', 'type: decision\ntitle: Half-written decision\ndate: 2026-02-01\ndraft: true');
		entry('2026-02-02-draft-prediction', 'type: prediction\ntitle: Draft prediction\ndate: 2026-02-02\nclaim: Never counted\nconfidence: 0.5\ndue: 2026-02-06\noutcome: right\ndraft: true');
		entry('2026-01-12-scaling', 'type: prediction\ntitle: Scaling fixes divergence\ndate: 2026-01-12\nweek: 11\nclaim: Gradient descent diverges until I standardise\nconfidence: 0.7\ndue: 2026-01-16\noutcome: right');
		entry('2026-01-13-sklearn', 'type: prediction\ntitle: Matching scikit-learn takes an hour\ndate: 2026-01-13\nclaim: Matching the coefficients takes more than an hour\nconfidence: 0.7\ndue: 2026-01-16\noutcome: wrong');
		entry('2026-01-14-accuracy', 'type: prediction\ntitle: Accuracy above 0.95\ndate: 2026-01-14\nclaim: Hold-out accuracy of at least 0.95\nconfidence: 0.9\ndue: 2026-01-16\noutcome: right');
		entry('2026-01-15-latency', 'type: prediction\ntitle: Training under a second\ndate: 2026-01-15\nclaim: My version trains in under one second\nconfidence: 0.6\ndue: 2026-01-23\noutcome: pending');
		const tick = (at: number, checked = true) => ({ checked, at });
		const progress = {
			format: 'ai-eng-plan-progress',
			version: 1,
			siteId: configured.storageId,
			exportedAt: '2026-02-01T09:30:00.000Z',
			ticks: { 'w01-read-think-stats-1': tick(1), 'w01-describe-penguins': tick(2), 'w01-describe-wine': tick(3, false), 'm1-checkpoint': tick(4) },
			settings: {},
		};
		writeFileSync(join(root, 'content/progress.json'), JSON.stringify(progress, null, '\t'));

		execFileSync(process.execPath, ['--import', 'tsx', 'scripts/validate.ts', root], { stdio: 'pipe' });
		// Astro caches content entries (and their module imports) in node_modules/.astro, shared with the
		// book's own builds: this fork's entries, deleted after the test, would otherwise break the next
		// `npm run build`. A config that extends the book's with its own cacheDir keeps them apart.
		const config = join(root, 'astro.config.mjs');
		writeFileSync(config, `import config from ${JSON.stringify(pathToFileURL(resolve('astro.config.mjs')).href)};\nexport default { ...config, cacheDir: ${JSON.stringify(join(root, '.astro-cache'))} };\n`);
		execFileSync(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build', '--config', relative(process.cwd(), config), '--outDir', out], {
			// A clean environment: Vitest's own variables (NODE_ENV=test, BASE_URL, MODE…) would leak into Vite.
			env: { PATH: process.env.PATH, HOME: process.env.HOME, TZ: 'UTC', COURSE_ROOT: root, BASE: '/study-plan/', SITE: 'https://user.github.io', ASTRO_TELEMETRY_DISABLED: '1' },
			stdio: 'pipe',
		});
	});

	it('lists published entries newest first and leaves drafts out of the list, the pages and the feed', () => {
		const doc = readPage('/portfolio/', out);
		const listed = [...doc.querySelectorAll('[data-entry]')].map((e) => e.getAttribute('data-entry'));
		expect(listed).toEqual([WELCH, '2026-01-15-latency', '2026-01-14-accuracy', '2026-01-13-sklearn', '2026-01-12-scaling']);
		expect(doc.querySelector('[data-example-entry]')).toBeNull();
		expect(hasPage('/portfolio/2026-02-01-half-written/', out)).toBe(false);
		expect(hasPage('/portfolio/2026-02-02-draft-prediction/', out)).toBe(false);
		expect(mainText(doc)).not.toMatch(/Half-written|Draft prediction/);
		const xml = readFileSync(join(out, 'portfolio/rss.xml'), 'utf8');
		expect(xml).not.toMatch(/Half-written|Draft prediction/);
	});

	it('lists an entry with its type, date, week link and summary, and renders it', () => {
		const doc = readPage('/portfolio/', out);
		const item = doc.querySelector(`[data-entry="${WELCH}"]`);
		expect(item?.querySelector(`a[href="/study-plan/portfolio/${WELCH}/"]`)?.textContent).toMatch(/^Why I use Welch's t-test/);
		expect(item?.closest('section')?.querySelector('h2')?.textContent).toBe('Technical decisions');
		expect(item?.querySelector('time[datetime="2026-01-09"]')?.textContent).toBe('9 Jan 2026');
		expect(item?.querySelector('a[href="/study-plan/weeks/05/"]')?.textContent).toBe('Week 5');
		expect(item?.textContent).toContain("Welch's test does not pool");
		expect(doc.querySelector('a[href="#decision"]')?.textContent).toBe('Technical decisions (1)');
		const page = readPage(`/portfolio/${WELCH}/`, out);
		expect(page.querySelector('h1')?.textContent).toBe("Why I use Welch's t-test, not Student's, when the variances may differ");
		expect(page.querySelector('.portfolio-facts a[href="/study-plan/weeks/05/"]')).not.toBeNull();
		expect(page.querySelector('main h2')?.textContent).toBe('The situation');
	});

	it('links entries and the feed under the base path, and the feed absolutely', () => {
		const doc = readPage('/portfolio/', out);
		expect(doc.querySelector(`a[href="/study-plan/portfolio/${WELCH}/"]`)).not.toBeNull();
		expect(doc.querySelector('head link[rel="alternate"]')?.getAttribute('href')).toBe('/study-plan/portfolio/rss.xml');
		const links = feedItems(readFileSync(join(out, 'portfolio/rss.xml'), 'utf8')).map((i) => i.link);
		expect(links).toHaveLength(5);
		expect(links).toContain(`https://user.github.io/study-plan/portfolio/${WELCH}/`);
		expect(links.every((l) => l.startsWith('https://user.github.io/study-plan/portfolio/'))).toBe(true);
	});

	it('shows a prediction with its claim, confidence as a percentage, due date and outcome', () => {
		const facts = [...readPage('/portfolio/2026-01-12-scaling/', out).querySelectorAll('.portfolio-facts div')].map((d) => d.textContent?.replace(/\s+/g, ' ').trim());
		expect(facts).toEqual([
			'Date: 12 Jan 2026',
			'Week: Week 11',
			'Claim: Gradient descent diverges until I standardise',
			'Confidence: 70%',
			'Due: 16 Jan 2026',
			'Outcome: Came true',
		]);
	});

	it('shows the calibration of resolved, published predictions per confidence band', () => {
		const doc = readPage('/portfolio/', out);
		const section = doc.querySelector('section[aria-labelledby="calibration-heading"]');
		// 3 resolved (0.7 right, 0.7 wrong, 0.9 right): 2 of 3 came true; the pending one and the draft do not count.
		// Brier: /tmp/py/bin/python -c "import numpy as np; c=np.array([.7,.7,.9]); y=np.array([1,0,1]); print(round(((c-y)**2).mean(),3))" -> 0.197
		expect(section?.textContent?.replace(/\s+/g, ' ')).toMatch(/Of 3 resolved predictions, 67% came true \(partly right counts as half\); Brier score 0\.197, .* 1 more pending\. /);
		const rows = [...(section?.querySelectorAll('tbody tr') ?? [])].map((r) => [...r.children].map((c) => c.textContent?.trim()));
		expect(rows).toEqual([
			['50–59%', '0', '—', '—', '—'],
			['60–69%', '0', '—', '—', '—'],
			['70–79%', '2', '1', '50%', '70%'],
			['80–89%', '0', '—', '—', '—'],
			['90–100%', '1', '1', '100%', '90%'],
		]);
	});

	it('shows the published progress by month and by week as static charts with tables', () => {
		const doc = readPage('/portfolio/', out);
		const snapshot = doc.querySelector('section[aria-labelledby="snapshot-heading"]');
		expect(snapshot?.textContent?.replace(/\s+/g, ' ')).toMatch(/exported on 1 Feb 2026: 3 of \d+ week and month checklist items done/);
		const chart = (id: string) => doc.querySelector(`section[aria-labelledby="${id}-heading"]`);
		const row = (id: string, label: string) =>
			[...(chart(id)?.querySelectorAll('tbody tr') ?? [])].find((r) => r.querySelector('th')?.textContent === label);
		expect(chart('snapshot-by-month')?.querySelector('svg[aria-label="Completion by month"]')).not.toBeNull();
		expect(chart('snapshot-by-week')?.querySelector('svg[aria-label="Completion by week"]')).not.toBeNull();
		expect(row('snapshot-by-month', 'Month 1')?.querySelector('td')?.textContent).toBe('3');
		expect(row('snapshot-by-week', 'Week 1')?.querySelector('td')?.textContent).toBe('2');
		expect(row('snapshot-by-week', 'Week 1')?.querySelector('a')?.getAttribute('href')).toBe('/study-plan/weeks/01/');
		expect(row('snapshot-by-week', 'Week 2')?.querySelector('td')?.textContent).toBe('0');
	});

	it('shows a snapshot in the book itself only when it has a content/progress.json', () => {
		const snapshot = readPage('/portfolio/').querySelector('section[aria-labelledby="snapshot-heading"]');
		expect(snapshot !== null).toBe(existsSync('content/progress.json'));
	});
});
