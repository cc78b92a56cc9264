// Golden fixtures for the content validator. `fixtures/validator/base` is a tiny valid
// course; each `cases/<name>/` holds only the files that differ from it (plus files to
// delete, and links and folders to make where git cannot hold them) and `case.json`
// with the exact problems the validator must print.
import * as fs from 'node:fs';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { validateContent } from '../../src/lib/validate/index';
import { diskTree } from '../../src/lib/validate/disk-tree';
import { formatProblem } from '../../src/lib/validate/problem';

const run = promisify(execFile);
const fixtures = join(import.meta.dirname, '../fixtures/validator');
const caseNames = readdirSync(join(fixtures, 'cases')).sort();
const scratch = mkdtempSync(join(tmpdir(), 'validator-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

interface Case {
	description: string;
	delete: string[];
	/** Symbolic links to make: path -> `outside:<name>` (a file beside the case's tree, holding SECRET), or a target as written. */
	links?: Record<string, string>;
	/** Empty folders to make where the course expects a file. */
	folders?: string[];
	expect: Array<{ file: string; line: number | null; message: string }>;
}

/** What every file outside a case's tree holds: the validator must never print it. */
const SECRET = 'TOP SECRET line of a file outside the repository';

function materialise(name: string): { dir: string; spec: Case } {
	const dir = join(scratch, name, 'repo');
	const outside = join(scratch, name, 'outside');
	cpSync(join(fixtures, 'base'), dir, { recursive: true });
	cpSync(join(fixtures, 'cases', name), dir, { recursive: true });
	rmSync(join(dir, 'case.json'));
	const spec = JSON.parse(readFileSync(join(fixtures, 'cases', name, 'case.json'), 'utf8')) as Case;
	for (const file of spec.delete) rmSync(join(dir, file), { recursive: true });
	for (const [path, target] of Object.entries(spec.links ?? {})) {
		let to = target;
		if (target.startsWith('outside:')) {
			to = join(outside, target.slice('outside:'.length));
			if (target.endsWith('/')) {
				mkdirSync(to, { recursive: true });
				writeFileSync(join(to, 'entry.mdx'), `---\n${SECRET}: [\n---\n`);
			} else {
				mkdirSync(join(to, '..'), { recursive: true });
				writeFileSync(to, `${SECRET}\n---\n`);
			}
		}
		mkdirSync(join(dir, path, '..'), { recursive: true });
		symlinkSync(to, join(dir, path));
	}
	for (const folder of spec.folders ?? []) mkdirSync(join(dir, folder), { recursive: true });
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

	it('refuses what cannot be read without reading it: EACCES gives path: problem; fix', () => {
		const denied = Object.assign(new Error(`EACCES: permission denied, open '${SECRET}'`), { code: 'EACCES' });
		const tree = diskTree(join(fixtures, 'base'), {
			...fs,
			readFileSync: ((path: fs.PathOrFileDescriptor, options?: unknown) => {
				if (String(path).endsWith('resources.yaml')) throw denied;
				return fs.readFileSync(path, options as BufferEncoding);
			}) as typeof fs.readFileSync,
		});
		const problems = validateContent(tree);
		expect(problems.map(formatProblem)).toEqual(['content/resources.yaml: cannot be read (EACCES); give yourself read permission on the file (chmod u+r content/resources.yaml)']);
	});

	it('reads a link that stays inside the repository like the file itself', () => {
		const { dir } = materialise('notebook-outside-link');
		rmSync(join(dir, 'notebooks/starter.ipynb'));
		cpSync(join(fixtures, 'base/notebooks/starter.ipynb'), join(dir, 'notebooks/real.ipynb'));
		symlinkSync('real.ipynb', join(dir, 'notebooks/starter.ipynb'));
		expect(validateContent(diskTree(dir))).toEqual([]);
	});

	it('has at least 12 kinds of broken fixture', () => {
		expect(caseNames.length).toBeGreaterThanOrEqual(12);
	});

	it.concurrent.each(caseNames)('%s: exits 1 and prints path:line: problem; fix', { timeout: 60_000 }, async (name) => {
		const { dir, spec } = materialise(name);
		const result = await cli(dir);
		expect(result.code).toBe(1);
		expect(result.stderr).not.toMatch(/\n\s+at |Error:/);
		// `path:line: …`, or `path: …` for a file refused whole (a folder, a link out of the repository).
		const lines = result.stderr.trim().split('\n').filter((l) => /^[\w./-]+\.\w+(?::\d+)?: |^content\/\S+: /.test(l));
		expect(result.stderr).not.toContain('TOP SECRET');
		expect(lines).toHaveLength(spec.expect.length);
		for (const want of spec.expect) {
			const prefix = want.line === null ? `${want.file}:` : `${want.file}:${want.line}: `;
			const match = lines.find((l) => l.startsWith(prefix) && l.includes(want.message));
			expect(match, `expected "${prefix}… ${want.message}" in\n${result.stderr}`).toBeDefined();
			expect(match).toMatch(/; \S.+$/);
		}
	});
});
