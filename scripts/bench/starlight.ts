/**
 * This book beside Starlight: the same week text (weeks 1 and 23) built as a
 * minimal Starlight site in a temp dir, with the same remark-math and rehype-katex and
 * KaTeX's CSS, both served gzip-compressed; prints what Chromium transfers for each page
 * on load and after reading it to the end, and this book's transfer and JavaScript as a ratio
 * of Starlight's (demos load their code, Plot included, when scrolled to).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import { launchBrowser } from '../../tests/support/browser';
import { serveGzipped } from './serve-gzip';

interface Transfer {
	total: number;
	js: number;
}

/** Bytes Chromium receives (compressed bodies) loading a page, and after scrolling to its end. */
async function transferOf(url: string): Promise<{ load: Transfer; read: Transfer }> {
	const browser = await launchBrowser();
	const page = await browser.newPage();
	const pending: Array<Promise<void>> = [];
	const sum: Transfer = { total: 0, js: 0 };
	page.on('requestfinished', (request) => {
		pending.push(
			request.sizes().then((s) => {
				sum.total += s.responseBodySize;
				if (request.resourceType() === 'script') sum.js += s.responseBodySize;
			}),
		);
	});
	await page.goto(url, { waitUntil: 'networkidle' });
	await Promise.all(pending);
	const load = { ...sum };
	for (let y = 0; y < (await page.evaluate(() => document.documentElement.scrollHeight)); y += 700) {
		await page.mouse.wheel(0, 700);
		await page.waitForTimeout(50);
	}
	await page.waitForLoadState('networkidle');
	await Promise.all(pending);
	await browser.close();
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
	const ours = await serveGzipped(dir);
	const theirs = await serveGzipped(join(root, 'dist'), '/');
	const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
	console.log('\nBeside Starlight (same week text, remark-math + rehype-katex; bytes transferred, gzip):');
	try {
		for (const week of weeks) {
			const book = await transferOf(new URL(`weeks/${String(week).padStart(2, '0')}/`, ours.url).href);
			const star = await transferOf(new URL(`week-${week}/`, theirs.url).href);
			const line = (when: string, a: Transfer, b: Transfer) =>
				`  week ${String(week).padStart(2)}, ${when}: this book ${kb(a.total)} (JS ${kb(a.js)}), Starlight ${kb(b.total)} (JS ${kb(b.js)}): ` +
				`${(a.total / b.total).toFixed(2)}× in all, ${(a.js / b.js).toFixed(2)}× in JS`;
			console.log(line('on load', book.load, star.load));
			console.log(line('read to the end', book.read, star.read));
		}
	} finally {
		await ours.close();
		await theirs.close();
		rmSync(root, { recursive: true, force: true });
	}
}
