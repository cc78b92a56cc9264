// The course calendar: built with ical.js, parsed back with ical.js, and checked
// event by event against dates worked out by hand from a known start date.
import { describe, expect, it } from 'vitest';
import ICAL from 'ical.js';
import { buildCalendar, calendarFileName, type CalendarPlan } from '../../src/lib/schedule/calendar';
import { addDays, effectiveStartDate, isoDay, localToday } from '../../src/lib/schedule';

const plan: CalendarPlan = {
	name: 'My course, with a comma; and a semicolon',
	uidDomain: 'my-course.learner.example.org',
	weeks: Array.from({ length: 6 }, (_, i) => ({ week: i + 1, title: `Topic ${i + 1}`, url: `/study/weeks/0${i + 1}/` })),
	months: [
		{ month: 1, title: 'First', lastWeek: 3, url: '/study/months/1/' },
		{ month: 2, title: 'Second', lastWeek: 6, url: '/study/months/2/' },
	],
	daily: { title: 'Daily practice', url: '/study/practice/daily/', minutes: 15 },
	deepDive: { title: 'Deep dive', url: '/study/practice/weekly-deep-dive/', minutes: 180 },
	integration: { title: 'Integration', url: '/study/practice/monthly-integration/', minutes: 300 },
};
// 2027-01-04 is a Monday.
const ORIGIN = 'https://learner.example.org';
const text = buildCalendar(plan, '2027-01-04', new Date('2026-12-01T09:30:00Z'), ORIGIN);
const calendar = new ICAL.Component(ICAL.parse(text));
const events = calendar.getAllSubcomponents('vevent').map((c) => new ICAL.Event(c));
const bySummary = (s: string) => events.find((e) => e.summary === s)!;

describe('buildCalendar', () => {
	it('writes a calendar ical.js reads back, with CRLF lines and the course name', () => {
		expect(text.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
		expect(calendar.getFirstPropertyValue('version')).toBe('2.0');
		expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe(plan.name);
		// 6 weeks + 2 integration sessions + daily + deep dive.
		expect(events).toHaveLength(10);
		expect(new Set(events.map((e) => e.uid)).size).toBe(10);
	});

	it('ends every line in CRLF, the last one too (RFC 5545 §3.1), read as bytes', () => {
		const bytes = new TextEncoder().encode(text);
		const bareLf = bytes.findIndex((b, i) => b === 0x0a && bytes[i - 1] !== 0x0d);
		expect(bareLf).toBe(-1);
		expect([...bytes.slice(-2)]).toEqual([0x0d, 0x0a]);
		expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true);
	});

	it('links into whichever site it is given: the configured one, or the one in use', () => {
		const mirror = new ICAL.Component(ICAL.parse(buildCalendar(plan, '2027-01-04', new Date(), 'http://127.0.0.1:4321')));
		const urls = mirror.getAllSubcomponents('vevent').map((c) => String(c.getFirstPropertyValue('url')));
		expect(urls).toHaveLength(10);
		for (const url of urls) expect(url).toMatch(/^http:\/\/127\.0\.0\.1:4321\/study\/(weeks|practice)\//);
		// The UIDs stay those of the configured site, so events from either download update each other.
		expect(mirror.getAllSubcomponents('vevent').map((c) => c.getFirstPropertyValue('uid'))).toEqual(events.map((e) => e.uid));
	});

	it('gives each week an all-day Monday-to-Sunday event with its title and link', () => {
		const week3 = bySummary('Week 3: Topic 3');
		expect(week3.startDate.isDate).toBe(true);
		expect(week3.startDate.toString()).toBe('2027-01-18');
		expect(week3.endDate.toString()).toBe('2027-01-25'); // DTEND is exclusive: the event ends after Sunday 24th
		expect(week3.component.getFirstPropertyValue('url')).toBe('https://learner.example.org/study/weeks/03/');
		expect(week3.description).toContain('https://learner.example.org/study/weeks/03/');
		expect(week3.uid).toBe('week-3.my-course.learner.example.org');
	});

	it('puts each integration session on the Sunday of the month’s last week', () => {
		expect(bySummary('Integration: month 1, First').startDate.toString()).toBe('2027-01-24');
		expect(bySummary('Integration: month 2, Second').startDate.toString()).toBe('2027-02-14');
	});

	it('repeats the daily practice every weekday for the whole course at a floating 08:00', () => {
		const daily = bySummary('Daily practice');
		expect(daily.isRecurring()).toBe(true);
		expect(daily.startDate.zone?.tzid).toBe('floating');
		expect(daily.duration.toSeconds()).toBe(15 * 60);
		const it = daily.iterator();
		const dates: string[] = [];
		for (let next = it.next(); next; next = it.next()) dates.push(next.toString());
		expect(dates).toHaveLength(6 * 5);
		expect(dates[0]).toBe('2027-01-04T08:00:00');
		expect(dates[5]).toBe('2027-01-11T08:00:00'); // Monday after the first Friday
		expect(dates.at(-1)).toBe('2027-02-12T08:00:00'); // Friday of week 6
	});

	it('repeats the deep dive every Saturday, once a week', () => {
		const deepDive = bySummary('Deep dive');
		const it = deepDive.iterator();
		const dates: string[] = [];
		for (let next = it.next(); next; next = it.next()) dates.push(next.toString());
		expect(dates).toEqual(['2027-01-09', '2027-01-16', '2027-01-23', '2027-01-30', '2027-02-06', '2027-02-13'].map((d) => `${d}T10:00:00`));
		expect(deepDive.duration.toSeconds()).toBe(180 * 60);
	});

	it('keeps the same UIDs for another start date, so re-importing moves events instead of doubling them', () => {
		const other = new ICAL.Component(ICAL.parse(buildCalendar(plan, '2027-03-01', new Date(), ORIGIN)));
		expect(other.getAllSubcomponents('vevent').map((c) => c.getFirstPropertyValue('uid'))).toEqual(events.map((e) => e.uid));
		expect(calendarFileName('my-course', '2027-03-01')).toBe('my-course-2027-03-01.ics');
	});
});

describe('start date helpers', () => {
	it('prefers the learner’s valid date over the configured one', () => {
		expect(effectiveStartDate('2027-01-04', '2027-02-01')).toBe('2027-02-01');
		expect(effectiveStartDate('2027-01-04', undefined)).toBe('2027-01-04');
		expect(effectiveStartDate(null, 'not a date')).toBeNull();
	});

	it('adds days across month and year ends and reads today in local time', () => {
		expect(addDays('2026-12-28', 7)).toBe('2027-01-04');
		expect(addDays('2028-02-27', 2)).toBe('2028-02-29');
		expect(isoDay(localToday(new Date(2027, 0, 4, 23, 59)))).toBe('2027-01-04');
	});
});

describe('a course starting on a weekend', () => {
	it('starts the weekday practice on the Monday after', () => {
		const saturdayStart = new ICAL.Component(ICAL.parse(buildCalendar(plan, '2027-01-09', new Date(), ORIGIN)));
		const daily = new ICAL.Event(saturdayStart.getAllSubcomponents('vevent').find((c) => c.getFirstPropertyValue('summary') === 'Daily practice')!);
		expect(daily.startDate.toString()).toBe('2027-01-11T08:00:00');
	});
});
