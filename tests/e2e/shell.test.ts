// The site shell in Chromium: navigation, search, dark mode, keyboard access.
import { describe, expect, it } from 'vitest';
import { useSite } from './harness';

const h = useSite();

describe('site shell', () => {
	it('reaches week 1 from the home page sidebar', async () => {
		const { page, errors, context } = await h.open('/');
		const nav = page.getByRole('navigation', { name: 'Course' });
		await nav.locator('summary', { hasText: /^Month 1:/ }).click();
		await nav.getByRole('link', { name: /^Week 1:/ }).click();
		await page.waitForURL(/\/weeks\/01\/$/);
		await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toMatch(/^Week 1:/);
		const current = page.getByRole('navigation', { name: 'Course' }).locator('[aria-current="page"]');
		await expect(current.textContent()).resolves.toMatch(/^Week 1:/);
		expect(errors).toEqual([]);
		await context.close();
	});

	it('finds the hypothesis-testing week when searching "p-value"', async () => {
		const { page, context, errors } = await h.open('/');
		await page.getByRole('searchbox', { name: 'Search the book' }).fill('p-value');
		await page.keyboard.press('Enter');
		await page.waitForURL(/\/search\/\?q=p-value/);
		// Among the top three: more weeks now teach with p-values (power, McNemar), and ties may rank either way.
		const links = page.locator('.pagefind-ui__result-link');
		await links.first().waitFor();
		const top = await links.evaluateAll((as) => as.slice(0, 3).map((a) => a.getAttribute('href') ?? ''));
		const week = top.findIndex((href) => /\/weeks\/0[56]\/$/.test(href));
		expect(week, `top results: ${top.join(', ')}`).toBeGreaterThanOrEqual(0);
		await links.nth(week).click();
		await page.waitForURL(/\/weeks\/0[56]\/$/);
		await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toMatch(/hypothesis|p-value/i);
		expect(errors).toEqual([]);
		await context.close();
	});

	it('loads Pagefind on the search page only once the reader searches, in place of the box typed into', async () => {
		const { page, context, errors } = await h.open('/search/');
		const fetched: string[] = [];
		page.on('request', (r) => void (r.url().includes('/pagefind/') && !r.url().endsWith('.css') && fetched.push(r.url())));
		await page.waitForLoadState('networkidle');
		expect(fetched).toEqual([]);
		const box = page.locator('#search').getByRole('searchbox', { name: 'Search the book' });
		const before = await box.boundingBox();
		await box.click();
		await page.keyboard.type('variance');
		await page.locator('.pagefind-ui__result-link').first().waitFor();
		expect(fetched.some((url) => url.endsWith('pagefind-ui.js'))).toBe(true);
		// Pagefind's own box took the place of the first one, with what was typed and the focus.
		const input = page.locator('#search .pagefind-ui__search-input');
		await expect(page.locator('#search [data-search-start]').count()).resolves.toBe(0);
		await expect(input.count()).resolves.toBe(1);
		await expect(input.inputValue()).resolves.toBe('variance');
		await expect(input.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
		const after = await input.boundingBox();
		expect(Math.abs(after!.y - before!.y)).toBeLessThanOrEqual(1);
		expect(Math.abs(after!.height - before!.height)).toBeLessThanOrEqual(1);
		expect(errors).toEqual([]);
		await context.close();
	});

	it('toggles dark mode and keeps it across pages without a flash', async () => {
		const { page, context } = await h.open('/weeks/02/', { colorScheme: 'light' });
		const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
		const light = await background();
		await page.getByRole('button', { name: 'Dark mode' }).click();
		await expect(page.getByRole('button', { name: 'Dark mode' }).getAttribute('aria-pressed')).resolves.toBe('true');
		const dark = await background();
		expect(dark).not.toBe(light);
		await page.goto(h.url('/weeks/03/'), { waitUntil: 'commit' });
		await page.waitForSelector('body');
		await expect(page.evaluate(() => document.documentElement.dataset.theme)).resolves.toBe('dark');
		expect(await background()).toBe(dark);
		await context.close();
	});

	it('follows the system colour scheme by default', async () => {
		const { page, context } = await h.open('/', { colorScheme: 'dark' });
		const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
		expect(bg).toBe('rgb(15, 20, 25)');
		await context.close();
	});

	it('lets a keyboard user skip to content, reach the search box and the sidebar', async () => {
		const { page, context } = await h.open('/weeks/04/');
		await page.keyboard.press('Tab');
		await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe('Skip to content');
		await page.keyboard.press('Tab');
		await page.keyboard.press('Tab');
		await expect(page.evaluate(() => document.activeElement?.getAttribute('type'))).resolves.toBe('search');
		let inSidebar = false;
		for (let i = 0; i < 12 && !inSidebar; i++) {
			await page.keyboard.press('Tab');
			inSidebar = await page.evaluate(() => !!document.activeElement?.closest('#site-nav'));
		}
		expect(inSidebar).toBe(true);
		const focusVisible = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
		expect(focusVisible).not.toBe('none');
		await context.close();
	});

	it('has a working menu on a 320 px wide screen', async () => {
		const { page, context } = await h.open('/weeks/06/', { viewport: { width: 320, height: 640 } });
		const nav = page.getByRole('navigation', { name: 'Course' });
		await expect(nav.isVisible()).resolves.toBe(false);
		await page.getByRole('button', { name: 'Menu' }).click();
		await expect(nav.isVisible()).resolves.toBe(true);
		const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
		expect(overflow).toBeLessThanOrEqual(0);
		await context.close();
	});

	it('shows the 404 page for an unknown address', async () => {
		const { page, context } = await h.open('/no/such/page/');
		await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Page not found');
		await context.close();
	});
});
