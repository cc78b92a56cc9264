/**
 * Every interactive demo the book has, by id. Content names demos by these ids
 * (`demos:` in a week or track file); the validator rejects any other id.
 */
export interface DemoInfo {
	/** Heading shown above the figure. */
	title: string;
	/** One sentence saying what the learner sees and can change. */
	description: string;
}

export const demoRegistry = {
	'distribution-explorer': {
		title: 'Distribution explorer',
		description: 'Draw a sample from a distribution, compare its histogram with the true density and read its describe() numbers.',
	},
	'sampling-clt': {
		title: 'Sampling and the central limit theorem',
		description: 'Watch the distribution of sample means from a skewed population narrow and turn normal as n grows.',
	},
	'hypothesis-tests': {
		title: 'Hypothesis tests',
		description: "Simulate two groups, run Welch's t-test and a chi-square test, and see how p-values behave under the null and the alternative.",
	},
	'bayes-theorem': {
		title: "Bayes' theorem for a diagnostic test",
		description: 'Set prevalence, sensitivity and specificity and see the posterior as a number and as 1,000 people.',
	},
	'beta-binomial': {
		title: 'Beta-Binomial updating',
		description: 'Update several priors with the same data and compare their posteriors and credible intervals.',
	},
	'ab-test': {
		title: 'Bayesian and frequentist A/B test',
		description: 'Enter conversions for A and B and read P(B > A), expected loss, the confidence interval and the p-value side by side.',
	},
	'linear-regression': {
		title: 'Linear regression and residuals',
		description: 'Fit a least-squares line, read its coefficients and look at the residuals.',
	},
	'logistic-threshold': {
		title: 'Classification threshold',
		description: 'Move the decision threshold of a logistic model and watch the confusion matrix, precision, recall and ROC point change.',
	},
	'tree-splits': {
		title: 'Decision-tree splits and bagging',
		description: 'Scan thresholds for the best Gini split, then see how averaging bootstrapped trees reduces variance.',
	},
	'model-comparison': {
		title: 'Cross-validation and bias-variance',
		description: 'Compare polynomial degrees by training and k-fold validation error.',
	},
	kmeans: {
		title: 'k-means step by step',
		description: 'Assign points, move centroids and watch inertia fall on seeded data.',
	},
	pca: {
		title: 'Principal component analysis',
		description: 'Project a real data set onto its principal components, with and without standardising, and read the scree plot and loadings.',
	},
} satisfies Record<string, DemoInfo>;

export type DemoId = keyof typeof demoRegistry;

export function isDemoId(id: string): id is DemoId {
	return Object.hasOwn(demoRegistry, id);
}
