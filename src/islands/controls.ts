/**
 * Small DOM pieces the progress page's islands share: an action button and saving
 * text as a file the learner downloads.
 */
import { ACTION_ATTRIBUTE } from '../lib/progress/constants';

export function button(action: string, label: string): HTMLButtonElement {
	const element = document.createElement('button');
	element.type = 'button';
	element.setAttribute(ACTION_ATTRIBUTE, action);
	element.textContent = label;
	return element;
}

/** Saves text as a file through a temporary link. The URL outlives the click: some browsers read it late. */
export function saveFile(text: string, fileName: string, type: string): void {
	const url = URL.createObjectURL(new Blob([text], { type }));
	const link = document.createElement('a');
	link.href = url;
	link.download = fileName;
	document.body.append(link);
	link.click();
	link.remove();
	setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
