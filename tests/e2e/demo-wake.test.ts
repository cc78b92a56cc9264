// Waking a demo downloads nothing: scrolled into view, it enables its controls with the
// DOM alone and keeps the very nodes of the server's figure, facts and table. Its spec
// and Observable Plot load on the first change (which then redraws, once, as the form
// stands when they arrive), on a guess (whose verdict needs the spec), and at once for
// a shared URL with other values than the defaults.
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useSite } from './harness';
import { allPages, readPage } from '../support/dist';
import { spec as bayes } from '../../src/lib/demos/specs/bayes-theorem';
import { loggedText, verdict } from '../../src/lib/demos/verdict';

const h = useSite();

const pageOf = (id: string) => allPages().find((path) => path.endsWith('/') && readPage(path).querySelector(`sp-demo[data-demo="${id}"]`))!;

/** The chunks of a demo's live code: its redraw (demo-live), Plot (bundled with render.ts), the spec loader and the demo's own spec. */
const chunk = (name: string) => new RegExp(`/_astro/${name}\\.[\\w-]+\\.js$`);
const liveChunks = (id: string) => ['demo-live', 'render', 'loaders', id].map(chunk);
const liveCode = (scripts: string[], id: string) => scripts.filter((url) => liveChunks(id).some((re) => re.test(url)));
const allLiveCode = (scripts: string[], id: string) => liveChunks(id).every((re) => scripts.some((url) => re.test(url)));

/** A page whose script requests are recorded from the first one on. */
async function openRecording(path: string, setUp?: (context: BrowserContext) => Promise<unknown>): Promise<{ page: Page; context: BrowserContext; scripts: string[]; errors: string[] }> {
	const context = await h.browser.newContext({ viewport: { width: 1000, height: 700 } });
	await setUp?.(context);
	const page = await context.newPage();
	const scripts: string[] = [];
	const errors: string[] = [];
	page.on('request', (r) => r.resourceType() === 'script' && scripts.push(r.url()));
	page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
	page.on('pageerror', (e) => errors.push(e.message));
	await page.goto(h.url(path));
	return { page, context, scripts, errors };
}

async function wake(page: Page, id: string): Promise<Locator> {
	const demo = page.locator(`sp-demo[data-demo="${id}"]`);
	await demo.scrollIntoViewIfNeeded();
	await page.waitForSelector(`sp-demo[data-demo="${id}"][data-ready="true"]`);
	return demo;
}

/** Tags the server's figure, fact rows and table body: a property stays only on the very same node. */
const markServerNodes = (demo: Locator) =>
	demo.evaluate((el) => {
		for (const node of el.querySelectorAll('[data-figures] > *, [data-facts] > *, [data-table] > tbody')) (node as unknown as { fromServer: boolean }).fromServer = true;
	});
const serverNodes = (demo: Locator) =>
	demo.evaluate((el) => [...el.querySelectorAll('[data-figures] > *, [data-facts] > *, [data-table] > tbody')].map((node) => (node as unknown as { fromServer?: boolean }).fromServer === true));

/** Sets a control as a hand would, without focusing it (focus alone starts the download). */
const change = (control: Locator, value: string) =>
	control.evaluate((el: HTMLInputElement | HTMLSelectElement, v) => {
		el.value = v;
		el.dispatchEvent(new Event('input', { bubbles: true }));
	}, value);

const shownFacts = (demo: Locator) => demo.locator('[data-facts] dd').allTextContents();
const factsOf = (raw: Record<string, string>) => bayes.view(bayes.parse(raw).params).facts.map((f) => f.value);
const answerOf = (raw: Record<string, string>) => bayes.predict!.answer(bayes.parse(raw).params);

