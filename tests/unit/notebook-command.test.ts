// `npm run notebook -- <week>` against a temporary course: copies the starter into the
// learner's own folder, never overwrites a filled-in copy, and explains every refusal.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseWeekArg } from '../../src/lib/notebooks/copy-command';

const root = mkdtempSync(join(tmpdir(), 'notebook-command-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
mkdirSync(join(root, 'notebooks'));
writeFileSync(join(root, 'notebooks/week-04.ipynb'), '{"cells": [], "starter": 4}');
writeFileSync(join(root, 'notebooks/week-12.ipynb'), '{"cells": [], "starter": 12}');

function run(...args: string[]): { code: number; out: string } {
	try {
		const out = execFileSync(process.execPath, ['--import', 'tsx', 'scripts/notebook.ts', ...args], { env: { ...process.env, COURSE_ROOT: root }, stdio: 'pipe' });
		return { code: 0, out: out.toString() };
	} catch (error) {
		const e = error as { status: number; stderr: Buffer };
		return { code: e.status, out: e.stderr.toString() };
	}
}

describe('npm run notebook', () => {
	it('reads the week however it is written', () => {
		expect(['4', '04', 'week-04', 'week-04.ipynb', 'Week4'].map(parseWeekArg)).toEqual([4, 4, 4, 4, 4]);
		expect(parseWeekArg('four')).toBeNull();
		expect(parseWeekArg(undefined)).toBeNull();
	});

	it('copies the starter into my-notebooks/ and never overwrites the learner’s copy', () => {
		const first = run('4');
		expect(first.code).toBe(0);
		expect(first.out).toMatch(/^copied notebooks\/week-04\.ipynb to my-notebooks\/week-04\.ipynb/);
		expect(readFileSync(join(root, 'my-notebooks/week-04.ipynb'), 'utf8')).toBe('{"cells": [], "starter": 4}');
		writeFileSync(join(root, 'my-notebooks/week-04.ipynb'), '{"cells": ["my work"]}');
		const again = run('04');
		expect(again.code).toBe(1);
		expect(again.out).toMatch(/^notebook: my-notebooks\/week-04\.ipynb already exists and was left as it is; /);
		expect(readFileSync(join(root, 'my-notebooks/week-04.ipynb'), 'utf8')).toBe('{"cells": ["my work"]}');
	});

	it('refuses a week without a starter, naming the weeks that have one', () => {
		const result = run('5');
		expect(result.code).toBe(1);
		expect(result.out).toBe('notebook: week 5 has no starter notebook (notebooks/week-05.ipynb); choose one of weeks 4, 12\n');
	});

	it('refuses a missing or malformed week with the usage', () => {
		expect(run().out).toMatch(/^notebook: no week given; write npm run notebook -- <week>/);
		expect(run('four').out).toMatch(/^notebook: "four" is not a week number; /);
	});
});
