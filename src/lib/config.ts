/**
 * Schema of `course.config.ts`, and the documentation of every value in it: the
 * learner's file holds values only, so an upstream change to these descriptions
 * never conflicts with a fork's settings. Defaults and normalisation (base path
 * with one leading and trailing slash) live here so every consumer reads one shape.
 */
import { readFileSync } from 'node:fs';
import { z } from 'astro/zod';

/** A base path with exactly one leading and one trailing slash: `study` → `/study/`, `` → `/`. */
export function normaliseBase(base: string): string {
	return `/${base.replace(/^\/+|\/+$/g, '')}/`.replace('//', '/');
}

/** True when `date` is YYYY-MM-DD and names a day of the calendar (not 2027-02-30). */
export function isCalendarDate(date: string): boolean {
	if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return false;
	const parsed = new Date(`${date}T00:00:00Z`);
	return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === date;
}

export const courseConfigSchema = z.object({
	title: z.string().min(1).describe('Shown in the header, the page titles and the worksheets.'),
	tagline: z.string().min(1).describe('One line under the title on the home page.'),
	author: z.string().min(1).describe('Your name, shown on the portfolio and in the feed.'),
	site: z.url().describe('Where the site is published, without the base path, e.g. https://<you>.github.io.'),
	base: z
		.string()
		.default('/')
		.transform(normaliseBase)
		.describe("Sub-path the site is served from: '/' for a user site, '/<repository>/' for a project site on GitHub Pages."),
	repo: z.url().optional().describe('Your fork, for "edit this page" links.'),
	startDate: z
		.string()
		.refine(isCalendarDate, 'startDate is a real date written YYYY-MM-DD, e.g. 2027-03-01')
		.nullable()
		.default(null)
		.describe('Monday of course week 1 (YYYY-MM-DD), or null to show no dates.'),
	storageId: z
		.string()
		.regex(/^[a-z0-9-]+$/, 'storageId is lowercase letters, digits and hyphens')
		.describe('Namespace of the progress saved in the browser; make it unique per fork on one origin.'),
});

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/**
 * A warning, not an error, when week 1 does not start on a Monday: the book's weeks
 * and the practice routines assume Monday to Sunday. `configText` is course.config.ts,
 * for the line number.
 */
export function startDateWarning(startDate: string | null, configText: string): string | null {
	if (startDate === null || !isCalendarDate(startDate)) return null;
	const day = new Date(`${startDate}T00:00:00Z`);
	const weekday = day.getUTCDay();
	if (weekday === 1) return null;
	const monday = new Date(day.getTime() - ((weekday + 6) % 7) * 86_400_000).toISOString().slice(0, 10);
	const line = configLine(configText, 'startDate');
	return `course.config.ts:${line}: startDate ${startDate} is a ${WEEKDAYS[weekday]}, so every course week would start on a ${WEEKDAYS[weekday]}; set it to the Monday of that week, ${monday}, unless you mean it`;
}

/**
 * Where GitHub Pages will serve this repository (the `origin` and `base_path` outputs of
 * actions/configure-pages) against course.config.ts: one sentence per value that differs,
 * so the deploy stops before publishing a site whose links and stylesheets all 404.
 */
export function pagesMismatches(config: Pick<CourseConfig, 'site' | 'base'>, pages: { origin: string; basePath: string }): string[] {
	const problems: string[] = [];
	const pagesBase = normaliseBase(pages.basePath);
	if (config.base !== pagesBase) {
		problems.push(`course.config.ts: base is '${config.base}', but GitHub Pages serves this repository at '${pagesBase}'; set base: '${pagesBase}'`);
	}
	const origin = pages.origin.replace(/\/+$/, '');
	if (config.site.replace(/\/+$/, '') !== origin) {
		problems.push(`course.config.ts: site is '${config.site}', but GitHub Pages serves this repository from '${origin}'; set site: '${origin}'`);
	}
	return problems;
}

export type CourseConfigInput = z.input<typeof courseConfigSchema>;
export type CourseConfig = z.output<typeof courseConfigSchema>;

/** 1-based line of `key:` in the config's text, or 1 when it is not written there. */
export function configLine(configText: string, key: string): number {
	return configText.split('\n').findIndex((l) => new RegExp(`^\\s*${key}\\s*:`).test(l)) + 1 || 1;
}

/** Every problem with a config as `course.config.ts:LINE: key: problem`, the validator's format. */
export function courseConfigProblems(input: unknown, configText: string): string[] {
	const parsed = courseConfigSchema.safeParse(input);
	if (parsed.success) return [];
	return parsed.error.issues.map((i) => {
		const key = String(i.path[0] ?? '');
		return `course.config.ts:${key ? configLine(configText, key) : 1}: ${key || '(root)'}: ${i.message}; see what each value means in the README ("Set it up")`;
	});
}

/** Validates the forker's config and fails the build with a readable message. */
export function defineCourseConfig(input: CourseConfigInput): CourseConfig {
	const parsed = courseConfigSchema.safeParse(input);
	if (!parsed.success) {
		let text = '';
		try {
			text = readFileSync('course.config.ts', 'utf8');
		} catch {
			// Without the file at hand the problems still name the key.
		}
		throw new Error(`course.config.ts is invalid:\n${courseConfigProblems(input, text).join('\n')}`);
	}
	return parsed.data;
}
