import { describe, expect, it } from 'vitest';
import { featureLabel, formatShare, spec } from '../../src/lib/demos/specs/pca';
import { chartOf, factOf, normaliseSvg, renderFigures, seenView, viewOf } from '../support/demo-view';

const view = viewOf(spec);

describe('pca demo: default view (standardised iris)', () => {
	// /tmp/py/bin/python: X = pd.read_csv('public/data/iris.csv').drop(columns='species')
	//   p = PCA().fit(StandardScaler().fit_transform(X)); p.explained_variance_ratio_ → [0.7296, 0.2285, 0.0367, 0.0052]
	//   p.explained_variance_ratio_[:2].sum() → 0.9581320720000163; p.components_[0] → [0.521, -0.269, 0.580, 0.565] (petal_length largest)
	it('states the numbers sklearn gives', () => {
		const v = view();
		expect(factOf(v, 'Variance explained by PC1')).toBe('73.0%');
		expect(factOf(v, 'PC1 + PC2 together')).toBe('95.8%');
		expect(factOf(v, 'Largest PC1 loading')).toBe('petal length (0.580)');
		expect(factOf(v, 'Components needed for 90% of the variance')).toBe('2');
		expect(v.description).toContain('PC1 explains 73.0% of the variance');
		expect(v.table.rows).toHaveLength(4);
		expect(v.table.rows[0]!.slice(0, 4)).toEqual(['PC1', '2.9381', '72.96%', '72.96%']);
		expect(v.notice).toBeUndefined();
		expect(spec.predict!.answer(spec.defaults)).toBeCloseTo(72.9624454132999, 10);
	});

	// PCA().fit(X) (no scaling): explained_variance_ratio_[0] → 0.9246187232017327
	// wine: PCA().fit(StandardScaler().fit_transform(W)) → ratio[0] 0.3619884809992633, ratio[:2].sum() 0.5540633835693527,
	//   components_[0] largest |entry|: flavanoids 0.4229;  PCA().fit(W) → ratio[0] 0.9980912304918973, ratio[:2].sum() 0.9998271461166031
	it('changes with the data set and the scaling', () => {
		expect(factOf(view({ standardise: 'false' }), 'Variance explained by PC1')).toBe('92.5%');
		expect(spec.predict!.answer({ dataset: 'iris', standardise: false })).toBeCloseTo(92.46187232017327, 10);
		const wine = view({ dataset: 'wine' });
		expect(factOf(wine, 'Variance explained by PC1')).toBe('36.2%');
		expect(factOf(wine, 'PC1 + PC2 together')).toBe('55.4%');
		expect(factOf(wine, 'Largest PC1 loading')).toBe('flavanoids (0.423)');
		expect(wine.table.rows).toHaveLength(13);
		const raw = view({ dataset: 'wine', standardise: 'false' });
		expect(factOf(raw, 'Variance explained by PC1')).toBe('99.8%');
		expect(factOf(raw, 'PC1 + PC2 together')).toBe('99.98%');
		expect(factOf(raw, 'Largest PC1 loading')).toBe('proline (1.000)');
	});
});

describe('pca demo: figures', () => {
	it('draws the scree bars and line, one dot per flower, and two loading bars per feature', () => {
		const [scree, scatter, loadings] = renderFigures(view());
		for (const figure of [scree, scatter, loadings]) {
			expect(chartOf(figure!).getAttribute('aria-label')).toBeTruthy();
			expect(figure!.textContent).not.toMatch(/NaN/);
		}
		expect(chartOf(scree!).getAttribute('aria-label')).toMatch(/^Scree plot/);
		// Legend swatches are <rect>s in their own svg; `chartOf` counts only the chart's bars.
		expect(chartOf(scree!).querySelectorAll('g[data-mark="bar"] rect')).toHaveLength(4);
		expect(chartOf(scree!).querySelectorAll('g[data-mark="line"] path')).toHaveLength(1);
		expect(chartOf(scree!).querySelectorAll('g[data-mark="dot"] circle')).toHaveLength(4);
		expect(chartOf(scatter!).querySelectorAll('g[data-mark="dot"] circle')).toHaveLength(150);
		expect(chartOf(loadings!).querySelectorAll('g[data-mark="bar"] rect')).toHaveLength(8);
		// A colour legend names the three species.
		for (const species of ['setosa', 'versicolor', 'virginica']) expect(scatter!.textContent).toContain(species);
	});

	it('draws 13 components and 26 loading bars for wine', () => {
		const [scree, , loadings] = renderFigures(view({ dataset: 'wine' }));
		expect(chartOf(scree!).querySelectorAll('g[data-mark="bar"] rect')).toHaveLength(13);
		expect(chartOf(loadings!).querySelectorAll('g[data-mark="bar"] rect')).toHaveLength(26);
		expect(loadings!.textContent).toContain('OD280/OD315');
	});

	it('matches the SVG snapshot of the default view', async () => {
		const svg = normaliseSvg(renderFigures(view()).map((f) => f.outerHTML).join('\n'));
		await expect(svg).toMatchFileSnapshot('./__snapshots__/demo-pca.svg');
	});
});

describe('pca demo: inputs', () => {
	it('replaces an unknown data set with the default and notes it', () => {
		const { params, notes } = spec.parse({ dataset: 'penguins', standardise: 'off' });
		expect(params).toEqual({ dataset: 'iris', standardise: false });
		expect(notes).toEqual(['Data set: “penguins” is not an option, so iris is used.']);
	});

	it('never shows NaN for any combination of settings', () => {
		for (const dataset of ['iris', 'wine']) {
			for (const standardise of ['true', 'false']) {
				const v = view({ dataset, standardise });
				expect(JSON.stringify(v)).not.toMatch(/NaN|Infinity|undefined/);
				for (const f of renderFigures(v)) expect(f.outerHTML).not.toMatch(/NaN/);
			}
		}
	});

	it('shows a message for a data set that bypassed parse()', () => {
		const v = spec.view({ dataset: 'nope', standardise: true });
		expect(v.figures).toHaveLength(0);
		expect(v.notice).toBe('There is no data set “nope”.');
	});

	it('is deterministic: no randomness, the same settings give the same view', () => {
		expect(seenView(view({ dataset: 'wine' }))).toBe(seenView(view({ dataset: 'wine' })));
		expect(seenView(view({ dataset: 'wine' }))).not.toBe(seenView(view({ dataset: 'iris' })));
	});
});

describe('pca demo helpers', () => {
	it('shortens feature names and keeps near-100% shares honest', () => {
		expect(featureLabel('petal_length')).toBe('petal length');
		expect(featureLabel('od280_od315_of_diluted_wines')).toBe('OD280/OD315');
		expect(formatShare(0.99982)).toBe('99.98%');
		expect(formatShare(0.958)).toBe('95.8%');
		expect(formatShare(1)).toBe('100.0%');
	});
});
