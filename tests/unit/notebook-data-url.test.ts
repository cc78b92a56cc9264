// The starter notebooks' data line: the repository's copy names no site (so a fork never
// has to rewrite upstream's notebooks), the served download carries the site's data
// address, and Colab users are given that address to type in.
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { colabDataUrl, notebookDataUrl, publishedDataUrl, repositoryDataUrlProblems, withDataUrl } from '../../src/lib/notebooks/published';

const repositoryCopy = JSON.stringify({ cells: [{ source: ['DATA_URL = None\n', 'DATA = next(..., DATA_URL)\n'] }] }, null, 1);
const noData = JSON.stringify({ cells: [{ source: ['import numpy as np\n'] }] }, null, 1);

describe('the data line of a starter notebook', () => {
	it('reads None in the repository copy and a URL once the site fills it in', () => {
		expect(notebookDataUrl(repositoryCopy)).toBe('None');
		const served = withDataUrl(repositoryCopy, publishedDataUrl('https://ada.github.io', '/study/'));
		expect(notebookDataUrl(served)).toBe('https://ada.github.io/study/data');
		expect(JSON.parse(served).cells[0].source[0]).toBe('DATA_URL = "https://ada.github.io/study/data"\n');
		expect(notebookDataUrl(noData)).toBeNull();
		expect(withDataUrl(noData, 'https://ada.github.io/data')).toBe(noData);
	});

	it('finds a site written into the repository copy, with the fix', () => {
		expect(repositoryDataUrlProblems('notebooks/week-01.ipynb', repositoryCopy)).toEqual([]);
		expect(repositoryDataUrlProblems('notebooks/week-02.ipynb', noData)).toEqual([]);
		const tied = withDataUrl(repositoryCopy, 'https://example.github.io/data');
		expect(repositoryDataUrlProblems('notebooks/week-01.ipynb', tied)).toEqual([expect.stringMatching(/^notebooks\/week-01\.ipynb:5: DATA_URL is https:\/\/example\.github\.io\/data .*write DATA_URL = None/)]);
	});

	it('gives the Colab address only for notebooks that read data', () => {
		expect(colabDataUrl(repositoryCopy, 'https://ada.github.io', '/study/')).toBe('https://ada.github.io/study/data');
		expect(colabDataUrl(noData, 'https://ada.github.io', '/study/')).toBeNull();
	});

	it('holds for every starter notebook of this book', () => {
		const files = readdirSync('notebooks').filter((f) => f.endsWith('.ipynb'));
		const problems = files.flatMap((f) => repositoryDataUrlProblems(`notebooks/${f}`, readFileSync(`notebooks/${f}`, 'utf8')));
		expect(problems).toEqual([]);
		// A notebook that reads data.csv files must have the line the site fills in.
		for (const f of files) {
			const text = readFileSync(`notebooks/${f}`, 'utf8');
			if (/\{DATA\}\/[\w-]+\.csv/.test(text)) expect(notebookDataUrl(text), f).toBe('None');
		}
	});
});
