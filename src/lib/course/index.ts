/**
 * Every content query the pages make, in one place: sorted collections,
 * navigation, neighbours. Pages stay thin and never sort or filter themselves.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { idsOfMonth, idsOfPractice, idsOfTrackWeek, idsOfWeek, renameMap } from './checklist-ids';
import { pathTo } from '../site/paths';
import { publishedNewestFirst } from '../portfolio/list';

export type WeekEntry = CollectionEntry<'weeks'>;
export type MonthEntry = CollectionEntry<'months'>;
export type TrackEntry = CollectionEntry<'tracks'>;
export type PracticeEntry = CollectionEntry<'practice'>;
export type PortfolioCollectionEntry = CollectionEntry<'portfolio'>;

export const trackNames = { eda: 'EDA: a systematic process', bayes: 'Bayesian thinking in practice' } as const;
export type TrackName = keyof typeof trackNames;

export async function getWeeks(): Promise<WeekEntry[]> {
	return (await getCollection('weeks')).sort((a, b) => a.data.week - b.data.week);
}
export async function getMonths(): Promise<MonthEntry[]> {
	return (await getCollection('months')).sort((a, b) => a.data.month - b.data.month);
}
export async function getTracks(): Promise<TrackEntry[]> {
	const order = Object.keys(trackNames);
	return (await getCollection('tracks')).sort((a, b) => order.indexOf(a.data.track) - order.indexOf(b.data.track) || a.data.week - b.data.week);
}
export async function getPractice(): Promise<PracticeEntry[]> {
	return (await getCollection('practice')).sort((a, b) => a.data.order - b.data.order);
}
/** Published portfolio entries (no drafts), newest first. */
export async function getPortfolio(): Promise<PortfolioCollectionEntry[]> {
	return publishedNewestFirst(await getCollection('portfolio'));
}
/** The example entry upstream ships in content/examples/, shown while the portfolio is empty. */
export async function getPortfolioExample(): Promise<CollectionEntry<'portfolioExample'> | undefined> {
	return (await getCollection('portfolioExample'))[0];
}
export async function getResources() {
	return (await getCollection('resources')).map((r) => r.data);
}
export async function getSkillGroups() {
	return (await getCollection('skillGroups')).map((g) => g.data);
}

/** URL slug of a practice page: its file name. */
export const practiceSlug = (entry: PracticeEntry) => entry.id.replace(/\.mdx?$/, '').split('/').at(-1)!;

export interface NavLink {
	label: string;
	path: string;
	/** Checklist ids behind this link, for its progress meter. */
	items: string[];
}
export interface NavGroup {
	label: string;
	path?: string;
	links: NavLink[];
}

/** The sidebar: months with their weeks, the two tracks, practice, and the reference pages. */
export async function getNavigation(): Promise<NavGroup[]> {
	const [weeks, months, tracks, practice] = await Promise.all([getWeeks(), getMonths(), getTracks(), getPractice()]);
	const monthGroups: NavGroup[] = months.map((m) => ({
		label: `Month ${m.data.month}: ${m.data.title}`,
		path: pathTo.month(m.data.month),
		links: [
			{ label: 'Checkpoint and project', path: pathTo.month(m.data.month), items: idsOfMonth(m.data) },
			...weeks
				.filter((w) => w.data.month === m.data.month)
				.map((w) => ({ label: `Week ${w.data.week}: ${w.data.title}`, path: pathTo.week(w.data.week), items: idsOfWeek(w.data) })),
		],
	}));
	const trackGroups: NavGroup[] = (Object.keys(trackNames) as TrackName[]).map((track) => ({
		label: `Track: ${trackNames[track]}`,
		path: pathTo.track(track),
		links: tracks
			.filter((t) => t.data.track === track)
			.map((t) => ({ label: `${track === 'eda' ? 'EDA' : 'Bayes'} week ${t.data.week}: ${t.data.title}`, path: pathTo.trackWeek(track, t.data.week), items: idsOfTrackWeek(t.data) })),
	}));
	const practiceGroup: NavGroup = {
		label: 'Practice',
		path: pathTo.practiceIndex(),
		links: practice.map((p) => ({ label: p.data.title, path: pathTo.practice(practiceSlug(p)), items: idsOfPractice(p.data) })),
	};
	const reference: NavGroup = {
		label: 'Reference',
		links: [
			{ label: 'Progress dashboard', path: pathTo.progress(), items: [] },
			{ label: 'Printable worksheets', path: pathTo.worksheets(), items: [] },
			{ label: 'Portfolio', path: pathTo.portfolio(), items: [] },
			{ label: 'Resources', path: pathTo.resources(), items: [] },
			{ label: 'Micro-skills map', path: pathTo.skills(), items: [] },
			{ label: 'Glossary', path: pathTo.glossary(), items: [] },
		],
	};
	return [...monthGroups, ...trackGroups, practiceGroup, reference];
}

/** Every checklist id in the course, and the rename map, for the progress store. */
export async function getChecklistIndex() {
	const [weeks, months, tracks, practice] = await Promise.all([getWeeks(), getMonths(), getTracks(), getPractice()]);
	const data = [...weeks, ...months, ...tracks, ...practice].map((e) => e.data);
	const ids = [
		...weeks.flatMap((w) => idsOfWeek(w.data)),
		...months.flatMap((m) => idsOfMonth(m.data)),
		...tracks.flatMap((t) => idsOfTrackWeek(t.data)),
		...practice.flatMap((p) => idsOfPractice(p.data)),
	];
	return { ids, renames: renameMap(data) };
}
