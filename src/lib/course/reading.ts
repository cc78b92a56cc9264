/**
 * Turns a week's `reading` entries into checklist lines that name the book, its
 * edition and the chapters by number and title.
 */
import type { Resource, Week } from '../../content/schema';

export interface ReadingLine {
	id: string;
	text: string;
	detail: string;
	renamedFrom: string[];
	resource: Resource | undefined;
}

function chapterPhrase(resource: Resource, keys: string[]): string {
	if (keys.length === 0) return '';
	const titled = keys.map((key) => {
		const chapter = resource.chapters.find((c) => c.key === key);
		const label = /^\d/.test(key) ? `${resource.kind === 'book' ? 'chapter' : 'section'} ${key}` : '';
		return chapter ? `${label}${label ? ', ' : ''}“${chapter.title}”` : key;
	});
	return `: ${titled.join('; ')}`;
}

export function readingLines(reading: Week['reading'], resources: Resource[]): ReadingLine[] {
	return reading.map((r) => {
		const resource = resources.find((res) => res.id === r.resource);
		const name = resource ? `*${resource.title}*${resource.edition ? ` (${resource.edition})` : ''}` : r.resource;
		const chapters = resource ? chapterPhrase(resource, r.chapters) : '';
		const detail = [r.focus, r.correction ? `Note: ${r.correction}` : ''].filter(Boolean).join(' ');
		return { id: r.id, text: `Read ${name}${chapters}`, detail, renamedFrom: r.renamedFrom, resource };
	});
}
