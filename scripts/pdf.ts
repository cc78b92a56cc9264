// `npm run pdf [-- --letter]`: prints every week's worksheet to pdf/week-NN.pdf and the
// whole set to pdf/worksheets.pdf with headless Chromium, from the built site in dist/,
// served under the configured base (course.config.ts, or BASE) as GitHub Pages serves it.
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { launchBrowser } from '../tests/support/browser';
import { serveSite } from '../tests/support/serve';
import { allPages, distDir, pagePath } from '../tests/support/dist';
import { configured } from '../tests/support/course';
import { printToPdf, type PaperFormat } from '../src/lib/site/print-pdf';

const format: PaperFormat = process.argv.includes('--letter') ? 'Letter' : 'A4';
const outDir = process.env.PDF_DIR ?? 'pdf';
mkdirSync(outDir, { recursive: true });

const weeks = allPages(distDir).filter((p) => /^\/weeks\/\d\d\/$/.test(p)).sort();
if (weeks.length === 0) {
	console.error('pdf: no week pages in dist/. Build the book first: npm run build');
	process.exit(1);
}
// A build for another base would print unstyled (its stylesheets 404 here): say so instead.
const stylesheet = /<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"/.exec(readFileSync(pagePath(weeks[0]!), 'utf8'))?.[1];
if (stylesheet && !stylesheet.startsWith(configured.base)) {
	console.error(`pdf: dist/ was built for another base path (its stylesheet is ${stylesheet}, the configured base is ${configured.base}). Build again: npm run build`);
	process.exit(1);
}
const site = await serveSite(distDir, configured.base);
const browser = await launchBrowser();
try {
	const page = await browser.newPage();
	for (const path of weeks) {
		const file = join(outDir, `week-${path.split('/')[2]}.pdf`);
		const pages = await printToPdf(page, new URL(path.slice(1), site.url).href, file, format);
		console.log(`${file}: ${pages} page${pages === 1 ? '' : 's'}`);
	}
	const all = join(outDir, 'worksheets.pdf');
	console.log(`${all}: ${await printToPdf(page, new URL('worksheets/', site.url).href, all, format)} pages`);
} finally {
	await browser.close();
	await site.close();
}
