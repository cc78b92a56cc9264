/**
 * What the course calendar holds, read from the content at build time: weeks,
 * months and the three routines, each with an absolute link into the published site.
 */
import type { CalendarPlan, CalendarRoutine } from './calendar';
import { getMonths, getPractice, getWeeks, practiceSlug } from '../course';
import { pathTo } from '../site/paths';
import { course, href } from '../site';

export async function getCalendarPlan(): Promise<CalendarPlan> {
	const [weeks, months, practice] = await Promise.all([getWeeks(), getMonths(), getPractice()]);
	const absolute = (path: string) => new URL(href(path), course.site).href;
	const routine = (slug: string): CalendarRoutine => {
		const entry = practice.find((p) => practiceSlug(p) === slug);
		if (!entry?.data.minutes) throw new Error(`content/practice/${slug}.mdx: the calendar needs this routine with \`minutes\` in its front matter; add it back or set minutes.`);
		return { title: entry.data.title, url: absolute(pathTo.practice(slug)), minutes: entry.data.minutes };
	};
	return {
		name: course.title,
		uidDomain: `${course.storageId}.${new URL(course.site).host}`,
		weeks: weeks.map((w) => ({ week: w.data.week, title: w.data.title, url: absolute(pathTo.week(w.data.week)) })),
		months: months.map((m) => ({ month: m.data.month, title: m.data.title, lastWeek: m.data.weeks.to, url: absolute(pathTo.month(m.data.month)) })),
		daily: routine('daily'),
		deepDive: routine('weekly-deep-dive'),
		integration: routine('monthly-integration'),
	};
}
