// The releases that printed outputs/: recorded with Python cut to major.minor, compared
// naming both versions, named on every page with output and listed on the setup page.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fromMarkdown } from 'mdast-util-from-markdown';
import type { Root } from 'mdast';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { parseVersions, recordedVersions, versionDifferences, versionsSentence } from '../../src/lib/python/versions';
import { remarkPythonVersions } from '../../src/lib/rehype/python-versions';

const run = { 'scikit-learn': '1.9.1', pandas: '3.1.1', python: '3.11.7', seaborn: '0.13.2', numpy: '2.4.6' };

describe('recorded versions', () => {
	it('keep Python to major.minor, in the order the book names them', () => {
		const recorded = recordedVersions(run);
		expect(Object.entries(recorded)).toEqual([
			['python', '3.11'],
			['numpy', '2.4.6'],
			['pandas', '3.1.1'],
			['scikit-learn', '1.9.1'],
			['seaborn', '0.13.2'],
		]);
		expect(versionsSentence(recorded)).toBe('Python 3.11, numpy 2.4.6, pandas 3.1.1, scikit-learn 1.9.1 and seaborn 0.13.2');
	});

	it('name both versions of every package that differs, and nothing when they agree', () => {
		const recorded = recordedVersions(run);
		expect(versionDifferences(recorded, recordedVersions({ ...run, python: '3.11.2' }))).toEqual([]);
		const problems = versionDifferences(recorded, recordedVersions({ ...run, pandas: '2.2.3', python: '3.12.1' }));
		expect(problems).toHaveLength(2);
		expect(problems.join('\n')).toMatch(/outputs\/versions\.json: outputs were printed by python 3\.11, this run has python 3\.12/);
		expect(problems.join('\n')).toMatch(/printed by pandas 3\.1\.1, this run has pandas 2\.2\.3/);
		const { seaborn: _dropped, ...without } = recorded;
		expect(versionDifferences(recorded, without)).toEqual([expect.stringContaining('seaborn 0.13.2, this run has seaborn (none)')]);
	});

	it('refuse a versions file that is not a map of names to versions, with the fix', () => {
		expect(() => parseVersions('{"python": 3.11}')).toThrow(/outputs\/versions\.json:1: should map package names to versions.*npm run execute/);
		expect(() => parseVersions('{"numpy": "2.4.6"}')).toThrow(/python among them/);
		expect(() => parseVersions('not json')).toThrow(/outputs\/versions\.json:1: not JSON/);
		expect(parseVersions('{"python": "3.11", "numpy": "2.4.6"}')).toEqual({ python: '3.11', numpy: '2.4.6' });
	});
});

describe('remarkPythonVersions', () => {
	function book(blocks: { stdout: string; figures: unknown[] }[] | null) {
		const root = mkdtempSync(join(tmpdir(), 'versions-'));
		mkdirSync(join(root, 'outputs/weeks'), { recursive: true });
		writeFileSync(join(root, 'outputs/versions.json'), JSON.stringify({ python: '3.11', numpy: '2.4.6', pandas: '3.1.1' }));
		if (blocks) writeFileSync(join(root, 'outputs/weeks/02.json'), JSON.stringify({ file: 'content/weeks/02.mdx', blocks: blocks.map((b, i) => ({ id: `b${i}`, line: 1, ...b })) }));
		return root;
	}
	function notes(root: string) {
		const tree = fromMarkdown('Text.\n\n```python\nprint(1)\n```\n') as Root;
		remarkPythonVersions({ root })(tree, new VFile({ path: join(root, 'content/weeks/02.mdx') }));
		return tree.children.filter((n) => n.type === 'paragraph' && (n.data?.hProperties as { className?: string[] } | undefined)?.className?.includes('python-versions'));
	}

	it('names the versions once, linking the setup page, on a page with output', () => {
		const found = notes(book([{ stdout: '1\n', figures: [] }, { stdout: '2\n', figures: [] }]));
		expect(found).toHaveLength(1);
		const paragraph = found[0] as import('mdast').Paragraph;
		expect(paragraph.children[0]).toMatchObject({ type: 'text', value: 'Outputs printed by Python 3.11, numpy 2.4.6 and pandas 3.1.1. ' });
		expect(paragraph.children[1]).toMatchObject({ type: 'link', url: '/practice/python-setup/' });
	});

	it('says nothing on a page whose blocks printed and drew nothing, or that has no outputs', () => {
		expect(notes(book([{ stdout: '  \n', figures: [] }]))).toHaveLength(0);
		expect(notes(book(null))).toHaveLength(0);
	});
});
