// `npm run new -- <type> "<title>" [--week N] [--date YYYY-MM-DD]`: scaffolds a portfolio
// entry under content/portfolio/ from its type's template. Never overwrites a file.
// The course root is COURSE_ROOT (tests point it at a temporary directory) or the current one.
import { courseRoot } from '../src/lib/course/course-root';
import { runNewCommand } from '../src/lib/portfolio/new-command';
import { diskIo } from '../src/lib/portfolio/new-disk';

process.exitCode = runNewCommand(process.argv.slice(2), {
	...diskIo(courseRoot),
	today: new Date(),
	out: (line) => console.log(line),
	err: (line) => console.error(line),
});
