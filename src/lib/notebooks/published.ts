/**
 * A starter notebook as the site serves it: its data lookup falls back to the data
 * published with the book, so a downloaded notebook runs on its own, in Jupyter or Colab.
 */

/** Where the book's data files are published: site + base + data (no trailing slash). */
export function publishedDataUrl(site: string, base: string): string {
	return new URL(`${base.replace(/\/?$/, '/')}data`, site).href;
}

const dataUrlLine = /(DATA_URL = \\")[^"\\]*(\\")/g;

/** Notebook JSON text with every `DATA_URL = "…"` line pointing at `dataUrl`. */
export function withDataUrl(notebookJson: string, dataUrl: string): string {
	return notebookJson.replace(dataUrlLine, (_m, open: string, close: string) => `${open}${dataUrl}${close}`);
}

/** The `DATA_URL` a notebook's source sets, or null when it has no fallback. */
export function notebookDataUrl(notebookJson: string): string | null {
	return /DATA_URL = \\"([^"\\]*)\\"/.exec(notebookJson)?.[1] ?? null;
}

/** "Open in Colab" for a notebook in the fork's GitHub repository, or null for a repository not on GitHub. */
export function colabUrl(repo: string, notebookPath: string, branch = 'main'): string | null {
	const match = /^https:\/\/github\.com\/([^/]+)\/([^/]+?)(?:\.git)?\/?$/.exec(repo);
	return match ? `https://colab.research.google.com/github/${match[1]}/${match[2]}/blob/${branch}/${notebookPath}` : null;
}
