/**
 * Reading demo parameters from strings (URL query, form fields) with clamping and
 * a note per corrected value, and writing them back to a URL query.
 */
import type { Control, Params } from './spec';

export interface Parsed<P extends Params> {
	params: P;
	notes: string[];
}

/** Longest raw value a note repeats whole; a URL can carry thousands of characters. */
export const MAX_ECHO = 40;

/** A raw value as a note repeats it, quoted or not: whole when short, else its start and its length. */
export function echo(value: string, quote = false): string {
	const [open, close] = quote ? ['“', '”'] : ['', ''];
	return value.length <= MAX_ECHO ? `${open}${value}${close}` : `${open}${value.slice(0, MAX_ECHO)}…${close} (${value.length} characters)`;
}

function decimals(step: number): number {
	const text = String(step);
	return text.includes('.') ? text.split('.')[1]!.length : 0;
}

/** Parses each control's raw value; anything missing takes its default. */
export function parseControls<P extends Params>(controls: Control[], defaults: P, raw: Partial<Record<string, string>>): Parsed<P> {
	const params: Params = { ...defaults };
	const notes: string[] = [];
	for (const control of controls) {
		const value = raw[control.name];
		if (value === undefined) continue;
		if (control.kind === 'checkbox') {
			params[control.name] = value === 'true' || value === 'on' || value === '1';
		} else if (control.kind === 'select') {
			if (control.options.some((o) => o.value === value)) params[control.name] = value;
			else notes.push(`${control.label}: ${echo(value, true)} is not an option, so ${String(defaults[control.name])} is used.`);
		} else {
			const number = Number(value);
			const min = control.kind === 'seed' ? 0 : control.min;
			const max = control.kind === 'seed' ? 2 ** 31 - 1 : control.max;
			if (value.trim() === '' || !Number.isFinite(number)) {
				notes.push(`${control.label}: ${echo(value, true)} is not a number, so ${String(defaults[control.name])} is used.`);
				continue;
			}
			const step = control.kind === 'seed' ? 1 : control.step;
			const clamped = Math.min(max, Math.max(min, number));
			const rounded = Number((Math.round(clamped / step) * step).toFixed(decimals(step)));
			if (clamped !== number) notes.push(`${control.label} must be between ${min} and ${max}; ${echo(value)} was changed to ${rounded}.`);
			params[control.name] = rounded;
		}
	}
	return { params: params as P, notes };
}

/** URL query keys are namespaced by demo id so two demos on a page never clash. */
export const queryKey = (demoId: string, name: string) => `${demoId}.${name}`;

export function paramsFromQuery(demoId: string, controls: Control[], query: URLSearchParams): Partial<Record<string, string>> {
	const raw: Partial<Record<string, string>> = {};
	for (const c of controls) {
		const value = query.get(queryKey(demoId, c.name));
		if (value !== null) raw[c.name] = value;
	}
	return raw;
}

/** Writes parameters that differ from the defaults into `query`; defaults are left out. */
export function writeQuery(demoId: string, params: Params, defaults: Params, query: URLSearchParams): URLSearchParams {
	const next = new URLSearchParams(query);
	for (const [name, value] of Object.entries(params)) {
		if (value === defaults[name]) next.delete(queryKey(demoId, name));
		else next.set(queryKey(demoId, name), String(value));
	}
	return next;
}
