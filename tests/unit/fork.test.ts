// What a fork meets first: a config whose dates are checked, entry titles in any script,
// unfinished entries refused with their line, and progress from another copy of the course.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { courseConfigProblems, courseConfigSchema, isCalendarDate, normaliseBase, pagesMismatches, startDateWarning } from '../../src/lib/config';
import { newEntry, slugify } from '../../src/lib/portfolio/new-entry';
import { placeholderProblems } from '../../src/lib/portfolio/placeholders';
import { parseProgressFile } from '../../src/lib/progress/import';
import { previewImport } from '../../src/lib/progress/merge-import';
import { validateContent } from '../../src/lib/validate/index';
import { formatProblem } from '../../src/lib/validate/problem';

const config = { title: 't', tagline: 't', author: 'a', site: 'https://x.github.io', storageId: 'my-plan' };

describe('course.config.ts', () => {
	it('accepts real dates and refuses impossible ones', () => {
		expect(isCalendarDate('2027-03-01')).toBe(true);
		expect(isCalendarDate('2028-02-29')).toBe(true);
		expect(isCalendarDate('2027-02-29')).toBe(false);
		expect(isCalendarDate('2027-02-30')).toBe(false);
		expect(isCalendarDate('2027-13-01')).toBe(false);
		expect(isCalendarDate('1 March 2027')).toBe(false);
		const parsed = courseConfigSchema.safeParse({ ...config, startDate: '2027-02-30' });
		expect(parsed.success).toBe(false);
		expect(parsed.error?.issues[0]?.message).toMatch(/real date written YYYY-MM-DD/);
		expect(courseConfigSchema.parse({ ...config, startDate: '2027-03-01' }).startDate).toBe('2027-03-01');
	});

	it('warns with the line when week 1 does not start on a Monday', () => {
		// Weekdays: /usr/bin/python3 -c "import datetime as d; print(d.date(2027,3,1).strftime('%A'), d.date(2027,3,3).strftime('%A'))" -> Monday Wednesday
		const text = "export default defineCourseConfig({\n\ttitle: 'x',\n\tstartDate: '2027-03-03',\n});\n";
		expect(startDateWarning('2027-03-01', text)).toBeNull();
		expect(startDateWarning(null, text)).toBeNull();
		expect(startDateWarning('2027-03-03', text)).toBe(
			'course.config.ts:3: startDate 2027-03-03 is a Wednesday, so every course week would start on a Wednesday; set it to the Monday of that week, 2027-03-01, unless you mean it',
		);
	});

	it('normalises the base path however it is written', () => {
		expect(['study', '/study', 'study/', '//study//'].map(normaliseBase)).toEqual(Array(4).fill('/study/'));
		expect(normaliseBase('')).toBe('/');
		expect(normaliseBase('/')).toBe('/');
	});

	it('documents every value in the schema, so the learner’s file holds values only', () => {
		for (const [key, field] of Object.entries(courseConfigSchema.shape)) expect(field.description, key).toMatch(/\S/);
	});
});

describe('npm run new with any title', () => {
	const today = new Date(2027, 2, 1);
	it('transliterates titles in other scripts into the file name', () => {
		expect(slugify('Почему тест Уэлча')).toBe('pochemu-test-uelcha');
		expect(slugify('Warum ich Welch nehme — Größe')).toBe('warum-ich-welch-nehme-groesse');
		const entry = newEntry({ type: 'decision', title: 'Почему тест Уэлча' }, today);
		expect(entry.ok && entry.path).toBe('content/portfolio/2027-03-01-pochemu-test-uelcha.md');
		expect(entry.ok && entry.text).toContain('title: "Почему тест Уэлча"');
	});
	it('names the file after the type when the title has no Latin spelling', () => {
		const entry = newEntry({ type: 'explanation', title: '为什么选择韦尔奇检验' }, today);
		expect(entry.ok && entry.path).toBe('content/portfolio/2027-03-01-explanation.md');
		expect(entry.ok && entry.text).toContain('title: "为什么选择韦尔奇检验"');
	});
});

