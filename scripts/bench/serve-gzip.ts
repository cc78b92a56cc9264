/**
 * Serves a built site gzip-compressed under its base path, as GitHub Pages does: a copy
 * of it in a temp dir with a `.gz` beside every text file, which sirv sends with
 * `Content-Encoding: gzip`.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import sirv from 'sirv';
import course from '../../course.config';

/** The base path the site is built with (BASE overrides the config, as in astro.config.mjs). */
export const siteBase = (process.env.BASE ?? course.base).replace(/\/?$/, '/');

const compressible = /\.(html|js|mjs|css|json|svg|xml|txt|csv|ipynb|map)$/;

export interface GzipServer {
	/** Origin plus base, with trailing slash. */
	url: string;
	close(): Promise<void>;
}

export async function serveGzipped(dir: string, base = siteBase): Promise<GzipServer> {
	const copy = mkdtempSync(join(tmpdir(), 'bench-site-'));
	cpSync(dir, copy, { recursive: true });
	for (const file of readdirSync(copy, { recursive: true }) as string[]) {
		const path = join(copy, file);
		if (compressible.test(file) && statSync(path).isFile()) writeFileSync(`${path}.gz`, gzipSync(readFileSync(path), { level: 9 }));
	}
	const files = sirv(copy, { dev: false, etag: false, gzip: true, maxAge: 600 });
	const notFound = readFileSync(join(copy, '404.html'));
	const server = createServer((req, res) => {
		const url = req.url ?? '/';
		const missing = () => void res.writeHead(404, { 'Content-Type': 'text/html' }).end(notFound);
		if (!url.startsWith(base)) return missing();
		req.url = `/${url.slice(base.length)}`;
		files(req, res, missing);
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}${base}`,
		close: async () => {
			await new Promise((resolve) => server.close(resolve));
			rmSync(copy, { recursive: true, force: true });
		},
	};
}
