/**
 * What the progress dashboard shows, as pure functions of the ticks: completion per
 * group (week, month, track, skill) and checkpoint evidence. The server renders them
 * for "no ticks yet"; the island re-renders them from the browser's store. The chart
 * itself is in completion-chart.ts, apart, so the page loads Plot only to redraw it.
 */

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
