// `npm run notebook -- <week>`: copies notebooks/week-NN.ipynb into my-notebooks/ for the
// learner to fill in. Never overwrites. COURSE_ROOT (tests) or the current directory.
import { constants, copyFileSync, existsSync, mkdirSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { courseRoot } from '../src/lib/course/course-root';
import { runNotebookCommand, STARTER_DIR, parseWeekArg } from '../src/lib/notebooks/copy-command';

const at = (path: string) => join(courseRoot, path);
process.exitCode = runNotebookCommand(process.argv.slice(2), {
	exists: (path) => existsSync(at(path)),
	copy(from, to) {
		mkdirSync(dirname(at(to)), { recursive: true });
		// COPYFILE_EXCL fails instead of overwriting, should the copy appear between the check and the write.
		copyFileSync(at(from), at(to), constants.COPYFILE_EXCL);
	},
	starterWeeks: () => (existsSync(at(STARTER_DIR)) ? readdirSync(at(STARTER_DIR)).map((f) => parseWeekArg(f)).filter((w): w is number => w !== null).sort((a, b) => a - b) : []),
	out: (line) => console.log(line),
	err: (line) => console.error(line),
});
