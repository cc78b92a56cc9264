/**
 * Composite Simpson integration, used where no installed library gives a
 * closed form (noncentral-t power, P(B > A) and expected loss for Beta
 * posteriors). The integrands here are smooth and bounded, so a fixed even
 * number of intervals is accurate to well below the digits the demos show.
 */

export function simpson(f: (x: number) => number, lo: number, hi: number, intervals = 2000): number {
	if (!(hi > lo)) return 0;
	const n = intervals % 2 === 0 ? intervals : intervals + 1;
	const h = (hi - lo) / n;
	let sum = f(lo) + f(hi);
	for (let i = 1; i < n; i++) sum += (i % 2 === 1 ? 4 : 2) * f(lo + i * h);
	return (sum * h) / 3;
}
