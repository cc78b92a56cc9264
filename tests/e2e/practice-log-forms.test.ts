// What writes rows besides timers: a demo's checked guess, claims and decisions
// that come back on /progress/ on their date, and the score form.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { allPages, readPage } from '../support/dist';
import { useSite } from './harness';

const h = useSite();

const demoPage = allPages().find((path) => path.endsWith('/') && readPage(path).querySelector('sp-demo[data-demo="bayes-theorem"]'))!;

async function stored(page: Page, selector: string) {
	const key = await page.locator(selector).first().getAttribute('data-storage-key');
	return JSON.parse((await page.evaluate((k) => localStorage.getItem(k!), key)) ?? 'null');
}

/** Local YYYY-MM-DD `days` from today. */
function localDay(days: number): string {
	const d = new Date();
	d.setDate(d.getDate() + days);
	return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

describe('rows from guesses, claims, decisions and scores', () => {
	it('logs a checked demo guess as intuition_correct with the demo, guess and answer in the note', async () => {
		const { page, context, errors } = await h.open(demoPage);
		const demo = page.locator('sp-demo[data-demo="bayes-theorem"]');
		await demo.scrollIntoViewIfNeeded();
		await page.waitForSelector('sp-demo[data-demo="bayes-theorem"][data-ready="true"]');
		await demo.getByRole('spinbutton').fill('18');
		await demo.getByRole('button', { name: 'Check my guess' }).click();
		await expect.poll(async () => (await stored(page, 'sp-demo'))?.log?.length ?? 0).toBe(1);
		const [row] = (await stored(page, 'sp-demo')).log;
		// Default settings: the answer is 15.4%, so 18% is within 5 points.
		expect(row).toMatchObject({ metric: 'intuition_correct', value: 1, unit: 'guess' });
		expect(row.note).toMatch(/guessed 18%, answer 15\.4%/);
		// ...and the dashboard on /progress/ counts it.
		await page.goto(h.url('/progress/'));
		await expect.poll(() => page.locator('[data-practice-dashboard]').textContent()).toContain('1/1 = 100%');
		expect(errors).toEqual([]);
		await context.close();
	});

	it('brings a claim back on /progress/ on its date and logs the answer', async () => {
		const { page, context, errors } = await h.open('/practice/statistical-intuition/');
		const form = page.locator('sp-log-form[data-form=claim]');
		await form.getByLabel(/^Claim/).fill('Response times are right-skewed, median under 4 hours');
		await form.getByLabel(/^Confidence/).fill('80');
		await form.getByLabel('Check on').fill(localDay(0));
		await form.getByRole('button', { name: 'Save claim' }).click();
		await expect.poll(() => form.locator('[data-status]').textContent()).toContain('Saved');
		// A second claim due later is listed with its date, not asked.
		await form.getByLabel(/^Claim/).fill('Later claim');
		await form.getByLabel('Check on').fill(localDay(5));
		await form.getByRole('button', { name: 'Save claim' }).click();

		await page.goto(h.url('/progress/'));
		const due = page.locator('sp-due-list');
		await expect.poll(() => due.locator('[data-items] li').count()).toBe(1);
		await expect(due.locator('[data-summary]').textContent()).resolves.toContain('Coming back later: 1');
		await expect(due.locator('[data-later] li').textContent()).resolves.toBe(`Claim: Later claim (70% confident) — check on ${localDay(5)}`);
		await expect(due.locator('[data-items] li').textContent()).resolves.toContain('80% confident');
		// The calibration table counts the portfolio's predictions and, once answered, this claim.
		const resolvedCount = async () => {
			const text = (await page.locator('sp-calibration').textContent()) ?? '';
			return Number(text.match(/Of (\d+) resolved/)?.[1] ?? 0);
		};
		const before = await resolvedCount();
		await due.getByRole('button', { name: 'Partly' }).waitFor();
		await due.getByRole('button', { name: 'Came true' }).click();
		await expect.poll(() => due.locator('[data-items] li').count()).toBe(0);
		await expect.poll(resolvedCount).toBe(before + 1);
		await expect(page.locator('sp-calibration table').textContent()).resolves.toContain('80–89%');
		const state = await stored(page, 'sp-due-list');
		expect(state.log).toEqual([expect.objectContaining({ metric: 'intuition_correct', value: 1, unit: 'claim' })]);
		await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('due');
		expect(errors).toEqual([]);
		await context.close();
	});

	it('asks on the review date whether a decision proved right, and logs decision_right', async () => {
		const { page, context } = await h.open('/practice/decision-records/');
		const form = page.locator('sp-log-form[data-form=decision]');
		await form.getByLabel(/^Decision/).fill('ADR-007: batch scoring with dated partitions');
		await form.getByLabel('Review on').fill(localDay(-1));
		await form.getByRole('button', { name: 'Save decision' }).click();
		await page.goto(h.url('/progress/'));
		const due = page.locator('sp-due-list');
		await due.getByRole('button', { name: 'Did not' }).click();
		await expect.poll(async () => (await stored(page, 'sp-due-list')).log).toEqual([expect.objectContaining({ metric: 'decision_right', value: 0, unit: 'ADR' })]);
		await context.close();
	});

	it('shows an empty records section as empty: no table, no "more rows" button, no open edit form', async () => {
		const { page, context, errors } = await h.open('/progress/');
		const records = page.locator('sp-log-records');
		await expect.poll(() => records.locator('[data-summary]').textContent()).toMatch(/^No rows yet/);
		expect(await records.locator('table').isVisible()).toBe(false);
		expect(await records.getByRole('button', { name: /more/ }).isVisible()).toBe(false);
		expect(await records.locator('[data-region="record-edit"]').isVisible()).toBe(false);
		expect(await records.locator('[data-open]').textContent()).toBe('None open.');
		expect(errors).toEqual([]);
		await context.close();
	});

	it('keeps two equal scores as two rows, and deletes one for good from the records table', async () => {
		const { page, context, errors } = await h.open('/progress/');
		const form = page.locator('sp-log-form[data-form=score]');
		for (let i = 0; i < 2; i += 1) {
			await form.getByLabel('Score').selectOption('decomposition');
			await form.getByLabel('Points').fill('5');
			await form.getByRole('button', { name: 'Save score' }).click();
			await expect.poll(() => form.locator('[data-status]').textContent()).toMatch(/^Saved to your practice log/);
		}
		await expect.poll(async () => (await stored(page, 'sp-log-form')).log.length).toBe(2);
		const records = page.locator('sp-log-records');
		await expect.poll(() => records.locator('tbody tr').count()).toBe(2);
		// Another tab sees the deletion through the storage event.
		const other = await context.newPage();
		await other.goto(h.url('/progress/'));
		await expect.poll(() => other.locator('sp-log-records tbody tr').count()).toBe(2);
		await records.getByRole('button', { name: /^Delete row/ }).first().click();
		await records.getByRole('button', { name: 'Delete', exact: true }).click();
		await expect.poll(() => records.locator('[data-region="record-status"]').textContent()).toBe('Deleted.');
		await expect.poll(() => other.locator('sp-log-records tbody tr').count()).toBe(1);
		await page.reload();
		await expect.poll(() => page.locator('sp-log-records tbody tr').count()).toBe(1);
		const state = await stored(page, 'sp-log-records');
		expect(state.log).toHaveLength(1);
		expect(Object.keys(state.deleted)).toHaveLength(1);
		expect(errors).toEqual([]);
		await context.close();
	});

	it('edits a row with the same checks as the forms', async () => {
		const { page, context } = await h.open('/progress/');
		const form = page.locator('sp-log-form[data-form=score]');
		await form.getByLabel('Score').selectOption('communication');
		await form.getByLabel('Points').fill('3');
		await form.getByRole('button', { name: 'Save score' }).click();
		const records = page.locator('sp-log-records');
		await records.getByRole('button', { name: /^Edit row/ }).click();
		const editor = records.locator('[data-region="record-edit"]');
		await editor.getByLabel('Value').waitFor();
		// The records table and its edit form, with labels, names and contrast as axe checks them.
		const axe = await new AxeBuilder({ page }).include('sp-log-records').analyze();
		expect(axe.violations.map((v) => `${v.id}: ${v.nodes[0]?.target.join(' ')}`)).toEqual([]);
		await editor.getByLabel('Value').fill('9');
		await editor.getByRole('button', { name: 'Save changes' }).click();
		await expect.poll(() => editor.getByRole('alert').textContent()).toMatch(/^Not saved: value 9 is out of range for communication/);
		await editor.getByLabel('Value').fill('4');
		await editor.getByRole('button', { name: 'Save changes' }).click();
		await expect.poll(async () => (await stored(page, 'sp-log-records')).log).toEqual([expect.objectContaining({ metric: 'communication', value: 4, editedAt: expect.any(Number) })]);
		await expect(page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).resolves.toMatch(/^Edit row/);
		await context.close();
	});

	it('logs a score from the score form and refuses one out of range', async () => {
		const { page, context } = await h.open('/progress/');
		const form = page.locator('sp-log-form[data-form=score]');
		await form.getByLabel('Score').selectOption('decomposition');
		await form.getByLabel('Points').fill('6');
		await form.getByLabel('Note').fill('Missed validation scheme');
		await form.getByRole('button', { name: 'Save score' }).click();
		await expect.poll(async () => (await stored(page, 'sp-log-form')).log).toEqual([
			expect.objectContaining({ metric: 'decomposition', value: 6, unit: 'of 7', note: 'Missed validation scheme', date: localDay(0) }),
		]);
		await form.getByLabel('Score').selectOption('communication');
		await form.getByLabel('Points').fill('6');
		await form.getByRole('button', { name: 'Save score' }).click();
		// The browser's own range check stops it: max follows the chosen score.
		expect((await stored(page, 'sp-log-form')).log).toHaveLength(1);
		await context.close();
	});
});
