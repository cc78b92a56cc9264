import { describe, expect, it } from 'vitest';
import { spec } from '../../src/lib/demos/specs/beta-binomial';
import { chartOf, factOf, normaliseSvg, renderFigures, seenView, viewOf } from '../support/demo-view';

const view = viewOf(spec);

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
		expect(factOf(v, 'Observed rate s / n')).toBe('0.350');
		expect(factOf(v, 'Uniform Beta(1, 1) → posterior Beta(8, 14)')).toBe('mean 0.364, 95% credible interval [0.181, 0.570]');
		expect(factOf(v, 'Weakly informative Beta(2, 2) → posterior Beta(9, 15)')).toBe('mean 0.375, 95% credible interval [0.197, 0.573]');
		expect(factOf(v, 'Informative Beta(6, 24) → posterior Beta(13, 37)')).toBe('mean 0.260, 95% credible interval [0.149, 0.389]');
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
		const [figure] = renderFigures(view());
		expect(chartOf(figure!).getAttribute('aria-label')).toMatch(/three priors/);
		expect(figure!.outerHTML).not.toMatch(/NaN/);
		// Prior and posterior per panel, plus one dashed likelihood per panel.
		expect(chartOf(figure!).querySelectorAll('g[data-mark="line"] path')).toHaveLength(9);
		expect(chartOf(figure!).querySelectorAll('g[data-mark="area"] path')).toHaveLength(3);
		for (const text of ['Uniform Beta(1, 1)', 'Weakly informative Beta(2, 2)', 'Informative Beta(6, 24)', 'Likelihood (scaled)']) {
			expect(figure!.textContent).toContain(text);
		}
	});

	it('matches the SVG snapshot of the default view', async () => {
		const svg = normaliseSvg(renderFigures(view()).map((f) => f.outerHTML).join('\n'));
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
			expect(seenView(v), JSON.stringify(raw)).not.toMatch(/NaN|Infinity/);
		}
		expect(factOf(view({ successes: '0', trials: '0' }), 'Observed rate s / n')).toBe('no trials yet: every posterior equals its prior');
	});

	it('is deterministic (no randomness: the same inputs give the same view)', () => {
		expect(seenView(view({ successes: '3', trials: '9' }))).toBe(seenView(view({ successes: '3', trials: '9' })));
	});
});
