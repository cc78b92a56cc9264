import { describe, expect, it } from 'vitest';
import { MAX_STEP, runDemo, spec } from '../../src/lib/demos/specs/kmeans';
import { chartOf, factOf, normaliseSvg, renderFigures, seenView, viewOf } from '../support/demo-view';

const view = viewOf(spec);

describe('kmeans demo: default view', () => {
	// Reference: the default data and k-means++ start dumped to /tmp/kmeans-default.json with
	//   const { points, trace } = runDemo(spec.defaults); JSON.stringify({ points, init: trace.states[0].centroids })
	// then /tmp/py/bin/python: X, init = np.array(d['points']), np.array(d['init'])
	//   km = KMeans(n_clusters=3, init=init, n_init=1, algorithm='lloyd', tol=0).fit(X)
	//   km.inertia_ → 532.19586843497, km.n_iter_ → 4, np.bincount(km.labels_) → [39, 41, 40]
	//   step 4 by hand in numpy (two rounds of argmin-assign then mean-update): ((X - c[lab])**2).sum() → 868.1620664325566
	it('matches sklearn’s Lloyd run from the same starting centroids', () => {
		const { points, trace } = runDemo(spec.defaults);
		expect(points).toHaveLength(120);
		const last = trace.states.at(-1)!;
		expect(last.inertia).toBeCloseTo(532.19586843497, 9);
		expect(trace.iterations).toBe(4);
		expect([0, 1, 2].map((j) => last.labels!.filter((l) => l === j).length)).toEqual([39, 41, 40]);
		expect(trace.states[4]!.inertia).toBeCloseTo(868.1620664325566, 9);
	});

	it('states the step, the inertia now and at the end, and convergence', () => {
		const v = view();
		expect(factOf(v, 'Step')).toBe('4: update (iteration 2)');
		expect(factOf(v, 'Inertia now')).toBe('868.2');
		expect(factOf(v, 'Converged')).toBe('Not yet (it converges at step 7)');
		expect(factOf(v, 'Final inertia')).toBe('532.2 after 4 iterations');
		expect(v.table.rows).toHaveLength(3);
		expect(v.table.rows.map((r) => r[3] as number).reduce((a, b) => a + b, 0)).toBe(120);
		expect(v.notice).toBeUndefined();
	});

	it('reports convergence and a notice when the slider passes the last step', () => {
		const v = view({ step: '20' });
		expect(factOf(v, 'Step')).toBe('7: assign (iteration 4), the last one');
		expect(factOf(v, 'Inertia now')).toBe('532.2');
		expect(factOf(v, 'Converged')).toBe('Yes: at step 7, no point changed cluster');
		expect(v.notice).toMatch(/stopped at step 7/);
	});

	it('shows unassigned points before the first assign step', () => {
		const v = view({ step: '0' });
		expect(factOf(v, 'Inertia now')).toBe('none yet: no point is assigned');
		expect(v.table.rows[0]!.slice(3)).toEqual(['—', '—']);
		expect(renderFigures(v)[0]!.textContent).toContain('Not assigned yet');
	});
});

describe('kmeans demo: figures', () => {
	it('draws every point, the centroids, their moves and the inertia path so far', () => {
		const [scatter, inertia] = renderFigures(view());
		for (const figure of [scatter!, inertia!]) {
			expect(chartOf(figure).getAttribute('aria-label')).toBeTruthy();
			expect(figure.outerHTML).not.toMatch(/NaN/);
		}
		// Points are circles; centroids are diamonds, drawn as paths.
		expect(chartOf(scatter!).querySelectorAll('g[data-mark="dot"] circle')).toHaveLength(120);
		expect(chartOf(scatter!).querySelectorAll('g[data-mark="dot"] path')).toHaveLength(3);
		expect(chartOf(scatter!).querySelectorAll('g[data-mark="arrow"] path')).toHaveLength(3);
		for (const name of ['Cluster 1', 'Cluster 2', 'Cluster 3']) expect(scatter!.textContent).toContain(name);
		// Steps 1..4 so far.
		expect(chartOf(inertia!).querySelectorAll('g[data-mark="dot"] circle')).toHaveLength(4);
		expect(chartOf(inertia!).querySelectorAll('g[data-mark="line"] path')).toHaveLength(1);
		expect(inertia!.textContent).toContain('After update');
	});

	it('draws no move arrows on an assign step', () => {
		const [scatter] = renderFigures(view({ step: '3' }));
		expect(chartOf(scatter!).querySelectorAll('g[data-mark="arrow"] path')).toHaveLength(0);
	});

	it('matches the SVG snapshot of the default view', async () => {
		const svg = normaliseSvg(renderFigures(view()).map((f) => f.outerHTML).join('\n'));
		await expect(svg).toMatchFileSnapshot('./__snapshots__/demo-kmeans.svg');
	});
});

describe('kmeans demo: inputs', () => {
	it('clamps out-of-range values with a note', () => {
		const { params, notes } = spec.parse({ k: '9', step: '-2', spread: '0.04' });
		expect(params).toMatchObject({ k: 5, step: 0, spread: 0.5 });
		expect(notes).toEqual([
			'Spread of each cluster (sd) must be between 0.5 and 4; 0.04 was changed to 0.5.',
			'k (clusters to look for) must be between 1 and 5; 9 was changed to 5.',
			'Step (odd: assign, even: update) must be between 0 and 20; -2 was changed to 0.',
		]);
	});

	it('never shows NaN at the corners of the controls', () => {
		for (const clusters of ['1', '5'])
			for (const k of ['1', '5'])
				for (const spread of ['0.5', '4'])
					for (const step of ['0', '1', '2', String(MAX_STEP)]) {
						const v = view({ clusters, k, spread, step, seed: '0' });
						expect(JSON.stringify(v.facts) + JSON.stringify(v.table) + v.description).not.toMatch(/NaN|Infinity|undefined/);
						for (const f of renderFigures(v)) expect(f.outerHTML).not.toMatch(/NaN/);
					}
	});

	it('gives the same view for the same seed and a different sample for another', () => {
		expect(seenView(view({ seed: '12' }))).toBe(seenView(view({ seed: '12' })));
		expect(runDemo({ ...spec.defaults, seed: 13 }).points).not.toEqual(runDemo({ ...spec.defaults, seed: 12 }).points);
		expect(seenView(view({ seed: '13' }))).not.toBe(seenView(view({ seed: '12' })));
	});
});
