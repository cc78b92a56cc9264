// The portfolio's pure logic: calibration of predictions, which entries are listed and
// in which order, entry metadata, the feed's absolute links, the published progress
// snapshot, and the validator's check of content/progress.json.
import { describe, expect, it } from 'vitest';
import { calibration, type ScoredPrediction } from '../../src/lib/portfolio/calibration';
import { groupByType, publishedNewestFirst, type PortfolioItem } from '../../src/lib/portfolio/list';
import { entryFacts, formatConfidence } from '../../src/lib/portfolio/facts';
import { absoluteUrl, feedItems } from '../../src/lib/portfolio/feed';
import { overallCompletion, snapshotCompletion } from '../../src/lib/portfolio/snapshot';
import { STATE_VERSION } from '../../src/lib/progress/constants';
import { completionSvg } from '../../src/lib/progress/completion-svg';
import { progressFileProblems } from '../../src/lib/validate/progress-file';
import { portfolioEntry } from '../../src/content/schema';
import type { ProgressFile } from '../../src/lib/progress/state';

/** An entry as the collection gives it: frontmatter (dates as text) parsed by the schema. */
const entry = (id: string, frontmatter: Record<string, unknown>): PortfolioItem => ({ id, data: portfolioEntry.parse(frontmatter) });

describe('calibration', () => {
	// Reference: /tmp/py/bin/python with pandas 2 (scores right 1, partly 0.5, wrong 0; a claim below 50% flipped to 1 − c and 1 − score):
	//   d = DataFrame of the resolved rows below; d['band'] = pd.cut(d.c, [0.5, 0.6, 0.7, 0.8, 0.9, 1.0000001], right=False)
	//   d.groupby('band').agg(n=('y','size'), hits=('y','sum'), share=('y','mean'), conf=('c','mean'))
	//   -> [0.5,0.6) 2 1.0 0.5 0.525 | [0.6,0.7) 3 2.5 0.833333 0.616667 | [0.7,0.8) 3 2.0 0.666667 0.7
	//      [0.8,0.9) 4 3.0 0.75 0.8125 | [0.9,1.0] 2 1.0 0.5 0.95;  len 14, d.y.mean() 0.6785714285714286,
	//   ((d.c - d.y)**2).mean() 0.2191071428571429
	const predictions: ScoredPrediction[] = [
		{ confidence: 0.5, outcome: 'right' },
		{ confidence: 0.55, outcome: 'wrong' },
		{ confidence: 0.6, outcome: 'right' },
		{ confidence: 0.65, outcome: 'right' },
		{ confidence: 0.6, outcome: 'partly' },
		{ confidence: 0.7, outcome: 'wrong' },
		{ confidence: 0.7, outcome: 'right' },
		{ confidence: 0.3, outcome: 'wrong' },
		{ confidence: 0.8, outcome: 'right' },
		{ confidence: 0.85, outcome: 'right' },
		{ confidence: 0.8, outcome: 'wrong' },
		{ confidence: 0.8, outcome: 'right' },
		{ confidence: 1, outcome: 'right' },
		{ confidence: 0.9, outcome: 'wrong' },
		{ confidence: 0.75, outcome: 'pending' },
		{ confidence: 0.6 },
	];

	it('counts the share that came true per 10-point confidence band', () => {
		const c = calibration(predictions);
		expect(c.bands.map((b) => b.label)).toEqual(['50–59%', '60–69%', '70–79%', '80–89%', '90–100%']);
		expect(c.bands.map((b) => b.count)).toEqual([2, 3, 3, 4, 2]);
		expect(c.bands.map((b) => b.cameTrue)).toEqual([1, 2.5, 2, 3, 1]);
		const expected = [0.5, 0.833333, 0.666667, 0.75, 0.5];
		c.bands.forEach((b, i) => expect(b.share).toBeCloseTo(expected[i]!, 6));
		const meanConfidence = [0.525, 0.616667, 0.7, 0.8125, 0.95];
		c.bands.forEach((b, i) => expect(b.meanConfidence).toBeCloseTo(meanConfidence[i]!, 6));
	});

	it('gives the overall share, the Brier score and the pending count', () => {
		const c = calibration(predictions);
		expect(c.resolved).toBe(14);
		expect(c.pending).toBe(2);
		expect(c.share).toBeCloseTo(0.6785714285714286, 12);
		expect(c.brier).toBeCloseTo(0.2191071428571429, 12);
	});

	it('has empty bands and no share or score before anything is resolved', () => {
		const c = calibration([{ confidence: 0.7, outcome: 'pending' }]);
		expect(c.resolved).toBe(0);
		expect(c.pending).toBe(1);
		expect(c.share).toBeNull();
		expect(c.brier).toBeNull();
		expect(c.bands.every((b) => b.count === 0 && b.share === null && b.meanConfidence === null)).toBe(true);
	});
});

