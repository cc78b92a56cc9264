// One week's drills with their reveals (src/lib/drills/served.ts), fetched by the
// drill island only when a drill of that week is shown.
import type { APIRoute, GetStaticPaths } from 'astro';
import { getDrillWeeks, getServedWeek } from '../../lib/drills/load';
import { padWeek } from '../../lib/site/paths';

export const getStaticPaths = (async () => (await getDrillWeeks()).map((e) => ({ params: { week: padWeek(e.data.week) } }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
	const week = await getServedWeek(Number(params.week));
	return new Response(JSON.stringify(week), { headers: { 'Content-Type': 'application/json' } });
};
