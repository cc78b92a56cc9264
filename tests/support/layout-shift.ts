// Cumulative layout shift as the Web Vitals metric counts it (shifts right after the
// reader's own input do not count), for tests that read a page as a reader does.
import type { Page } from 'playwright-core';

/** Starts counting the page's layout shifts, including those already buffered. */
export async function watchLayoutShift(page: Page): Promise<void> {
	await page.evaluate(() => {
		const w = window as unknown as { cls: number; shifts: string[] };
		w.cls = 0;
		w.shifts = [];
		new PerformanceObserver((list) => {
			for (const entry of list.getEntries() as Array<PerformanceEntry & { value: number; hadRecentInput: boolean; sources?: Array<{ node?: Node }> }>) {
				if (entry.hadRecentInput) continue;
				w.cls += entry.value;
				const node = entry.sources?.[0]?.node;
				w.shifts.push(`${entry.value.toFixed(4)} ${node instanceof Element ? `${node.tagName.toLowerCase()}.${node.className}` : (node?.nodeName ?? '')}`);
			}
		}).observe({ type: 'layout-shift', buffered: true });
	});
}

/** Scrolls from top to bottom a screen at a time, as a reader does. */
export async function scrollThrough(page: Page): Promise<void> {
	const height = await page.evaluate(() => document.documentElement.scrollHeight);
	for (let y = 0; y < height; y += 800) {
		await page.mouse.wheel(0, 800);
		await page.waitForTimeout(120);
	}
}

/** The shift counted since watchLayoutShift, and each shift with the element that moved. */
export function layoutShift(page: Page): Promise<{ cls: number; shifts: string[] }> {
	return page.evaluate(() => {
		const w = window as unknown as { cls: number; shifts: string[] };
		return { cls: w.cls, shifts: w.shifts };
	});
}
