// Golden fixtures for the content validator. `fixtures/validator/base` is a tiny valid
// course; each `cases/<name>/` holds only the files that differ from it (plus files to
// delete) and `case.json` with the exact problems the validator must print.
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { validateContent } from '../../src/lib/validate/index';
import { diskTree } from '../../src/lib/validate/disk-tree';

const run = promisify(execFile);
const fixtures = join(import.meta.dirname, '../fixtures/validator');
const caseNames = readdirSync(join(fixtures, 'cases')).sort();
const scratch = mkdtempSync(join(tmpdir(), 'validator-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

interface Case {
	description: string;
	delete: string[];
	expect: Array<{ file: string; line: number | null; message: string }>;
}

function materialise(name: string): { dir: string; spec: Case } {
	const dir = join(scratch, name);
	cpSync(join(fixtures, 'base'), dir, { recursive: true });
	cpSync(join(fixtures, 'cases', name), dir, { recursive: true });
	rmSync(join(dir, 'case.json'));
	const spec = JSON.parse(readFileSync(join(fixtures, 'cases', name, 'case.json'), 'utf8')) as Case;
	for (const file of spec.delete) rmSync(join(dir, file));
	return { dir, spec };
}

async function cli(dir: string): Promise<{ code: number; stderr: string; stdout: string }> {
	try {
		const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', 'scripts/validate.ts', dir]);
		return { code: 0, stdout, stderr };
	} catch (error) {
		const e = error as { code: number; stdout: string; stderr: string };
		return { code: e.code, stdout: e.stdout, stderr: e.stderr };
	}
}

describe('validator', () => {
	it('accepts the base fixture', { timeout: 60_000 }, async () => {
		expect(validateContent(diskTree(join(fixtures, 'base')))).toEqual([]);
		const result = await cli(join(fixtures, 'base'));
		expect(result.code).toBe(0);
		expect(result.stdout).toContain('content ok');
	});

	it('has at least 12 kinds of broken fixture', () => {
		expect(caseNames.length).toBeGreaterThanOrEqual(12);
	});

	it.concurrent.each(caseNames)('%s: exits 1 and prints path:line: problem; fix', { timeout: 60_000 }, async (name) => {
		const { dir, spec } = materialise(name);
		const result = await cli(dir);
		expect(result.code).toBe(1);
		expect(result.stderr).not.toMatch(/\n\s+at |Error:/);
		const lines = result.stderr.trim().split('\n').filter((l) => /^\S+:\d+: /.test(l));
		expect(lines).toHaveLength(spec.expect.length);
		for (const want of spec.expect) {
			const prefix = want.line === null ? `${want.file}:` : `${want.file}:${want.line}: `;
			const match = lines.find((l) => l.startsWith(prefix) && l.includes(want.message));
			expect(match, `expected "${prefix}… ${want.message}" in\n${result.stderr}`).toBeDefined();
			expect(match).toMatch(/; \S.+$/);
		}
	});
});
