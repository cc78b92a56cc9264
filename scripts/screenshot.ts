// Developer aid: `tsx scripts/screenshot.ts <path> [out.png] [width]` renders a page of
// the built site (dist/) in Chromium, to look at a change before committing it.
import { launchBrowser } from '../tests/support/browser';
import { serveSite } from '../tests/support/serve';
import { configured } from '../tests/support/course';

const [path = '/', out = 'screenshot.png', width = '1280', scheme = 'light'] = process.argv.slice(2);
const site = await serveSite('dist', configured.base);
const browser = await launchBrowser();
const page = await browser.newPage({ viewport: { width: Number(width), height: 900 }, colorScheme: scheme as 'light' | 'dark' });
page.on('console', (m) => m.type() === 'error' && console.error('console:', m.text()));
await page.goto(new URL(path.replace(/^\//, ''), site.url).href);
await page.screenshot({ path: out, fullPage: process.env.FULL === '1' });
await browser.close();
await site.close();
console.log(`wrote ${out}`);