describe('published entries', () => {
	const items = [
		entry('old-decision', { type: 'decision', title: 'Old', date: '2026-01-02' }),
		entry('draft', { type: 'decision', title: 'Draft', date: '2026-03-01', draft: true }),
		entry('new-retro', { type: 'retro', title: 'Month 1', date: '2026-02-01' }),
		entry('new-decision-b', { type: 'decision', title: 'B', date: '2026-01-20' }),
		entry('new-decision-a', { type: 'decision', title: 'A', date: '2026-01-20' }),
	];

	it('leaves drafts out and puts the newest first (ties by title)', () => {
		expect(publishedNewestFirst(items).map((e) => e.id)).toEqual(['new-retro', 'new-decision-a', 'new-decision-b', 'old-decision']);
	});

	it('groups by type in the schema order, keeping the order inside a group', () => {
		const groups = groupByType(publishedNewestFirst(items));
		expect(groups.map((g) => [g.type, g.entries.map((e) => e.id)])).toEqual([
			['decision', ['new-decision-a', 'new-decision-b', 'old-decision']],
			['retro', ['new-retro']],
		]);
	});
});

describe('entry facts', () => {
	it('shows a confidence as written, as a percentage', () => {
		expect(formatConfidence(0.7)).toBe('70%');
		expect(formatConfidence(0.675)).toBe('67.5%');
		expect(formatConfidence(1)).toBe('100%');
	});

	it('lists type, date and week; a prediction adds claim, confidence, due date and outcome', () => {
		const prediction = entry('p', { type: 'prediction', title: 'P', date: '2026-01-05', week: 11, claim: 'It will diverge', confidence: 0.7, due: '2026-01-09', outcome: 'right' });
		expect(entryFacts(prediction.data).map((f) => [f.label, f.text, f.path ?? f.datetime ?? ''])).toEqual([
			['Type', 'Prediction', '/portfolio/#prediction'],
			['Date', '5 Jan 2026', '2026-01-05'],
			['Week', 'Week 11', '/weeks/11/'],
			['Claim', 'It will diverge', ''],
			['Confidence', '70%', ''],
			['Due', '9 Jan 2026', '2026-01-09'],
			['Outcome', 'Came true', ''],
		]);
		const decision = entry('d', { type: 'decision', title: 'D', date: '2026-01-05' });
		expect(entryFacts(decision.data, { withType: false }).map((f) => f.label)).toEqual(['Date']);
	});
});

describe('feed items', () => {
	const items = [
		entry('2026-01-09-welch', { type: 'decision', title: 'Welch', date: '2026-01-09', summary: 'Why Welch.' }),
		entry('2026-01-05-scaling', { type: 'prediction', title: 'Scaling', date: '2026-01-05', claim: 'It diverges', confidence: 0.7, due: '2026-01-09' }),
		entry('nested/2026-01-01-retro', { type: 'retro', title: 'Retro', date: '2026-01-01', week: 4 }),
	];

	it('links every item absolutely, under the base path', () => {
		expect(absoluteUrl('https://user.github.io', '/study-plan/', '/portfolio/')).toBe('https://user.github.io/study-plan/portfolio/');
		const feed = feedItems(items, new URL('https://user.github.io'), '/study-plan/');
		expect(feed.map((i) => i.link)).toEqual([
			'https://user.github.io/study-plan/portfolio/2026-01-09-welch/',
			'https://user.github.io/study-plan/portfolio/2026-01-05-scaling/',
			'https://user.github.io/study-plan/portfolio/nested/2026-01-01-retro/',
		]);
		expect(feedItems(items, 'https://example.github.io', '/')[0]!.link).toBe('https://example.github.io/portfolio/2026-01-09-welch/');
	});

	it('describes an item by its summary, else its claim, else its type and week', () => {
		const feed = feedItems(items, 'https://example.github.io', '/');
		expect(feed.map((i) => i.description)).toEqual(['Why Welch.', 'It diverges', 'Retrospective, week 4.']);
		expect(feed[0]!.pubDate.toISOString()).toBe('2026-01-09T00:00:00.000Z');
		expect(feed[1]!.categories).toEqual(['Prediction']);
	});
});

