// A fork keeps merging: a copy of this repository (the working tree, committed) plays
// upstream; a clone of it plays the learner's fork and changes only what the learner owns
// (course.config.ts values with its own site and base /study/, a new portfolio entry, a
// filled-in notebook in my-notebooks/). Upstream then changes a file of every kind it owns (a week, a starter
// notebook, the config's documentation in the schema, the example entry, the README). The
// fork merges upstream without a conflict, validates and builds under /study/, and its
// notebook check passes without touching upstream's notebooks: their data address is the
// fork's own only in the download its site serves.
import { execFileSync } from 'node:child_process';
import { cpSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync, existsSync, appendFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readPage } from '../support/dist';

const here = process.cwd();
const root = mkdtempSync(join(tmpdir(), 'fork-merge-'));
const upstream = join(root, 'upstream');
const fork = join(root, 'fork');
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** A clean environment: Vitest's own variables (NODE_ENV=test, BASE_URL…) would leak into the build. */
const env = {
	PATH: process.env.PATH,
	HOME: process.env.HOME,
	TZ: 'UTC',
	ASTRO_TELEMETRY_DISABLED: '1',
	GIT_AUTHOR_NAME: 'Merge check',
	GIT_AUTHOR_EMAIL: 'merge-check@example.invalid',
	GIT_COMMITTER_NAME: 'Merge check',
	GIT_COMMITTER_EMAIL: 'merge-check@example.invalid',
	GIT_CONFIG_NOSYSTEM: '1',
	GIT_CONFIG_GLOBAL: '/dev/null',
};
const git = (cwd: string, ...args: string[]) => execFileSync('git', args, { cwd, env, stdio: 'pipe' }).toString();
const node = (cwd: string, ...args: string[]) => execFileSync(process.execPath, args, { cwd, env, stdio: 'pipe' }).toString();
const edit = (dir: string, file: string, change: (text: string) => string) => {
	const path = join(dir, file);
	const before = readFileSync(path, 'utf8');
	const after = change(before);
	if (after === before) throw new Error(`the merge check's edit of ${file} changed nothing; update the test`);
	writeFileSync(path, after);
};

const FORK_CONFIG = `// Your values only; what each one means: src/lib/config.ts and the README ("Fork it").
import { defineCourseConfig } from './src/lib/config';

export default defineCourseConfig({
	title: 'Mein KI-Studienjahr',
	tagline: 'My own way through the plan.',
	author: 'Ada Example',
	site: 'https://ada-example.github.io',
	base: '/study/',
	repo: 'https://github.com/ada-example/study',
	startDate: '2027-03-01',
	storageId: 'ada-study',
});
`;

let week = 0;
let notebook = '';
/** The week a starter notebook belongs to (week-07.ipynb -> 7). */
const weekOf = (name: string) => Number(/week-(\d+)\.ipynb$/.exec(name)![1]);

