import { describe, expect, it } from 'vitest';
import { spec } from '../../src/lib/demos/specs/tree-splits';
import { chartOf, factOf, normaliseSvg, renderFigures, seenView, viewOf } from '../support/demo-view';

const defaultView = viewOf(spec);
const baggingView = (raw: Record<string, string> = {}) => spec.view(spec.parse({ view: 'bagging', ...raw }).params);

describe('tree-splits demo, split scanner', () => {
	it('finds the split sklearn finds on petal length', () => {
		// d = pd.read_csv('public/data/iris.csv'); d = d[d.species != 'setosa']
		// t = DecisionTreeClassifier(max_depth=1, random_state=0).fit(d[['petal_length']], d.species).tree_
		// t.threshold[0] = 4.75; t.impurity = [0.5, 0.04345679, 0.19438017]; t.n_node_samples[1:] = [45, 55]
		// weighted = (45 * 0.04345679012345682 + 55 * 0.19438016528925617) / 100 = 0.12646464646464647
		// decrease = 0.5 - weighted = 0.3735353535353535; t.value[1] * 45 = [44, 1], t.value[2] * 55 = [6, 49]
		// weighted Gini of petal_length <= 5.0 with numpy: 0.17159277504105083
		const view = defaultView();
		expect(factOf(view, 'Best split')).toBe('petal length ≤ 4.75 cm');
		expect(factOf(view, 'Weighted Gini of the best split')).toBe('0.126');
		expect(factOf(view, 'Parent Gini')).toBe('0.500');
		expect(factOf(view, 'Impurity decrease')).toBe('0.374');
		expect(factOf(view, 'Best split, left | right')).toBe('44 versicolor + 1 virginica | 6 versicolor + 49 virginica');
		expect(factOf(view, 'Your split (≤ 5.00 cm)')).toBe('weighted Gini 0.172, decrease 0.328');
		// len(np.unique(d.petal_length)) - 1 = 33 candidates, one table row each
		expect(view.table.rows).toHaveLength(33);
		expect(view.notice).toBeUndefined();
	});

	it('matches sklearn on petal width too', () => {
		// Same tree on d[['petal_width']]: threshold 1.75, weighted Gini 0.11030595813204509, decrease 0.3896940418679549
		const view = spec.view(spec.parse({ feature: 'petal_width', threshold: '1.5' }).params);
		expect(factOf(view, 'Best split')).toBe('petal width ≤ 1.75 cm');
		expect(factOf(view, 'Weighted Gini of the best split')).toBe('0.110');
		expect(factOf(view, 'Impurity decrease')).toBe('0.390');
	});

	it('renders the Gini scan and the class counts with both thresholds', () => {
		const [scan, counts] = renderFigures(defaultView());
		expect(chartOf(scan!).getAttribute('aria-label')).toBe('Weighted Gini impurity of the children for every candidate threshold on petal length');
		expect(chartOf(counts!).getAttribute('aria-label')).toContain('Versicolor and virginica flowers by petal length');
		// 33 candidate dots + the best split + your threshold
		expect(scan!.querySelectorAll('g[data-mark="dot"] circle')).toHaveLength(35);
		expect(scan!.querySelectorAll('g[data-mark="line"] path')).toHaveLength(1);
		// one bar per measured (value, species) pair that occurs
		const bars = counts!.querySelectorAll('g[data-mark="rect"] rect').length;
		expect(bars).toBeGreaterThan(33);
		expect(bars).toBeLessThan(70);
		expect(counts!.querySelectorAll('g[data-mark="rule"] line').length).toBeGreaterThanOrEqual(3);
	});

	it('keeps the default SVG stable', async () => {
		const svg = renderFigures(defaultView())
			.map((e) => normaliseSvg(e.outerHTML))
			.join('\n');
		await expect(svg).toMatchFileSnapshot('./__snapshots__/demo-tree-splits.svg');
	});

	it('clamps bad input with a note, explains a threshold outside the data and never shows NaN', () => {
		const { params, notes } = spec.parse({ threshold: '12', depth: '0', trees: 'many', feature: 'colour' });
		expect(params.threshold).toBe(8);
		expect(params.depth).toBe(1);
		expect(params.trees).toBe(50);
		expect(params.feature).toBe('petal_length');
		expect(notes).toHaveLength(4);
		const view = spec.view(params);
		expect(view.notice).toContain('puts every flower on one side');
		expect(factOf(view, 'Your split (≤ 8.00 cm)')).toBe('weighted Gini 0.500, decrease 0.000');
		for (const v of [view, spec.view({ ...params, threshold: 1 }), baggingView({ depth: '1', trees: '2' })]) expect(JSON.stringify(v)).not.toContain('NaN');
	});
});

