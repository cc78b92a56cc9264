/**
 * Serves built sites gzip-compressed under their base paths, as GitHub Pages does: a
 * copy of each in a temp dir with a `.gz` beside every text file, which sirv sends
 * with `Content-Encoding: gzip`. Several sites can share one server (each under its
 * own base), so a comparison measures both through the same code and socket.
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
	/** Origin plus the first site's base, with trailing slash. */
	url: string;
	/** Origin plus the base of each site, in the order given. */
	urls: string[];
	close(): Promise<void>;
}

/** A compressed copy of a built site in a temp dir. */
function gzippedCopy(dir: string): string {
	const copy = mkdtempSync(join(tmpdir(), 'bench-site-'));
	cpSync(dir, copy, { recursive: true });
	for (const file of readdirSync(copy, { recursive: true }) as string[]) {
		const path = join(copy, file);
		if (compressible.test(file) && statSync(path).isFile()) writeFileSync(`${path}.gz`, gzipSync(readFileSync(path), { level: 9 }));
	}
	return copy;
}

export async function serveSites(sites: Array<{ dir: string; base: string }>): Promise<GzipServer> {
	// Longest base first, so a site under /starlight/ is not served by one under /.
	const mounts = sites
		.map(({ dir, base }) => {
			const copy = gzippedCopy(dir);
			return { base, copy, files: sirv(copy, { dev: false, etag: false, gzip: true, maxAge: 600 }) };
		})
		.sort((a, b) => b.base.length - a.base.length);
	const notFound = readFileSync(join(mounts.find((m) => m.base === sites[0]!.base)!.copy, '404.html'));
	const server = createServer((req, res) => {
		const url = req.url ?? '/';
		const missing = () => void res.writeHead(404, { 'Content-Type': 'text/html' }).end(notFound);
		const mount = mounts.find((m) => url.startsWith(m.base));
		if (!mount) return missing();
		req.url = `/${url.slice(mount.base.length)}`;
		mount.files(req, res, missing);
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	const urls = sites.map((s) => `http://127.0.0.1:${port}${s.base}`);
	return {
		url: urls[0]!,
		urls,
		close: async () => {
			await new Promise((resolve) => server.close(resolve));
			for (const m of mounts) rmSync(m.copy, { recursive: true, force: true });
		},
	};
}

export function serveGzipped(dir: string, base = siteBase): Promise<GzipServer> {
	return serveSites([{ dir, base }]);
}
