/**
 * The releases that printed the frozen outputs: `npm run execute` records them in
 * outputs/versions.json, `--check` refuses a run on other ones (the numbers and dtypes
 * a page shows belong to these releases), and the pages name them.
 */
import { outputsDir } from './outputs';

export const versionsFile = `${outputsDir}/versions.json`;

/** Package name (as a learner installs it) -> version; `python` is major.minor. */
export type Versions = Record<string, string>;

/** The order the book names them in: the interpreter, then what the prose teaches first. */
const order = ['python', 'numpy', 'pandas', 'scikit-learn', 'scipy', 'matplotlib', 'statsmodels', 'seaborn'];
const displayName: Record<string, string> = { python: 'Python' };

/** The versions a run reports, with Python cut to major.minor: a patch release prints the same numbers. */
export function recordedVersions(run: Versions): Versions {
	const out: Versions = {};
	for (const [name, version] of sortedEntries(run)) out[name] = name === 'python' ? version.split('.').slice(0, 2).join('.') : version;
	return out;
}

function sortedEntries(versions: Versions): [string, string][] {
	const rank = (name: string) => (order.includes(name) ? order.indexOf(name) : order.length);
	return Object.entries(versions).sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b));
}

/** versions.json's text, or a message naming the file and the fix. */
export function parseVersions(text: string, file = versionsFile): Versions {
	let value: unknown;
	try {
		value = JSON.parse(text);
	} catch (error) {
		throw new Error(`${file}:1: not JSON (${(error as Error).message}); run npm run execute to write it again`);
	}
	if (!value || typeof value !== 'object' || Array.isArray(value) || !Object.values(value).every((v) => typeof v === 'string') || !('python' in value)) {
		throw new Error(`${file}:1: should map package names to versions, python among them (e.g. {"python": "3.11", "numpy": "2.4.6"}); run npm run execute to write it again`);
	}
	return value as Versions;
}

/** One line per difference between the recorded versions and a run's, naming both. */
export function versionDifferences(recorded: Versions, now: Versions, file = versionsFile): string[] {
	const names = [...new Set([...Object.keys(recorded), ...Object.keys(now)])];
	return names
		.filter((name) => recorded[name] !== now[name])
		.map((name) => `${file}: outputs were printed by ${name} ${recorded[name] ?? '(none)'}, this run has ${name} ${now[name] ?? '(none)'}; run with the lock's versions (scripts/python.sh, or unset PYTHON), or refresh everything with npm run relock`);
}

/** "Python 3.11, numpy 2.4.6, pandas 3.1.1 and scikit-learn 1.9.1". */
export function versionsSentence(versions: Versions): string {
	const parts = sortedEntries(versions).map(([name, version]) => `${displayName[name] ?? name} ${version}`);
	return parts.length < 2 ? parts.join('') : `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`;
}