beforeAll(() => {
	// Upstream: every file git would commit from this working tree (tracked or new, not ignored),
	// regular files only (a symlinked cache directory is not part of the book).
	mkdirSync(upstream);
	const files = git(here, 'ls-files', '-z', '--cached', '--others', '--exclude-standard').split('\0').filter((f) => f && existsSync(join(here, f)) && lstatSync(join(here, f)).isFile());
	for (const file of files) {
		mkdirSync(dirname(join(upstream, file)), { recursive: true });
		cpSync(join(here, file), join(upstream, file));
	}
	// The first week with a starter the learner has not copied yet (this copy may be a fork with copies of its own).
	week = Array.from({ length: 24 }, (_, i) => i + 1).find((w) => {
		const name = `week-${String(w).padStart(2, '0')}.ipynb`;
		return existsSync(join(upstream, 'notebooks', name)) && !existsSync(join(upstream, 'my-notebooks', name));
	})!;
	notebook = `week-${String(week).padStart(2, '0')}.ipynb`;
	git(upstream, 'init', '-q', '-b', 'main');
	git(upstream, 'add', '-A');
	git(upstream, 'commit', '-qm', 'upstream');

	// The fork: the learner's files only.
	git(root, 'clone', '-q', upstream, fork);
	symlinkSync(resolve(here, 'node_modules'), join(fork, 'node_modules'));
	writeFileSync(join(fork, 'course.config.ts'), FORK_CONFIG);
	node(fork, '--import', 'tsx', 'scripts/new.ts', 'decision', 'Warum ich Welch nehme', '--week', '5', '--date', '2027-03-05');
	edit(fork, 'content/portfolio/2027-03-05-warum-ich-welch-nehme.md', (text) =>
		text
			.replace(/^summary: .*$/m, 'summary: "Welch by default."')
			.replace(/^# Delete this line.*\ndraft: true\n/m, '')
			.replace(/\n---\n[\s\S]*$/, '\n---\n\n## What I chose and why\n\nWelch, in my own words.\n'),
	);
	node(fork, '--import', 'tsx', 'scripts/notebook.ts', String(week));
	edit(fork, `my-notebooks/${notebook}`, (text) => {
		const notebook = JSON.parse(text);
		notebook.cells.push({ cell_type: 'markdown', metadata: {}, source: ['My answers for this week.'] });
		return JSON.stringify(notebook, null, 1);
	});
	git(fork, 'add', '-A');
	git(fork, 'commit', '-qm', 'My copy of the course');

	// Upstream improves a file of every kind it owns.
	edit(upstream, 'content/weeks/05.mdx', (text) => `${text.trimEnd()}\n\nUpstream added this sentence to week 5.\n`);
	edit(upstream, `notebooks/${notebook}`, (text) => {
		const notebook = JSON.parse(text);
		notebook.cells.push({ cell_type: 'markdown', metadata: {}, source: ['Upstream added this cell.'] });
		return `${JSON.stringify(notebook, null, 1)}\n`;
	});
	edit(upstream, 'src/lib/config.ts', (text) => text.replace(".describe('", ".describe('Reworded upstream: "));
	edit(upstream, 'content/examples/portfolio-entry.md', (text) => `${text.trimEnd()}\n\nUpstream improved the example.\n`);
	appendFileSync(join(upstream, 'README.md'), '\nUpstream added this line to the README.\n');
	git(upstream, 'commit', '-qam', 'Upstream improvements');
});

describe('a fork merging upstream', () => {
	it('merges every upstream change without a conflict', () => {
		git(fork, 'fetch', '-q', upstream, 'main');
		let merge = '';
		try {
			merge = git(fork, 'merge', '--no-edit', 'FETCH_HEAD');
		} catch (error) {
			const e = error as { stdout: Buffer; stderr: Buffer };
			throw new Error(`the merge conflicted:\n${e.stdout}${e.stderr}\n${git(fork, 'diff', '--name-only', '--diff-filter=U')}`);
		}
		expect(merge).not.toMatch(/CONFLICT/);
		expect(readFileSync(join(fork, 'content/weeks/05.mdx'), 'utf8')).toContain('Upstream added this sentence to week 5.');
		expect(readFileSync(join(fork, `notebooks/${notebook}`), 'utf8')).toContain('Upstream added this cell.');
		expect(readFileSync(join(fork, `my-notebooks/${notebook}`), 'utf8')).toContain('My answers for this week.');
		expect(readFileSync(join(fork, 'src/lib/config.ts'), 'utf8')).toContain(".describe('Reworded upstream: ");
		expect(readFileSync(join(fork, 'README.md'), 'utf8')).toContain('Upstream added this line to the README.');
		expect(readFileSync(join(fork, 'course.config.ts'), 'utf8')).toBe(FORK_CONFIG);
	});

	it('validates and builds the merged fork under /study/ with its own title and entry', () => {
		node(fork, '--import', 'tsx', 'scripts/validate.ts');
		// Its own cache directory: the shared node_modules/.astro must not learn the fork's entries.
		writeFileSync(join(fork, 'astro.merge-check.mjs'), `import config from './astro.config.mjs';\nexport default { ...config, cacheDir: './.astro-cache' };\n`);
		node(fork, 'node_modules/astro/bin/astro.mjs', 'build', '--config', 'astro.merge-check.mjs');
		const dist = join(fork, 'dist');
		const week = readPage('/weeks/05/', dist);
		expect(week.querySelector('main')?.textContent).toContain('Upstream added this sentence to week 5.');
		expect(week.querySelector('title')?.textContent).toMatch(/· Mein KI-Studienjahr$/);
		expect(week.querySelector('a[href="/study/weeks/06/"]')).not.toBeNull();
		const portfolio = readPage('/portfolio/', dist);
		expect(portfolio.querySelector('a[href="/study/portfolio/2027-03-05-warum-ich-welch-nehme/"]')?.textContent).toBe('Warum ich Welch nehme');
		expect(portfolio.querySelector('[data-example-entry]')).toBeNull();
		expect(readFileSync(join(dist, 'portfolio/rss.xml'), 'utf8')).toContain('<link>https://ada-example.github.io/study/portfolio/2027-03-05-warum-ich-welch-nehme/</link>');
	});

	it("serves notebooks with the fork's own data address and passes the notebook check without rewriting upstream's", () => {
		const dist = join(fork, 'dist');
		const forkData = 'https://ada-example.github.io/study/data';
		// The fork's copies of upstream's notebooks are upstream's, byte for byte.
		expect(git(fork, 'diff', '--stat', 'FETCH_HEAD', '--', 'notebooks/')).toBe('');
		// The check npm run execute makes on them (the fork's own code), with no Python needed.
		writeFileSync(
			join(fork, 'notebook-check.mts'),
			`import { readdirSync, readFileSync } from 'node:fs';\nimport { repositoryDataUrlProblems } from './src/lib/notebooks/published.ts';\nconsole.log(JSON.stringify(readdirSync('notebooks').filter((f) => f.endsWith('.ipynb')).flatMap((f) => repositoryDataUrlProblems('notebooks/' + f, readFileSync('notebooks/' + f, 'utf8')))));\n`,
		);
		expect(JSON.parse(node(fork, '--import', 'tsx', 'notebook-check.mts'))).toEqual([]);
		// Every download that reads data reads the fork's site, and its week page says so beside the Colab link.
		const readsData = readdirSync(join(fork, 'notebooks')).filter((f) => f.endsWith('.ipynb') && readFileSync(join(fork, 'notebooks', f), 'utf8').includes('DATA_URL = None'));
		expect(readsData.length).toBeGreaterThan(0);
		for (const name of readsData) expect(readFileSync(join(dist, 'notebooks', name), 'utf8'), name).toContain(`DATA_URL = \\"${forkData}\\"`);
		const week = readPage(`/weeks/${String(weekOf(readsData[0]!)).padStart(2, '0')}/`, dist);
		expect(week.querySelector('main')?.textContent).toContain(`DATA_URL = "${forkData}"`);
	});
});
