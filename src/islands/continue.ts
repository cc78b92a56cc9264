/**
 * `<sp-continue>` on the home page: links to the first week that is started but not
 * finished (or the first untouched week after finished ones), once anything is ticked.
 */
import { defineOnce, storeFor } from './page-store';
import { STORAGE_KEY_ATTRIBUTE } from '../lib/progress/constants';
import { nextWeekToContinue, type WeekProgressInput } from '../lib/progress/continue';

class Continue extends HTMLElement {
	connectedCallback(): void {
		if (!this.hasAttribute(STORAGE_KEY_ATTRIBUTE)) return;
		const store = storeFor(this);
		if (!store) return;
		const weeks = JSON.parse(this.dataset.weeks ?? '[]') as WeekProgressInput[];
		const render = () => {
			const next = nextWeekToContinue(weeks, (id) => store.isChecked(id));
			this.hidden = !next;
			if (!next) return;
			const link = document.createElement('a');
			link.href = next.path;
			link.className = 'button';
			link.textContent = `Continue where you left off: ${next.label}`;
			this.replaceChildren(link);
		};
		store.subscribe(render);
		render();
	}
}

defineOnce('sp-continue', Continue);
