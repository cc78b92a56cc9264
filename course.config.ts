// Your values only; what each one means: src/lib/config.ts and the README ("Fork it").
import { defineCourseConfig } from './src/lib/config';

export default defineCourseConfig({
	title: 'AI Engineering Study Plan',
	tagline: 'Twenty-four weeks from statistics to unsupervised learning, one page and one worksheet a week.',
	author: 'A learner',
	site: 'https://example.github.io',
	base: '/',
	repo: 'https://github.com/example/ai-engineering-study-plan',
	startDate: null,
	storageId: 'ai-eng-plan',
});
