// Serves each starter notebook from notebooks/ as a download, under the site's base path,
// with its data fallback pointing at this site's published data.
import type { APIRoute, GetStaticPaths } from 'astro';
import { readFile, readdir } from 'node:fs/promises';
import { courseRoot } from '../../lib/course/course-root';
import { publishedDataUrl, withDataUrl } from '../../lib/notebooks/published';

export const getStaticPaths = (async () => {
	const files = (await readdir(`${courseRoot}/notebooks`)).filter((f) => f.endsWith('.ipynb'));
	return files.map((file) => ({ params: { name: file.replace(/\.ipynb$/, '') } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params, site }) => {
	const source = await readFile(`${courseRoot}/notebooks/${params.name}.ipynb`, 'utf8');
	const body = site ? withDataUrl(source, publishedDataUrl(site.href, import.meta.env.BASE_URL)) : source;
	return new Response(body, { headers: { 'Content-Type': 'application/x-ipynb+json' } });
};
