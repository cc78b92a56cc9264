// Serves the frozen figures of the book's Python blocks (outputs/figures/, written by `npm run execute`).
import type { APIRoute, GetStaticPaths } from 'astro';
import { existsSync } from 'node:fs';
import { readFile, readdir } from 'node:fs/promises';
import { courseRoot } from '../../lib/course/course-root';
import { figuresDir } from '../../lib/python/outputs';

export const getStaticPaths = (async () => {
	const dir = `${courseRoot}/${figuresDir}`;
	const files = existsSync(dir) ? (await readdir(dir)).filter((f) => f.endsWith('.svg')) : [];
	return files.map((file) => ({ params: { figure: file.replace(/\.svg$/, '') } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) =>
	new Response(await readFile(`${courseRoot}/${figuresDir}/${params.figure}.svg`), { headers: { 'Content-Type': 'image/svg+xml' } });