describe('an entry still holding the template', () => {
	const made = newEntry({ type: 'prediction', title: 'Scaling fixes divergence', week: '11' }, new Date(2027, 2, 1));
	if (!made.ok) throw new Error(made.problem);
	const published = made.text.replace(/^# Delete this line.*\ndraft: true\n/m, '');
	const tree = (files: Record<string, string>) => ({
		list: (dir: string) => Object.keys(files).filter((f) => f.startsWith(`${dir}/`)),
		read: (path: string) => files[path] ?? null,
	});

	it('is refused once published, at the line of each prompt left in it', () => {
		const problems = placeholderProblems(made.path, published);
		const lines = published.split('\n');
		expect(problems.length).toBeGreaterThanOrEqual(4);
		for (const p of problems) {
			expect(p.file).toBe(made.path);
			expect(p.message).toMatch(/still holds the template's text/);
			expect(p.fix).toMatch(/draft: true/);
		}
		expect(problems.map((p) => lines[(p.line ?? 0) - 1])).toEqual(expect.arrayContaining([expect.stringMatching(/^summary: /), expect.stringMatching(/^claim: /)]));
		expect(formatProblem(problems[0]!)).toMatch(new RegExp(`^content/portfolio/2027-03-01-scaling-fixes-divergence\\.md:${problems[0]!.line}: `));
	});

	it('passes once every prompt is replaced, and as a draft whatever it holds', () => {
		const finished = published
			.replace(/^summary: .*$/m, 'summary: "Standardising the features stopped the divergence."')
			.replace(/^claim: .*$/m, 'claim: "Gradient descent diverges until I standardise"')
			.replace(/^## (.+)\n\n[\s\S]*?(?=\n## |$)/gm, '## $1\n\nMy own words.\n');
		expect(placeholderProblems(made.path, finished)).toEqual([]);
		const inValidator = (text: string) => validateContent(tree({ [made.path]: text })).filter((p) => p.file === made.path);
		expect(inValidator(made.text)).toEqual([]);
		expect(inValidator(published).length).toBe(placeholderProblems(made.path, published).length);
	});
});

describe('progress from another copy of the course', () => {
	const NOW = Date.UTC(2027, 2, 10);
	const file = (siteId: string) =>
		JSON.stringify({ format: 'ai-eng-plan-progress', version: 1, siteId, exportedAt: '2027-03-09T12:00:00.000Z', ticks: { 'w01-read-think-stats-1': { checked: true, at: NOW - 1000 } }, settings: {} });

	it('is accepted, says where it came from and applies under this copy’s id', () => {
		const parsed = parseProgressFile(file('upstream-plan'), { siteId: 'my-fork', maxBytes: 1_000_000, now: NOW });
		expect(parsed.ok).toBe(true);
		if (!parsed.ok) return;
		expect(parsed.fromOtherCopy).toBe('upstream-plan');
		expect(parsed.file.siteId).toBe('my-fork');
		const preview = previewImport({}, parsed.file, { siteId: 'my-fork', knownIds: ['w01-read-think-stats-1'], renames: new Map() });
		expect(preview.added).toEqual(['w01-read-think-stats-1']);
	});

	it('is told apart from this copy’s own file', () => {
		const own = parseProgressFile(file('my-fork'), { siteId: 'my-fork', maxBytes: 1_000_000, now: NOW });
		expect(own.ok && own.fromOtherCopy).toBeNull();
	});
});

describe('the Pages deploy check', () => {
	const config = { site: 'https://ada.github.io', base: '/study/' };
	it('passes when course.config.ts is where Pages serves the repository', () => {
		expect(pagesMismatches(config, { origin: 'https://ada.github.io', basePath: '/study' })).toEqual([]);
		expect(pagesMismatches({ site: 'https://ada.github.io/', base: '/' }, { origin: 'https://ada.github.io', basePath: '' })).toEqual([]);
	});
	it('says what to set when the base or the site differs', () => {
		expect(pagesMismatches({ site: 'https://example.github.io', base: '/' }, { origin: 'https://ada.github.io', basePath: '/study' })).toEqual([
			"course.config.ts: base is '/', but GitHub Pages serves this repository at '/study/'; set base: '/study/'",
			"course.config.ts: site is 'https://example.github.io', but GitHub Pages serves this repository from 'https://ada.github.io'; set site: 'https://ada.github.io'",
		]);
	});
	it('runs in the deploy workflow before the build, on current action majors', () => {
		const workflow = readFileSync('.github/workflows/deploy.yml', 'utf8');
		const steps = ['actions/configure-pages@v6', 'scripts/check-pages.ts', 'npm run build', 'actions/upload-pages-artifact@v5'].map((s) => workflow.indexOf(s));
		expect(steps.every((i) => i > 0)).toBe(true);
		expect([...steps].sort((a, b) => a - b)).toEqual(steps);
		expect(workflow).toContain('actions/deploy-pages@v5');
	});
});

describe('a mistake in course.config.ts', () => {
	it('is reported at its line with the validator’s format', () => {
		const text = "export default defineCourseConfig({\n\ttitle: 'x',\n\tstartDate: '2027-02-30',\n\tstorageId: 'My Plan',\n});\n";
		const problems = courseConfigProblems({ ...config, startDate: '2027-02-30', storageId: 'My Plan' }, text);
		expect(problems).toEqual([
			expect.stringMatching(/^course\.config\.ts:3: startDate: startDate is a real date written YYYY-MM-DD, e\.g\. 2027-03-01; /),
			expect.stringMatching(/^course\.config\.ts:4: storageId: storageId is lowercase letters, digits and hyphens; /),
		]);
		expect(courseConfigProblems(config, text)).toEqual([]);
	});
});
