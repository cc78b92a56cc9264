// The drill bank in the built site: one JSON file per week with a bank, every
// drill tied to its own week's page (its concept is taught there, its data set
// loaded there), estimates carrying the value their block froze, reveals with the
// highlighted code, today's card on the home and daily pages, and the week
// worksheets listing their drills without any answer.
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { distDir, mainText, readPage } from '../support/dist';
import type { ServedWeek } from '../../src/lib/drills/served';
import type { CachedPage } from '../../src/lib/python/outputs';
import { selectToday, type BankIndex } from '../../src/lib/drills/select';
import { addDays } from '../../src/lib/schedule';

const files = existsSync('content/drills') ? readdirSync('content/drills').filter((f) => /^\d\d\.mdx$/.test(f)).sort() : [];
const glossary = parse(readFileSync('content/glossary.yaml', 'utf8')) as { id: string; term: string; aliases?: string[] }[];
/** Typographic quotes (the pages' smart quotes) as plain ones, to compare text. */
const plain = (s: string) => s.replace(/[‘’]/g, "'").replace(/[“”]/g, '"').toLowerCase();
const served = (nn: string) => JSON.parse(readFileSync(join(distDir, 'drills', `${nn}.json`), 'utf8')) as ServedWeek;

describe('drills in the build', () => {
	it('has a bank for at least weeks 1 to 9', () => {
		expect(files.slice(0, 9)).toEqual(['01.mdx', '02.mdx', '03.mdx', '04.mdx', '05.mdx', '06.mdx', '07.mdx', '08.mdx', '09.mdx']);
	});

	it.each(files.map((f) => f.slice(0, 2)))('week %s: drills use the week\'s material and answers from the frozen outputs', (nn) => {
		const week = served(nn);
		expect(week.week).toBe(Number(nn));
		const source = readFileSync(`content/weeks/${nn}.mdx`, 'utf8').toLowerCase();
		const pageText = plain(mainText(readPage(`/weeks/${nn}/`)));
		const frozen = JSON.parse(readFileSync(`outputs/drills/${nn}.json`, 'utf8')) as CachedPage;
		const printed = new Set(frozen.blocks.map((b) => b.stdout.trim()));
		for (const drill of week.drills) {
			const term = glossary.find((g) => g.id === drill.concept.id)!;
			expect([term.term, ...(term.aliases ?? [])].some((name) => source.includes(name.toLowerCase())), `${drill.id}: ${term.term} in week ${nn}`).toBe(true);
			if (drill.dataset) expect(source, `${drill.id}: ${drill.dataset}`).toContain(drill.dataset.endsWith('.csv') ? `data/${drill.dataset}` : drill.dataset);
			if (drill.kind === 'estimate') {
				expect(printed.has(String(drill.truth)) || [...printed].some((p) => Number(p) === drill.truth), `${drill.id}: ${drill.truth} in outputs`).toBe(true);
				expect(drill.toleranceText).toMatch(/^within /);
			}
			if (drill.kind !== 'explain') expect(drill.reveal[0]!.html).toContain('astro-code');
			// The week's worksheet lists the drill's task, and never its answer.
			expect(pageText).toContain(plain(drill.text).slice(0, 40));
		}
		const kinds = week.drills.map((d) => d.kind);
		for (const kind of ['explain', 'pandas', 'golf', 'shape']) expect(kinds).toContain(kind);
		expect(kinds.filter((k) => k === 'estimate').length).toBeGreaterThanOrEqual(2);
		const list = readPage(`/weeks/${nn}/`).querySelector('.week-drills');
		expect(list).not.toBeNull();
		expect(list!.querySelector('.python-output, .astro-code, img')).toBeNull();
	});

	it('shows today\'s card with the timer on the home and daily pages only', () => {
		for (const path of ['/', '/practice/daily/']) {
			const doc = readPage(path);
			const today = doc.querySelector('sp-today');
			expect(today, path).not.toBeNull();
			expect(today!.querySelector('sp-timer[data-routine="daily-practice"]')).not.toBeNull();
			const index = JSON.parse(today!.querySelector('[data-index]')!.textContent!) as Record<string, Record<string, string[]>>;
			expect(Object.keys(index).length).toBe(files.length);
		}
		expect(readPage('/weeks/01/').querySelector('sp-today')).toBeNull();
		expect(readPage('/progress/').querySelector('sp-drill-queue')).not.toBeNull();
	});

	it('asks a numeric estimate of week N on the Wednesday of week N, N = 2..9, at least 6 different questions', () => {
		const index = JSON.parse(readPage('/practice/daily/').querySelector('sp-today [data-index]')!.textContent!) as BankIndex;
		const start = '2030-01-07'; // a Monday
		const questions = new Set<string>();
		for (let n = 2; n <= 9; n += 1) {
			const today = selectToday({ today: addDays(start, 7 * (n - 1) + 2), startDate: start, index });
			expect(today.weekday).toBe('wednesday');
			expect(today.drills.length).toBe(2);
			const week = served(String(n).padStart(2, '0'));
			for (const ref of today.drills) {
				expect(ref.week).toBe(n);
				const drill = week.drills.find((d) => d.id === ref.id)!;
				expect(drill.kind).toBe('estimate');
				expect(Number.isFinite(drill.truth)).toBe(true);
				questions.add(drill.text);
			}
		}
		expect(questions.size).toBeGreaterThanOrEqual(6);
	});
});
