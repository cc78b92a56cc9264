// Every demo in Chromium: it wakes when scrolled into view, a control change
// updates its key numbers as text, the settings go into the URL and come back on
// reload, and pages without demos never load the demo code.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useSite } from './harness';
import { allPages, readPage } from '../support/dist';
import { demoRegistry } from '../../src/lib/demos/registry';

const h = useSite();

/** The first page that shows each demo. */
const pageOf = new Map<string, string>();
for (const path of allPages()) {
	if (!path.endsWith('/')) continue;
	for (const el of readPage(path).querySelectorAll('sp-demo')) {
		const id = el.getAttribute('data-demo')!;
		if (!pageOf.has(id)) pageOf.set(id, path);
	}
}

async function hydrated(page: Page, id: string) {
	const demo = page.locator(`sp-demo[data-demo="${id}"]`);
	await demo.scrollIntoViewIfNeeded();
	await page.waitForSelector(`sp-demo[data-demo="${id}"][data-ready="true"]`);
	const reveal = demo.locator('[data-reveal]');
	if (await reveal.isVisible()) await reveal.click();
	return demo;
}

const facts = (demo: ReturnType<Page['locator']>) => demo.locator('[data-facts]').innerText();

describe('demos', () => {
	it('puts every demo of the registry on some page', () => {
		expect([...pageOf.keys()].sort()).toEqual(Object.keys(demoRegistry).sort());
	});

	it.each(Object.keys(demoRegistry))('%s updates its numbers when a control moves, and keeps them in the URL', async (id) => {
		const { page, context, errors } = await h.open(pageOf.get(id)!);
		const demo = await hydrated(page, id);
		const svg = demo.locator('[data-figures] svg[aria-label]').first();
		await expect(svg.getAttribute('aria-label')).resolves.toMatch(/\S/);
		const before = await facts(demo);
		const range = demo.locator('input[type=range]').first();
		if ((await range.count()) > 0) {
			await range.focus();
			for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
			if ((await facts(demo)) === before) for (let i = 0; i < 6; i++) await page.keyboard.press('ArrowLeft');
		} else if ((await demo.locator('select').count()) > 0) {
			const select = demo.locator('select').first();
			const options = await select.locator('option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
			await select.selectOption(options[1]!);
		} else {
			const number = demo.locator('[data-controls] input[type=number]:not([name=seed])').first();
			await number.fill(String(Number(await number.inputValue()) + 40));
		}
		await expect.poll(() => facts(demo)).not.toBe(before);
		const changed = await facts(demo);
		expect(page.url()).toContain(`${id}.`);
		await page.reload();
		const again = await hydrated(page, id);
		await expect.poll(() => facts(again)).toBe(changed);
		expect(errors).toEqual([]);
		await context.close();
	});

	it('asks for a guess before it reveals the answer, and says how far off it was', async () => {
		const { page, context } = await h.open(pageOf.get('bayes-theorem')!);
		const demo = page.locator('sp-demo[data-demo="bayes-theorem"]');
		await demo.scrollIntoViewIfNeeded();
		await page.waitForSelector('sp-demo[data-demo="bayes-theorem"][data-ready="true"]');
		// Covered in place: the answer is blurred and out of reach (inert) under the prompt, in the same box.
		const result = demo.locator('[data-result]');
		const box = await result.boundingBox();
		await expect(result.getAttribute('data-covered')).resolves.not.toBeNull();
		await expect(demo.locator('[data-facts]').evaluate((el) => (el as HTMLElement).inert)).resolves.toBe(true);
		await demo.getByRole('spinbutton').fill('80');
		await demo.getByRole('button', { name: 'Check my guess' }).click();
		// Then it says that the guess went into the practice log, and by what tolerance it counted.
		await expect
			.poll(() => demo.locator('[data-verdict]').textContent())
			.toMatch(/^You guessed 80%; the answer is 15\.4%, so you were 64\.6 percentage points too high\. Logged as a miss \(outside ±5 percentage points\)\.$/);
		await expect(result.getAttribute('data-covered')).resolves.toBeNull();
		await expect(demo.locator('[data-facts]').evaluate((el) => (el as HTMLElement).inert)).resolves.toBe(false);
		await expect(demo.locator('[data-predict]').isHidden()).resolves.toBe(true);
		expect(await result.boundingBox()).toEqual(box);
		await context.close();
	});

	it('keeps invalid input valid with a message instead of a broken chart', async () => {
		const { page, context } = await h.open(`${pageOf.get('ab-test')!}?ab-test.conversionsA=5000`);
		const demo = await hydrated(page, 'ab-test');
		await expect(demo.locator('[data-notice]').textContent()).resolves.toMatch(/\S/);
		expect(await facts(demo)).not.toMatch(/NaN/);
		await context.close();
	});

	it('echoes a long URL parameter shortened, not whole', async () => {
		const long = 'x'.repeat(4800);
		const { page, context } = await h.open(`${pageOf.get('ab-test')!}?ab-test.conversionsA=${long}`);
		const demo = await hydrated(page, 'ab-test');
		const notice = (await demo.locator('[data-notice]').textContent()) ?? '';
		expect(notice).toContain('is not a number');
		expect(notice).toContain('4800 characters');
		expect(notice.length).toBeLessThan(300);
		await context.close();
	});

	it('fits a 320 px wide screen in the dark theme', async () => {
		const { page, context } = await h.open(pageOf.get('pca')!, { viewport: { width: 320, height: 700 }, colorScheme: 'dark' });
		const demo = await hydrated(page, 'pca');
		const box = await demo.boundingBox();
		expect(box!.x + box!.width).toBeLessThanOrEqual(320);
		expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
		const axisColour = await demo.locator('[data-figures] svg[aria-label]').first().evaluate((svg) => getComputedStyle(svg).color);
		expect(axisColour).toBe('rgb(230, 237, 243)');
		await context.close();
	});

	it('loads no demo code on a page without demos', async () => {
		const context = await h.browser.newContext();
		const page = await context.newPage();
		const scripts: string[] = [];
		page.on('request', (r) => r.resourceType() === 'script' && scripts.push(r.url()));
		await page.goto(h.url('/weeks/07/'));
		await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
		await page.waitForLoadState('networkidle');
		expect(scripts.filter((s) => /demo|plot|loaders/i.test(s))).toEqual([]);
		await context.close();
	});
});
