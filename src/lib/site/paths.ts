/**
 * Base-path aware URLs. The site may be served from `/` or from `/<repo>/` on
 * GitHub Pages, so every internal link goes through `withBase`.
 */
const pad = (n: number) => String(n).padStart(2, '0');

/** Joins the base (with trailing slash) and a site path (leading slash optional). */
export function withBase(base: string, path: string): string {
	const cleanBase = base.endsWith('/') ? base : `${base}/`;
	return `${cleanBase}${path.replace(/^\/+/, '')}`;
}

/** Site paths (without base) of every kind of page. */
export const pathTo = {
	home: () => '/',
	week: (week: number) => `/weeks/${pad(week)}/`,
	month: (month: number) => `/months/${month}/`,
	track: (track: string) => `/tracks/${track}/`,
	trackWeek: (track: string, week: number) => `/tracks/${track}/${week}/`,
	practiceIndex: () => '/practice/',
	practice: (slug: string) => `/practice/${slug}/`,
	resources: () => '/resources/',
	resource: (id: string) => `/resources/#${id}`,
	skills: () => '/skills/',
	skill: (id: string) => `/skills/#${id}`,
	glossary: (id?: string) => (id ? `/glossary/#${id}` : '/glossary/'),
	progress: () => '/progress/',
	worksheets: () => '/worksheets/',
	search: () => '/search/',
	portfolio: (type?: string) => (type ? `/portfolio/#${type}` : '/portfolio/'),
	portfolioEntry: (slug: string) => `/portfolio/${slug}/`,
	portfolioFeed: () => '/portfolio/rss.xml',
	data: (file: string) => `/${file.replace(/^\/+/, '')}`,
	notebookFile: (path: string) => `/${path}`,
	/** A week's drills with their answers, fetched by the drill island only when a drill is shown. */
	drillsData: (week: number) => `/drills/${pad(week)}.json`,
	/** The read-only page of a notebook; `name` is its file name, with or without folder and `.ipynb`. */
	notebook: (name: string) => `/notebooks/${name.split('/').at(-1)!.replace(/\.ipynb$/, '')}/`,
} as const;

export { pad as padWeek };
