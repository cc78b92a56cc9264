// `tsx scripts/check-pages.ts <origin> <base_path>`: run by the Pages workflow with the outputs
// of actions/configure-pages; fails, saying what to set, when course.config.ts disagrees.
import course from '../course.config';
import { pagesMismatches } from '../src/lib/config';

const [origin = '', basePath = ''] = process.argv.slice(2);
const problems = pagesMismatches(course, { origin, basePath });
for (const problem of problems) console.error(problem);
if (problems.length > 0) process.exitCode = 1;
else console.log(`course.config.ts matches GitHub Pages: ${origin}${course.base}`);
