// The practice log in a fork: a learner commits the downloaded log as
// content/portfolio/log.csv and /portfolio/ shows the dashboard computed from it
// (a copy of the content with the fixture log, built under /study/). The book
// itself has no log.csv, so its portfolio has no dashboard section. A bad log
// stops the build with every bad line.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readPublishedLog } from '../../src/lib/portfolio/published-log';
import { readPage } from '../support/dist';

const FIXTURE = 'tests/fixtures/practice-log/log.csv';
const rowsOf = (doc: Document) =>
	[...doc.querySelectorAll('[data-practice-log] [data-practice-table] tr')].map((r) => [...r.children].map((c) => c.textContent?.trim()).join(' | '));

describe('the book without a log.csv', () => {
	it('has no practice dashboard on its portfolio', () => {
		expect(readPage('/portfolio/').querySelector('[data-practice-log]')).toBeNull();
	});
});

describe('a bad published log', () => {
	it('stops the build, naming every bad line', () => {
		const root = mkdtempSync(join(tmpdir(), 'bad-log-'));
		try {
			mkdirSync(join(root, 'content/portfolio'), { recursive: true });
			writeFileSync(join(root, 'content/portfolio/log.csv'), 'date,week,metric,value,unit,note\n2025-13-01,1,eda_minutes,50,min,a\n2025-03-01,1,eda_minutes,50,min,ok\n2025-03-02,1,communication,7,of 4,b\n');
			expect(() => readPublishedLog(root)).toThrow(
				'content/portfolio/log.csv:2: date "2025-13-01" is not a day of the calendar; write it as YYYY-MM-DD, e.g. 2025-03-08\n' +
					'content/portfolio/log.csv:4: value 7 is out of range for communication; write a whole score from 0 to 4',
			);
		} finally {
			rmSync(root, { recursive: true, force: true });
		}
	});
});

describe("a fork with content/portfolio/log.csv, built under /study/", () => {
	const root = mkdtempSync(join(tmpdir(), 'practice-log-course-'));
	const out = join(root, 'dist');
	afterAll(() => rmSync(root, { recursive: true, force: true }));

	beforeAll(() => {
		cpSync('content', join(root, 'content'), { recursive: true });
		cpSync('notebooks', join(root, 'notebooks'), { recursive: true });
		// What the pages' numbers and the drills' answers are read from: the frozen outputs and the data they were computed on.
		cpSync('outputs', join(root, 'outputs'), { recursive: true });
		cpSync('public/data', join(root, 'public/data'), { recursive: true });
		cpSync(FIXTURE, join(root, 'content/portfolio/log.csv'));
		execFileSync(process.execPath, ['--import', 'tsx', 'scripts/validate.ts', root], { stdio: 'pipe' });
		// Its own Astro cache, so this fork's content never leaks into the book's next build (see portfolio.test.ts).
		const config = join(root, 'astro.config.mjs');
		writeFileSync(config, `import config from ${JSON.stringify(pathToFileURL(resolve('astro.config.mjs')).href)};\nexport default { ...config, cacheDir: ${JSON.stringify(join(root, '.astro-cache'))} };\n`);
		execFileSync(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build', '--config', relative(process.cwd(), config), '--outDir', out], {
			env: { PATH: process.env.PATH, HOME: process.env.HOME, TZ: 'UTC', COURSE_ROOT: root, BASE: '/study/', SITE: 'https://learner.github.io', ASTRO_TELEMETRY_DISABLED: '1' },
			stdio: 'pipe',
		});
	}, 240_000);

	it('shows the dashboard of the log as text, per month, with the numbers pandas and scipy give', () => {
		// References: tests/unit/practice-log.test.ts (pandas + scipy on the same fixture).
		const rows = rowsOf(readPage('/portfolio/', out));
		expect(rows).toEqual([
			'Line | Month 1 | Month 2 | Month 3 | Other weeks | All months',
			'EDA speed | median 68 min of 4 (goal 45) | median 55 min of 3 (goal 45) | median 44.5 min of 4 (goal 45) | median 39 min of 1 (goal 45) | median 53.5 min of 12 (goal 45)',
			'Statistical accuracy | 3/5 = 60% (95% CI 23%–88%) | 3/4 = 75% (95% CI 30%–95%) | 2/3 = 67% (95% CI 21%–94%) | no rows | 8/12 = 67% (95% CI 39%–86%)',
			'Architecture decisions | 0/1 right = 0% (95% CI 0%–79%) | 1/2 right = 50% (95% CI 9%–91%) | 2/2 right = 100% (95% CI 34%–100%) | no rows | 3/5 right = 60% (95% CI 23%–88%)',
			'Implementation speed | no rows | mean 1.45 of the time box over 2 (goal 1.0) | mean 1.01 of the time box over 3 (goal 1.0) | no rows | mean 1.19 of the time box over 5 (goal 1.0)',
			'Communication | mean 3 of 4 over 1 | mean 2 of 4 over 1 | mean 4 of 4 over 1 | no rows | mean 3 of 4 over 3',
			'Decomposition | mean 5 of 7 over 1 | mean 6 of 7 over 1 | mean 7 of 7 over 1 | no rows | mean 6 of 7 over 3',
		]);
	});

	it('draws the four trend charts as labelled static SVG and links the guide under the base', () => {
		const section = readPage('/portfolio/', out).querySelector('[data-practice-log]')!;
		const labels = [...section.querySelectorAll('[data-trend] svg')].map((svg) => svg.getAttribute('aria-label'));
		expect(labels).toHaveLength(4);
		expect(labels[0]).toBe('EDA speed (median minutes) by month: month 1 68, month 2 55, month 3 44.5; goal 45.');
		expect(section.querySelector('a')?.getAttribute('href')).toBe('/study/practice/measurement/');
		expect(section.querySelector('[data-practice-count]')?.textContent).toBe('40 rows in the practice log.');
	});
});