describe('waking a demo', () => {
	it('fetches no Plot or spec and keeps the server-rendered nodes; a control change then loads them and redraws', async () => {
		const id = 'distribution-explorer';
		const { page, context, scripts, errors } = await openRecording(pageOf(id));
		const demo = page.locator(`sp-demo[data-demo="${id}"]`);
		await markServerNodes(demo);
		await wake(page, id);
		await page.waitForLoadState('networkidle');
		await page.waitForTimeout(300);
		await expect(demo.locator('select').first().isEnabled()).resolves.toBe(true);
		const kept = await serverNodes(demo);
		expect(kept.length).toBeGreaterThan(3);
		expect(kept.every(Boolean), 'every figure, fact row and table body is still the server\'s node').toBe(true);
		expect(liveCode(scripts, id)).toEqual([]);
		await expect(demo.getAttribute('data-render-count')).resolves.toBeNull();

		const figure = await demo.locator('[data-figures]').innerHTML();
		const facts = await shownFacts(demo);
		await change(demo.locator('select[name="distribution"]'), 'normal');
		await page.waitForSelector(`sp-demo[data-demo="${id}"][data-render-count="1"]`);
		// Each of the chunks the quiet wake was checked against did load: a renamed chunk fails here, not silently above.
		for (const re of liveChunks(id)) expect(scripts.some((url) => re.test(url)), `${re} fetched after the change`).toBe(true);
		expect((await serverNodes(demo)).some(Boolean)).toBe(false);
		expect(await demo.locator('[data-figures]').innerHTML()).not.toBe(figure);
		expect(await shownFacts(demo)).not.toEqual(facts);
		await expect(demo.getAttribute('data-render-ms')).resolves.toMatch(/^\d+(\.\d)?$/);
		expect(page.url()).toContain(`${id}.distribution=normal`);
		expect(errors).toEqual([]);
		await context.close();
	});

	it('loads and draws a new sample on "New sample"', async () => {
		const id = 'distribution-explorer';
		const { page, context, errors } = await openRecording(pageOf(id));
		const demo = await wake(page, id);
		const figure = await demo.locator('[data-figures]').innerHTML();
		await demo.getByRole('button', { name: 'New sample' }).click();
		await page.waitForSelector(`sp-demo[data-demo="${id}"][data-render-count="1"]`);
		const seed = await demo.locator('input[name="seed"]').inputValue();
		expect(seed).not.toBe('1');
		expect(page.url()).toContain(`${id}.seed=${seed}`);
		expect(await demo.locator('[data-figures]').innerHTML()).not.toBe(figure);
		expect(errors).toEqual([]);
		await context.close();
	});

	it('says so when the code cannot load, and keeps the server view', async () => {
		const id = 'bayes-theorem';
		const { page, context } = await openRecording(pageOf(id), (c) => c.route(chunk('demo-live'), (route) => route.abort()));
		const demo = await wake(page, id);
		await change(demo.locator('input[name="prevalence"]'), '0.02');
		await expect.poll(() => demo.locator('[data-notice]').textContent()).toMatch(/could not load its code .* Reload the page/);
		await expect(demo.locator('[data-notice]').isVisible()).resolves.toBe(true);
		await expect(demo.getAttribute('data-render-count')).resolves.toBeNull();
		expect(await shownFacts(demo)).toEqual(factsOf({}));
		await context.close();
	});

	it('starts the download when focus enters the controls, without redrawing', async () => {
		const id = 'bayes-theorem';
		const { page, context, scripts } = await openRecording(pageOf(id));
		const demo = await wake(page, id);
		await markServerNodes(demo);
		expect(liveCode(scripts, id)).toEqual([]);
		await demo.locator('input[name="prevalence"]').focus();
		await expect.poll(() => allLiveCode(scripts, id)).toBe(true);
		await page.waitForLoadState('networkidle');
		await expect(demo.getAttribute('data-render-count')).resolves.toBeNull();
		expect((await serverNodes(demo)).every(Boolean)).toBe(true);
		await context.close();
	});

	it('draws the latest settings once when they changed while the code was loading, and answers for them', async () => {
		const id = 'bayes-theorem';
		let release!: () => void;
		const arrived = new Promise<void>((resolve) => (release = resolve));
		const { page, context } = await openRecording(pageOf(id), (c) =>
			c.route(chunk('demo-live'), async (route) => {
				await arrived;
				await route.continue();
			}),
		);
		const demo = await wake(page, id);
		const prevalence = demo.locator('input[name="prevalence"]');
		await prevalence.focus();
		for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
		// The label's number follows at once; the figure waits for the code.
		await expect(demo.locator('[data-output="prevalence"]').textContent()).resolves.toBe('0.013');
		await expect(demo.getAttribute('data-render-count')).resolves.toBeNull();
		expect(await shownFacts(demo)).toEqual(factsOf({}));
		release();
		await page.waitForSelector(`sp-demo[data-demo="${id}"][data-render-count="1"]`);
		await page.waitForTimeout(300);
		await expect(demo.getAttribute('data-render-count')).resolves.toBe('1');
		expect(await shownFacts(demo)).toEqual(factsOf({ prevalence: '0.013' }));
		expect(factsOf({ prevalence: '0.013' })).not.toEqual(factsOf({}));
		expect(page.url()).toContain(`${id}.prevalence=0.013`);
		await demo.locator('[data-reveal]').click();
		await expect.poll(() => demo.locator('[data-verdict]').textContent()).toBe(verdict(null, answerOf({ prevalence: '0.013' }), 'percent'));
		await context.close();
	});

	it('draws a shared view (URL values other than the defaults) before its controls go live', async () => {
		const id = 'bayes-theorem';
		const { page, context, errors } = await openRecording(`${pageOf(id)}?${id}.prevalence=0.05&${id}.specificity=0.9`);
		const demo = await wake(page, id);
		// Ready means drawn: no moment with live controls under the default view.
		await expect(demo.getAttribute('data-render-count')).resolves.toBe('1');
		const shared = { prevalence: '0.05', specificity: '0.9' };
		expect(await shownFacts(demo)).toEqual(factsOf(shared));
		expect(factsOf(shared)).not.toEqual(factsOf({}));
		await expect(demo.locator('input[name="prevalence"]').inputValue()).resolves.toBe('0.05');
		await expect(demo.locator('[data-params]').textContent()).resolves.toContain('Prevalence P(disease) = 5%');
		expect(page.url()).toContain(`${id}.prevalence=0.05`);
		await demo.locator('[data-reveal]').click();
		await expect.poll(() => demo.locator('[data-verdict]').textContent()).toBe(verdict(null, answerOf(shared), 'percent'));
		expect(errors).toEqual([]);
		await context.close();
	});

	it('keeps the server view and fetches nothing for a URL that only repeats the defaults', async () => {
		const id = 'bayes-theorem';
		const { page, context, scripts } = await openRecording(`${pageOf(id)}?${id}.prevalence=${bayes.defaults.prevalence}`);
		const demo = page.locator(`sp-demo[data-demo="${id}"]`);
		await markServerNodes(demo);
		await wake(page, id);
		await page.waitForLoadState('networkidle');
		expect(liveCode(scripts, id)).toEqual([]);
		expect((await serverNodes(demo)).every(Boolean)).toBe(true);
		await context.close();
	});

	it('loads the spec for a guess and gives the right verdict, logged', async () => {
		const id = 'bayes-theorem';
		const { page, context, scripts, errors } = await openRecording(pageOf(id));
		const demo = await wake(page, id);
		await expect(demo.locator('[data-result]').getAttribute('data-covered')).resolves.not.toBeNull();
		expect(liveCode(scripts, id)).toEqual([]);
		await demo.getByRole('spinbutton').fill('18');
		await demo.getByRole('button', { name: 'Check my guess' }).click();
		const answer = answerOf({});
		const expected = `${verdict(18, answer, 'percent')} ${loggedText(bayes.predict!, 18, answer)}`;
		expect(expected).toBe('You guessed 18%; the answer is 15.4%, so you were 2.6 percentage points too high. Logged as right (within ±5 percentage points).');
		await expect.poll(() => demo.locator('[data-verdict]').textContent()).toBe(expected);
		await expect(demo.locator('[data-result]').getAttribute('data-covered')).resolves.toBeNull();
		expect(allLiveCode(scripts, id)).toBe(true);
		// The guess needed the answer, not a new picture: the server's figure stays.
		await expect(demo.getAttribute('data-render-count')).resolves.toBeNull();
		expect(errors).toEqual([]);
		await context.close();
	});
});
