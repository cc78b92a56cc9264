/**
 * The result shape every user-facing statistics function returns, plus the
 * small input checks they share. A demo shows `error` as text instead of
 * letting a bad slider value turn into NaN on the page.
 */

export type Outcome<T> = { ok: true; value: T } | { ok: false; error: string };

export function succeed<T>(value: T): Outcome<T> {
	return { ok: true, value };
}

export function fail<T>(error: string): Outcome<T> {
	return { ok: false, error };
}

export function isProbability(x: number): boolean {
	return Number.isFinite(x) && x >= 0 && x <= 1;
}

export function isNonNegativeInteger(x: number): boolean {
	return Number.isInteger(x) && x >= 0;
}

export function isPositiveFinite(x: number): boolean {
	return Number.isFinite(x) && x > 0;
}

/** Returns the first non-null message, so a form shows one problem at a time. */
export function firstProblem(...problems: Array<string | null>): string | null {
	return problems.find((p): p is string => p !== null) ?? null;
}
