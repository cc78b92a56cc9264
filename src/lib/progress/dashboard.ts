/**
 * What the progress dashboard shows, as pure functions of the ticks: completion per
 * group (week, month, track, skill), checkpoint evidence, and the Plot options of a
 * completion chart. The server renders them for "no ticks yet"; the island re-renders
 * them from the browser's store.
 */
import * as Plot from '@observablehq/plot';
import type { PlotOptions } from '@observablehq/plot';
import { withoutMarkLabels } from '../demos/render';

export interface Group {
	label: string;
	/** Site path with base, for links in the text table. */
	href: string;
	ids: string[];
}

export interface Completion {
	label: string;
	href: string;
	done: number;
	total: number;
	/** 0..1; 0 for an empty group. */
	share: number;
}

export type IsChecked = (id: string) => boolean;

export function completion(groups: Group[], isChecked: IsChecked): Completion[] {
	return groups.map(({ label, href, ids }) => {
		const done = ids.filter(isChecked).length;
		return { label, href, done, total: ids.length, share: ids.length ? done / ids.length : 0 };
	});
}

export interface CheckpointEvidence {
	month: number;
	text: string;
	href: string;
	evidence: Array<{ id: string; label: string; href: string }>;
}

export interface CheckpointStatus extends CheckpointEvidence {
	done: string[];
	missing: string[];
}

export function checkpointStatus(checkpoints: CheckpointEvidence[], isChecked: IsChecked): CheckpointStatus[] {
	return checkpoints.map((c) => ({
		...c,
		done: c.evidence.filter((e) => isChecked(e.id)).map((e) => e.id),
		missing: c.evidence.filter((e) => !isChecked(e.id)).map((e) => e.id),
	}));
}

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
