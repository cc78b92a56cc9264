/**
 * `<sp-checklist>` upgrades server-rendered checkboxes (`input[type=checkbox][data-item]`)
 * to remembered ticks. Without JavaScript they stay plain boxes (and print empty).
 * Only pages with a checklist load this file; budget 4 KB min+gzip with the store.
 */
import { CHECKLIST_ELEMENT, ITEM_ATTRIBUTE } from '../lib/progress/constants';
import { ProgressElement, defineOnce } from './page-store';

class Checklist extends ProgressElement {
	constructor() {
		super();
		this.addEventListener('change', (event) => {
			const box = event.target as HTMLInputElement;
			const id = box.getAttribute(ITEM_ATTRIBUTE);
			if (id && box.type === 'checkbox') this.store?.setChecked(id, box.checked);
		});
	}

	protected render(): void {
		for (const box of this.querySelectorAll<HTMLInputElement>(`input[type=checkbox][${ITEM_ATTRIBUTE}]`)) {
			box.checked = this.store?.isChecked(box.getAttribute(ITEM_ATTRIBUTE) ?? '') ?? false;
		}
	}
}

defineOnce(CHECKLIST_ELEMENT, Checklist);
