/**
 * Schema of `course.config.ts`. Defaults and normalisation (base path with one
 * leading and trailing slash) live here so every consumer reads one shape.
 */
import { z } from 'astro/zod';

export const courseConfigSchema = z.object({
	title: z.string().min(1),
	tagline: z.string().min(1),
	author: z.string().min(1),
	site: z.url(),
	base: z
		.string()
		.default('/')
		.transform((base) => `/${base.replace(/^\/+|\/+$/g, '')}/`.replace('//', '/')),
	repo: z.url().optional(),
	startDate: z
		.string()
		.regex(/^\d{4}-\d{2}-\d{2}$/, 'startDate is YYYY-MM-DD')
		.nullable()
		.default(null),
	storageId: z.string().regex(/^[a-z0-9-]+$/, 'storageId is lowercase letters, digits and hyphens'),
});

export type CourseConfigInput = z.input<typeof courseConfigSchema>;
export type CourseConfig = z.output<typeof courseConfigSchema>;

/** Validates the forker's config and fails the build with a readable message. */
export function defineCourseConfig(input: CourseConfigInput): CourseConfig {
	const parsed = courseConfigSchema.safeParse(input);
	if (!parsed.success) {
		const problems = parsed.error.issues.map((i) => `  ${i.path.join('.') || '(root)'}: ${i.message}`);
		throw new Error(`course.config.ts is invalid:\n${problems.join('\n')}`);
	}
	return parsed.data;
}
