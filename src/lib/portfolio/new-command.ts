/**
 * `npm run new` without the file system: reads the command line, asks
 * new-entry.ts for the file and writes it through injected functions, so tests
 * run it against a temporary directory. Output is one line per outcome: the
 * created path, or `new: <problem>; <fix>` with exit code 1 and nothing written.
 */
import { entryTypes } from './entry-types';
import { newEntry, USAGE, type NewEntryProblem, type NewEntryRequest } from './new-entry';

export interface NewCommandIo {
	/** Today, for entries without --date. */
	today: Date;
	/** Whether a file exists, path relative to the course root. */
	exists(path: string): boolean;
	/** Creates the file (and its folder); never called for an existing file. */
	write(path: string, text: string): void;
	out(line: string): void;
	err(line: string): void;
}

type Parsed = { ok: true; request: NewEntryRequest; help: boolean } | NewEntryProblem;

const OPTIONS = ['week', 'date'] as const;
type Option = (typeof OPTIONS)[number];
const isOption = (name: string): name is Option => (OPTIONS as readonly string[]).includes(name);

/** `<type> "<title>" [--week N] [--date YYYY-MM-DD]`, options before or after, `--week 5` or `--week=5`. */
export function parseNewArgs(argv: readonly string[]): Parsed {
	const positional: string[] = [];
	const options: Partial<Record<Option, string>> = {};
	for (let i = 0; i < argv.length; i++) {
		const arg = argv[i]!;
		if (arg === '--help' || arg === '-h') return { ok: true, request: {}, help: true };
		const option = /^--([a-z-]+)(?:=(.*))?$/s.exec(arg);
		if (!option) {
			positional.push(arg);
			continue;
		}
		const [, name, inline] = option;
		if (!isOption(name!)) return { ok: false, problem: `unknown option "--${name}"`, fix: `the options are --week N and --date YYYY-MM-DD (${USAGE})` };
		const value = inline ?? argv[++i];
		if (value === undefined) return { ok: false, problem: `--${name} needs a value`, fix: name === 'week' ? 'e.g. --week 5' : 'e.g. --date 2026-01-09' };
		options[name] = value;
	}
	if (positional.length > 2) {
		return { ok: false, problem: `expected a type and one title, got ${positional.length} words`, fix: `put the title in quotes: ${USAGE}` };
	}
	const [type, title] = positional;
	return { ok: true, request: { type, title, ...options }, help: false };
}

/** Runs the command; returns the exit code. */
export function runNewCommand(argv: readonly string[], io: NewCommandIo): number {
	const fail = ({ problem, fix }: NewEntryProblem) => {
		io.err(`new: ${problem}; ${fix}`);
		return 1;
	};
	const parsed = parseNewArgs(argv);
	if (!parsed.ok) return fail(parsed);
	if (parsed.help) {
		io.out(`usage: ${USAGE}\ntypes: ${entryTypes.join(', ')}`);
		return 0;
	}
	const entry = newEntry(parsed.request, io.today);
	if (!entry.ok) return fail(entry);
	if (io.exists(entry.path)) {
		return fail({ ok: false, problem: `${entry.path} already exists`, fix: 'edit that file, or choose another title or --date' });
	}
	io.write(entry.path, entry.text);
	io.out(`created ${entry.path} (a draft: fill it in, then delete the line \`draft: true\` to publish it)`);
	return 0;
}
