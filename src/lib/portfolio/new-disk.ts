/** The file system side of `npm run new`: existence checks and writes under a course root, never overwriting. */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { NewCommandIo } from './new-command';

export function diskIo(root: string): Pick<NewCommandIo, 'exists' | 'write'> {
	const at = (path: string) => join(root, path);
	return {
		exists: (path) => existsSync(at(path)),
		write(path, text) {
			mkdirSync(dirname(at(path)), { recursive: true });
			// `wx` fails instead of overwriting, should the file appear between the check and the write.
			writeFileSync(at(path), text, { encoding: 'utf8', flag: 'wx' });
		},
	};
}
