import { existsSync } from 'node:fs';
import { defineCollection } from 'astro:content';
import { glob, file } from 'astro/loaders';
import * as schema from './content/schema';
import { courseRoot } from './lib/course/course-root';

const dir = `${courseRoot}/content`;
const content = (pattern: string, base: string) => glob({ pattern, base: `${dir}/${base}` });
const optionalFile = (path: string) => (existsSync(`${dir}/${path}`) ? file(`${dir}/${path}`) : () => []);

export const collections = {
	weeks: defineCollection({ loader: content('[0-9][0-9].mdx', 'weeks'), schema: schema.week }),
	months: defineCollection({ loader: content('[0-9].mdx', 'months'), schema: schema.month }),
	tracks: defineCollection({ loader: content('*/[0-9].mdx', 'tracks'), schema: schema.trackWeek }),
	practice: defineCollection({ loader: content('*.mdx', 'practice'), schema: schema.practice }),
	portfolio: defineCollection({ loader: content('**/*.{md,mdx}', 'portfolio'), schema: schema.portfolioEntry }),
	// Upstream's example of an entry, shown on /portfolio/ while the learner's own folder is empty.
	portfolioExample: defineCollection({ loader: content('portfolio-entry.md', 'examples'), schema: schema.portfolioEntry }),
	resources: defineCollection({ loader: file(`${dir}/resources.yaml`), schema: schema.resource }),
	skillGroups: defineCollection({ loader: file(`${dir}/skills.yaml`), schema: schema.skillGroup }),
	drills: defineCollection({ loader: content('[0-9][0-9].mdx', 'drills'), schema: schema.drillWeek }),
	glossary: defineCollection({ loader: optionalFile('glossary.yaml'), schema: schema.glossaryTerm }),
};
