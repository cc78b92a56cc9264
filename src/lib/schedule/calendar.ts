/**
 * The course as an iCalendar file (RFC 5545), built with ical.js: one all-day
 * event per week (title and link), the monthly integration session on the Sunday
 * of each month's last week, and the two routines as recurring events (the
 * 15-minute practice every weekday morning, the deep dive every Saturday). Times
 * are floating (no time zone), so 08:00 is 08:00 wherever the learner lives.
 * The same function runs at build time (/calendar.ics, links into the configured
 * site) and in the browser (/progress/, for the learner's own start date, links
 * into the site in use: a fork's preview or a mirror links to itself); the plan
 * comes from the content, its links as site paths with the base.
 */
import ICAL from 'ical.js';
import { addDays } from '.';

export interface CalendarRoutine {
	title: string;
	/** Site path with the base (`/study/practice/daily/`); `buildCalendar` makes it absolute. */
	url: string;
	minutes: number;
}

export interface CalendarPlan {
	/** Calendar name: the course title. */
	name: string;
	/** Right-hand side of every UID (`<storage id>.<host>`), so re-importing updates events instead of doubling them. */
	uidDomain: string;
	weeks: Array<{ week: number; title: string; url: string }>;
	months: Array<{ month: number; title: string; lastWeek: number; url: string }>;
	daily: CalendarRoutine;
	deepDive: CalendarRoutine;
	integration: CalendarRoutine;
}

/** Start of the daily practice and the deep dive, local time of whoever imports the file. */
export const DAILY_AT = '08:00';
export const DEEP_DIVE_AT = '10:00';

const floating = (day: string, at: string) => ICAL.Time.fromDateTimeString(`${day}T${at}:00`);
const minutesLater = (time: ICAL.Time, minutes: number) => {
	const end = time.clone();
	end.addDuration(ICAL.Duration.fromSeconds(minutes * 60));
	return end;
};

function event(uid: string, stamp: Date, fields: { start: ICAL.Time; end: ICAL.Time; summary: string; url: string; description: string; rrule?: string }): ICAL.Component {
	const vevent = new ICAL.Component('vevent');
	vevent.addPropertyWithValue('uid', uid);
	vevent.addPropertyWithValue('dtstamp', ICAL.Time.fromJSDate(stamp, true));
	vevent.addPropertyWithValue('dtstart', fields.start);
	vevent.addPropertyWithValue('dtend', fields.end);
	if (fields.rrule) vevent.addPropertyWithValue('rrule', ICAL.Recur.fromString(fields.rrule));
	vevent.addPropertyWithValue('summary', fields.summary);
	vevent.addPropertyWithValue('description', `${fields.description}\n${fields.url}`);
	vevent.addPropertyWithValue('url', fields.url);
	vevent.addPropertyWithValue('transp', 'TRANSPARENT');
	return vevent;
}

/**
 * The whole course from `startDate` (the Monday of week 1, YYYY-MM-DD) as iCalendar
 * text, its links resolved against `origin` (`https://learner.github.io`). Every
 * line ends in CRLF, the last one too, as RFC 5545 §3.1 asks (ical.js joins lines
 * with CRLF but leaves the final END:VCALENDAR bare).
 */
export function buildCalendar(plan: CalendarPlan, startDate: string, stamp: Date, origin: string): string {
	const link = (url: string) => new URL(url, origin).href;
	plan = {
		...plan,
		weeks: plan.weeks.map((w) => ({ ...w, url: link(w.url) })),
		months: plan.months.map((m) => ({ ...m, url: link(m.url) })),
		daily: { ...plan.daily, url: link(plan.daily.url) },
		deepDive: { ...plan.deepDive, url: link(plan.deepDive.url) },
		integration: { ...plan.integration, url: link(plan.integration.url) },
	};
	const weekStart = (week: number) => addDays(startDate, (week - 1) * 7);
	const weeks = plan.weeks.length;
	const calendar = new ICAL.Component('vcalendar');
	calendar.addPropertyWithValue('prodid', `-//${plan.uidDomain}//course calendar//EN`);
	calendar.addPropertyWithValue('version', '2.0');
	calendar.addPropertyWithValue('calscale', 'GREGORIAN');
	calendar.addPropertyWithValue('x-wr-calname', plan.name);

	for (const w of plan.weeks) {
		calendar.addSubcomponent(
			event(`week-${w.week}.${plan.uidDomain}`, stamp, {
				start: ICAL.Time.fromDateString(weekStart(w.week)),
				end: ICAL.Time.fromDateString(weekStart(w.week + 1)),
				summary: `Week ${w.week}: ${w.title}`,
				description: `Week ${w.week} of ${weeks}: the page, the checklist and the worksheet.`,
				url: w.url,
			}),
		);
	}
	for (const m of plan.months) {
		// Sunday of the month's last week: the week's work is done, the project pulls it together.
		const sunday = addDays(weekStart(m.lastWeek), 6);
		calendar.addSubcomponent(
			event(`integration-${m.month}.${plan.uidDomain}`, stamp, {
				start: ICAL.Time.fromDateString(sunday),
				end: ICAL.Time.fromDateString(addDays(sunday, 1)),
				summary: `${plan.integration.title}: month ${m.month}, ${m.title}`,
				description: `About ${Math.round(plan.integration.minutes / 60)} hours, in two or three sessions if you prefer. The month's project and checkpoint: ${m.url}\nHow the session works:`,
				url: plan.integration.url,
			}),
		);
	}
	// A course may start on any day; the weekday practice starts on the first weekday.
	const startDay = new Date(`${startDate}T00:00:00Z`).getUTCDay();
	const daily = floating(addDays(startDate, startDay === 6 ? 2 : startDay === 0 ? 1 : 0), DAILY_AT);
	calendar.addSubcomponent(
		event(`daily.${plan.uidDomain}`, stamp, {
			start: daily,
			end: minutesLater(daily, plan.daily.minutes),
			rrule: `FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR;COUNT=${weeks * 5}`,
			summary: plan.daily.title,
			description: `${plan.daily.minutes} minutes, a different drill each weekday. Move it to a time that suits you.`,
			url: plan.daily.url,
		}),
	);
	const deepDive = floating(addDays(startDate, 5), DEEP_DIVE_AT);
	calendar.addSubcomponent(
		event(`deep-dive.${plan.uidDomain}`, stamp, {
			start: deepDive,
			end: minutesLater(deepDive, plan.deepDive.minutes),
			rrule: `FREQ=WEEKLY;COUNT=${weeks}`,
			summary: plan.deepDive.title,
			description: 'One micro-skill: build it from scratch, compare it with the library, write down what you learned.',
			url: plan.deepDive.url,
		}),
	);
	return `${calendar.toString()}\r\n`;
}

/** File name for a download: `<storage id>-<start date>.ics`. */
export const calendarFileName = (storageId: string, startDate: string) => `${storageId}-${startDate}.ics`;
