/**
 * Parsing of content files into data plus a way back from a data path to a line,
 * so every problem can name the line to fix. gray-matter splits and parses
 * frontmatter; `yaml` re-reads the same text only to locate nodes.
 */
import matter from 'gray-matter';
import { LineCounter, parseDocument, isNode, type Document } from 'yaml';
import type { Problem } from './problem';

export type DataPath = ReadonlyArray<string | number>;

export interface SourceFile {
	file: string;
	data: unknown;
	/** Line of the value at `path`; falls back to the nearest existing parent, then the first line. */
	lineOf(path: DataPath): number;
}

interface YamlErrorLike {
	name?: string;
	reason?: string;
	message?: string;
	mark?: { line: number };
}

function locator(yamlText: string, firstLine: number): (path: DataPath) => number {
	const counter = new LineCounter();
	let doc: Document | null = null;
	try {
		doc = parseDocument(yamlText, { lineCounter: counter, uniqueKeys: false });
	} catch {
		doc = null;
	}
	return (path) => {
		if (!doc) return firstLine;
		for (let depth = path.length; depth >= 0; depth--) {
			const node = doc.getIn(path.slice(0, depth), true);
			if (isNode(node) && node.range) {
				return counter.linePos(node.range[0]).line + firstLine - 1;
			}
			// A scalar key whose value is absent: point at the key itself.
			if (depth > 0) {
				const parent = doc.getIn(path.slice(0, depth - 1), true);
				if (isNode(parent) && 'items' in parent && Array.isArray(parent.items)) {
					for (const item of parent.items as Array<{ key?: unknown }>) {
						const key = item.key;
						if (isNode(key) && 'value' in key && key.value === path[depth - 1] && key.range) {
							return counter.linePos(key.range[0]).line + firstLine - 1;
						}
					}
				}
			}
		}
		return firstLine;
	};
}

/** Reads an MDX/Markdown file's frontmatter. A YAML mistake becomes a problem, not a throw. */
export function parseFrontmatterFile(file: string, text: string): SourceFile | Problem {
	if (!/^---\r?\n/.test(text)) {
		return { file, line: 1, message: 'the file has no frontmatter', fix: 'start it with a line `---`, the YAML fields, and another `---`' };
	}
	try {
		// An options object bypasses gray-matter's cache, which would keep a stale parse across files with equal text.
		const parsed = matter(text, {});
		return { file, data: parsed.data, lineOf: locator(parsed.matter, 1) };
	} catch (error) {
		return yamlProblem(file, error as YamlErrorLike, 1);
	}
}

/** Reads a YAML data file (resources, skills, glossary). */
export function parseYamlFile(file: string, text: string): SourceFile | Problem {
	const counter = new LineCounter();
	const doc = parseDocument(text, { lineCounter: counter });
	const [first] = doc.errors;
	if (first) {
		const line = counter.linePos(first.pos[0]).line;
		return { file, line, message: `invalid YAML: ${first.message.split('\n')[0]}`, fix: 'check indentation, colons and closing brackets on this line or the one before' };
	}
	return { file, data: doc.toJS(), lineOf: locator(text, 1) };
}

/**
 * Reads a JSON data file (a published content/progress.json). JSON.parse decides
 * validity; a valid JSON text is also valid YAML, so the YAML locator finds lines.
 * `jsonErrorLine` gives the line of a syntax error (its detection lives with the
 * progress import, which reports the same mistakes to the browser).
 */
export function parseJsonFile(file: string, text: string, jsonErrorLine: (text: string) => number): SourceFile | Problem {
	try {
		return { file, data: JSON.parse(text) as unknown, lineOf: locator(text, 1) };
	} catch {
		return { file, line: jsonErrorLine(text), message: 'invalid JSON', fix: 'check the quotes, commas and brackets on this line or the one before' };
	}
}

function yamlProblem(file: string, error: YamlErrorLike, offset: number): Problem {
	const line = (error.mark?.line ?? 0) + offset;
	const reason = error.reason ?? error.message?.split('\n')[0] ?? 'unreadable YAML';
	return { file, line, message: `invalid YAML in frontmatter: ${reason}`, fix: 'check indentation, colons, quotes and closing brackets on this line or the one before' };
}

export function isProblem(value: SourceFile | Problem): value is Problem {
	return 'message' in value;
}
