import { describe, expect, it } from 'vitest';
import { diagnosticPosterior, naturalFrequencies, roundHalfUp, type DiagnosticPosterior } from '../../src/lib/stats/bayes';
import type { Outcome } from '../../src/lib/stats/outcome';

function valueOf<T>(result: Outcome<T>): T {
	if (!result.ok) throw new Error(result.error);
	return result.value;
}

describe('diagnosticPosterior', () => {
	it('gives the headline P(D|+) = 0.1538 for prevalence 1%, sensitivity 90%, specificity 95%', () => {
		// prev, sens, spec = 0.01, 0.9, 0.95
		// sens*prev/(sens*prev+(1-spec)*(1-prev)) -> 0.15384615384615374
		// (1-sens)*prev/((1-sens)*prev+spec*(1-prev)) -> 0.0010621348911311734
		// sens*prev+(1-spec)*(1-prev) -> 0.058500000000000045
		const r: DiagnosticPosterior = valueOf(diagnosticPosterior({ prevalence: 0.01, sensitivity: 0.9, specificity: 0.95 }));
		expect(r.diseaseGivenPositive).toBeCloseTo(0.15384615384615374, 14);
		expect(r.diseaseGivenNegative).toBeCloseTo(0.0010621348911311734, 14);
		expect(r.healthyGivenNegative).toBeCloseTo(1 - 0.0010621348911311734, 14);
		expect(r.positiveRate).toBeCloseTo(0.058500000000000045, 14);
	});

	it('turns the headline case into 1,000 people that add up', () => {
		const { frequencies: f } = valueOf(diagnosticPosterior({ prevalence: 0.01, sensitivity: 0.9, specificity: 0.95 }));
		// 10 diseased (9 test positive), 990 healthy of whom 49.5 test positive, rounded half up to 50.
		expect(f).toEqual({
			population: 1000,
			diseased: 10,
			healthy: 990,
			truePositives: 9,
			falseNegatives: 1,
			falsePositives: 50,
			trueNegatives: 940,
		});
		expect(f.truePositives + f.falseNegatives + f.falsePositives + f.trueNegatives).toBe(1000);
	});

	it('matches a second case computed in Python', () => {
		// prev, sens, spec = 0.2, 0.75, 0.8 -> P(D|+) 0.48387096774193555, P(D|-) 0.07246376811594202
		const r = valueOf(diagnosticPosterior({ prevalence: 0.2, sensitivity: 0.75, specificity: 0.8 }));
		expect(r.diseaseGivenPositive).toBeCloseTo(0.48387096774193555, 14);
		expect(r.diseaseGivenNegative).toBeCloseTo(0.07246376811594202, 14);
		expect(r.frequencies).toMatchObject({ diseased: 200, truePositives: 150, falseNegatives: 50, falsePositives: 160, trueNegatives: 640 });
	});

	it('keeps natural frequencies summing to the population for awkward inputs', () => {
		for (const prevalence of [0, 0.0005, 0.0137, 0.333, 0.5, 0.9995, 1]) {
			for (const sensitivity of [0, 0.51, 0.876, 1]) {
				for (const specificity of [0, 0.333, 0.9049, 1]) {
					const f = naturalFrequencies({ prevalence, sensitivity, specificity });
					expect(f.diseased + f.healthy).toBe(1000);
					expect(f.truePositives + f.falseNegatives).toBe(f.diseased);
					expect(f.falsePositives + f.trueNegatives).toBe(f.healthy);
					expect(Math.min(f.truePositives, f.falseNegatives, f.falsePositives, f.trueNegatives)).toBeGreaterThanOrEqual(0);
				}
			}
		}
	});

	it('rounds exact halves up even when floating point lands just below', () => {
		// 15 healthy people at specificity 0.9 give 1.5 false positives, computed as 1.4999999999999996.
		expect(15 * (1 - 0.9)).toBe(1.4999999999999996);
		expect(Math.round(15 * (1 - 0.9))).toBe(1);
		expect(roundHalfUp(15 * (1 - 0.9))).toBe(2);
		expect(roundHalfUp(990 * (1 - 0.95))).toBe(50);
		expect(roundHalfUp(2.4)).toBe(2);
	});

	it('reports an undefined posterior as null rather than NaN', () => {
		// Nobody can test positive when the disease is absent and the test never errs.
		const r = valueOf(diagnosticPosterior({ prevalence: 0, sensitivity: 0.9, specificity: 1 }));
		expect(r.positiveRate).toBe(0);
		expect(r.diseaseGivenPositive).toBeNull();
		expect(r.diseaseGivenNegative).toBe(0);
	});

	it('validates that every input is a probability', () => {
		expect(diagnosticPosterior({ prevalence: 1.2, sensitivity: 0.9, specificity: 0.9 })).toEqual({
			ok: false,
			error: 'Prevalence must be a probability between 0 and 1.',
		});
		expect(diagnosticPosterior({ prevalence: 0.1, sensitivity: -0.1, specificity: 0.9 }).ok).toBe(false);
		expect(diagnosticPosterior({ prevalence: 0.1, sensitivity: 0.9, specificity: Number.NaN }).ok).toBe(false);
	});
});
