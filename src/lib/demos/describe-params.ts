/** Parameters in words, for the printed caption and the screen reader: "Prevalence P(disease) = 1%". */
import type { Control, Params } from './spec';

export function formatParams(controls: Control[], params: Params): string {
	return controls
		.map((c) => {
			const value = params[c.name];
			if (c.kind === 'checkbox') return `${c.label}: ${value ? 'on' : 'off'}`;
			if (c.kind === 'select') return `${c.label}: ${c.options.find((o) => o.value === value)?.label ?? String(value)}`;
			if (c.kind === 'range' && c.format === 'percent' && typeof value === 'number') return `${c.label} = ${Number((value * 100).toFixed(4))}%`;
			return `${c.label} = ${String(value)}`;
		})
		.join(', ');
}
