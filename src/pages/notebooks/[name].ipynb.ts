// Serves each starter notebook from notebooks/ as a download, under the site's base path.
import type { APIRoute, GetStaticPaths } from 'astro';
import { readFile, readdir } from 'node:fs/promises';
import { courseRoot } from '../../lib/course-root';

export const getStaticPaths = (async () => {
	const files = (await readdir(`${courseRoot}/notebooks`)).filter((f) => f.endsWith('.ipynb'));
	return files.map((file) => ({ params: { name: file.replace(/\.ipynb$/, '') } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) =>
	new Response(await readFile(`${courseRoot}/notebooks/${params.name}.ipynb`), { headers: { 'Content-Type': 'application/x-ipynb+json' } });
