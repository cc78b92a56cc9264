/** The real file system as a `ContentTree`, rooted at the project directory. */
import { existsSync, readdirSync, readFileSync, type Dirent } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { ContentTree } from './types';

export function diskTree(root: string): ContentTree {
	return {
		list(dir) {
			const abs = join(root, dir);
			if (!existsSync(abs)) return [];
			return (readdirSync(abs, { recursive: true, withFileTypes: true }) as Dirent[])
				.filter((d) => d.isFile())
				.map((d) => relative(root, join(d.parentPath, d.name)).split(sep).join('/'));
		},
		read(path) {
			const abs = join(root, path);
			return existsSync(abs) ? readFileSync(abs, 'utf8') : null;
		},
	};
}
