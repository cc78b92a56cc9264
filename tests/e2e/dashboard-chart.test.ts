// The progress page draws its completion charts on the server with no ticks and loads
// Observable Plot only when there is a tick to draw: none for a new learner, and a
// redrawn chart (with the tick in it) for one who has ticked.
import { describe, expect, it } from 'vitest';
import { useSite } from './harness';
import { allPages, readPage } from '../support/dist';

const h = useSite();
const progressPage = allPages().find((path) => readPage(path).querySelector('sp-dashboard'))!;
const weekPage = allPages().find((path) => readPage(path).querySelector('sp-checklist input[type=checkbox]'))!;

describe('progress charts', () => {
	it('loads no chart code without ticks, and redraws the chart after a tick', async () => {
		const { page, context, errors } = await h.open(progressPage);
		const scripts: string[] = [];
		page.on('request', (r) => r.resourceType() === 'script' && scripts.push(r.url()));
		await page.reload({ waitUntil: 'networkidle' });
		const chart = page.locator('[data-chart] [data-svg]').first();
		const empty = await chart.innerHTML();
		expect(scripts.filter((u) => /completion-chart|render\./.test(u))).toEqual([]);

		await page.goto(h.url(weekPage));
		await page.locator('sp-checklist input[type=checkbox]').first().check();
		await page.goto(h.url(progressPage), { waitUntil: 'networkidle' });
		await expect.poll(() => chart.innerHTML()).not.toBe(empty);
		await expect(page.locator('[data-chart]').first().getByText(/^1\/\d+$/).count()).resolves.toBeGreaterThan(0);
		expect(errors).toEqual([]);
		await context.close();
	});
});
