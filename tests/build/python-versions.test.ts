// The built book names the releases that printed its outputs: once on every page with
// Python output, linking the setup page, which lists them; and beside each Colab link,
// the data address the repository's notebook needs in Colab.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { configured as course, siteHref } from '../support/course';
import { readPage } from '../support/dist';
import type { CachedPage } from '../../src/lib/python/outputs';
import { parseVersions, recordedVersions, versionsFile, versionsSentence } from '../../src/lib/python/versions';
import { colabUrl, notebookDataUrl, publishedDataUrl } from '../../src/lib/notebooks/published';

const versions = existsSync(versionsFile) ? recordedVersions(parseVersions(readFileSync(versionsFile, 'utf8'))) : null;
const withOutput = (readdirSync('outputs', { recursive: true }) as string[])
	.filter((f) => f.endsWith('.json') && f !== 'versions.json')
	.map((f) => JSON.parse(readFileSync(join('outputs', f), 'utf8')) as CachedPage)
	.filter((p) => p.blocks.some((b) => b.stdout.trim() || b.figures.length))
	.map((p) => p.file)
	// The drill bank is not a page of its own: its outputs are the answers today's card reveals.
	.filter((file) => !file.startsWith('content/drills/'));
/** content/weeks/05.mdx -> /weeks/05/ */
const pathOf = (file: string) => `/${file.replace(/^content\//, '').replace(/\.mdx?$/, '')}/`;

describe.runIf(versions)('the releases that printed the outputs', () => {
	it.each(withOutput)('%s names them once, linking the setup page', (file) => {
		const notes = [...readPage(pathOf(file)).querySelectorAll('p.python-versions')];
		expect(notes).toHaveLength(1);
		expect(notes[0]!.textContent).toContain(`Outputs printed by ${versionsSentence(versions!)}.`);
		expect(notes[0]!.querySelector('a')?.getAttribute('href')).toBe(siteHref('/practice/python-setup/'));
	});

	it('are listed on the setup page', () => {
		const rows = [...readPage('/practice/python-setup/').querySelectorAll('table.python-versions-table tbody tr')].map((tr) => [tr.querySelector('th')?.textContent, tr.querySelector('td')?.textContent]);
		expect(rows).toEqual(Object.entries(versions!).map(([name, version]) => [name === 'python' ? 'Python' : name, version]));
	});
});

describe('Colab links', () => {
	const weeks = readdirSync('content/weeks').filter((f) => f.endsWith('.mdx'));
	it('give the data address to set in a notebook that reads data', () => {
		let checked = 0;
		for (const file of weeks) {
			const notebook = /^notebook:\s*(\S+)/m.exec(readFileSync(join('content/weeks', file), 'utf8'))?.[1];
			if (!notebook || colabUrl(course.repo ?? '', notebook) === null) continue;
			const text = readPage(`/weeks/${file.replace('.mdx', '')}/`).querySelector('main')?.textContent ?? '';
			const note = `DATA_URL = "${publishedDataUrl(course.site, course.base)}"`;
			if (notebookDataUrl(readFileSync(notebook, 'utf8')) === null) expect(text, file).not.toContain('DATA_URL');
			else expect(text, file).toContain(note);
			checked += 1;
		}
		if (colabUrl(course.repo ?? '', 'notebooks/x.ipynb') !== null) expect(checked).toBeGreaterThan(0);
	});
});
