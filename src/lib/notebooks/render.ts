/**
 * Renders a Jupyter notebook (nbformat 4) to read-only HTML fragments for the
 * /notebooks/<name>/ pages. Notebooks are untrusted input: markdown escapes raw
 * HTML, HTML outputs are sanitised, and a malformed notebook yields an error
 * message naming the file and the problem instead of throwing.
 */
import { toHtml } from 'hast-util-to-html';
import { highlight } from '../highlight';
import sanitizeHtml from 'sanitize-html';
import { firstHeading, renderMarkdown } from './markdown';

export interface RenderedCell {
	/** 1-based position in the notebook, as shown in the cell label. */
	number: number;
	kind: 'markdown' | 'code' | 'raw';
	/** Rendered source: markdown as HTML, code highlighted, raw escaped. */
	html: string;
	/** Jupyter's execution count for code cells that were run, else null. */
	executionCount: number | null;
	/** Each output of a code cell as an HTML fragment, in order. */
	outputs: string[];
}

export type NotebookResult = { ok: true; title: string; cells: RenderedCell[] } | { ok: false; error: string };

type Json = Record<string, unknown>;

/** Thrown only inside this module to stop at the first problem; never escapes renderNotebook. */
class NotebookProblem extends Error {}

const isRecord = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const preformatted = (text: string, className: string) => `<pre class="${className}">${escapeHtml(text)}</pre>`;

