// /calendar.ics exists exactly when course.config.ts sets a start date, and then
// ical.js reads it back: 24 weekly events from that date, links into the published site.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { configured as course, publishedUrl, siteHref } from '../support/course';
import { distDir, readPage } from '../support/dist';

const file = join(distDir, 'calendar.ics');

describe('/calendar.ics', () => {
	it(course.startDate ? 'is built for the configured start date and parses back' : 'is not built without a configured start date', () => {
		expect(existsSync(file)).toBe(course.startDate !== null);
		if (!course.startDate) return;
		const bytes = readFileSync(file);
		expect(bytes.subarray(-2).toString('latin1')).toBe('\r\n');
		expect(bytes.findIndex((b, i) => b === 0x0a && bytes[i - 1] !== 0x0d)).toBe(-1);
		const events = new ICAL.Component(ICAL.parse(bytes.toString('utf8'))).getAllSubcomponents('vevent').map((c) => new ICAL.Event(c));
		const weeks = events.filter((e) => /^Week \d+:/.test(e.summary));
		expect(weeks).toHaveLength(24);
		const first = weeks.find((e) => e.summary.startsWith('Week 1:'))!;
		expect(first.startDate.toString()).toBe(course.startDate);
		expect(first.component.getFirstPropertyValue('url')).toBe(publishedUrl('/weeks/01/'));
	});

	it('is offered on /progress/ with the calendar built for the browser’s own date', () => {
		const progress = readPage('/progress/');
		expect(progress.querySelector('sp-start-date button[data-calendar]')).not.toBeNull();
		const plan = JSON.parse(progress.querySelector('sp-start-date script[data-plan]')!.textContent!);
		expect(plan.weeks).toHaveLength(24);
		// Site paths with the base: the browser resolves them against the site in use.
		expect(plan.weeks[0].url).toBe(siteHref('/weeks/01/'));
		expect(Boolean(progress.querySelector(`sp-start-date a[href="${siteHref('/calendar.ics')}"]`))).toBe(course.startDate !== null);
	});

	it('shows the configured dates on week pages, or a link to set a start date', () => {
		const dates = readPage('/weeks/01/').querySelector('.week sp-week-dates [data-range]')!;
		if (course.startDate) expect(dates.textContent).toMatch(/\d{4} – \d+ \w+ \d{4}/);
		else expect(dates.querySelector('a')?.getAttribute('href')).toBe(`${siteHref('/progress/')}#start-date`);
	});
});
