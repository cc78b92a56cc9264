// Demos and the home page's week cards wake up without moving the page: reading down
// every page with a demo, and the home page (scrolling a screen at a time, as a reader
// does), the cumulative layout shift stays at most 0.02.
// Shifts right after the reader's own input do not count, as in the Web Vitals metric.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { useSite } from './harness';
import { layoutShift, scrollThrough, watchLayoutShift } from '../support/layout-shift';
import { allPages, pagePath } from '../support/dist';

const h = useSite();

const demoPages = allPages().filter((path) => readFileSync(pagePath(path), 'utf8').includes('<sp-demo'));

describe('layout shift', () => {
	it('finds the pages with demos', () => {
		expect(demoPages.length).toBeGreaterThan(5);
	});

	it.each(['/', ...demoPages])('%s shifts at most 0.02 while read from top to bottom', async (path) => {
		const { page, context, errors } = await h.open(path, { viewport: { width: 390, height: 844 } });
		await watchLayoutShift(page);
		await scrollThrough(page);
		await page.waitForLoadState('networkidle');
		await page.waitForTimeout(300);
		const { cls, shifts } = await layoutShift(page);
		expect(cls, `layout shifts on ${path}: ${shifts.join('; ')}`).toBeLessThanOrEqual(0.02);
		expect(errors).toEqual([]);
		await context.close();
	});
});
