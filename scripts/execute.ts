/**
 * Runs every ```python block (each page's blocks in order, in one session, from public/)
 * and every starter notebook, then freezes what the blocks printed and drew into outputs/,
 * with the values of the page's inline expressions (`` `{python} expr` `` in the prose,
 * evaluated in the same session after its blocks).
 *   npm run execute            run everything and rewrite the cache
 *   npm run execute -- --check run everything; fail on an error or a stale cache (CI)
 * Options: --no-notebooks, --jobs N, --only <text> (pages whose path contains it; no notebooks). PYTHON picks the interpreter (default: /usr/bin/python3 when
 * present, since that is where Debian's numeric packages live, else python3).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, copyFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { cachePathFor, figuresDir, inlineExpressions, outputsDir, pythonBlocks, sameOutput, type CachedInline, type CachedPage } from '../src/lib/python/outputs';
import { notebookDataUrl, publishedDataUrl, withDataUrl } from '../src/lib/notebooks/published';
import course from '../course.config';

interface BlockResult {
	line: number;
	stdout: string;
	figures: { file: string; alt: string }[];
	error: string | null;
	seconds: number;
	skipped?: boolean;
}
interface InlineResult {
	line: number;
	expr: string;
	value: string | null;
	error: string | null;
}
interface RunResult {
	versions: Record<string, string>;
	pages: { file: string; seconds: number; blocks: BlockResult[]; inline: InlineResult[] }[];
	notebooks: { file: string; seconds: number; error: string | null }[];
	pagesSeconds: number;
	notebooksSeconds: number;
}

const args = process.argv.slice(2);
const check = args.includes('--check');
const withNotebooks = !args.includes('--no-notebooks') && !args.includes('--only');
const jobs = Number(args[args.indexOf('--jobs') + 1]) || 2;
const only = args.includes('--only') ? args[args.indexOf('--only') + 1]! : null;
const root = process.env.COURSE_ROOT ?? '.';
const python = process.env.PYTHON ?? (existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3');

function walk(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]));
}

const contentFiles = walk(join(root, 'content'))
	.filter((f) => /\.mdx?$/.test(f))
	.map((f) => relative(root, f))
	.sort();
const pages = contentFiles
	.map((file) => {
		const source = readFileSync(join(root, file), 'utf8');
		return { file, blocks: pythonBlocks(source, file.endsWith('.mdx')), inline: inlineExpressions(source, file.endsWith('.mdx')) };
	})
	// A page whose prose has expressions but no blocks still gets a session.
	.filter((p) => p.blocks.length > 0 || p.inline.length > 0)
	.filter((p) => only === null || p.file.includes(only));
const notebooks = withNotebooks && existsSync(join(root, 'notebooks')) ? readdirSync(join(root, 'notebooks')).filter((f) => f.endsWith('.ipynb')).sort().map((f) => join(root, 'notebooks', f)) : [];

const figureScratch = mkdtempSync(join(tmpdir(), 'book-figures-'));
const job = {
	pages: pages.map((p) => ({ file: p.file, blocks: p.blocks.map((b) => ({ line: b.line, code: b.code, id: b.id, noRun: b.noRun })), inline: p.inline })),
	notebooks,
	dataDir: join(root, 'public'),
	figureDir: figureScratch,
	blockTimeout: Number(process.env.BLOCK_TIMEOUT ?? 180),
	pageTimeout: Number(process.env.PAGE_TIMEOUT ?? 600),
	notebookTimeout: Number(process.env.CELL_TIMEOUT ?? 120),
	jobs,
};

const run = spawnSync(python, [join(import.meta.dirname, 'execute.py')], { input: JSON.stringify(job), encoding: 'utf8', stdio: ['pipe', 'pipe', 'inherit'], maxBuffer: 256 * 1024 * 1024 });
if (run.status !== 0) {
	console.error(`execute: ${python} scripts/execute.py failed (exit ${run.status}). Is the numeric stack installed? See "Set up Python" in README.md.`);
	process.exit(1);
}
const result = JSON.parse(run.stdout) as RunResult;
console.log(Object.entries(result.versions).map(([k, v]) => `${k} ${v}`).join(' · '));

const problems: string[] = [];

/**
 * --check of a page's inline expressions: each needs a frozen value that a fresh run
 * still gives (compared as block outputs are), and no frozen value may outlive its
 * expression. Expressions are matched by their text, so moving one keeps its value.
 */
