// Demos and the home page's week cards wake up without moving the page: reading down
// every page with a demo, and the home page (scrolling a screen at a time, as a reader
// does), the cumulative layout shift stays at most 0.02.
// Shifts right after the reader's own input do not count, as in the Web Vitals metric.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { useSite } from './harness';
import { allPages, pagePath } from '../support/dist';

const h = useSite();

const demoPages = allPages().filter((path) => readFileSync(pagePath(path), 'utf8').includes('<sp-demo'));

describe('layout shift', () => {
	it('finds the pages with demos', () => {
		expect(demoPages.length).toBeGreaterThan(5);
	});

	it.each(['/', ...demoPages])('%s shifts at most 0.02 while read from top to bottom', async (path) => {
		const { page, context, errors } = await h.open(path, { viewport: { width: 390, height: 844 } });
		await page.evaluate(() => {
			const w = window as unknown as { cls: number; shifts: string[] };
			w.cls = 0;
			w.shifts = [];
			new PerformanceObserver((list) => {
				for (const entry of list.getEntries() as Array<PerformanceEntry & { value: number; hadRecentInput: boolean; sources?: Array<{ node?: Node }> }>) {
					if (entry.hadRecentInput) continue;
					w.cls += entry.value;
					const node = entry.sources?.[0]?.node;
					w.shifts.push(`${entry.value.toFixed(4)} ${node instanceof Element ? `${node.tagName.toLowerCase()}.${node.className}` : node?.nodeName ?? ''}`);
				}
			}).observe({ type: 'layout-shift', buffered: true });
		});
		const height = await page.evaluate(() => document.documentElement.scrollHeight);
		for (let y = 0; y < height; y += 800) {
			await page.mouse.wheel(0, 800);
			await page.waitForTimeout(120);
		}
		await page.waitForLoadState('networkidle');
		await page.waitForTimeout(300);
		const { cls, shifts } = await page.evaluate(() => {
			const w = window as unknown as { cls: number; shifts: string[] };
			return { cls: w.cls, shifts: w.shifts };
		});
		expect(cls, `layout shifts on ${path}: ${shifts.join('; ')}`).toBeLessThanOrEqual(0.02);
		expect(errors).toEqual([]);
		await context.close();
	});
});
