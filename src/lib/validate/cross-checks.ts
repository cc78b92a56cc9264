/**
 * Checks that need more than one file: week numbering, blocks and months,
 * course-wide id uniqueness, checkpoint evidence, reachability of deliverables,
 * and references to resources, chapters, skills, demos and notebooks.
 */
import type { Course, Loaded } from './types';
import type { Problem } from './problem';
import { padWeek as pad } from '../site/paths';
import { tiedDataUrl, tiedDataUrlFix } from '../notebooks/published';

interface Context {
	isDemoId(id: string): boolean;
}

export const monthOfWeek = (week: number) => Math.ceil(week / 8);

/** Every checklist-bearing id of a file with the data path where it is written. */
function idsOf(entry: Loaded<object>): Array<{ id: string; path: Array<string | number>; renamedFrom: string[] }> {
	const found: Array<{ id: string; path: Array<string | number>; renamedFrom: string[] }> = [];
	const visit = (value: unknown, path: Array<string | number>) => {
		if (Array.isArray(value)) value.forEach((v, i) => visit(v, [...path, i]));
		else if (value && typeof value === 'object') {
			const record = value as Record<string, unknown>;
			if (typeof record.id === 'string') {
				found.push({ id: record.id, path: [...path, 'id'], renamedFrom: (record.renamedFrom as string[] | undefined) ?? [] });
			}
			for (const [key, child] of Object.entries(record)) if (key !== 'id' && key !== 'renamedFrom') visit(child, [...path, key]);
		}
	};
	visit(entry.data, []);
	return found;
}

function weekNumbering(course: Course): Problem[] {
	const problems: Problem[] = [];
	const filesPresent = new Set(course.tree.list('content/weeks').map((f) => f.split('/').at(-1)));
	const seen = new Map<number, string>();
	for (const entry of course.weeks) {
		const { week, block, month } = entry.data;
		const expectedName = `${pad(week)}.mdx`;
		const name = entry.file.split('/').at(-1);
		if (name !== expectedName) {
			problems.push({ file: entry.file, line: entry.lineOf(['week']), message: `the file is named ${name} but says \`week: ${week}\``, fix: `rename the file to ${expectedName} or correct \`week\`` });
		}
		const first = seen.get(week);
		if (first) {
			problems.push({ file: entry.file, line: entry.lineOf(['week']), message: `week ${week} is duplicated (also in ${first})`, fix: 'give each week 1..24 exactly one file' });
		} else seen.set(week, entry.file);
		const [from, to] = block.split('-').map(Number) as [number, number];
		if (to !== from + 1 || from % 2 !== 1 || (week !== from && week !== to)) {
			problems.push({ file: entry.file, line: entry.lineOf(['block']), message: `week ${week} is not in block "${block}"`, fix: `blocks are the plan's two-week pairs: use "${week % 2 ? week : week - 1}-${week % 2 ? week + 1 : week}"` });
		}
		if (month !== monthOfWeek(week)) {
			problems.push({ file: entry.file, line: entry.lineOf(['month']), message: `week ${week} says \`month: ${month}\` but belongs to month ${monthOfWeek(week)}`, fix: `set \`month: ${monthOfWeek(week)}\` (weeks 1-8 are month 1, 9-16 month 2, 17-24 month 3)` });
		}
	}
	for (let week = 1; week <= 24; week++) {
		if (!seen.has(week) && !filesPresent.has(`${pad(week)}.mdx`)) {
			problems.push({ file: `content/weeks/${pad(week)}.mdx`, line: 1, message: `week ${week} has no file`, fix: `create content/weeks/${pad(week)}.mdx (copy a neighbouring week and edit it)` });
		}
	}
	return problems;
}

