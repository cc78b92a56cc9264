/** `<sp-drill-queue>` on /progress/: counts and lists the drills due for review (no scheduler needed: the cards hold their due dates). */
import { defineOnce } from './page-store';
import { LogElement } from './log-store';
import { dueDrills, queueCounts } from '../lib/drills/queue';

const DAY = 86_400_000;

class DrillQueue extends LogElement {
	protected render(): void {
		if (!this.store) return;
		const now = new Date();
		const endOfToday = new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1).getTime() - 1;
		const drills = this.store.drills();
		const counts = queueCounts(drills, endOfToday);
		const text = `Due today: ${counts.today}. Due this week: ${counts.week}.`;
		const span = this.querySelector('[data-counts]')!;
		if (span.textContent !== text) span.textContent = text;
		const list = this.querySelector('[data-list]')!;
		const upcoming = dueDrills(drills, endOfToday + 6 * DAY);
		list.replaceChildren(
			...upcoming.map((id) => {
				const due = new Date(drills.cards[id]!.due);
				const li = document.createElement('li');
				li.textContent = `${id}: due ${due.toLocaleDateString(undefined, { weekday: 'short', day: 'numeric', month: 'short' })}${drills.cards[id]!.due <= endOfToday ? ' (today)' : ''}`;
				return li;
			}),
		);
	}
}

defineOnce('sp-drill-queue', DrillQueue);
