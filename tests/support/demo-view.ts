/**
 * Looking at a demo's view in unit tests, as the server shows it: its figures rendered
 * with linkedom, each chart's own <svg>, the SVG made stable for snapshots, a fact read
 * by its label, and one string of what the reader sees for comparing two views.
 */
import { parseHTML } from 'linkedom';
import { renderFigure } from '../../src/lib/demos/render';
import type { DemoSpec, DemoView, Params } from '../../src/lib/demos/spec';

/** The view's figures rendered with Observable Plot into a fresh linkedom document. */
export function renderFigures(view: DemoView): Element[] {
	const { document } = parseHTML('<!doctype html><html><body></body></html>');
	return view.figures.map((f) => renderFigure(f, view.description, document as unknown as Document));
}

/** The chart's own <svg>: the figure itself, or the last svg in the <figure> Plot wraps around legends. */
export function chartOf(figure: Element): Element {
	return figure.tagName.toLowerCase() === 'svg' ? figure : [...figure.querySelectorAll('svg')].at(-1)!;
}

/**
 * Rounds every decimal number to 2 places (toFixed(2)) and strips Plot's generated class
 * suffix and its clip-path counter (which grows with every chart rendered), so a snapshot
 * only changes when the picture does.
 */
export function normaliseSvg(svg: string): string {
	return svg
		.replace(/-?\d+\.\d+/g, (m) => Number(m).toFixed(2))
		.replace(/plot-[0-9a-f]{6}\b/g, 'plot')
		.replace(/plot-clip-\d+/g, 'plot-clip');
}

/** The value of the fact with this label, or undefined when the view has none. */
export function factOf(view: DemoView, label: string): string | undefined {
	return view.facts.find((f) => f.label === label)?.value;
}

/**
 * What the reader sees: the description, facts and table, then the normalised SVG of every
 * figure. Plot marks hold fresh functions on every call, so views are compared through this.
 */
export function seenView(view: DemoView): string {
	return JSON.stringify([view.description, view.facts, view.table]) + normaliseSvg(renderFigures(view).map((f) => f.outerHTML).join(''));
}

/** A shortcut from raw inputs (as in the URL) to the spec's view: `viewOf(spec)()` is the default view. */
export function viewOf<P extends Params>(spec: DemoSpec<P>): (raw?: Record<string, string>) => DemoView {
	return (raw = {}) => spec.view(spec.parse(raw).params);
}
