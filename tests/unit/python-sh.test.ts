// scripts/python.sh and scripts/preflight.sh on a machine that lacks something: they name
// exactly what to install and stop before anything slow; with the venv in place they run at once.
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const run = (script: string, args: string[], env: Record<string, string>) => {
	const result = spawnSync(resolve('scripts', script), args, { env: { ...process.env, ...env }, encoding: 'utf8', timeout: 60_000 });
	return { code: result.status, out: `${result.stdout}${result.stderr}` };
};
const scratch = () => mkdtempSync(join(tmpdir(), 'python-sh-'));
const hostPython = spawnSync('sh', ['-c', 'command -v python3'], { encoding: 'utf8' }).stdout.trim();

describe('scripts/python.sh', () => {
	it('names what to install when there is no python3, and makes no venv', () => {
		const venv = join(scratch(), 'venv');
		const { code, out } = run('python.sh', ['-c', 'pass'], { PYTHON3: '/nonexistent/python3', VENV: venv });
		expect(code).not.toBe(0);
		expect(out).toContain('no /nonexistent/python3 found');
		expect(out).toContain('apt-get install python3 python3-venv');
		expect(existsSync(venv)).toBe(false);
	});

	it.runIf(hostPython)('names the venv package when python3 has no ensurepip (Debian without python3-venv)', () => {
		const dir = scratch();
		// A python3 that cannot bootstrap pip into a venv, as on Debian before apt-get install python3-venv.
		const fake = join(dir, 'python3');
		writeFileSync(fake, `#!/bin/sh\ncase "$*" in *ensurepip*) exit 1;; esac\nexec ${hostPython} "$@"\n`);
		chmodSync(fake, 0o755);
		const { code, out } = run('python.sh', ['-c', 'pass'], { PYTHON3: fake, VENV: join(dir, 'venv') });
		expect(code).not.toBe(0);
		expect(out).toMatch(/has no venv module \(or no ensurepip\)/);
		expect(out).toMatch(/apt-get install python3\.\d+-venv/);
		expect(existsSync(join(dir, 'venv'))).toBe(false);
	});

	it.runIf(existsSync('.venv/bin/python'))('runs at once from a venv whose stamp matches the lock', () => {
		const started = Date.now();
		const { code, out } = run('python.sh', ['-c', 'import sys; print(sys.prefix)'], {});
		expect(code).toBe(0);
		expect(out.trim()).toBe(resolve('.venv'));
		expect(Date.now() - started).toBeLessThan(30_000);
	});
});

describe('scripts/preflight.sh', () => {
	it('names a missing Chromium and stops before making the venv', () => {
		const venv = join(scratch(), 'venv');
		const { code, out } = run('preflight.sh', [], { CHROME_PATH: '/nonexistent/chromium', VENV: venv, PYTHON: '' });
		expect(code).toBe(1);
		expect(out).toContain('no Chromium at /nonexistent/chromium');
		expect(out).toContain('CHROME_PATH');
		expect(existsSync(venv)).toBe(false);
	});

	it('names a PYTHON that lacks the packages', () => {
		const { code, out } = run('preflight.sh', [], { CHROME_PATH: '/nonexistent/chromium', PYTHON: '/nonexistent/python' });
		expect(code).toBe(1);
		expect(out).toContain('PYTHON=/nonexistent/python lacks the book\'s packages');
	});
});
