/**
 * Prints a page of the built book to PDF in Chromium (print media, backgrounds on,
 * the page's own @page margins) and returns its page count. Used by `npm run pdf`
 * and by the print tests, so both print exactly the same way.
 */
import { writeFileSync } from 'node:fs';
import type { Page } from 'playwright-core';

export type PaperFormat = 'A4' | 'Letter';

/** Pages in a PDF, from its page objects (enough for the PDFs Chromium writes). */
export function countPdfPages(pdf: Buffer): number {
	return pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g)?.length ?? 0;
}

export async function printToPdf(page: Page, url: string, file: string, format: PaperFormat): Promise<number> {
	await page.goto(url, { waitUntil: 'load' });
	await page.emulateMedia({ media: 'print' });
	const pdf = await page.pdf({ format, printBackground: true, preferCSSPageSize: false, margin: { top: '14mm', bottom: '16mm', left: '14mm', right: '14mm' } });
	writeFileSync(file, pdf);
	return countPdfPages(pdf);
}
