/**
 * The dashboard's groups of checklist ids (by week, month, track and skill) and the
 * month checkpoints with their evidence, built once from the content on the server.
 */
import { getMonths, getPractice, getSkillGroups, getTracks, getWeeks, trackNames, type TrackName } from '.';
import { idsOfMonth, idsOfPractice, idsOfTrackWeek, idsOfWeek } from './checklist-ids';
import type { CheckpointEvidence, Group } from '../progress/dashboard';
import { pathTo } from '../site/paths';

export async function getProgressGroups(href: (path: string) => string) {
	const [weeks, months, tracks, practice, skillGroups] = await Promise.all([getWeeks(), getMonths(), getTracks(), getPractice(), getSkillGroups()]);
	const byWeek: Group[] = weeks.map((w) => ({ label: `Week ${w.data.week}`, href: href(pathTo.week(w.data.week)), ids: idsOfWeek(w.data) }));
	const byMonth: Group[] = months.map((m) => ({
		label: `Month ${m.data.month}`,
		href: href(pathTo.month(m.data.month)),
		ids: [...weeks.filter((w) => w.data.month === m.data.month).flatMap((w) => idsOfWeek(w.data)), ...idsOfMonth(m.data)],
	}));
	const byTrack: Group[] = (Object.keys(trackNames) as TrackName[]).map((track) => ({
		label: track === 'eda' ? 'EDA track' : 'Bayesian track',
		href: href(pathTo.track(track)),
		ids: tracks.filter((t) => t.data.track === track).flatMap((t) => idsOfTrackWeek(t.data)),
	}));
	const bySkill: Group[] = skillGroups
		.flatMap((g) => g.skills)
		.map((s) => ({
			label: s.title.length > 28 ? `${s.title.slice(0, 27)}…` : s.title,
			href: href(pathTo.skill(s.id)),
			ids: [
				...weeks.filter((w) => w.data.skills.includes(s.id)).flatMap((w) => idsOfWeek(w.data)),
				...tracks.filter((t) => t.data.skills.includes(s.id)).flatMap((t) => idsOfTrackWeek(t.data)),
				...practice.filter((p) => p.data.skills.includes(s.id)).flatMap((p) => idsOfPractice(p.data)),
			],
		}))
		.filter((g) => g.ids.length > 0);
	const deliverables = weeks.flatMap((w) => w.data.deliverables.map((d) => ({ id: d.id, label: `Week ${w.data.week}: ${d.text}`, href: href(`${pathTo.week(w.data.week)}#item-${d.id}`) })));
	const checkpoints: CheckpointEvidence[] = months.map((m) => ({
		month: m.data.month,
		text: m.data.checkpoint.text,
		href: href(`${pathTo.month(m.data.month)}#checkpoint`),
		evidence: deliverables.filter((d) => m.data.checkpoint.evidence.includes(d.id)),
	}));
	return { byWeek, byMonth, byTrack, bySkill, checkpoints };
}
