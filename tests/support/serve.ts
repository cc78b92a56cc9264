/**
 * Serves a built site (dist/) on 127.0.0.1 at a free port, under an optional base
 * path, the way GitHub Pages would: directory index, 404.html for unknown paths.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import sirv from 'sirv';

export interface SiteServer {
	/** Origin plus base, with trailing slash: `http://127.0.0.1:4321/repo/`. */
	url: string;
	close(): Promise<void>;
}

export async function serveSite(dir = 'dist', base = '/'): Promise<SiteServer> {
	const files = sirv(dir, { dev: false, etag: false, dotfiles: false });
	const notFound = (() => {
		try {
			return readFileSync(join(dir, '404.html'));
		} catch {
			return Buffer.from('Not found');
		}
	})();
	const server: Server = createServer((req, res) => {
		const url = req.url ?? '/';
		if (!url.startsWith(base)) {
			res.writeHead(404, { 'Content-Type': 'text/html' }).end(notFound);
			return;
		}
		req.url = `/${url.slice(base.length)}`;
		files(req, res, () => {
			res.writeHead(404, { 'Content-Type': 'text/html' }).end(notFound);
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}${base}`,
		close: () => new Promise((resolve) => server.close(() => resolve())),
	};
}
