/**
 * Names, once at the end of every page that shows Python output, the releases that printed
 * it (outputs/versions.json), with a link to the page that installs the same ones.
 * A remark plugin beside remarkPythonOutputs: a page has output when its frozen cache has
 * a block that printed or drew something.
 */
import { existsSync, readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { cachePathFor, type CachedPage } from '../python/outputs';
import { parseVersions, versionsFile, versionsSentence } from '../python/versions';

export interface PythonVersionsOptions {
	/** Directory holding content/ and outputs/. */
	root: string;
	/** The page that tells a learner how to install the same versions, from the site's root (rehypeBaseLinks adds the base). */
	setupPath?: string;
}

export function remarkPythonVersions(options: PythonVersionsOptions) {
	const root = resolve(options.root);
	const path = resolve(root, versionsFile);
	const versions = existsSync(path) ? parseVersions(readFileSync(path, 'utf8'), versionsFile) : null;
	const setup = options.setupPath ?? '/practice/python-setup/';
	return (tree: Root, file: VFile) => {
		if (!versions || !file.path) return;
		const contentFile = relative(root, file.path);
		const cache = resolve(root, cachePathFor(contentFile));
		if (!contentFile.startsWith('content/') || !existsSync(cache)) return;
		const page = JSON.parse(readFileSync(cache, 'utf8')) as CachedPage;
		if (!page.blocks.some((b) => b.stdout.trim() || b.figures.length)) return;
		tree.children.push({
			type: 'paragraph',
			data: { hProperties: { className: ['python-versions'] } },
			children: [
				{ type: 'text', value: `Outputs printed by ${versionsSentence(versions)}. ` },
				{ type: 'link', url: setup, children: [{ type: 'text', value: 'Install the same versions' }] },
				{ type: 'text', value: ' to see the same numbers.' },
			],
		});
	};
}
