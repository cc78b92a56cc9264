/**
 * A starter notebook as the site serves it: its data lookup falls back to the data
 * published with the book, so a downloaded notebook runs on its own. The repository's
 * copy finds the data next to it (public/data in a clone) and names no site, so a fork
 * never has to rewrite it; opened in Colab from the repository, it asks for the address
 * the site shows beside its Colab link (colabDataUrl).
 */

/** Where the book's data files are published: site + base + data (no trailing slash). */
export function publishedDataUrl(site: string, base: string): string {
	return new URL(`${base.replace(/\/?$/, '/')}data`, site).href;
}

/**
 * The data line of a starter notebook's JSON text. The repository's copy says
 * `DATA_URL = None` (it finds the data next to it in a clone, and depends on no site);
 * the copy the site serves says `DATA_URL = "<site>/data"`.
 */
const dataUrlLine = /(DATA_URL = )(?:None|\\"[^"\\]*\\")/g;

/** Notebook JSON text with every `DATA_URL = …` line pointing at `dataUrl`. */
export function withDataUrl(notebookJson: string, dataUrl: string): string {
	return notebookJson.replace(dataUrlLine, (_m, open: string) => `${open}\\"${dataUrl}\\"`);
}

/** The `DATA_URL` a notebook's source sets: a URL, `None` (the repository's copy), or null when it reads no data. */
export function notebookDataUrl(notebookJson: string): string | null {
	const match = /DATA_URL = (None|\\"([^"\\]*)\\")/.exec(notebookJson);
	return match ? (match[2] ?? match[1]!) : null;
}

/**
 * A site's address written into the repository's copy of a notebook, with its line in the
 * JSON text, or null. That would tie every fork to one site (a fork's check would ask it to
 * rewrite upstream's file), so the copy must say `DATA_URL = None`.
 */
export function tiedDataUrl(notebookJson: string): { url: string; line: number } | null {
	const url = notebookDataUrl(notebookJson);
	if (url === null || url === 'None') return null;
	const at = notebookJson.indexOf(`DATA_URL = \\"${url}`);
	return { url, line: notebookJson.slice(0, Math.max(at, 0)).split('\n').length };
}

export const tiedDataUrlFix = "write DATA_URL = None (the site's download fills in its own data address, and a clone reads ../public/data)";

/** tiedDataUrl as `file:line: problem; fix` lines, for npm run execute. */
export function repositoryDataUrlProblems(file: string, notebookJson: string): string[] {
	const tied = tiedDataUrl(notebookJson);
	return tied ? [`${file}:${tied.line}: DATA_URL is ${tied.url} in the repository's copy; ${tiedDataUrlFix}`] : [];
}

/** "Open in Colab" for a notebook in the fork's GitHub repository, or null for a repository not on GitHub. */
export function colabUrl(repo: string, notebookPath: string, branch = 'main'): string | null {
	const match = /^https:\/\/github\.com\/([^/]+)\/([^/]+?)(?:\.git)?\/?$/.exec(repo);
	return match ? `https://colab.research.google.com/github/${match[1]}/${match[2]}/blob/${branch}/${notebookPath}` : null;
}

/**
 * The address to type into a notebook opened in Colab: Colab opens the repository's copy,
 * which names no site, so the page shows this site's data address beside the Colab link.
 * Null for a notebook that reads no data.
 */
export function colabDataUrl(notebookJson: string, site: string, base: string): string | null {
	return notebookDataUrl(notebookJson) === null ? null : publishedDataUrl(site, base);
}