function inlineProblems(file: string, source: { line: number; expr: string }[], frozen: CachedInline[], now: CachedInline[]): string[] {
	const found: string[] = [];
	const frozenByExpr = new Map(frozen.map((e) => [e.expr, e]));
	const nowByExpr = new Map(now.map((e) => [e.expr, e]));
	for (const { line, expr } of source) {
		const old = frozenByExpr.get(expr);
		const fresh = nowByExpr.get(expr);
		if (!old) found.push(`${file}:${line}: inline expression \`${expr}\` has no frozen value; run npm run execute`);
		// No fresh value: its failure is already a problem of its own.
		else if (fresh && !sameOutput(old.value, fresh.value)) found.push(`${file}:${line}: inline expression \`${expr}\` is frozen as ${JSON.stringify(old.value)}, a fresh run gives ${JSON.stringify(fresh.value)}; run npm run execute`);
	}
	const current = new Set(source.map((e) => e.expr));
	for (const old of frozen) if (!current.has(old.expr)) found.push(`${file}:${old.line}: frozen value of an inline expression that is no longer in the page (\`${old.expr}\`); run npm run execute`);
	return found;
}
function firstDifference(frozen: string, now: string): string {
	const a = frozen.split('\n');
	const b = now.split('\n');
	const i = a.findIndex((line, n) => !sameOutput(line, b[n] ?? ''));
	const at = i === -1 ? Math.min(a.length, b.length) : i;
	return `output line ${at + 1}: frozen ${JSON.stringify(a[at] ?? '')}, now ${JSON.stringify(b[at] ?? '')}`;
}
const blockResults = result.pages.flatMap((p) => p.blocks);
const skipped = pages.flatMap((p) => p.blocks.filter((b) => b.noRun).map((b) => `${p.file}:${b.line}`));
const runnable = blockResults.length - skipped.length;
const failures = blockResults.flatMap((b) => (b.error ? [b.error] : []));
problems.push(...failures);
console.log(`${runnable - failures.length}/${runnable} Python blocks run in ${result.pagesSeconds.toFixed(1)} s`);
const inlineResults = result.pages.flatMap((p) => p.inline);
const inlineFailures = inlineResults.flatMap((e) => (e.error ? [e.error] : []));
problems.push(...inlineFailures);
if (inlineResults.length) console.log(`${inlineResults.length - inlineFailures.length}/${inlineResults.length} inline expressions evaluated`);
if (skipped.length) console.log(`${skipped.length} marked no-run: ${skipped.join(', ')}`);
const slowest = result.pages
	.flatMap((p) => p.blocks.map((b) => ({ where: `${p.file}:${b.line}`, seconds: b.seconds })))
	.sort((a, b) => b.seconds - a.seconds)
	.slice(0, 3);
if (slowest.length) console.log(`slowest blocks: ${slowest.map((s) => `${s.where} ${s.seconds.toFixed(1)} s`).join(', ')}`);
if (withNotebooks) {
	const broken = result.notebooks.filter((n) => n.error);
	problems.push(...broken.map((n) => n.error!));
	console.log(`${result.notebooks.length - broken.length}/${result.notebooks.length} notebooks run in ${result.notebooksSeconds.toFixed(1)} s`);
}

// Compare with (or rewrite) the frozen outputs.
const fresh: (Omit<CachedPage, 'blocks' | 'inline'> & { blocks: (CachedPage['blocks'][number] & { timings: boolean })[]; inline: CachedInline[] })[] = result.pages.map((p, i) => ({
	file: p.file,
	blocks: p.blocks
		.map((b, j) => ({ b, source: pages[i]!.blocks[j] }))
		// A page whose process died while evaluating its expressions has an error entry but no block behind it.
		.filter((x): x is { b: BlockResult; source: NonNullable<typeof x.source> } => x.source !== undefined && !x.source.noRun)
		.map(({ b, source }) => ({
			id: source.id,
			line: b.line,
			timings: source.timings,
			stdout: b.stdout,
			figures: b.figures.map((f) => ({ file: f.file, alt: source.alt ?? f.alt })),
			...(source.name ? { name: source.name } : {}),
		})),
	inline: p.inline.flatMap((e) => (e.value === null ? [] : [{ line: e.line, expr: e.expr, value: e.value }])),
}));
const cacheFiles = existsSync(join(root, outputsDir)) ? walk(join(root, outputsDir)).filter((f) => f.endsWith('.json')).map((f) => relative(root, f)) : [];
const wanted = new Set(fresh.map((p) => cachePathFor(p.file)));

