/**
 * The real file system as a `ContentTree`, rooted at the project directory.
 *
 * Content must be regular files inside the repository. A path that is a folder,
 * a symbolic link leading outside the repository (or nowhere), anything else
 * that is not a regular file, or a file that cannot be read is refused before a
 * byte of it is read: `read` gives null and `refusal` says why, so the validator
 * prints `path: problem; fix` and never a stack trace, nor a line of a file
 * that lives somewhere else on the learner's machine.
 */
import * as nodeFs from 'node:fs';
import type { Dirent } from 'node:fs';
import { isAbsolute, join, relative, sep } from 'node:path';
import type { Problem } from './problem';
import type { ContentTree } from './types';

/** The file-system calls the tree makes; tests pass their own to reach failures root cannot cause (EACCES). */
export type TreeFs = Pick<typeof nodeFs, 'lstatSync' | 'statSync' | 'realpathSync' | 'readFileSync' | 'readdirSync'>;

/** Names that say "a content file": a folder by such a name is listed, so it is refused rather than skipped unseen. */
const CONTENT_FILE = /\.(?:mdx?|ya?ml|json|csv|ipynb)$/i;

const errorCode = (error: unknown) => (error as { code?: unknown } | null)?.code;

export function diskTree(root: string, fs: TreeFs = nodeFs): ContentTree {
	const refused = new Map<string, Problem | null>();
	let realRoot: string | null = null;
	const inside = (abs: string, base: string) => {
		const rel = relative(base, abs);
		return rel !== '' && !rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel);
	};

	/** Why `path` (which exists) cannot be read as content, or null when it can. */
	function check(path: string): Problem | null {
		const abs = join(root, path);
		const problem = (message: string, fix: string): Problem => ({ file: path, message, fix });
		if (!inside(abs, root)) return problem('the path leads outside the repository', 'use a path inside the repository');
		let link: nodeFs.Stats;
		try {
			link = fs.lstatSync(abs);
		} catch (error) {
			return errorCode(error) === 'ENOENT' || errorCode(error) === 'ENOTDIR' ? null : problem(`cannot be read (${String(errorCode(error) ?? 'error')})`, `give yourself read permission on the file and its folders (chmod u+r ${path})`);
		}
		let real: string;
		try {
			realRoot ??= fs.realpathSync(root);
			real = fs.realpathSync(abs);
		} catch {
			return problem('is a symbolic link that leads to no file', 'put the file itself here, or delete the link');
		}
		if (!inside(real, realRoot)) {
			return link.isSymbolicLink()
				? problem('is a symbolic link leading outside the repository, which the book does not read', 'put the file itself here (copy it into the repository) instead of the link')
				: problem('lies in a folder that links outside the repository, which the book does not read', 'put the folder and its files themselves in the repository instead of a link');
		}
		const target = link.isSymbolicLink() ? fs.statSync(abs) : link;
		if (target.isDirectory()) return problem('is a folder, not a file', 'move the folder away and put the file in its place');
		if (!target.isFile()) return problem('is not a regular file', 'replace it with the file itself');
		return null;
	}

	function refusal(path: string): Problem | null {
		if (!refused.has(path)) refused.set(path, check(path));
		return refused.get(path)!;
	}

	return {
		list(dir) {
			// A content folder that links out of the repository (or cannot be read) is refused whole, its files unread.
			const folder = check(dir);
			if (folder && !folder.message.startsWith('is a folder')) {
				refused.set(dir, folder);
				return [];
			}
			let entries: Dirent[];
			try {
				entries = fs.readdirSync(join(root, dir), { recursive: true, withFileTypes: true }) as Dirent[];
			} catch {
				return [];
			}
			// Files, and what stands where a file might (links, oddities, folders named like content files),
			// so that the validator reads each through `read`, which refuses what it must. What lies inside
			// a folder named like a file is that folder's business: it is refused as a whole.
			const pathOf = (d: Dirent) => relative(root, join(d.parentPath, d.name)).split(sep).join('/');
			// The listing follows links to folders; what lies behind one that leads out is refused once, at the link.
			const linksOut = entries.filter((d) => d.isSymbolicLink()).map(pathOf).filter((path) => refusal(path)?.message.includes('outside'));
			return entries
				.filter((d) => !d.isDirectory() || CONTENT_FILE.test(d.name))
				.map(pathOf)
				.filter((path) => !path.slice(dir.length + 1).split('/').slice(0, -1).some((part) => CONTENT_FILE.test(part)))
				.filter((path) => !linksOut.some((link) => path.startsWith(`${link}/`)));
		},
		read(path) {
			if (refusal(path)) return null;
			try {
				return fs.readFileSync(join(root, path), 'utf8');
			} catch (error) {
				const code = errorCode(error);
				if (code === 'ENOENT' || code === 'ENOTDIR') return null;
				refused.set(path, { file: path, message: `cannot be read (${String(code ?? 'error')})`, fix: `give yourself read permission on the file (chmod u+r ${path})` });
				return null;
			}
		},
		refusal,
		refusals: () => [...refused.values()].filter((p): p is Problem => p !== null),
	};
}
