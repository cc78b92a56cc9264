/**
 * The shapes the validator's parts share: the file access it is given, a loaded
 * file, and the course as loaded. Their own module, so the checks that read them
 * (cross-checks.ts, disk-tree.ts) do not import the validator that calls them.
 */
import type * as schema from '../../content/schema';
import type { DataPath } from './source';

export interface ContentTree {
	/** Every file path (relative, forward slashes) under `dir`, recursively. Empty if `dir` is missing. */
	list(dir: string): string[];
	/** File text, or null when it does not exist. */
	read(path: string): string | null;
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
