/**
 * `<sp-progress-meter>` counts the ticked items among its `data-items` and fills the
 * server-rendered `<progress>` and "n of N done" text, live as ticks change anywhere.
 */
import { COUNT_ATTRIBUTE, ITEMS_ATTRIBUTE, METER_ELEMENT } from '../lib/progress/constants';
import { ProgressElement, defineOnce } from './page-store';

class Meter extends ProgressElement {
	protected render(): void {
		const ids = (this.getAttribute(ITEMS_ATTRIBUTE) ?? '').split(/\s+/).filter(Boolean);
		const done = ids.filter((id) => this.store?.isChecked(id)).length;
		const bar = this.querySelector('progress');
		const count = this.querySelector(`[${COUNT_ATTRIBUTE}]`);
		if (bar) bar.value = done;
		if (count) count.textContent = `${done} of ${ids.length} done`;
	}
}

defineOnce(METER_ELEMENT, Meter);
