/**
 * Runs every ```python block (each page's blocks in order, in one session, from public/)
 * and every starter notebook, then freezes what the blocks printed and drew into outputs/,
 * with the values of the page's inline expressions (`` `{python} expr` `` in the prose,
 * evaluated in the same session after its blocks).
 *   npm run execute            run everything and rewrite the cache
 *   npm run execute -- --check run everything; fail on an error or a stale cache (CI)
 * Options: --no-notebooks, --jobs N, --only <text> (pages whose path contains it; no notebooks).
 * The interpreter is the project venv holding requirements.lock (scripts/python.sh makes and
 * updates it); PYTHON picks another. outputs/versions.json records the releases that printed
 * the outputs: a run on others, a warning or anything else a block writes to stderr is a problem.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, copyFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { cachePathFor, figuresDir, inlineExpressions, outputsDir, pythonBlocks, sameOutput, type CachedInline, type CachedPage } from '../src/lib/python/outputs';
import { repositoryDataUrlProblems } from '../src/lib/notebooks/published';
import { parseVersions, recordedVersions, versionDifferences, versionsFile, versionsSentence } from '../src/lib/python/versions';

interface BlockResult {
	line: number;
	stdout: string;
	figures: { file: string; alt: string }[];
	error: string | null;
	seconds: number;
	skipped?: boolean;
	/** "file:line: Category: message" for each warning the block raised. */
	warnings: string[];
	/** Anything else it wrote to stderr. */
	stderr: string;
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
	notebooks: { file: string; seconds: number; error: string | null; warnings: string[] }[];
	pagesSeconds: number;
	notebooksSeconds: number;
}

const args = process.argv.slice(2);
const check = args.includes('--check');
const withNotebooks = !args.includes('--no-notebooks') && !args.includes('--only');
const jobs = Number(args[args.indexOf('--jobs') + 1]) || 2;
const only = args.includes('--only') ? args[args.indexOf('--only') + 1]! : null;
const root = process.env.COURSE_ROOT ?? '.';
// The pinned venv unless PYTHON names another interpreter.
const [python, ...pythonArgs] = process.env.PYTHON ? [process.env.PYTHON] : [join(import.meta.dirname, 'python.sh')];

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

const run = spawnSync(python!, [...pythonArgs, join(import.meta.dirname, 'execute.py')], { input: JSON.stringify(job), encoding: 'utf8', stdio: ['pipe', 'pipe', 'inherit'], maxBuffer: 256 * 1024 * 1024 });
if (run.status !== 0) {
	console.error(`execute: ${process.env.PYTHON ?? 'scripts/python.sh'} scripts/execute.py failed (exit ${run.status}). ${process.env.PYTHON ? 'Does PYTHON have the packages of requirements.lock? ' : ''}See "Set up Python" in README.md.`);
	process.exit(1);
}
const result = JSON.parse(run.stdout) as RunResult;
const versions = recordedVersions(result.versions);
console.log(versionsSentence(versions));

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
// What a reader would see in red under the block: a warning or any other stderr text.
for (const page of result.pages)
	for (const block of page.blocks) {
		// A warning raised in a loop is one problem: "(4 times)".
		const counts = new Map<string, number>();
		for (const warning of block.warnings ?? []) counts.set(warning, (counts.get(warning) ?? 0) + 1);
		problems.push(...[...counts].map(([warning, n]) => (n > 1 ? `${warning} (${n} times)` : warning)));
		const text = (block.stderr ?? '').trim();
		if (text) problems.push(`${page.file}:${block.line}: wrote to stderr: ${text.split('\n')[0]}`);
	}
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
	problems.push(...result.notebooks.flatMap((n) => n.warnings ?? []));
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
const cacheFiles = existsSync(join(root, outputsDir)) ? walk(join(root, outputsDir)).filter((f) => f.endsWith('.json')).map((f) => relative(root, f)).filter((f) => f !== versionsFile) : [];
const wanted = new Set(fresh.map((p) => cachePathFor(p.file)));

// The repository's notebooks name no site (the served download fills in its own), so a fork never rewrites them.
for (const file of notebooks) problems.push(...repositoryDataUrlProblems(relative(root, file), readFileSync(file, 'utf8')));

// The releases that printed outputs/: a run on others may print other numbers and dtypes.
const versionsPath = join(root, versionsFile);
let recorded: ReturnType<typeof parseVersions> | null = null;
if (existsSync(versionsPath)) {
	try {
		recorded = parseVersions(readFileSync(versionsPath, 'utf8'), versionsFile);
	} catch (error) {
		problems.push((error as Error).message);
	}
}
// A check, or a partial run (which would mix outputs of two stacks), must run on the recorded versions.
const otherReleases = recorded ? versionDifferences(recorded, versions) : [];
if (check || only !== null) problems.push(...otherReleases);
else if (!recorded && check) problems.push(`${versionsFile}: missing; run npm run execute to record the versions that print the outputs`);

if (!check && only !== null && otherReleases.length) {
	console.log(`froze nothing: the other pages' outputs were printed by other releases (${versionsFile})`);
} else if (check) {
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
	if (only === null) writeFileSync(versionsPath, `${JSON.stringify(versions, null, '\t')}\n`);
	console.log(`froze outputs of ${fresh.length} pages into ${outputsDir}/`);
}
rmSync(figureScratch, { recursive: true, force: true });

if (problems.length) {
	console.error(`\n${problems.length} problem${problems.length === 1 ? '' : 's'}:\n${problems.map((p) => `  ${p}`).join('\n')}`);
	process.exit(1);
}

