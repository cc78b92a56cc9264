/**
 * Bayes' theorem for a diagnostic test: the posterior probability of disease
 * after a positive or a negative result, and the same story as natural
 * frequencies in a population of 1,000 people.
 */
import { fail, isProbability, succeed, type Outcome } from './outcome';

export interface DiagnosticInput {
	/** P(D): share of the population with the disease. */
	prevalence: number;
	/** P(+ | D): share of the diseased who test positive. */
	sensitivity: number;
	/** P(− | not D): share of the healthy who test negative. */
	specificity: number;
}

export interface NaturalFrequencies {
	population: number;
	diseased: number;
	healthy: number;
	truePositives: number;
	falseNegatives: number;
	falsePositives: number;
	trueNegatives: number;
}

export interface DiagnosticPosterior {
	/** P(+), the share of everyone who tests positive. */
	positiveRate: number;
	/** P(D | +), the positive predictive value; null when nobody can test positive. */
	diseaseGivenPositive: number | null;
	/** P(D | −); null when nobody can test negative. */
	diseaseGivenNegative: number | null;
	/** P(not D | −), the negative predictive value; null when nobody can test negative. */
	healthyGivenNegative: number | null;
	/** Whole-person counts out of 1,000 (see `naturalFrequencies`). */
	frequencies: NaturalFrequencies;
}

export const NATURAL_FREQUENCY_POPULATION = 1000;

/**
 * Half-up rounding after trimming floating-point noise, so 990 × (1 − 0.95) =
 * 49.50000000000004 and 15 × (1 − 0.9) = 1.4999999999999996 are both read as
 * exactly-half values and rounded up alike.
 */
export function roundHalfUp(x: number): number {
	return Math.round(Number(x.toPrecision(12)));
}

/**
 * Counts that always add up: the population is split into diseased and
 * healthy by rounding, then the positives of each group (true and false
 * positives, the numbers behind P(D | +)) are rounded and the negatives are
 * whatever remains of the group.
 */
export function naturalFrequencies(
	{ prevalence, sensitivity, specificity }: DiagnosticInput,
	population = NATURAL_FREQUENCY_POPULATION,
): NaturalFrequencies {
	const diseased = roundHalfUp(population * prevalence);
	const healthy = population - diseased;
	const truePositives = roundHalfUp(diseased * sensitivity);
	const falsePositives = roundHalfUp(healthy * (1 - specificity));
	return {
		population,
		diseased,
		healthy,
		truePositives,
		falseNegatives: diseased - truePositives,
		falsePositives,
		trueNegatives: healthy - falsePositives,
	};
}

export function diagnosticInputProblem({ prevalence, sensitivity, specificity }: DiagnosticInput): string | null {
	if (!isProbability(prevalence)) return 'Prevalence must be a probability between 0 and 1.';
	if (!isProbability(sensitivity)) return 'Sensitivity must be a probability between 0 and 1.';
	if (!isProbability(specificity)) return 'Specificity must be a probability between 0 and 1.';
	return null;
}

export function diagnosticPosterior(input: DiagnosticInput): Outcome<DiagnosticPosterior> {
	const problem = diagnosticInputProblem(input);
	if (problem !== null) return fail(problem);
	const { prevalence, sensitivity, specificity } = input;
	const truePositiveRate = prevalence * sensitivity;
	const falsePositiveRate = (1 - prevalence) * (1 - specificity);
	const falseNegativeRate = prevalence * (1 - sensitivity);
	const trueNegativeRate = (1 - prevalence) * specificity;
	const positiveRate = truePositiveRate + falsePositiveRate;
	const negativeRate = falseNegativeRate + trueNegativeRate;
	return succeed({
		positiveRate,
		diseaseGivenPositive: positiveRate > 0 ? truePositiveRate / positiveRate : null,
		diseaseGivenNegative: negativeRate > 0 ? falseNegativeRate / negativeRate : null,
		healthyGivenNegative: negativeRate > 0 ? trueNegativeRate / negativeRate : null,
		frequencies: naturalFrequencies(input),
	});
}
