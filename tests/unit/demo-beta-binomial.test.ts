import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { renderFigure } from '../../src/lib/demos/render';
import type { DemoView } from '../../src/lib/demos/spec';
import { spec } from '../../src/lib/demos/specs/beta-binomial';

function renderAll(view: DemoView): Element[] {
	const { document } = parseHTML('<!doctype html><html><body></body></html>');
	return view.figures.map((f) => renderFigure(f, view.description, document as unknown as Document));
}

/**
 * Rounds numbers to 2 decimals and strips Plot's generated class suffix and its clip-path
 * counter (which grows with every chart rendered), so a snapshot only changes when the picture does.
 */
function normalise(svg: string): string {
	return svg
		.replace(/-?\d+\.\d+/g, (m) => Number(m).toFixed(2))
		.replace(/plot-[0-9a-f]{6}\b/g, 'plot')
		.replace(/plot-clip-\d+/g, 'plot-clip');
}

/** The chart's own <svg>: the figure itself, or the last svg in the <figure> Plot wraps around legends. */
const chart = (figure: Element) => (figure.tagName.toLowerCase() === 'svg' ? figure : [...figure.querySelectorAll('svg')].at(-1)!);
const fact = (view: DemoView, label: string) => view.facts.find((f) => f.label === label)?.value;
const view = (raw: Record<string, string> = {}) => spec.view(spec.parse(raw).params);
const seen = (v: DemoView) => JSON.stringify([v.description, v.facts, v.table]) + normalise(renderAll(v).map((f) => f.outerHTML).join(''));

/*
 * Reference for the default view (7 successes in 20 trials; informative prior mean 0.2, strength 30):
 *   for a0, b0 in [(1, 1), (2, 2), (0.2 * 30, 0.8 * 30)]:
 *       d = stats.beta(a0 + 7, b0 + 13); d.mean(), d.std(), d.ppf(0.025), d.ppf(0.975)
 *   Beta(8, 14):  0.36363636363636365, 0.10030496079406735, 0.18107162554017314, 0.5696754829041243
 *   Beta(9, 15):  0.375, 0.09682458365518543, 0.1970764239690144, 0.5726560369635056
 *   Beta(13, 37): 0.26, 0.06142107960307962, 0.14947072872076805, 0.38869591468843373
 */
describe('beta-binomial: default view', () => {
	it('gives each posterior’s mean and 95% credible interval like scipy', () => {
		const v = view();
		expect(fact(v, 'Observed rate s / n')).toBe('0.350');
		expect(fact(v, 'Uniform Beta(1, 1) → posterior Beta(8, 14)')).toBe('mean 0.364, 95% credible interval [0.181, 0.570]');
		expect(fact(v, 'Weakly informative Beta(2, 2) → posterior Beta(9, 15)')).toBe('mean 0.375, 95% credible interval [0.197, 0.573]');
		expect(fact(v, 'Informative Beta(6, 24) → posterior Beta(13, 37)')).toBe('mean 0.260, 95% credible interval [0.149, 0.389]');
		expect(v.notice).toBeUndefined();
	});

	it('tabulates the three updates and asks for the uniform-prior posterior mean', () => {
		const v = view();
		expect(v.table.rows).toEqual([
			['Uniform Beta(1, 1)', '0.500', 'Beta(8, 14)', '0.364', '0.100', '[0.181, 0.570]'],
			['Weakly informative Beta(2, 2)', '0.500', 'Beta(9, 15)', '0.375', '0.097', '[0.197, 0.573]'],
			['Informative Beta(6, 24)', '0.200', 'Beta(13, 37)', '0.260', '0.061', '[0.149, 0.389]'],
		]);
		// (7 + 1) / (20 + 2)
		expect(spec.predict!.answer(spec.defaults)).toBeCloseTo(100 * (8 / 22), 10);
	});

	it('lets the data outweigh every prior as trials grow', () => {
		const v = view({ successes: '70', trials: '200' });
		const means = v.table.rows.map((r) => Number(r[3]));
		expect(Math.max(...means) - Math.min(...means)).toBeLessThan(0.05);
	});
});

describe('beta-binomial: figures', () => {
	it('draws prior, likelihood and posterior in three panels with the credible interval shaded', () => {
		const [figure] = renderAll(view());
		expect(chart(figure!).getAttribute('aria-label')).toMatch(/three priors/);
		expect(figure!.outerHTML).not.toMatch(/NaN/);
		// Prior and posterior per panel, plus one dashed likelihood per panel.
		expect(chart(figure!).querySelectorAll('g[data-mark="line"] path')).toHaveLength(9);
		expect(chart(figure!).querySelectorAll('g[data-mark="area"] path')).toHaveLength(3);
		for (const text of ['Uniform Beta(1, 1)', 'Weakly informative Beta(2, 2)', 'Informative Beta(6, 24)', 'Likelihood (scaled)']) {
			expect(figure!.textContent).toContain(text);
		}
	});

	it('matches the SVG snapshot of the default view', async () => {
		const svg = normalise(renderAll(view()).map((f) => f.outerHTML).join('\n'));
		await expect(svg).toMatchFileSnapshot('./__snapshots__/demo-beta-binomial.svg');
	});
});

describe('beta-binomial: inputs', () => {
	it('clamps successes to trials and out-of-range values, with notes', () => {
		const { params, notes } = spec.parse({ successes: '50', trials: '10', priorStrength: '0' });
		expect(params).toMatchObject({ successes: 10, trials: 10, priorStrength: 2 });
		expect(notes).toEqual([
			'Informative prior: strength a + b (worth this many trials) must be between 2 and 200; 0 was changed to 2.',
			'Successes cannot exceed trials, so 50 successes were changed to 10.',
		]);
	});

	it('never shows NaN, even with spiky priors or no data', () => {
		const cases: Array<Record<string, string>> = [
			{ successes: '0', trials: '0' },
			{ successes: '200', trials: '200', priorMean: '0.05', priorStrength: '2' },
			{ successes: '0', trials: '200', priorMean: '0.95', priorStrength: '200' },
		];
		for (const raw of cases) {
			const v = view(raw);
			expect(seen(v), JSON.stringify(raw)).not.toMatch(/NaN|Infinity/);
		}
		expect(fact(view({ successes: '0', trials: '0' }), 'Observed rate s / n')).toBe('no trials yet: every posterior equals its prior');
	});

	it('is deterministic (no randomness: the same inputs give the same view)', () => {
		expect(seen(view({ successes: '3', trials: '9' }))).toBe(seen(view({ successes: '3', trials: '9' })));
	});
});
