// Quick schema check of single content files: `tsx scripts/check-content.ts <file...>`.
// The full cross-file validator is scripts/validate.ts.
import { readFileSync } from 'node:fs';
import matter from 'gray-matter';
import * as schema from '../src/content/schema';

const schemaFor = (file: string) =>
	file.includes('/weeks/') ? schema.week
	: file.includes('/months/') ? schema.month
	: file.includes('/tracks/') ? schema.trackWeek
	: file.includes('/practice/') ? schema.practice
	: null;

for (const file of process.argv.slice(2)) {
	const s = schemaFor(file);
	if (!s) { console.log(`${file}: no schema for this path`); continue; }
	const result = s.safeParse(matter(readFileSync(file, 'utf8')).data);
	console.log(result.success ? `${file}: ok` : `${file}:\n${result.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n')}`);
}
