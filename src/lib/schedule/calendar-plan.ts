/**
 * What the course calendar holds, read from the content at build time: weeks,
 * months and the three routines, each with its site path (base included), which
 * `buildCalendar` resolves against the configured site or the one in use.
 */
import type { CalendarPlan, CalendarRoutine } from './calendar';
import { getMonths, getPractice, getWeeks, practiceSlug } from '../course';
import { pathTo } from '../site/paths';
import { course, href } from '../site';

export async function getCalendarPlan(): Promise<CalendarPlan> {
	const [weeks, months, practice] = await Promise.all([getWeeks(), getMonths(), getPractice()]);
	const routine = (slug: string): CalendarRoutine => {
		const entry = practice.find((p) => practiceSlug(p) === slug);
		if (!entry?.data.minutes) throw new Error(`content/practice/${slug}.mdx: the calendar needs this routine with \`minutes\` in its front matter; add it back or set minutes.`);
		return { title: entry.data.title, url: href(pathTo.practice(slug)), minutes: entry.data.minutes };
	};
	return {
		name: course.title,
		uidDomain: `${course.storageId}.${new URL(course.site).host}`,
		weeks: weeks.map((w) => ({ week: w.data.week, title: w.data.title, url: href(pathTo.week(w.data.week)) })),
		months: months.map((m) => ({ month: m.data.month, title: m.data.title, lastWeek: m.data.weeks.to, url: href(pathTo.month(m.data.month)) })),
		daily: routine('daily'),
		deepDive: routine('weekly-deep-dive'),
		integration: routine('monthly-integration'),
	};
}
