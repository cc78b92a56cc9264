/**
 * The shape every demo follows (after Observable Plot's own tests: pure functions
 * from parameters to data to Plot options). A demo never touches the DOM: the
 * server renders its default view to static SVG, the island re-renders on input.
 */
import type { PlotOptions } from '@observablehq/plot';
import type { DemoId } from './registry';

export type ParamValue = number | string | boolean;
export type Params = Record<string, ParamValue>;

export type Control =
	| { kind: 'range'; name: string; label: string; min: number; max: number; step: number; format?: 'percent' | 'number' }
	| { kind: 'number'; name: string; label: string; min: number; max: number; step: number }
	| { kind: 'select'; name: string; label: string; options: Array<{ value: string; label: string }> }
	| { kind: 'checkbox'; name: string; label: string }
	/** A seed field plus a "New sample" button that picks a fresh seed. */
	| { kind: 'seed'; name: string; label: string };

export interface Fact {
	label: string;
	value: string;
}

export interface Figure {
	/** Accessible name of the chart, also its caption on paper. */
	title: string;
	/** Plot options without `document`; the renderer adds it. */
	options: PlotOptions;
}

export interface Table {
	caption: string;
	columns: string[];
	rows: Array<Array<string | number>>;
}

export interface DemoView {
	/** One sentence: what the chart shows for these parameters (the text alternative). */
	description: string;
	/** The key numbers, as text beside the chart ("P(disease | positive) = 16.1%"). */
	facts: Fact[];
	figures: Figure[];
	table: Table;
	/** A message when the inputs were corrected or cannot be shown. */
	notice?: string;
}

export interface Prediction {
	/** Asked before the answer shows, e.g. "What share of positives are really ill?" */
	question: string;
	/** Unit of the guess; percentages are entered 0..100. */
	unit: 'percent' | 'number';
	min: number;
	max: number;
	step: number;
	/** The true value for these parameters, in the same unit. */
	answer(params: Params): number;
	/** Largest miss still logged as a right guess; see `guessTolerance` for the default. */
	tolerance?: number;
}

export interface DemoSpec<P extends Params = Params> {
	id: DemoId;
	defaults: P;
	controls: Control[];
	/**
	 * Turns raw strings (from the URL or the form) into valid parameters. Values out
	 * of range are clamped and reported in `notes`, so the chart never breaks.
	 */
	parse(raw: Partial<Record<string, string>>): { params: P; notes: string[] };
	view(params: P): DemoView;
	predict?: Prediction;
}
