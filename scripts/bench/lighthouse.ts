/**
 * Lighthouse 13 on one page of every kind, mobile and desktop, against the built site
 * served gzip-compressed; prints the four scores (performance, accessibility, best
 * practices, SEO) and what costs performance points. Uses the tests' Chromium.
 */
import { readFileSync } from 'node:fs';
import lighthouse from 'lighthouse';
import desktopConfig from 'lighthouse/core/config/desktop-config.js';
import { launch } from 'chrome-launcher';
import { chromiumArgs, chromiumPath } from '../../tests/support/browser';
import { allPages, pagePath } from '../../tests/support/dist';
import { kindOf } from '../../tests/support/weight';
import { serveGzipped } from './serve-gzip';

const categories = ['performance', 'accessibility', 'best-practices', 'seo'] as const;

/** One page of each kind, picked by content: home, weeks with and without a demo, progress, search, a notebook, another page. */
export function samplePages(dir = 'dist'): Array<[string, string]> {
	const pages = allPages(dir).filter((p) => p.endsWith('/'));
	const html = (p: string) => readFileSync(pagePath(p, dir), 'utf8');
	const pick: Array<[string, (p: string) => boolean]> = [
		['home', (p) => p === '/'],
		['week without demo', (p) => kindOf(html(p)) === 'week without demo'],
		['week with demo', (p) => kindOf(html(p)) === 'week with demo'],
		['progress', (p) => kindOf(html(p)) === 'progress'],
		['search', (p) => kindOf(html(p)) === 'search'],
		['notebook', (p) => p.startsWith('/notebooks/') && p !== '/notebooks/'],
		['glossary', (p) => p === '/glossary/'],
	];
	return pick.flatMap(([label, test]) => {
		const path = pages.find(test);
		return path ? [[label, path] as [string, string]] : [];
	});
}

export async function runLighthouse(dir = 'dist', extraPages: Array<[string, string]> = []): Promise<void> {
	const site = await serveGzipped(dir);
	const chrome = await launch({ chromePath: chromiumPath, chromeFlags: ['--headless=new', ...chromiumArgs] });
	console.log('\nLighthouse 13 (perf / a11y / best practices / SEO), served gzip-compressed:');
	try {
		for (const [label, path] of [...samplePages(dir), ...extraPages]) {
			const line: string[] = [];
			const costs: string[] = [];
			for (const [device, config] of [['mobile', undefined], ['desktop', desktopConfig]] as const) {
				const result = await lighthouse(
					new URL(path.slice(1), site.url).href,
					{ port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: [...categories] },
					config,
				);
				const lhr = result!.lhr;
				line.push(`${device} ${categories.map((c) => Math.round((lhr.categories[c]?.score ?? 0) * 100)).join('/')}`);
				const tbt = lhr.audits['total-blocking-time']?.numericValue ?? 0;
				const lcp = lhr.audits['largest-contentful-paint']?.numericValue ?? 0;
				const cls = lhr.audits['cumulative-layout-shift']?.numericValue ?? 0;
				costs.push(`${device} LCP ${(lcp / 1000).toFixed(2)} s, TBT ${tbt.toFixed(0)} ms, CLS ${cls.toFixed(3)}`);
				const failed = Object.values(lhr.categories)
					.filter((c) => c.id !== 'performance')
					.flatMap((c) => c.auditRefs.filter((r) => r.weight > 0 && (lhr.audits[r.id]?.score ?? 1) < 1).map((r) => r.id));
				if (failed.length) costs.push(`${device} failing: ${failed.join(', ')}`);
			}
			console.log(`  ${label.padEnd(18)} ${path.padEnd(24)} ${line.join('  ')}`);
			console.log(`  ${''.padEnd(18)} ${costs.join('; ')}`);
		}
	} finally {
		chrome.kill();
		await site.close();
	}
}
