/**
 * The shapes the validator's parts share: the file access it is given, a loaded
 * file, and the course as loaded. Their own module, so the checks that read them
 * (cross-checks.ts, disk-tree.ts) do not import the validator that calls them.
 */
import type * as schema from '../../content/schema';
import type { DataPath } from './source';
import type { Problem } from './problem';

export interface ContentTree {
	/** Every file path (relative, forward slashes) under `dir`, recursively. Empty if `dir` is missing. */
	list(dir: string): string[];
	/** File text, or null when it does not exist or is refused (see `refusal`). */
	read(path: string): string | null;
	/** Why an existing path is not read as content (a folder, a link out of the repository, unreadable), or null. Trees in memory need none. */
	refusal?(path: string): Problem | null;
	/** Every refusal met so far, to report once each. */
	refusals?(): Problem[];
}

/** A parsed, schema-valid file with the means to locate its fields. */
export interface Loaded<T> {
	file: string;
	data: T;
	lineOf(path: DataPath): number;
}

export interface Course {
	weeks: Loaded<schema.Week>[];
	months: Loaded<schema.Month>[];
	tracks: Loaded<schema.TrackWeek>[];
	practice: Loaded<schema.Practice>[];
	resources: Loaded<schema.Resource[]> | null;
	skills: Loaded<schema.SkillGroup[]> | null;
	/** Path → loaded file, for every file that parsed (even if it failed the schema). */
	tree: ContentTree;
}
