/**
 * The items of the source plan (content/source/learning-plan.md): every bullet and
 * every paragraph that opens with a bold label and goes on ("**Every Monday**:
 * Write down ..."). The book must show each one; a build test holds it to that.
 */
export interface PlanItem {
	line: number;
	text: string;
}

const stripMarks = (text: string) => text.replace(/\*\*/g, '').trim();

export function planItems(markdown: string): PlanItem[] {
	const items: PlanItem[] = [];
	markdown.split('\n').forEach((raw, i) => {
		const bullet = /^\s*(?:[-*]|\d+\.)\s+(.+)$/.exec(raw);
		const labelled = /^\*\*[^*]+\*\*:?\s*\S.*$/.exec(raw);
		if (bullet?.[1]) items.push({ line: i + 1, text: stripMarks(bullet[1]) });
		else if (labelled && !/^\*\*[^*]+\*\*:?\s*$/.test(raw)) items.push({ line: i + 1, text: stripMarks(raw) });
	});
	return items;
}