// Colab opens the repository's copy of a notebook, so its data fallback must already be this site's.
const dataUrl = publishedDataUrl(process.env.SITE ?? course.site, process.env.BASE ?? course.base);
for (const file of notebooks) {
	const text = readFileSync(file, 'utf8');
	const current = notebookDataUrl(text);
	if (current === null || current === dataUrl) continue;
	if (check) problems.push(`${relative(root, file)}: DATA_URL is ${current}, the site publishes its data at ${dataUrl}; run npm run execute`);
	else writeFileSync(file, withDataUrl(text, dataUrl));
}

if (check) {
	for (const page of fresh) {
		const path = join(root, cachePathFor(page.file));
		if (!existsSync(path)) {
			problems.push(`${page.file}: no frozen outputs (${cachePathFor(page.file)}); run npm run execute`);
			continue;
		}
		const cached = JSON.parse(readFileSync(path, 'utf8')) as CachedPage;
		const cachedById = new Map(cached.blocks.map((b) => [b.id, b]));
		for (const block of page.blocks) {
			const old = cachedById.get(block.id);
			const where = `${page.file}:${block.line}`;
			if (!old) problems.push(`${where}: output not frozen (the block changed); run npm run execute`);
			else if ((old.name ?? null) !== (block.name ?? null)) problems.push(`${where}: the block's name changed to ${block.name ?? '(none)'} since its output was frozen; run npm run execute`);
			else if (!sameOutput(old.stdout, block.stdout, { numbers: !block.timings })) problems.push(`${where}: frozen output differs from a fresh run (${firstDifference(old.stdout, block.stdout)}); run npm run execute`);
			else if (old.figures.length !== block.figures.length) problems.push(`${where}: ${block.figures.length} figures now, ${old.figures.length} frozen; run npm run execute`);
			else for (const f of old.figures) if (!existsSync(join(root, figuresDir, f.file))) problems.push(`${where}: frozen figure ${figuresDir}/${f.file} is missing; run npm run execute`);
		}
		const current = new Set(page.blocks.map((b) => b.id));
		for (const old of cached.blocks) if (!current.has(old.id)) problems.push(`${cachePathFor(page.file)}: output of a block that no longer exists (was line ${old.line}); run npm run execute`);
		problems.push(...inlineProblems(page.file, pages.find((p) => p.file === page.file)!.inline, cached.inline ?? [], page.inline));
	}
	if (only === null) for (const file of cacheFiles) if (!wanted.has(file)) problems.push(`${file}: frozen outputs for a page with no Python blocks; run npm run execute`);
} else {
	const figuresOf = (page: CachedPage) => page.blocks.flatMap((b) => b.figures.map((f) => f.file));
	for (const page of fresh) {
		const path = join(root, cachePathFor(page.file));
		if (existsSync(path)) for (const old of figuresOf(JSON.parse(readFileSync(path, 'utf8')) as CachedPage)) rmSync(join(root, figuresDir, old), { force: true });
	}
	if (only === null) rmSync(join(root, figuresDir), { recursive: true, force: true });
	mkdirSync(join(root, figuresDir), { recursive: true });
	if (only === null) for (const file of cacheFiles) if (!wanted.has(file)) rmSync(join(root, file));
	for (const page of fresh) {
		const path = join(root, cachePathFor(page.file));
		mkdirSync(dirname(path), { recursive: true });
		// `inline` only where the prose has expressions, so other pages' caches stay as they were.
		const frozen: CachedPage = { file: page.file, blocks: page.blocks.map(({ timings: _timings, ...block }) => block), ...(page.inline.length ? { inline: page.inline } : {}) };
		writeFileSync(path, `${JSON.stringify(frozen, null, '\t')}\n`);
		for (const block of page.blocks) for (const f of block.figures) copyFileSync(join(figureScratch, f.file), join(root, figuresDir, f.file));
	}
	console.log(`froze outputs of ${fresh.length} pages into ${outputsDir}/`);
}
rmSync(figureScratch, { recursive: true, force: true });

if (problems.length) {
	console.error(`\n${problems.length} problem${problems.length === 1 ? '' : 's'}:\n${problems.map((p) => `  ${p}`).join('\n')}`);
	process.exit(1);
}

