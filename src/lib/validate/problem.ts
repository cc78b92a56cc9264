/** One content mistake, located and with its fix. Every check reports these; the runner prints them. */
export interface Problem {
	/** Path relative to the project root, with forward slashes. */
	file: string;
	/** 1-based line in `file`; absent when the problem is the file itself (a folder, a link out, unreadable). */
	line?: number;
	message: string;
	fix: string;
}

/** `path:line: problem; fix` (or `path: problem; fix` for a whole file) — the one format the validator prints. */
export function formatProblem(p: Problem): string {
	return `${p.file}${p.line === undefined ? '' : `:${p.line}`}: ${p.message}; ${p.fix}`;
}

export function sortProblems(problems: Problem[]): Problem[] {
	return [...problems].sort((a, b) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0) || a.message.localeCompare(b.message));
}
