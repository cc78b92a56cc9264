/**
 * Checks that every inline expression in the prose (`` `{python} expr` ``) has a value
 * frozen in outputs/, so an author learns before the build that stops on it. Whether a
 * value is still current needs Python: `npm run execute -- --check` decides that.
 */
import { cachePathFor, inlineExpressions, type CachedPage } from '../python/outputs';
import type { Problem } from './problem';
import type { ContentTree } from './types';

/** Line and reason of a parse failure (micromark reports MDX mistakes with a position). */
function parseFailure(error: unknown): { line: number; reason: string } {
	const e = error as { line?: number; reason?: string; message?: string };
	return { line: e.line ?? 1, reason: (e.reason ?? e.message ?? String(error)).split('\n')[0]! };
}

export function inlineExpressionProblems(tree: ContentTree): Problem[] {
	const problems: Problem[] = [];
	for (const file of tree.list('content').filter((f) => /\.mdx?$/.test(f)).sort()) {
		const text = tree.read(file) ?? '';
		let expressions;
		try {
			expressions = inlineExpressions(text, file.endsWith('.mdx'));
		} catch (error) {
			const { line, reason } = parseFailure(error);
			problems.push({ file, line, message: `the page cannot be read as ${file.endsWith('.mdx') ? 'MDX' : 'Markdown'} (${reason})`, fix: 'fix the syntax on this line (in MDX, write a literal { or < as \\{ or &lt;)' });
			continue;
		}
		if (expressions.length === 0) continue;
		const cacheFile = cachePathFor(file);
		const cacheText = tree.read(cacheFile);
		let frozen = new Set<string>();
		if (cacheText !== null) {
			try {
				frozen = new Set(((JSON.parse(cacheText) as CachedPage).inline ?? []).map((e) => e.expr));
			} catch {
				problems.push({ file: cacheFile, line: 1, message: 'the frozen outputs are not valid JSON', fix: 'run npm run execute to write them again' });
				continue;
			}
		}
		for (const { line, expr } of expressions) {
			if (!frozen.has(expr)) problems.push({ file, line, message: `inline expression \`${expr}\` has no frozen value in ${cacheFile}`, fix: 'run npm run execute (it evaluates the expression after the page\'s blocks)' });
		}
	}
	return problems;
}
