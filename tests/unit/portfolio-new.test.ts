// `npm run new`: the pure generator (file name, frontmatter, one template per type,
// every problem as `new: <problem>; <fix>`) and the command itself, in-process against a
// temporary directory and once as the real script with COURSE_ROOT pointing there.
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import matter from 'gray-matter';
import { afterAll, describe, expect, it } from 'vitest';
import { portfolioEntry } from '../../src/content/schema';
import { entryTypes } from '../../src/lib/portfolio/entry-types';
import { localIsoDate, newEntry, nextFriday, slugify, type NewEntry, type NewEntryProblem } from '../../src/lib/portfolio/new-entry';
import { parseNewArgs, runNewCommand } from '../../src/lib/portfolio/new-command';
import { diskIo } from '../../src/lib/portfolio/new-disk';
import { templateHeadings } from '../../src/lib/portfolio/templates';

const run = promisify(execFile);
const today = new Date(2026, 0, 9, 15, 0); // local time; the test project runs with TZ=UTC
const scratch = mkdtempSync(join(tmpdir(), 'portfolio-new-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function created(result: NewEntry | NewEntryProblem): NewEntry {
	if (!result.ok) throw new Error(`expected an entry, got: ${result.problem}; ${result.fix}`);
	return result;
}
function refused(result: NewEntry | NewEntryProblem): NewEntryProblem {
	if (result.ok) throw new Error(`expected a problem, got ${result.path}`);
	return result;
}
const frontmatterOf = (text: string) => matter(text, {}).data as Record<string, unknown>;
const bodyOf = (text: string) => matter(text, {}).content;
const headingsOf = (text: string) => [...bodyOf(text).matchAll(/^## (.+)$/gm)].map((m) => m[1]);

describe('slugify', () => {
	it('makes lowercase ASCII words joined by hyphens', () => {
		expect(slugify("Why I chose Welch's t-test")).toBe('why-i-chose-welchs-t-test');
		expect(slugify('  Naïve Bayes: über-simple?  ')).toBe('naive-bayes-ueber-simple');
		expect(slugify('!!!')).toBe('');
	});
	it('cuts a long title at a word boundary, at most 60 characters', () => {
		const slug = slugify('A very long title about the bias variance trade-off in gradient boosted decision trees');
		expect(slug).toBe('a-very-long-title-about-the-bias-variance-trade-off-in');
		expect(slug.length).toBeLessThanOrEqual(60);
	});
});

describe('nextFriday', () => {
	// Weekdays from python3: datetime.date(2026,1,5).strftime('%A') == 'Monday', (2026,1,9) 'Friday', (2026,1,10) 'Saturday'.
	it('is the first Friday after the date', () => {
		expect(nextFriday('2026-01-05')).toBe('2026-01-09');
		expect(nextFriday('2026-01-09')).toBe('2026-01-16');
		expect(nextFriday('2026-01-10')).toBe('2026-01-16');
		expect(nextFriday('2026-12-28')).toBe('2027-01-01');
	});
});

describe('newEntry', () => {
	it('names the file <date>-<slug>.md and writes a draft the schema accepts', () => {
		const entry = created(newEntry({ type: 'decision', title: "Why I chose Welch's t-test", week: '5', date: '2026-01-12' }, today));
		expect(entry.path).toBe('content/portfolio/2026-01-12-why-i-chose-welchs-t-test.md');
		const data = frontmatterOf(entry.text);
		expect(data).toMatchObject({ type: 'decision', title: "Why I chose Welch's t-test", week: 5, draft: true });
		expect(data.date).toEqual(new Date('2026-01-12T00:00:00Z'));
		expect(portfolioEntry.safeParse(data).success).toBe(true);
	});

	it('dates the entry today (local date) without --week or --date', () => {
		expect(localIsoDate(new Date(2026, 0, 9, 23, 59))).toBe('2026-01-09');
		const entry = created(newEntry({ type: 'retro', title: 'Month 1' }, today));
		expect(entry.path).toBe('content/portfolio/2026-01-09-month-1.md');
		expect(frontmatterOf(entry.text)).not.toHaveProperty('week');
	});

	it('keeps a title with quotes, colons, backslashes and accents exactly', () => {
		const title = 'Bayes: "priors" \\ matter — naïve? #1';
		const entry = created(newEntry({ type: 'explanation', title, date: '2026-01-09' }, today));
		expect(frontmatterOf(entry.text).title).toBe(title);
		expect(entry.path).toBe('content/portfolio/2026-01-09-bayes-priors-matter-naive-1.md');
	});

	it.each(entryTypes)('%s: valid frontmatter and its template headings', (type) => {
		const entry = created(newEntry({ type, title: `A ${type} entry`, week: '3', date: '2026-01-05' }, today));
		const parsed = portfolioEntry.safeParse(frontmatterOf(entry.text));
		expect(parsed.success).toBe(true);
		expect(parsed.data?.type).toBe(type);
		expect(headingsOf(entry.text)).toEqual(templateHeadings(type));
		expect(headingsOf(entry.text).length).toBeGreaterThanOrEqual(2);
	});

	it('adr: the five ADR sections as headings, each with a one-line prompt', () => {
		const { text } = created(newEntry({ type: 'adr', title: 'Serve the model from a container', date: '2026-01-09' }, today));
		expect(headingsOf(text)).toEqual(['Context', 'Decision', 'Rationale', 'Consequences', 'Success metrics']);
		for (const heading of headingsOf(text)) {
			const prompt = bodyOf(text).split(`## ${heading}\n\n`)[1]!.split('\n')[0]!;
			expect(prompt, heading).toMatch(/^[A-Z].{20,}[.?]$/);
		}
	});

	it('prediction: claim, confidence, due the next Friday, outcome pending, Monday and Friday sections', () => {
		const { text } = created(newEntry({ type: 'prediction', title: 'Gradient descent needs scaling', week: '11', date: '2026-01-05' }, today));
		const data = frontmatterOf(text);
		expect(data).toMatchObject({ type: 'prediction', confidence: 0.7, outcome: 'pending', week: 11 });
		expect(typeof data.claim).toBe('string');
		expect(data.due).toEqual(new Date('2026-01-09T00:00:00Z'));
		expect(headingsOf(text)).toEqual(['Monday: the prediction', 'Friday: what happened']);
	});

	it('eda-log: the 30/60/20/10 timing table', () => {
		const { text } = created(newEntry({ type: 'eda-log', title: 'UCI Wine', date: '2026-01-09' }, today));
		const planned = [...text.matchAll(/^\| (Hypotheses|Workflow|Compare|Reflect|Total) \| (\d+) \|/gm)].map((m) => [m[1], Number(m[2])]);
		expect(planned).toEqual([['Hypotheses', 30], ['Workflow', 60], ['Compare', 20], ['Reflect', 10], ['Total', 120]]);
	});

	it('refuses an unknown or missing type, listing the types', () => {
		const unknown = refused(newEntry({ type: 'blog', title: 'x' }, today));
		expect(unknown.problem).toBe('unknown entry type "blog"');
		expect(unknown.fix).toBe('use one of decision, adr, prediction, comparison, explanation, eda-log, retro');
		expect(refused(newEntry({ title: 'x' }, today)).problem).toBe('no entry type given');
	});

	it.each([
		[{ type: 'decision' }, 'the title is empty'],
		[{ type: 'decision', title: '   ' }, 'the title is empty'],
		[{ type: 'decision', title: '?!' }, 'the title "?!" has no letters or digits'],
		[{ type: 'decision', title: 'a\nb' }, 'the title has a line break'],
		[{ type: 'decision', title: 'x', week: '0' }, '--week must be a whole number from 1 to 24, not "0"'],
		[{ type: 'decision', title: 'x', week: '25' }, '--week must be a whole number from 1 to 24, not "25"'],
		[{ type: 'decision', title: 'x', week: '5.5' }, '--week must be a whole number from 1 to 24, not "5.5"'],
		[{ type: 'decision', title: 'x', week: 'five' }, '--week must be a whole number from 1 to 24, not "five"'],
		[{ type: 'decision', title: 'x', date: '2026-02-30' }, '--date must be a real date written YYYY-MM-DD, not "2026-02-30"'],
		[{ type: 'decision', title: 'x', date: '09/01/2026' }, '--date must be a real date written YYYY-MM-DD, not "09/01/2026"'],
	])('refuses %j: %s', (request, problem) => {
		const result = refused(newEntry(request, today));
		expect(result.problem).toBe(problem);
		expect(result.fix.length).toBeGreaterThan(10);
	});
});

describe('parseNewArgs', () => {
	it('reads the type, the title and both options in any order, with or without =', () => {
		expect(parseNewArgs(['--week', '5', 'decision', 'My title', '--date=2026-01-09'])).toEqual({ ok: true, help: false, request: { type: 'decision', title: 'My title', week: '5', date: '2026-01-09' } });
	});
	it('refuses unknown options, missing values and an unquoted title', () => {
		expect(parseNewArgs(['decision', 'x', '--wek', '5'])).toMatchObject({ ok: false, problem: 'unknown option "--wek"' });
		expect(parseNewArgs(['decision', 'x', '--week'])).toMatchObject({ ok: false, problem: '--week needs a value' });
		expect(parseNewArgs(['decision', 'My', 'title'])).toMatchObject({ ok: false, problem: 'expected a type and one title, got 3 words' });
	});
});

describe('runNewCommand in a temporary course root', () => {
	function inRoot(name: string) {
		const root = join(scratch, name);
		const out: string[] = [];
		const err: string[] = [];
		const io = { ...diskIo(root), today, out: (l: string) => out.push(l), err: (l: string) => err.push(l) };
		return { root, out, err, run: (...argv: string[]) => runNewCommand(argv, io) };
	}

	it('creates the file and says where; never overwrites it', () => {
		const cli = inRoot('create');
		expect(cli.run('comparison', 'Three ways to group means', '--week', '4')).toBe(0);
		const file = join(cli.root, 'content/portfolio/2026-01-09-three-ways-to-group-means.md');
		expect(cli.out).toEqual([expect.stringMatching(/^created content\/portfolio\/2026-01-09-three-ways-to-group-means\.md /)]);
		expect(frontmatterOf(readFileSync(file, 'utf8'))).toMatchObject({ type: 'comparison', week: 4 });

		writeFileSync(file, 'my own words\n');
		expect(cli.run('comparison', 'Three ways to group means', '--week', '4')).toBe(1);
		expect(cli.err).toEqual(['new: content/portfolio/2026-01-09-three-ways-to-group-means.md already exists; edit that file, or choose another title or --date']);
		expect(readFileSync(file, 'utf8')).toBe('my own words\n');
	});

	it.each([
		[['blog', 'x'], 'new: unknown entry type "blog"; use one of decision, adr, prediction, comparison, explanation, eda-log, retro'],
		[['decision', ''], /^new: the title is empty; /],
		[['decision', 'x', '--week', '30'], /^new: --week must be a whole number from 1 to 24, not "30"; /],
		[['decision', 'x', '--date', '2026-13-01'], /^new: --date must be a real date written YYYY-MM-DD, not "2026-13-01"; /],
		[[], /^new: no entry type given; write npm run new -- <type> "<title>"/],
	])('%j: one line on stderr, exit 1, nothing written', (argv, message) => {
		const cli = inRoot(`bad-${argv.join('-') || 'empty'}`.replace(/[^a-z0-9-]/gi, '_'));
		expect(cli.run(...argv)).toBe(1);
		expect(cli.err).toHaveLength(1);
		expect(cli.err[0]).toMatch(typeof message === 'string' ? new RegExp(`^${message.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) : message);
		expect(cli.out).toEqual([]);
		expect(existsSync(cli.root)).toBe(false);
	});

	it('prints the usage and the types for --help', () => {
		const cli = inRoot('help');
		expect(cli.run('--help')).toBe(0);
		expect(cli.out.join('\n')).toContain('types: decision, adr, prediction, comparison, explanation, eda-log, retro');
	});
});

describe('scripts/new.ts', () => {
	const script = (root: string, ...argv: string[]) =>
		run(process.execPath, ['--import', 'tsx', 'scripts/new.ts', ...argv], { env: { ...process.env, COURSE_ROOT: root } }).then(
			({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
			(e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
		);

	it('writes under COURSE_ROOT and exits 0; bad input exits 1 with one line and no file', { timeout: 60_000 }, async () => {
		const root = join(scratch, 'script');
		const ok = await script(root, 'prediction', 'Scaling fixes divergence', '--week', '11', '--date', '2026-01-05');
		expect(ok.code).toBe(0);
		expect(readdirSync(join(root, 'content/portfolio'))).toEqual(['2026-01-05-scaling-fixes-divergence.md']);

		const bad = await script(root, 'predicton', 'Typo in the type');
		expect(bad.code).toBe(1);
		expect(bad.stderr.trim().split('\n')).toEqual(['new: unknown entry type "predicton"; use one of decision, adr, prediction, comparison, explanation, eda-log, retro']);
		expect(readdirSync(join(root, 'content/portfolio'))).toEqual(['2026-01-05-scaling-fixes-divergence.md']);
	});
});