describe('tree-splits demo, bagging', () => {
	it('shows the variances sklearn trees give on the same seeded data and resamples', () => {
		// /tmp/py/bin/python, regenerating the demo's draws with the d3-random port:
		//   import sys, math; sys.path.insert(0, 'tests/unit/reference'); from d3_random import *
		//   src = lcg(1)
		//   def sample(): noise = normal(src, 0, 0.5); return np.array([(x, math.sin(x) + noise()) for x in (6 * src() for _ in range(60))])
		//   def boot(): return [min(59, math.floor(src() * 60)) for _ in range(60)]
		//   def tree(P, idx): return DecisionTreeRegressor(max_depth=6).fit(P[idx, :1], P[idx, 1]).predict(g)
		//   g = np.array([0.15 + 5.7 * i / 38 for i in range(39)])[:, None]
		//   shown = sample(); [boot() for _ in range(50)]          # the pictured sample and its bag
		//   for r in range(30): P = sample(); S.append(tree(P, range(60))); B.append(np.mean([tree(P, boot()) for _ in range(50)], 0))
		//   np.var(S, 0, ddof=1).mean() = 0.1955419199299279; np.var(B, 0, ddof=1).mean() = 0.10080318876936457; ratio 1.939838633253194
		// (With numpy's own RNG and 300 training sets, BaggingRegressor gives 0.2079, 0.1049 and a ratio of 1.98.)
		const view = baggingView();
		expect(factOf(view, 'Variance of one tree (mean over x)')).toBe('0.196');
		expect(factOf(view, 'Variance of the average of 50 trees')).toBe('0.101');
		expect(factOf(view, 'Variance ratio (one tree ÷ bagged)')).toBe('1.94×');
		expect(factOf(view, 'Ratio if the trees were uncorrelated')).toBe('about 50×');
		expect(factOf(view, 'Noise variance σ² (no model can beat it)')).toBe('0.250');
		expect(view.table.rows).toHaveLength(20);
	});

	it('draws the data, five thin trees, the truth and the thick average', () => {
		const view = baggingView();
		const [fits, variance] = renderFigures(view);
		expect(chartOf(fits!).getAttribute('aria-label')).toBe('5 bootstrap trees of depth 6 (thin) and the average of 50 (thick) on 60 noisy points from sin(x)');
		expect(chartOf(variance!).getAttribute('aria-label')).toContain('Prediction variance across 30 fresh training sets');
		expect(fits!.querySelectorAll('g[data-mark="dot"] circle')).toHaveLength(60);
		// 5 bootstrap trees + the true curve + the bagged average
		expect(fits!.querySelectorAll('g[data-mark="line"] path')).toHaveLength(7);
		expect(variance!.querySelectorAll('g[data-mark="line"] path')).toHaveLength(2);
	});

	it('gives the same picture for the same seed and another for a new seed', () => {
		const a = seenView(baggingView({ seed: '4' }));
		expect(seenView(baggingView({ seed: '4' }))).toBe(a);
		expect(seenView(baggingView({ seed: '5' }))).not.toBe(a);
	});
});