function monthsAndTracks(course: Course): Problem[] {
	const problems: Problem[] = [];
	const months = new Map<number, string>();
	for (const entry of course.months) {
		const { month, weeks } = entry.data;
		if (months.has(month)) problems.push({ file: entry.file, line: entry.lineOf(['month']), message: `month ${month} is duplicated (also in ${months.get(month)})`, fix: 'give each month 1..3 exactly one file' });
		months.set(month, entry.file);
		const from = (month - 1) * 8 + 1;
		if (weeks.from !== from || weeks.to !== from + 7) {
			problems.push({ file: entry.file, line: entry.lineOf(['weeks']), message: `month ${month} covers weeks ${weeks.from}-${weeks.to}`, fix: `month ${month} is weeks ${from}-${from + 7}` });
		}
	}
	for (const entry of course.tracks) {
		const expected = `content/tracks/${entry.data.track}/${entry.data.week}.mdx`;
		if (entry.file !== expected) problems.push({ file: entry.file, line: entry.lineOf(['week']), message: `this is ${entry.data.track} track week ${entry.data.week} but lives at ${entry.file}`, fix: `move it to ${expected}` });
		const length = entry.data.track === 'eda' ? 5 : 3;
		if (entry.data.week > length) problems.push({ file: entry.file, line: entry.lineOf(['week']), message: `the ${entry.data.track} track has ${length} weeks, not ${entry.data.week}`, fix: `use a week from 1 to ${length}` });
	}
	return problems;
}

function uniqueIds(course: Course): Problem[] {
	const problems: Problem[] = [];
	const owner = new Map<string, string>();
	const all = [...course.weeks, ...course.months, ...course.tracks, ...course.practice];
	const renamed = new Set(all.flatMap((e) => idsOf(e).flatMap((i) => i.renamedFrom)));
	for (const entry of all) {
		for (const { id, path } of idsOf(entry)) {
			const line = entry.lineOf(path);
			const first = owner.get(id);
			if (first) problems.push({ file: entry.file, line, message: `id \`${id}\` is used twice (first at ${first})`, fix: 'give this item its own id; ticks are stored by id' });
			else owner.set(id, `${entry.file}:${line}`);
			if (renamed.has(id)) problems.push({ file: entry.file, line, message: `id \`${id}\` is also listed in a \`renamedFrom\``, fix: 'an old id cannot be reused for a live item: pick a new id' });
		}
	}
	return problems;
}

function evidence(course: Course): Problem[] {
	const problems: Problem[] = [];
	// With a week missing or unreadable its deliverables are unknown; reporting every
	// reference to them would bury the one real mistake.
	const allWeeksRead = new Set(course.weeks.map((w) => w.data.week)).size === 24;
	const deliverableMonth = new Map<string, number>();
	for (const w of course.weeks) for (const d of w.data.deliverables) deliverableMonth.set(d.id, w.data.month);
	const reached = new Set<string>();
	for (const m of course.months) {
		const { month, checkpoint, project } = m.data;
		checkpoint.evidence.forEach((id, i) => {
			reached.add(id);
			const owner = deliverableMonth.get(id);
			if (owner === undefined) {
				if (allWeeksRead) problems.push({ file: m.file, line: m.lineOf(['checkpoint', 'evidence', i]), message: `checkpoint evidence \`${id}\` is not a deliverable of any week`, fix: 'use the id of a deliverable from one of this month\'s weeks' });
			} else if (owner !== month) problems.push({ file: m.file, line: m.lineOf(['checkpoint', 'evidence', i]), message: `checkpoint evidence \`${id}\` is a deliverable of month ${owner}`, fix: `evidence must come from weeks ${(month - 1) * 8 + 1}-${month * 8}` });
		});
		project.buildsOn.forEach((id, i) => {
			reached.add(id);
			if (allWeeksRead && !deliverableMonth.has(id)) problems.push({ file: m.file, line: m.lineOf(['project', 'buildsOn', i]), message: `project builds on \`${id}\`, which is not a deliverable of any week`, fix: 'use the id of an existing week deliverable' });
		});
	}
	if (course.months.length) {
		for (const w of course.weeks) w.data.deliverables.forEach((d, i) => {
			if (!reached.has(d.id)) problems.push({ file: w.file, line: w.lineOf(['deliverables', i, 'id']), message: `deliverable \`${d.id}\` feeds no checkpoint or integration project`, fix: `add it to \`checkpoint.evidence\` or \`project.buildsOn\` in content/months/${w.data.month}.mdx` });
		});
	}
	return problems;
}

