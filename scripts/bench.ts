// `npm run bench`: prints figures, never pass/fail. Build time of the course, size of
// dist/, page weight per kind of page, JavaScript shipped (min and gzip, before and after
// demos load), how long one demo control change takes to redraw in Chromium, Lighthouse
// scores of every kind of page (mobile and desktop) and this book beside Starlight.
// `npm run bench -- --scale` instead builds synthetic courses of 24, 240 and 2,400 pages.
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Locator } from 'playwright-core';
import { launchBrowser } from '../tests/support/browser';
import { allPages } from '../tests/support/dist';
import { pageWeights } from '../tests/support/weight';
import { runLighthouse, samplePages } from './bench/lighthouse';
import { serveGzipped } from './bench/serve-gzip';
import { runScale } from './bench/scale';
import { runStarlight } from './bench/starlight';

if (process.argv.includes('--scale')) {
	await runScale();
	process.exit();
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

function dirSize(dir: string): number {
	return (readdirSync(dir, { recursive: true }) as string[]).reduce((sum, f) => {
		const s = statSync(join(dir, f));
		return s.isFile() ? sum + s.size : sum;
	}, 0);
}

function timeBuild(): number {
	const started = performance.now();
	execFileSync('npm', ['run', 'build', '--silent'], { stdio: 'pipe', env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' } });
	return (performance.now() - started) / 1000;
}

const seconds = [timeBuild(), timeBuild()];
console.log(`build (validate + astro + pagefind): ${seconds.map((s) => `${s.toFixed(1)} s`).join(', ')}`);
const pages = (readdirSync('dist', { recursive: true }) as string[]).filter((f) => f.endsWith('.html')).length;
console.log(`dist/: ${kb(dirSize('dist'))} in all, ${pages} HTML pages, pagefind index ${kb(dirSize('dist/pagefind'))}`);

console.log('\nLargest page of each kind (gzip; fonts are the KaTeX woff2 files its maths needs):');
const weights = pageWeights('dist');
for (const kind of [...new Set(weights.map((w) => w.kind))].sort()) {
	const of = weights.filter((w) => w.kind === kind);
	const max = (key: 'html' | 'js' | 'css' | 'fonts') => kb(Math.max(...of.map((w) => w[key])));
	console.log(`  ${kind.padEnd(18)} ${String(of.length).padStart(3)} pages: HTML ${max('html')}, JS ${max('js')}, CSS ${max('css')}, fonts ${max('fonts')}`);
}

/**
 * Moves a demo's first control one step (alternately up and down) as a hand would and
 * waits for the redraw it causes; the milliseconds from input to drawn, code loading
 * included when this is the demo's first change.
 */
function changeDemo(demo: Locator, step = 0): Promise<number> {
	const control = demo.locator('[data-controls] :is(input[type=range], select, input[type=checkbox], input[type=number]:not([name=seed]))').first();
	return control.evaluate(
		(el: HTMLInputElement | HTMLSelectElement, step) =>
			new Promise<number>((resolve) => {
				const host = el.closest('sp-demo')!;
				const started = performance.now();
				// data-render-count goes up once per redraw, even when data-render-ms happens to repeat.
				const observer = new MutationObserver(() => {
					observer.disconnect();
					resolve(performance.now() - started);
				});
				observer.observe(host, { attributeFilter: ['data-render-count'] });
				if (el instanceof HTMLSelectElement) el.selectedIndex = (el.selectedIndex + 1) % el.options.length;
				else if (el.type === 'checkbox') el.checked = !el.checked;
				else if (step % 2) el.stepDown();
				else el.stepUp();
				el.dispatchEvent(new Event('input', { bubbles: true }));
			}),
		step,
	);
}

const site = await serveGzipped('dist');
const browser = await launchBrowser();
const samples = samplePages('dist');
console.log('\nJavaScript per page (files fetched; min / gzip):');
for (const [label, path] of samples) {
	const page = await browser.newPage();
	const scripts = new Map<string, Buffer>();
	page.on('response', async (response) => {
		if (response.request().resourceType() === 'script') scripts.set(response.url(), await response.body());
	});
	await page.goto(new URL(path.slice(1), site.url).href, { waitUntil: 'networkidle' });
	const initial = [...scripts.values()];
	await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
	await page.waitForTimeout(300);
	await page.waitForLoadState('networkidle');
	const all = [...scripts.values()];
	const inline = await page.evaluate(() => [...document.querySelectorAll('script:not([src])')].map((s) => s.textContent ?? '').join(''));
	const sum = (list: Buffer[]) => list.reduce((n, b) => n + b.length, 0);
	const gz = (list: Buffer[]) => list.reduce((n, b) => n + gzipSync(b, { level: 9 }).length, 0);
	// A demo wakes without loading anything (src/islands/demo.ts); its spec and Plot come with the first change.
	let used: Buffer[] = [];
	const demo = page.locator('sp-demo').first();
	if ((await demo.count()) > 0) {
		await demo.scrollIntoViewIfNeeded();
		await page.waitForSelector('sp-demo[data-ready="true"]');
		await changeDemo(demo);
		await page.waitForLoadState('networkidle');
		used = [...scripts.values()];
	}
	console.log(
		`  ${label.padEnd(26)} on load ${kb(sum(initial))} / ${kb(gz(initial))}` +
			(all.length > initial.length ? `; after scrolling to the end ${kb(sum(all))} / ${kb(gz(all))}` : '') +
			(used.length > all.length ? `; after a demo control change ${kb(sum(used))} / ${kb(gz(used))}` : '') +
			`; inline ${inline.length} B`,
	);
	await page.close();
}

console.log('\nDemo redraw after one control change (median of 7 after the first, which also loads the spec and Plot; Chromium on this machine):');
const seen = new Set<string>();
for (const path of allPages('dist').filter((p) => p.endsWith('/'))) {
	const html = readFileSync(join('dist', path, 'index.html'), 'utf8');
	for (const [, id] of html.matchAll(/<sp-demo[^>]*data-demo="([^"]+)"/g)) {
		if (!id || seen.has(id)) continue;
		seen.add(id);
		const page = await browser.newPage();
		await page.goto(new URL(path.slice(1), site.url).href);
		const demo = page.locator(`sp-demo[data-demo="${id}"]`);
		await demo.scrollIntoViewIfNeeded();
		await page.waitForSelector(`sp-demo[data-demo="${id}"][data-ready="true"]`);
		const first = await changeDemo(demo, 0);
		const firstDraw = Number(await demo.getAttribute('data-render-ms'));
		const times: number[] = [];
		for (let i = 1; i <= 7; i++) {
			await changeDemo(demo, i);
			times.push(Number(await demo.getAttribute('data-render-ms')));
		}
		times.sort((a, b) => a - b);
		console.log(
			`  ${id.padEnd(24)} ${times[3]!.toFixed(1)} ms (min ${times[0]!.toFixed(1)}, max ${times.at(-1)!.toFixed(1)}); ` +
				`first change ${first.toFixed(0)} ms from input to drawn, its redraw ${firstDraw.toFixed(1)} ms; on ${path}`,
		);
		await page.close();
	}
}

console.log('\nPractice dashboard of a 10,000-row log on /progress/ (computed + drawn; median of 7, Chromium on this machine):');
{
	const metrics = [
		['eda_minutes', 'min', () => 30 + Math.round(Math.random() * 60)],
		['intuition_correct', 'claim', () => (Math.random() < 0.6 ? 1 : 0)],
		['decision_right', 'ADR', () => (Math.random() < 0.7 ? 1 : 0)],
		['prototype_overrun', 'ratio', () => Math.round((0.6 + Math.random()) * 100) / 100],
		['communication', 'of 4', () => Math.floor(Math.random() * 5)],
		['decomposition', 'of 7', () => Math.floor(Math.random() * 8)],
	] as const;
	const log = Array.from({ length: 10_000 }, (_, i) => {
		const [metric, unit, value] = metrics[i % metrics.length]!;
		const week = 1 + (i % 24);
		const day = new Date(Date.UTC(2025, 2, 3 + (week - 1) * 7 + (i % 7))).toISOString().slice(0, 10);
		return { date: day, week, metric, value: value(), unit, note: `bench row ${i}` };
	});
	const page = await browser.newPage();
	await page.goto(new URL('progress/', site.url).href);
	const key = await page.locator('sp-practice-log').getAttribute('data-storage-key');
	await page.evaluate(([k, value]) => localStorage.setItem(k!, value!), [key, JSON.stringify({ version: 2, ticks: {}, settings: {}, log, timers: {}, claims: [], decisions: [] })]);
	await page.reload();
	await page.locator('[data-practice-count]', { hasText: '10000 rows' }).waitFor();
	const times: number[] = [];
	for (let i = 0; i < 7; i++) {
		// A storage event makes the store re-read the log and the dashboard redraw, as another tab's change does.
		await page.evaluate((k) => window.dispatchEvent(new StorageEvent('storage', { key: k })), key);
		times.push(Number(await page.locator('sp-practice-log').getAttribute('data-render-ms')));
	}
	times.sort((a, b) => a - b);
	console.log(`  10,000 rows: ${times[3]!.toFixed(1)} ms (min ${times[0]!.toFixed(1)}, max ${times.at(-1)!.toFixed(1)}; budget 100 ms)`);
	// A tick re-reads and re-writes the whole stored value, log included.
	const ticks: number[] = [];
	for (let i = 0; i < 7; i++) {
		ticks.push(await page.evaluate(async (k) => {
			const next = localStorage.getItem(k!)!.replace('"ticks":{', `"ticks":{"bench-${Math.random().toString(36).slice(2)}":{"checked":true,"at":1},`);
			const started = performance.now();
			localStorage.setItem(k!, next);
			return performance.now() - started;
		}, key));
	}
	ticks.sort((a, b) => a - b);
	console.log(`  one localStorage write of that value (${kb(JSON.stringify(log).length)}): ${ticks[3]!.toFixed(1)} ms median`);
	await page.close();
}
await browser.close();
await site.close();

await runLighthouse('dist');
await runStarlight('dist');
