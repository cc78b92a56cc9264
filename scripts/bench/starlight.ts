/**
 * This book beside Starlight: the same week text (weeks 1 and 23) built as a minimal
 * Starlight site in a temp dir, with the same remark-math and rehype-katex and KaTeX's
 * CSS. Both are served gzip-compressed by one server in the same run, and Chromium
 * counts what it transfers for each page (every request's encoded bytes, headers
 * included, as its network panel does) on load and after reading to the end (demos
 * load their code when scrolled to). Prints both, the ratios, and the machine's load.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import { parse } from 'yaml';
import { launchBrowser } from '../../tests/support/browser';
import { machineLoad } from './machine';
import { serveSites, siteBase } from './serve-gzip';

export interface Transfer {
	total: number;
	js: number;
	fonts: number;
	requests: number;
}

/** Starlight's base in the shared server: away from any base a fork would choose. */
const STARLIGHT_BASE = '/starlight-compare/';

/** Bytes Chromium receives for a page, cold cache: on load, and after scrolling to its end. */
export async function transferOf(browser: Browser, url: string): Promise<{ load: Transfer; read: Transfer }> {
	const context = await browser.newContext();
	const page = await context.newPage();
	const cdp = await context.newCDPSession(page);
	await cdp.send('Network.enable');
	await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
	const types = new Map<string, string>();
	const sum: Transfer = { total: 0, js: 0, fonts: 0, requests: 0 };
	cdp.on('Network.responseReceived', (event) => void types.set(event.requestId, event.type));
	cdp.on('Network.loadingFinished', (event) => {
		sum.total += event.encodedDataLength;
		sum.requests += 1;
		const type = types.get(event.requestId);
		if (type === 'Script') sum.js += event.encodedDataLength;
		if (type === 'Font') sum.fonts += event.encodedDataLength;
	});
	await page.goto(url, { waitUntil: 'networkidle' });
	await page.evaluate(() => document.fonts.ready);
	const load = { ...sum };
	for (let y = 0; y < (await page.evaluate(() => document.documentElement.scrollHeight)); y += 700) {
		await page.mouse.wheel(0, 700);
		await page.waitForTimeout(50);
	}
	await page.waitForLoadState('networkidle');
	await context.close();
	return { load, read: sum };
}

function starlightSite(weeks: number[]): string {
	// Inside the project, so the site resolves this project's node_modules (a symlinked
	// node_modules confuses Vite's paths); removed after the run.
	const root = mkdtempSync(join(process.cwd(), '.bench-starlight-'));
	mkdirSync(join(root, 'src/content/docs'), { recursive: true });
	writeFileSync(
		join(root, 'astro.config.mjs'),
		`import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';
import remarkMath from 'remark-math';
import rehypeKatex from 'rehype-katex';
export default defineConfig({
	base: ${JSON.stringify(STARLIGHT_BASE)},
	integrations: [starlight({ title: 'Study plan', customCss: ['katex/dist/katex.min.css'] })],
	markdown: { remarkPlugins: [remarkMath], rehypePlugins: [[rehypeKatex, { output: 'htmlAndMathml' }]] },
});
`,
	);
	writeFileSync(
		join(root, 'src/content.config.ts'),
		`import { defineCollection } from 'astro:content';
import { docsLoader } from '@astrojs/starlight/loaders';
import { docsSchema } from '@astrojs/starlight/schema';
export const collections = { docs: defineCollection({ loader: docsLoader(), schema: docsSchema() }) };
`,
	);
	writeFileSync(join(root, 'src/content/docs/index.md'), '---\ntitle: Study plan\n---\n\nWeeks.\n');
	for (const week of weeks) {
		const source = readFileSync(join('content/weeks', `${String(week).padStart(2, '0')}.mdx`), 'utf8');
		const [, frontmatter, body] = source.match(/^---\n([\s\S]*?)\n---\n([\s\S]*)$/)!;
		const { title } = parse(frontmatter!) as { title: string };
		writeFileSync(join(root, `src/content/docs/week-${week}.mdx`), `---\ntitle: ${JSON.stringify(`Week ${week}: ${title}`)}\n---\n${body}`);
	}
	execFileSync(process.execPath, [resolve('node_modules/astro/bin/astro.mjs'), 'build'], {
		cwd: root,
		env: { PATH: process.env.PATH, HOME: process.env.HOME, TZ: 'UTC', ASTRO_TELEMETRY_DISABLED: '1' },
		stdio: 'pipe',
	});
	return root;
}

export async function runStarlight(dir = 'dist'): Promise<void> {
	// Week 1 (little maths) and week 23 (the most), or the last week of a shorter course.
	const weekFiles = readdirSync('content/weeks').filter((f) => /^\d\d\.mdx$/.test(f)).sort();
	const weeks = [...new Set([1, Math.min(23, Number(weekFiles.at(-1)!.slice(0, 2)))])];
	const root = starlightSite(weeks);
	const server = await serveSites([{ dir, base: siteBase }, { dir: join(root, 'dist'), base: STARLIGHT_BASE }]);
	const [ours, theirs] = server.urls as [string, string];
	const browser = await launchBrowser();
	const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
	const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}×`;
	console.log(`\nBeside Starlight (same week text, remark-math + rehype-katex; bytes Chromium transfers, cold cache, one server, gzip; ${machineLoad()}):`);
	try {
		for (const week of weeks) {
			const book = await transferOf(browser, new URL(`weeks/${String(week).padStart(2, '0')}/`, ours).href);
			const star = await transferOf(browser, new URL(`week-${week}/`, theirs).href);
			const line = (when: string, a: Transfer, b: Transfer) =>
				`  week ${String(week).padStart(2)}, ${when}: this book ${kb(a.total)} in ${a.requests} requests (JS ${kb(a.js)}, fonts ${kb(a.fonts)}), ` +
				`Starlight ${kb(b.total)} in ${b.requests} (JS ${kb(b.js)}, fonts ${kb(b.fonts)}): ${ratio(a.total, b.total)} in all, ${ratio(a.js, b.js)} in JS`;
			console.log(line('on load', book.load, star.load));
			console.log(line('read to the end', book.read, star.read));
		}
		console.log(`  (${machineLoad()} at the end)`);
	} finally {
		await browser.close();
		await server.close();
		rmSync(root, { recursive: true, force: true });
	}
}
