/**
 * `npm run bench -- --scale`: how the build grows. Builds synthetic courses in a temp
 * dir through the real validator, Astro build and Pagefind, with 24, 240 and 2,400
 * pages of week text: the book's 24 weeks, plus portfolio explanations that each carry
 * one week's teaching text (maths, code, tables), since the schema holds a course at 24
 * weeks. Prints build seconds, ms per page, the marginal cost per page and the bytes
 * Pagefind loads for a first query in Chromium.
 *
 * Beside wall time it prints the CPU time the build's processes used and the share of the
 * machine's CPU the hypervisor took (steal): on a shared virtual machine the same build's
 * wall time varied by half from one run to the next, and the steal says how busy the host was.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { launchBrowser } from '../../tests/support/browser';
import { machineLoad } from './machine';
import { serveGzipped } from './serve-gzip';

const weekBodies = readdirSync('content/weeks')
	.filter((f) => /^\d\d\.mdx$/.test(f))
	.sort()
	.map((f) => readFileSync(join('content/weeks', f), 'utf8').replace(/^---\n[\s\S]*?\n---\n/, ''));

const weekCaches = weekBodies.map((_, i) => {
	const path = join('outputs/weeks', `${String(i + 1).padStart(2, '0')}.json`);
	return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>) : null;
});

/** A course with `weekPages` pages of week text, in a fresh temp dir. */
export function syntheticCourse(weekPages: number): string {
	const root = mkdtempSync(join(tmpdir(), `scale-${weekPages}-`));
	cpSync('content', join(root, 'content'), { recursive: true });
	cpSync('notebooks', join(root, 'notebooks'), { recursive: true });
	// The pages' frozen Python outputs: without them the validator and the build refuse every
	// inline expression. Each synthetic page gets its week's cache, so it shows the same output.
	cpSync('outputs', join(root, 'outputs'), { recursive: true });
	// The drills' data sets, which the validator looks for beside the content.
	cpSync('public/data', join(root, 'public/data'), { recursive: true });
	mkdirSync(join(root, 'outputs/portfolio'), { recursive: true });
	const start = Date.UTC(2026, 0, 1);
	for (let i = 0; i < weekPages - weekBodies.length; i++) {
		const date = new Date(start + i * 86_400_000).toISOString().slice(0, 10);
		const week = (i % weekBodies.length) + 1;
		const name = `${date}-synthetic-${String(i + 1).padStart(4, '0')}`;
		writeFileSync(
			join(root, 'content/portfolio', `${name}.mdx`),
			`---\ntype: explanation\ntitle: Synthetic page ${i + 1}, the text of week ${week}\ndate: ${date}\nweek: ${week}\n---\n${weekBodies[week - 1]}`,
		);
		const cache = weekCaches[week - 1];
		if (cache) writeFileSync(join(root, 'outputs/portfolio', `${name}.json`), JSON.stringify({ ...cache, file: `content/portfolio/${name}.mdx` }));
	}
	// Astro caches content in node_modules/.astro; a config with its own cacheDir keeps the book's cache clean.
	writeFileSync(join(root, 'astro.config.mjs'), `import config from ${JSON.stringify(pathToFileURL(resolve('astro.config.mjs')).href)};\nexport default { ...config, cacheDir: ${JSON.stringify(join(root, '.astro-cache'))} };\n`);
	return root;
}

/**
 * CPU seconds used so far by this process's finished children (user + system), from
 * /proc/self/stat; null where there is no /proc.
 */
let ticksPerSecond: number | null = null;
function childrenCpuSeconds(): number | null {
	if (!existsSync('/proc/self/stat')) return null;
	ticksPerSecond ??= Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim());
	// Fields after the command name (which may hold spaces); cutime and cstime are fields 16 and 17.
	const fields = readFileSync('/proc/self/stat', 'utf8').replace(/^.*\) /, '').split(' ');
	const ticks = Number(fields[13]) + Number(fields[14]);
	return ticks / ticksPerSecond;
}

/** The machine's CPU ticks so far, all and stolen (by the hypervisor, from this virtual machine), from /proc/stat. */
function machineTicks(): { all: number; steal: number } | null {
	if (!existsSync('/proc/stat')) return null;
	// "cpu  user nice system idle iowait irq softirq steal guest guest_nice"
	const ticks = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1, 9).map(Number);
	return { all: ticks.reduce((a, b) => a + b, 0), steal: ticks[7]! };
}

interface Timing {
	seconds: number;
	cpu: number | null;
	/** Share of the machine's CPU time the hypervisor took while the step ran. */
	steal: number | null;
}

function timed(run: () => void): Timing {
	const [started, cpuBefore, machineBefore] = [performance.now(), childrenCpuSeconds(), machineTicks()];
	run();
	const [cpuAfter, machineAfter] = [childrenCpuSeconds(), machineTicks()];
	return {
		seconds: (performance.now() - started) / 1000,
		cpu: cpuBefore === null || cpuAfter === null ? null : cpuAfter - cpuBefore,
		steal: machineBefore === null || machineAfter === null ? null : (machineAfter.steal - machineBefore.steal) / Math.max(1, machineAfter.all - machineBefore.all),
	};
}

