// Every page carries a Content-Security-Policy that lets no inline script run without
// its hash: the meta comes before every script (a policy covers only what follows
// it), script-src has no 'unsafe-inline' or 'unsafe-eval', and every inline script's
// SHA-256 is listed. What the browser makes of it is tested in tests/e2e/csp.test.ts.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { allPages, pagePath } from '../support/dist';

/** The problems with one page's policy, empty when it is sound. */
export function cspProblems(html: string): string[] {
	const { document } = parseHTML(html);
	const metas = [...document.querySelectorAll('meta')].filter((m) => m.getAttribute('http-equiv')?.toLowerCase() === 'content-security-policy');
	if (metas.length !== 1) return [`${metas.length} Content-Security-Policy meta tags, expected 1`];
	const meta = metas[0]!;
	const problems: string[] = [];
	const directives = new Map(
		meta.getAttribute('content')!.split(';').map((d) => d.trim().split(/\s+/)).filter((d) => d[0]).map(([name, ...sources]) => [name!, sources]),
	);
	const scriptSources = directives.get('script-src-elem') ?? directives.get('script-src') ?? directives.get('default-src');
	if (!scriptSources) return ['no script-src or default-src'];
	for (const unsafe of ["'unsafe-inline'", "'unsafe-eval'", '*', 'data:', 'http:', 'https:']) if (scriptSources.includes(unsafe)) problems.push(`script-src allows ${unsafe}`);
	if (!directives.get('object-src')?.includes("'none'")) problems.push("object-src is not 'none'");
	const scripts = [...document.querySelectorAll('script')];
	const all = [...document.querySelectorAll('*')];
	for (const script of scripts) {
		if (all.indexOf(script) < all.indexOf(meta)) problems.push(`a script comes before the policy: ${script.outerHTML.slice(0, 80)}`);
		const type = script.getAttribute('type');
		if (script.hasAttribute('src') || (type && !['module', 'text/javascript'].includes(type))) continue;
		const hash = `'sha256-${createHash('sha256').update(script.textContent ?? '').digest('base64')}'`;
		if (!scriptSources.includes(hash)) problems.push(`inline script without its hash ${hash}: ${(script.textContent ?? '').trim().slice(0, 60)}`);
	}
	for (const el of all) for (const attr of el.getAttributeNames()) if (/^on/i.test(attr)) problems.push(`inline event handler ${attr} on <${el.tagName.toLowerCase()}>`);
	return problems;
}

describe('Content-Security-Policy', () => {
	it('finds a script before the policy, a missing hash and unsafe-inline', () => {
		const policy = (script: string) => `<meta http-equiv="content-security-policy" content="object-src 'none'; script-src 'self' ${script}">`;
		expect(cspProblems(`<head><script>a()</script>${policy('')}</head>`)).toEqual([
			'a script comes before the policy: <script>a()</script>',
			`inline script without its hash 'sha256-${createHash('sha256').update('a()').digest('base64')}': a()`,
		]);
		expect(cspProblems(`<head>${policy("'unsafe-inline'")}</head><body><button onclick="x()">x</button></body>`)).toEqual([
			"script-src allows 'unsafe-inline'",
			'inline event handler onclick on <button>',
		]);
		const hash = `'sha256-${createHash('sha256').update('b()').digest('base64')}'`;
		expect(cspProblems(`<head>${policy(hash)}</head><body><script>b()</script><script type="application/json">{}</script></body>`)).toEqual([]);
	});

	it('guards every built page', () => {
		const pages = allPages();
		const problems = pages.flatMap((path) => cspProblems(readFileSync(pagePath(path), 'utf8')).map((p) => `${path}: ${p}`));
		expect(pages.length).toBeGreaterThan(10);
		expect(problems.slice(0, 20), `${problems.length} problems`).toEqual([]);
	});
});
