// /calendar.ics: the course calendar for the start date in course.config.ts. The
// dynamic name lets the file be left out when no start date is configured
// (learners then download their own from /progress/).
import type { APIRoute, GetStaticPaths } from 'astro';
import { buildCalendar } from '../lib/schedule/calendar';
import { getCalendarPlan } from '../lib/schedule/calendar-plan';
import { course } from '../lib/site';

export const getStaticPaths = (() => (course.startDate ? [{ params: { calendar: 'calendar' } }] : [])) satisfies GetStaticPaths;

export const GET: APIRoute = async () =>
	new Response(buildCalendar(await getCalendarPlan(), course.startDate!, new Date(), course.site), {
		headers: { 'Content-Type': 'text/calendar; charset=utf-8' },
	});