async function firstQueryBytes(dir: string, query: string): Promise<number> {
	const site = await serveGzipped(dir);
	const browser = await launchBrowser();
	const page = await browser.newPage();
	let bytes = 0;
	const sizes: Array<Promise<void>> = [];
	page.on('requestfinished', (request) => {
		if (request.url().includes('/pagefind/')) sizes.push(request.sizes().then((s) => void (bytes += s.responseBodySize)));
	});
	await page.goto(new URL(`search/?q=${encodeURIComponent(query)}`, site.url).href);
	await page.locator('.pagefind-ui__result-link').first().waitFor();
	await page.waitForLoadState('networkidle');
	await Promise.all(sizes);
	await browser.close();
	await site.close();
	return bytes;
}

/** `--sizes 24,240` after `--scale` picks the steps: the 2,400-page one alone takes many minutes. */
export function sizesFromArgs(args: string[]): number[] | null {
	const at = args.indexOf('--sizes');
	if (at === -1) return null;
	const sizes = (args[at + 1] ?? '').split(',').map(Number);
	if (sizes.length === 0 || sizes.some((n) => !Number.isInteger(n) || n < 24)) throw new Error('--sizes takes whole numbers of week pages, each at least 24 (the book\'s own weeks), e.g. --sizes 24,240');
	return sizes;
}

export async function runScale(sizes = sizesFromArgs(process.argv) ?? [24, 240, 2400]): Promise<void> {
	console.log(`\nScale: synthetic courses through validate + astro build + pagefind (this machine, ${machineLoad()}):`);
	const rows: Array<{ pages: number; seconds: number; cpu: number | null }> = [];
	for (const size of sizes) {
		const root = syntheticCourse(size);
		const out = join(root, 'dist');
		const env = { PATH: process.env.PATH, HOME: process.env.HOME, TZ: 'UTC', COURSE_ROOT: root, ASTRO_TELEMETRY_DISABLED: '1' };
		try {
			const validate = timed(() => execFileSync(process.execPath, ['--import', 'tsx', 'scripts/validate.ts', root], { stdio: 'pipe' }));
			// Astro logs a line per page: past 2,000 pages that outgrows execFileSync's 1 MB default buffer.
			const astro = timed(() => execFileSync(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build', '--config', relative(process.cwd(), join(root, 'astro.config.mjs')), '--outDir', out], { env, stdio: 'pipe', maxBuffer: 256 * 1024 * 1024 }));
			const pagefind = timed(() => execFileSync(process.execPath, ['node_modules/pagefind/lib/runner/bin.cjs', '--site', out, '--silent'], { stdio: 'pipe' }));
			const pages = (readdirSync(out, { recursive: true }) as string[]).filter((f) => f.endsWith('.html')).length;
			const steps = [validate, astro, pagefind];
			const seconds = steps.reduce((sum, step) => sum + step.seconds, 0);
			const cpu = steps.every((step) => step.cpu !== null) ? steps.reduce((sum, step) => sum + step.cpu!, 0) : null;
			rows.push({ pages, seconds, cpu });
			const query = await firstQueryBytes(out, 'variance');
			console.log(
				`  ${String(size).padStart(5)} week pages: ${String(pages).padStart(5)} HTML pages, build ${seconds.toFixed(1)} s (validate ${validate.seconds.toFixed(1)}, astro ${astro.seconds.toFixed(1)}, pagefind ${pagefind.seconds.toFixed(1)}), ` +
					`${((seconds * 1000) / pages).toFixed(1)} ms/page${cpu === null ? '' : `, CPU ${cpu.toFixed(1)} s`}${astro.steal === null ? '' : `, ${(astro.steal * 100).toFixed(0)}% of the machine stolen during astro`}; ` +
					`Pagefind first query "variance" ${(query / 1024).toFixed(1)} KB`,
			);
		} finally {
			rmSync(root, { recursive: true, force: true });
		}
	}
	for (let i = 1; i < rows.length; i++) {
		const [a, b] = [rows[i - 1]!, rows[i]!];
		const cpu = a.cpu === null || b.cpu === null ? '' : `, CPU ${(((b.cpu - a.cpu) * 1000) / (b.pages - a.pages)).toFixed(1)} ms/page`;
		console.log(`  marginal ${a.pages} → ${b.pages} pages: ${(((b.seconds - a.seconds) * 1000) / (b.pages - a.pages)).toFixed(1)} ms/page${cpu}`);
	}
	console.log(`  (${machineLoad()} at the end)`);
	if (rows.length === 3) {
		const [, m, l] = rows as [typeof rows[0], typeof rows[0], typeof rows[0]];
		console.log(`  ${l.pages}/${m.pages} pages: build time ×${(l.seconds / m.seconds).toFixed(2)} for pages ×${(l.pages / m.pages).toFixed(2)} (${(l.seconds / m.seconds / (l.pages / m.pages)).toFixed(2)}× linear)`);
	}
}
