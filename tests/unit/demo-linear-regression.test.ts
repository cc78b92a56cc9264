import { describe, expect, it } from 'vitest';
import { pointsFor, spec } from '../../src/lib/demos/specs/linear-regression';
import { chartOf, factOf, normaliseSvg, renderFigures, seenView, viewOf } from '../support/demo-view';

const view = viewOf(spec);

// Reference: the default sample dumped with JSON.stringify(pointsFor({ ...spec.defaults, outlier })) to
// /tmp/linreg-default.json (outlier false) and /tmp/linreg-default-outlier.json (true), then /tmp/py/bin/python:
//   x, y = (np.array([p[k] for p in d]) for k in 'xy'); b1, b0 = np.polyfit(x, y, 1)
//   X = np.column_stack([np.ones_like(x), x]); r = y - X@[b0, b1]; s2 = r@r/(n-2)
//   se = np.sqrt(np.diag(s2*np.linalg.inv(X.T@X))); r2 = 1 - r@r/((y-y.mean())@(y-y.mean())); np.sqrt(s2)
// default:      b0 1.0810971942713925, b1 1.5816866206810625, se [0.8159212207086239, 0.1307456418510637], r2 0.8394015470097986, s 2.161917064965352
// with outlier: b0 2.312585217552679,  b1 1.27894521350277,   se [1.2211058210243741, 0.18767811195941783], r2 0.615580057421109, s 3.3298246057125276
describe('linear-regression demo: default view', () => {
	it('states numpy’s fit with classical standard errors', () => {
		const v = view();
		expect(factOf(v, 'Fitted line')).toBe('ŷ = 1.08 + 1.58x');
		expect(factOf(v, 'Intercept ± SE (true 2.0)')).toBe('1.081 ± 0.816');
		expect(factOf(v, 'Slope ± SE (true 1.5)')).toBe('1.582 ± 0.131');
		expect(factOf(v, 'R²')).toBe('0.839');
		expect(factOf(v, 'Residual sd (true noise sd 2.0)')).toBe('2.162');
		expect(spec.predict!.answer(spec.defaults)).toBeCloseTo(1.5816866206810625, 10);
		expect(v.notice).toBeUndefined();
	});

	// statsmodels: sm.OLS(y, X).fit().conf_int(0.05)[1] on the default sample
	it('lists both coefficients with t and the 95% interval', () => {
		const v = view();
		expect(v.table.rows).toHaveLength(2);
		expect(v.table.rows[1]!.slice(0, 5)).toEqual(['Slope', '1.50', '1.582', '0.131', '12.10']);
		expect(v.table.rows[1]![5]).toBe('[1.314, 1.850]');
	});

	it('shows how the outlier pulls the slope', () => {
		const v = view({ outlier: 'true' });
		expect(factOf(v, 'Fitted line')).toBe('ŷ = 2.31 + 1.28x');
		expect(factOf(v, 'Intercept ± SE (true 2.0)')).toBe('2.313 ± 1.221');
		expect(factOf(v, 'Slope ± SE (true 1.5)')).toBe('1.279 ± 0.188');
		expect(factOf(v, 'R²')).toBe('0.616');
		expect(factOf(v, 'Residual sd (true noise sd 2.0)')).toBe('3.330');
		expect(v.description).toContain('moves the fitted slope from 1.58 to 1.28');
		expect(spec.predict!.answer({ ...spec.defaults, outlier: true })).toBeCloseTo(1.27894521350277, 10);
	});
});

describe('linear-regression demo: figures', () => {
	it('draws the points and both lines, then the residuals around zero', () => {
		const [scatter, residuals] = renderFigures(view());
		for (const figure of [scatter!, residuals!]) {
			expect(chartOf(figure).getAttribute('aria-label')).toBeTruthy();
			expect(figure.outerHTML).not.toMatch(/NaN/);
		}
		expect(chartOf(scatter!).querySelectorAll('g[data-mark="dot"] circle')).toHaveLength(30);
		expect(chartOf(scatter!).querySelectorAll('g[data-mark="link"] path')).toHaveLength(2);
		expect(chartOf(scatter!).querySelector('g[data-mark="link"]')!.getAttribute('stroke-dasharray')).toBe('6,4');
		for (const name of ['Data', 'Least-squares line', 'True line']) expect(scatter!.textContent).toContain(name);
		expect(chartOf(residuals!).querySelectorAll('g[data-mark="dot"] circle')).toHaveLength(30);
		expect(chartOf(residuals!).querySelectorAll('g[data-mark="rule"] line')).toHaveLength(1);
	});

	it('colours the outlier and names it in a legend on both charts', () => {
		const [scatter, residuals] = renderFigures(view({ outlier: 'true' }));
		expect(chartOf(scatter!).querySelectorAll('g[data-mark="dot"] circle')).toHaveLength(31);
		expect(chartOf(scatter!).querySelectorAll('circle[fill="#e07b39"]')).toHaveLength(1);
		expect(scatter!.textContent).toContain('Outlier');
		expect(residuals!.textContent).toContain('Outlier');
	});

	it('matches the SVG snapshot of the default view', async () => {
		const svg = normaliseSvg(renderFigures(view()).map((f) => f.outerHTML).join('\n'));
		await expect(svg).toMatchFileSnapshot('./__snapshots__/demo-linear-regression.svg');
	});
});

describe('linear-regression demo: inputs', () => {
	it('clamps out-of-range values with a note', () => {
		const { params, notes } = spec.parse({ slope: '7', n: '2', noiseSd: 'lots' });
		expect(params).toMatchObject({ slope: 3, n: 5, noiseSd: 2 });
		expect(notes).toEqual([
			'True slope must be between -3 and 3; 7 was changed to 3.',
			'Noise sd: “lots” is not a number, so 2 is used.',
			'Points (n) must be between 5 and 200; 2 was changed to 5.',
		]);
	});

	it('never shows NaN at the corners of the controls', () => {
		for (const slope of ['-3', '0', '3'])
			for (const noiseSd of ['0.1', '5'])
				for (const n of ['5', '200'])
					for (const outlier of ['true', 'false']) {
						const v = view({ slope, noiseSd, n, outlier, seed: '0' });
						expect(JSON.stringify(v.facts) + JSON.stringify(v.table) + v.description).not.toMatch(/NaN|Infinity|undefined|—/);
						for (const f of renderFigures(v)) expect(f.outerHTML).not.toMatch(/NaN/);
					}
	});

	it('gives the same view for the same seed and a different sample for another', () => {
		expect(seenView(view({ seed: '5' }))).toBe(seenView(view({ seed: '5' })));
		expect(pointsFor({ ...spec.defaults, seed: 6 })).not.toEqual(pointsFor({ ...spec.defaults, seed: 5 }));
		expect(seenView(view({ seed: '6' }))).not.toBe(seenView(view({ seed: '5' })));
	});
});
