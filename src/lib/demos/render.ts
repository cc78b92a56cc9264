/**
 * Renders a demo's figures with Observable Plot into any `document`: linkedom's on
 * the server (static SVG in the HTML, for no-JS readers and paper), the browser's
 * in the island. One code path, so the static figure is the live one's first frame.
 */
import * as Plot from '@observablehq/plot';
import type { DemoView, Figure } from './spec';

/** Colours readable on both the light and the dark background (≥ 3:1 against each). */
export const palette = ['#3b82c4', '#e07b39', '#5aa469', '#b56fc7', '#c9a227'] as const;

/**
 * Plot labels every mark's <g> with aria-label, which is not allowed on an element
 * without a role; the chart's own label and description on the <svg> carry its
 * meaning. The mark's name moves to `data-mark`, where styles and tests can find it.
 */
export function withoutMarkLabels<T extends Element>(chart: T): T {
	for (const g of chart.querySelectorAll('g[aria-label]')) {
		g.setAttribute('data-mark', g.getAttribute('aria-label')!);
		g.removeAttribute('aria-label');
	}
	return chart;
}

export function renderFigure(figure: Figure, description: string, document: Document): Element {
	return withoutMarkLabels(Plot.plot({
		width: 640,
		height: 320,
		style: { background: 'transparent', fontSize: '13px', overflow: 'visible' },
		...figure.options,
		ariaLabel: figure.title,
		ariaDescription: description,
		document,
	}) as unknown as Element);
}

/** The figures of a view as one HTML string (server side). */
export function figuresHtml(view: DemoView, document: Document): string {
	return view.figures.map((f) => renderFigure(f, view.description, document).outerHTML).join('');
}
