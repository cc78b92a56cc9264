/** The characters a font file maps to glyphs (its cmap), read by HarfBuzz; WOFF2 is unpacked first. */
import { readFileSync } from 'node:fs';
import fontverter from 'fontverter';
import { Blob, Face } from 'harfbuzzjs';

const cache = new Map<string, Promise<Set<number>>>();
// One unpacking at a time: concurrent first calls into the WOFF2 decoder return empty fonts.
let queue: Promise<unknown> = Promise.resolve();

export function cmapOf(file: string): Promise<Set<number>> {
	if (!cache.has(file)) {
		const read = queue.then(async () => {
			const sfnt = await fontverter.convert(readFileSync(file), 'truetype');
			return new Set(new Face(new Blob(new Uint8Array(sfnt))).collectUnicodes());
		});
		queue = read.catch(() => undefined);
		cache.set(file, read);
	}
	return cache.get(file)!;
}
