/**
 * `npm run notebook -- <week>`: copies a week's starter notebook from `notebooks/`
 * (upstream's, read-only for the learner) into `my-notebooks/` (the learner's own),
 * so upstream can keep improving the starters without ever conflicting with the
 * learner's filled-in copy. Never overwrites; file access is injected for tests.
 */
import { padWeek } from '../site/paths';

export const STARTER_DIR = 'notebooks';
export const LEARNER_DIR = 'my-notebooks';
export const NOTEBOOK_USAGE = 'npm run notebook -- <week> (e.g. npm run notebook -- 4)';

export interface NotebookCommandIo {
	exists(path: string): boolean;
	/** Copies `from` to `to` (creating its folder); fails rather than overwrite. */
	copy(from: string, to: string): void;
	/** Weeks that have a starter notebook, for the message when one does not. */
	starterWeeks(): number[];
	out(line: string): void;
	err(line: string): void;
}

/** The week number in `4`, `04`, `week-04` or `week-04.ipynb`, or null. */
export function parseWeekArg(arg: string | undefined): number | null {
	const match = /^(?:week-?)?0*(\d{1,2})(?:\.ipynb)?$/i.exec(arg?.trim() ?? '');
	return match ? Number(match[1]) : null;
}

export function notebookPaths(week: number): { starter: string; copy: string } {
	const name = `week-${padWeek(week)}.ipynb`;
	return { starter: `${STARTER_DIR}/${name}`, copy: `${LEARNER_DIR}/${name}` };
}

/** Runs the command; returns the exit code. Output: the copied path, or `notebook: <problem>; <fix>`. */
export function runNotebookCommand(argv: readonly string[], io: NotebookCommandIo): number {
	const fail = (problem: string, fix: string) => {
		io.err(`notebook: ${problem}; ${fix}`);
		return 1;
	};
	const args = argv.filter((a) => a !== '--');
	if (args.length !== 1) return fail(args.length === 0 ? 'no week given' : `expected one week, got ${args.length} arguments`, `write ${NOTEBOOK_USAGE}`);
	const week = parseWeekArg(args[0]);
	const weeks = io.starterWeeks();
	if (week === null) return fail(`"${args[0]}" is not a week number`, `write ${NOTEBOOK_USAGE}`);
	const { starter, copy } = notebookPaths(week);
	if (!io.exists(starter)) return fail(`week ${week} has no starter notebook (${starter})`, `choose one of weeks ${weeks.join(', ')}`);
	if (io.exists(copy)) return fail(`${copy} already exists and was left as it is`, 'open that file; delete or rename it first to start again from the starter');
	io.copy(starter, copy);
	io.out(`copied ${starter} to ${copy}: fill it in there (${STARTER_DIR}/ belongs to the book and may change upstream)`);
	return 0;
}
