// The page's KaTeX CSS and fonts must come from the KaTeX that renders the maths: two
// versions use different class names, and scripts then print at full size. package.json
// pins every copy to one version with an `overrides` entry; this fails when a second
// version turns up, in the lock file (what CI installs) or in node_modules (what builds).
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

/** Every installed package.json named `katex` under node_modules, nested copies included. */
function installedKatex(dir = 'node_modules'): Array<{ path: string; version: string }> {
	const found: Array<{ path: string; version: string }> = [];
	const visit = (modules: string) => {
		if (!existsSync(modules)) return;
		for (const entry of readdirSync(modules)) {
			if (entry.startsWith('.')) continue;
			const names = entry.startsWith('@') ? readdirSync(join(modules, entry)).map((n) => join(entry, n)) : [entry];
			for (const name of names) {
				const pkg = join(modules, name);
				if (name === 'katex') found.push({ path: pkg, version: JSON.parse(readFileSync(join(pkg, 'package.json'), 'utf8')).version });
				visit(join(pkg, 'node_modules'));
			}
		}
	};
	visit(dir);
	return found;
}

describe('one KaTeX', () => {
	it('the lock file installs a single katex version', () => {
		const lock = JSON.parse(readFileSync('package-lock.json', 'utf8')) as { packages: Record<string, { version?: string }> };
		const copies = Object.entries(lock.packages).filter(([path]) => /(^|\/)node_modules\/katex$/.test(path));
		expect(copies.length, 'katex entries in package-lock.json').toBeGreaterThan(0);
		expect(new Set(copies.map(([, p]) => p.version)), `katex versions in package-lock.json: ${copies.map(([path, p]) => `${path}@${p.version}`).join(', ')}`).toHaveLength(1);
	});

	it('node_modules holds a single katex version, the one rehype-katex renders with', () => {
		const copies = installedKatex();
		expect(new Set(copies.map((c) => c.version)), copies.map((c) => `${c.path}@${c.version}`).join(', ')).toHaveLength(1);
		const fromRehype = createRequire(createRequire(import.meta.url).resolve('rehype-katex'));
		const rendering = JSON.parse(readFileSync(fromRehype.resolve('katex/package.json'), 'utf8')).version;
		const styling = JSON.parse(readFileSync(createRequire(import.meta.url).resolve('katex/package.json'), 'utf8')).version;
		expect(rendering, 'katex rehype-katex renders with vs the katex whose CSS the layout loads').toBe(styling);
	});
});
