/** Turns zod issues into problems an author can act on: which field, what is wrong, what to write instead. */
import type { z } from 'astro/zod';
import type { Problem } from './problem';
import type { SourceFile } from './source';

type Issue = z.core.$ZodIssue;

function valueAt(data: unknown, path: ReadonlyArray<PropertyKey>): unknown {
	let value: unknown = data;
	for (const key of path) {
		if (value === null || typeof value !== 'object') return undefined;
		value = (value as Record<PropertyKey, unknown>)[key];
	}
	return value;
}

function kindOf(value: unknown): string {
	if (value === null) return 'empty (null)';
	if (Array.isArray(value)) return 'a list';
	if (value instanceof Date) return 'a date';
	if (typeof value === 'object') return 'a mapping of fields';
	if (typeof value === 'string') return 'text';
	return `a ${typeof value}`;
}

const describeExpected: Record<string, string> = {
	string: 'text',
	number: 'number',
	int: 'whole number',
	array: 'list',
	object: 'mapping of fields',
	boolean: 'true or false',
	date: 'date (YYYY-MM-DD)',
};

function fieldName(path: ReadonlyArray<PropertyKey>): string {
	return path.length ? path.map(String).join('.') : '(the whole file)';
}

function describeIssue(issue: Issue, data: unknown): { message: string; fix: string } {
	const path = issue.path;
	const field = fieldName(path);
	const key = String(path.at(-1) ?? '');
	if (issue.code === 'invalid_type') {
		const expected = describeExpected[issue.expected] ?? issue.expected;
		const actual = valueAt(data, path);
		if (actual === undefined) {
			return { message: `missing field \`${field}\``, fix: `add \`${key}:\` with a ${expected} (see its description in src/content/schema.ts)` };
		}
		const name = typeof path.at(-1) === 'number' ? `item ${key} of \`${fieldName(path.slice(0, -1))}\`` : `\`${key}\``;
		// The most common cause: an unquoted "Label: text" that YAML reads as a mapping.
		const hint = issue.expected === 'string' && typeof actual === 'object' && actual !== null ? ' (a colon followed by a space turns text into a mapping: put the whole text in quotes)' : '';
		return { message: `\`${field}\` should be a ${expected}, not ${kindOf(actual)}`, fix: `write ${name} as a ${expected}${hint}` };
	}
	if (issue.code === 'unrecognized_keys') {
		const keys = issue.keys.map((k) => `\`${k}\``).join(', ');
		return { message: `unknown field ${keys}${path.length ? ` in \`${field}\`` : ''}`, fix: 'remove it or correct its spelling (the allowed fields are listed in src/content/schema.ts)' };
	}
	if (issue.code === 'invalid_value') {
		const allowed = issue.values.map((v) => JSON.stringify(v)).join(', ');
		return { message: `\`${field}\` is ${JSON.stringify(valueAt(data, path))}`, fix: `use one of ${allowed}` };
	}
	if (issue.code === 'too_small' || issue.code === 'too_big') {
		return { message: `\`${field}\`: ${issue.message}`, fix: `change \`${key}\` to fit` };
	}
	return { message: `\`${field}\`: ${issue.message}`, fix: `correct \`${key || 'the file'}\`` };
}

export function schemaProblems(source: SourceFile, schema: z.ZodType): { data: unknown; problems: Problem[] } {
	const result = schema.safeParse(source.data);
	if (result.success) return { data: result.data, problems: [] };
	const problems = result.error.issues.map((issue) => ({
		file: source.file,
		// An unknown key is reported at the key itself, not at its parent mapping.
		line: source.lineOf(issue.code === 'unrecognized_keys' ? [...issue.path, issue.keys[0]!] as Array<string | number> : issue.path as Array<string | number>),
		...describeIssue(issue, source.data),
	}));
	return { data: null, problems };
}
