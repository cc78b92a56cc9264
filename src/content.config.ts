import { defineCollection } from 'astro:content';
import { glob, file } from 'astro/loaders';
import * as schema from './content/schema';

const content = (pattern: string, base: string) => glob({ pattern, base: `./content/${base}` });

export const collections = {
	weeks: defineCollection({ loader: content('[0-9][0-9].mdx', 'weeks'), schema: schema.week }),
	months: defineCollection({ loader: content('[0-9].mdx', 'months'), schema: schema.month }),
	tracks: defineCollection({ loader: content('*/[0-9].mdx', 'tracks'), schema: schema.trackWeek }),
	practice: defineCollection({ loader: content('*.mdx', 'practice'), schema: schema.practice }),
	portfolio: defineCollection({ loader: content('**/*.{md,mdx}', 'portfolio'), schema: schema.portfolioEntry }),
	resources: defineCollection({ loader: file('./content/resources.yaml'), schema: schema.resource }),
	skillGroups: defineCollection({ loader: file('./content/skills.yaml'), schema: schema.skillGroup }),
};
