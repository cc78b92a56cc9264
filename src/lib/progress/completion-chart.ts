/**
 * The completion chart: Plot options of horizontal bars of percent complete, and the
 * chart drawn into a document. Apart from dashboard.ts so that the progress page loads
 * Observable Plot only when it has ticks to draw (the server drew the empty chart).
 */
import * as Plot from '@observablehq/plot';
import type { PlotOptions } from '@observablehq/plot';
import { withoutMarkLabels } from '../demos/render';
import type { Completion } from './dashboard';

/** Horizontal bars of percent complete, one per group, labelled with "done of total". */
export function completionChart(rows: Completion[]): PlotOptions {
	const height = 40 + rows.length * 22;
	return {
		height,
		// Room for the longest label (about 7 px a character at Plot's default size), so none is clipped.
		marginLeft: Math.max(60, 12 + 7 * Math.max(0, ...rows.map((r) => r.label.length))),
		marginRight: 60,
		x: { domain: [0, 100], label: 'Percent complete', grid: true },
		y: { domain: rows.map((r) => r.label), label: null },
		marks: [
			Plot.barX(rows, { y: 'label', x: 100, fill: 'currentColor', fillOpacity: 0.08 }),
			Plot.barX(rows, { y: 'label', x: (r: Completion) => r.share * 100, fill: '#3b82c4' }),
			Plot.text(rows, { y: 'label', x: 100, text: (r: Completion) => `${r.done}/${r.total}`, textAnchor: 'start', dx: 6, fill: 'currentColor' }),
			Plot.ruleX([0]),
		],
	};
}

/** The completion chart drawn into `document` (the browser's, or a server document for static SVG). */
export function drawCompletionChart(rows: Completion[], label: string, document: Document): Element {
	return withoutMarkLabels(Plot.plot({ ...completionChart(rows), ariaLabel: label, document }) as unknown as Element);
}