describe('published progress snapshot', () => {
	const file: ProgressFile = {
		format: 'ai-eng-plan-progress',
		version: STATE_VERSION,
		siteId: 'ai-eng-plan',
		exportedAt: '2026-02-01T09:30:00.000Z',
		ticks: {
			'w01-a': { checked: true, at: 1 },
			'w01-b': { checked: false, at: 2 },
			'w02-old-name': { checked: true, at: 3 },
			'gone-item': { checked: true, at: 4 },
		},
		settings: {},
		log: [],
		claims: [],
		decisions: [],
		deleted: {},
	};
	const groups = [
		{ label: 'Week 1', href: '/weeks/01/', ids: ['w01-a', 'w01-b', 'w01-c'] },
		{ label: 'Week 2', href: '/weeks/02/', ids: ['w02-new-name'] },
	];

	it('counts ticked items per group, following renamed ids and ignoring unticks', () => {
		const rows = snapshotCompletion(file, groups, new Map([['w02-old-name', 'w02-new-name']]));
		expect(rows.map((r) => [r.label, r.done, r.total])).toEqual([['Week 1', 1, 3], ['Week 2', 1, 1]]);
		expect(overallCompletion(rows)).toEqual({ done: 2, total: 4, share: 0.5 });
		expect(snapshotCompletion(file, groups, new Map()).map((r) => r.done)).toEqual([1, 0]);
	});

	it('draws the chart as labelled static SVG without labels on unlabelled groups', () => {
		const svg = completionSvg(snapshotCompletion(file, groups, new Map()), 'Completion by week');
		expect(svg).toMatch(/^<svg[^>]*aria-label="Completion by week"/);
		expect(svg).not.toMatch(/<g[^>]*aria-label=/);
		expect(svg).toContain('1/3');
	});
});

describe('progressFileProblems', () => {
	const valid = JSON.stringify({ format: 'ai-eng-plan-progress', version: 1, siteId: 'ai-eng-plan', exportedAt: '2026-02-01T09:30:00.000Z', ticks: { 'w01-a': { checked: true, at: 1 } }, settings: {} }, null, '\t');

	it('accepts an export file', () => {
		expect(progressFileProblems(valid)).toEqual([]);
	});

	it('reports the first bad value at its line, with the way to fix it', () => {
		const badTime = valid.replace('"at": 1', '"at": "yesterday"');
		const [problem] = progressFileProblems(badTime);
		expect(problem).toMatchObject({ file: 'content/progress.json', line: 9 });
		expect(problem!.message).toContain('`ticks.w01-a.at`');
		expect(problem!.fix).toMatch(/^export your progress again/);
		const extra = valid.replace('"settings": {}', '"settings": {},\n\t"notes": "hi"');
		expect(progressFileProblems(extra)).toMatchObject([{ line: 13, message: expect.stringContaining('unknown field `notes`') }]);
		expect(progressFileProblems(valid.replace('"version": 1', `"version": ${STATE_VERSION + 1}`))).toMatchObject([{ line: 3 }]);
	});

	it('reports broken JSON at the line of the mistake, and an empty file at line 1', () => {
		expect(progressFileProblems(valid.replace('"version": 1,', '"version": 1'))).toMatchObject([{ line: 4, message: 'the progress file is not valid JSON' }]);
		expect(progressFileProblems('  \n')).toMatchObject([{ line: 1, message: 'the progress file is empty' }]);
	});
});
