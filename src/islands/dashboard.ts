/**
 * `<sp-dashboard>`: redraws the progress page from the browser's ticks: the summary
 * line, checkpoint evidence, completion charts (Observable Plot) with their text
 * tables, and orphaned ticks. Listens to the store, so another tab's ticks show live.
 * The server drew the charts with no ticks; Plot loads only once there is a tick to draw.
 */
import { checkpointStatus, completion, type CheckpointEvidence, type Group } from '../lib/progress/dashboard';
import { orphanedIds } from '../lib/progress/merge';
import { defineOnce, storeFor } from './page-store';

function parse<T>(json: string | undefined, fallback: T): T {
	try {
		return json ? (JSON.parse(json) as T) : fallback;
	} catch {
		return fallback;
	}
}

class Dashboard extends HTMLElement {
	connectedCallback(): void {
		const store = storeFor(this);
		if (!store) return;
		const groups = parse<Record<string, Group[]>>(this.dataset.groups, {});
		const checkpoints = parse<CheckpointEvidence[]>(this.dataset.checkpoints, []);
		const known = parse<string[]>(this.dataset.knownIds, []);
		let chartsDrawn = false;
		const render = () => {
			const isChecked = (id: string) => store.isChecked(id);
			const ticked = known.filter(isChecked).length;
			this.querySelector('[data-summary]')!.textContent = `${ticked} of ${known.length} items done (${known.length ? Math.round((ticked / known.length) * 100) : 0}%).`;
			for (const status of checkpointStatus(checkpoints, isChecked)) {
				const item = this.querySelector(`[data-month="${status.month}"]`);
				if (!item) continue;
				item.querySelector('[data-evidence-count]')!.textContent = `${status.done.length} of ${status.evidence.length}`;
				for (const e of status.evidence) {
					const state = item.querySelector(`[data-evidence="${e.id}"] [data-state]`);
					if (state) state.textContent = status.done.includes(e.id) ? 'done' : 'not done';
				}
			}
			const drawCharts = ticked > 0 || chartsDrawn;
			const chartModule = drawCharts ? import('../lib/progress/completion-chart') : null;
			chartsDrawn = drawCharts;
			for (const [id, chartGroups] of Object.entries(groups)) {
				const section = this.querySelector(`[data-chart="${id}"]`);
				if (!section) continue;
				const rows = completion(chartGroups, isChecked);
				const title = section.querySelector('h2')?.textContent ?? id;
				void chartModule?.then(({ drawCompletionChart }) => section.querySelector('[data-svg]')!.replaceChildren(drawCompletionChart(rows, title, document)));
				section.querySelectorAll('[data-rows] tr').forEach((tr, i) => {
					const cells = tr.querySelectorAll('td');
					if (cells[0] && rows[i]) cells[0].textContent = String(rows[i].done);
				});
			}
			const orphans = orphanedIds(store.snapshot().ticks, known);
			this.querySelector('[data-orphans]')!.textContent = orphans.length
				? `${orphans.length} tick${orphans.length === 1 ? '' : 's'} on items this book no longer has (kept, and exported with your progress): ${orphans.join(', ')}.`
				: 'None. (Ticks on items the book no longer has are kept and listed here, never deleted.)';
		};
		store.subscribe(render);
		render();
	}
}

defineOnce('sp-dashboard', Dashboard);