// CSI sequences (colours, cursor moves) that IPython puts in tracebacks.
const stripAnsi = (text: string) => text.replace(/\u001b\[[0-9;?]*[A-Za-z]/g, '');

/** nbformat stores multiline strings either whole or as a list of lines. */
function multiline(value: unknown, what: string): string {
	if (typeof value === 'string') return value;
	if (Array.isArray(value) && value.every((line) => typeof line === 'string')) return value.join('');
	throw new NotebookProblem(`${what} must be a string or a list of strings`);
}

// Only what DataFrame.to_html and simple rich reprs need: no scripts, styles,
// event handlers, iframes, links or images from outputs.
const sanitizeOptions: sanitizeHtml.IOptions = {
	allowedTags: [
		'table', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td', 'caption', 'colgroup', 'col',
		'p', 'br', 'div', 'span', 'b', 'strong', 'i', 'em', 'code', 'pre', 'sub', 'sup', 'small', 'ul', 'ol', 'li',
	],
	allowedAttributes: { th: ['colspan', 'rowspan', 'scope'], td: ['colspan', 'rowspan'], col: ['span'], colgroup: ['span'] },
	allowedSchemes: [],
	disallowedTagsMode: 'discard',
};

export function sanitizeOutputHtml(html: string): string {
	return sanitizeHtml(html, sanitizeOptions);
}

function image(mime: 'image/png' | 'image/jpeg', data: unknown, where: string, cellNumber: number): string {
	const base64 = multiline(data, `${where} ${mime} data`).replace(/\s+/g, '');
	if (!/^[A-Za-z0-9+/]*={0,2}$/.test(base64)) throw new NotebookProblem(`${where} ${mime} data is not base64`);
	return `<img src="data:${mime};base64,${base64}" alt="Output of cell ${cellNumber}">`;
}

/** Picks the richest representation we can show safely, as Jupyter's display priority does. */
function mimeBundle(data: unknown, where: string, cellNumber: number): string {
	if (!isRecord(data)) throw new NotebookProblem(`${where} has no \`data\` object`);
	if ('text/html' in data) return `<div class="nb-html">${sanitizeOutputHtml(multiline(data['text/html'], `${where} text/html`))}</div>`;
	if ('image/png' in data) return image('image/png', data['image/png'], where, cellNumber);
	if ('image/jpeg' in data) return image('image/jpeg', data['image/jpeg'], where, cellNumber);
	if ('text/plain' in data) return preformatted(multiline(data['text/plain'], `${where} text/plain`), 'nb-text');
	// Other types (widgets, JavaScript, SVG) are deliberately not shown in a static, script-free page.
	return '';
}

function renderOutput(output: unknown, where: string, cellNumber: number): string {
	if (!isRecord(output)) throw new NotebookProblem(`${where} is not an object`);
	switch (output['output_type']) {
		case 'stream':
			return preformatted(multiline(output['text'], `${where} text`), output['name'] === 'stderr' ? 'nb-stream nb-stderr' : 'nb-stream');
		case 'display_data':
		case 'execute_result':
			return mimeBundle(output['data'], where, cellNumber);
		case 'error': {
			const traceback = Array.isArray(output['traceback']) ? output['traceback'].filter((l): l is string => typeof l === 'string') : [];
			const text = traceback.length ? traceback.join('\n') : `${String(output['ename'] ?? 'Error')}: ${String(output['evalue'] ?? '')}`;
			return preformatted(stripAnsi(text), 'nb-error');
		}
		default:
			throw new NotebookProblem(`${where} has unknown output_type ${JSON.stringify(output['output_type'])}`);
	}
}

async function highlightPython(code: string): Promise<string> {
	// The site's CSS styles Astro's code blocks by this class; reuse it.
	return toHtml(await highlight(code, 'python', { transformers: [{ pre(node) { this.addClassToHast(node, 'astro-code'); } }] }));
}

async function renderCell(cell: unknown, index: number): Promise<RenderedCell> {
	const number = index + 1;
	const where = `cell ${number} (index ${index})`;
	if (!isRecord(cell)) throw new NotebookProblem(`${where} is not an object`);
	const source = multiline(cell['source'], `${where} source`);
	const kind = cell['cell_type'];
	if (kind === 'markdown') return { number, kind, html: renderMarkdown(source), executionCount: null, outputs: [] };
	if (kind === 'raw') return { number, kind, html: preformatted(source, 'nb-raw'), executionCount: null, outputs: [] };
	if (kind === 'code') {
		const rawOutputs = cell['outputs'] ?? [];
		if (!Array.isArray(rawOutputs)) throw new NotebookProblem(`${where} outputs must be a list`);
		const outputs = rawOutputs.map((o, i) => renderOutput(o, `${where} output ${i + 1}`, number)).filter((html) => html !== '');
		const count = cell['execution_count'];
		return { number, kind, html: await highlightPython(source), executionCount: typeof count === 'number' ? count : null, outputs };
	}
	throw new NotebookProblem(`${where} has unknown cell_type ${JSON.stringify(kind)} (expected markdown, code or raw)`);
}

/** V8 names the position for most syntax errors but not for truncated input. */
function jsonErrorText(json: string, error: unknown): string {
	const message = error instanceof Error ? error.message : String(error);
	return /position \d+/.test(message) ? message : `${message} (at position ${json.length}, the end of the input)`;
}

export async function renderNotebook(json: string, file: string): Promise<NotebookResult> {
	const fail = (problem: string): NotebookResult => ({ ok: false, error: `${file}: ${problem}` });
	let notebook: unknown;
	try {
		notebook = JSON.parse(json);
	} catch (error) {
		return fail(`invalid JSON: ${jsonErrorText(json, error)}`);
	}
	if (!isRecord(notebook)) return fail('the top level is not a JSON object');
	if (notebook['nbformat'] !== 4) return fail(`nbformat is ${JSON.stringify(notebook['nbformat'] ?? null)}, expected 4 (save it again from Jupyter)`);
	const rawCells = notebook['cells'];
	if (!Array.isArray(rawCells)) return fail('missing the `cells` list');
	try {
		// One at a time so the error reported is the first bad cell's.
		const cells: RenderedCell[] = [];
		for (const [index, cell] of rawCells.entries()) cells.push(await renderCell(cell, index));
		const title = rawCells
			.filter((c): c is Json => isRecord(c) && c['cell_type'] === 'markdown')
			.map((c) => firstHeading(multiline(c['source'], 'source')))
			.find((t): t is string => t !== null);
		return { ok: true, title: title ?? file.split('/').at(-1)!, cells };
	} catch (error) {
		if (error instanceof NotebookProblem) return fail(error.message);
		return fail(`could not be rendered: ${error instanceof Error ? error.message : String(error)}`);
	}
}