function references(course: Course, ctx: Context): Problem[] {
	const problems: Problem[] = [];
	const resources = new Map((course.resources?.data ?? []).map((r) => [r.id, r]));
	const skills = new Set((course.skills?.data ?? []).flatMap((g) => g.skills.map((s) => s.id)));
	for (const w of course.weeks) {
		w.data.reading.forEach((r, i) => {
			const resource = resources.get(r.resource);
			if (!resource) {
				if (course.resources) problems.push({ file: w.file, line: w.lineOf(['reading', i, 'resource']), message: `unknown resource \`${r.resource}\``, fix: `use an id from content/resources.yaml (${[...resources.keys()].join(', ')}) or add the resource there` });
				return;
			}
			const keys = new Set(resource.chapters.map((c) => c.key));
			r.chapters.forEach((key, j) => {
				if (!keys.has(key)) problems.push({ file: w.file, line: w.lineOf(['reading', i, 'chapters', j]), message: `${resource.title} has no chapter "${key}"`, fix: `use one of ${[...keys].map((k) => `"${k}"`).join(', ')} or add the chapter to content/resources.yaml` });
			});
		});
		if (w.data.notebook) {
			const text = course.tree.read(w.data.notebook);
			const line = w.lineOf(['notebook']);
			// A refused notebook (a folder, a link out of the repository) is reported at its own path, not as missing.
			if (text === null) {
				if (!course.tree.refusal?.(w.data.notebook)) problems.push({ file: w.file, line, message: `notebook ${w.data.notebook} does not exist`, fix: 'create it (a Jupyter notebook) or remove the `notebook` field' });
			}
			else {
				const error = notebookError(text);
				if (error) problems.push({ file: w.file, line, message: `notebook ${w.data.notebook} cannot be read: ${error}`, fix: 'save it again from Jupyter (nbformat 4)' });
				const tied = error ? null : tiedDataUrl(text);
				if (tied) problems.push({ file: w.data.notebook, line: tied.line, message: `DATA_URL is ${tied.url} in the repository's copy`, fix: tiedDataUrlFix });
			}
		}
	}
	for (const entry of [...course.weeks, ...course.tracks] as Array<Loaded<{ demos: string[] }>>) {
		entry.data.demos.forEach((id, i) => {
			if (!ctx.isDemoId(id)) problems.push({ file: entry.file, line: entry.lineOf(['demos', i]), message: `unknown demo \`${id}\``, fix: 'use an id from src/lib/demos/registry.ts' });
		});
	}
	if (course.skills) {
		for (const entry of [...course.weeks, ...course.tracks, ...course.practice] as Array<Loaded<{ skills: string[] }>>) {
			entry.data.skills.forEach((id, i) => {
				if (!skills.has(id)) problems.push({ file: entry.file, line: entry.lineOf(['skills', i]), message: `unknown skill \`${id}\``, fix: 'use a skill id from content/skills.yaml or add it there' });
			});
		}
	}
	return problems;
}

/** A reason the notebook is unusable, or null. */
export function notebookError(text: string): string | null {
	let nb: unknown;
	try {
		nb = JSON.parse(text);
	} catch (error) {
		return `invalid JSON (${(error as Error).message})`;
	}
	const record = nb as { nbformat?: unknown; cells?: unknown };
	if (record.nbformat !== 4) return 'nbformat is not 4';
	if (!Array.isArray(record.cells)) return 'it has no `cells` list';
	return null;
}

export function crossFileProblems(course: Course, ctx: Context): Problem[] {
	return [...weekNumbering(course), ...monthsAndTracks(course), ...uniqueIds(course), ...evidence(course), ...references(course, ctx)];
}
