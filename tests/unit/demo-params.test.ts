// Demo parameters read from a URL or a form: clamped, defaulted, and every
// correction said in a note that repeats the learner's input only as far as it is short.
import { describe, expect, it } from 'vitest';
import { MAX_ECHO, echo, parseControls } from '../../src/lib/demos/params';
import type { Control } from '../../src/lib/demos/spec';

const controls: Control[] = [
	{ kind: 'number', name: 'n', label: 'Sample size', min: 1, max: 100, step: 1 },
	{ kind: 'select', name: 'shape', label: 'Shape', options: [{ value: 'normal', label: 'Normal' }] },
];
const defaults = { n: 10, shape: 'normal' };

describe('echo', () => {
	it('repeats a short value whole and a long one as its start and length', () => {
		expect(echo('abc')).toBe('abc');
		expect(echo('abc', true)).toBe('“abc”');
		const long = 'y'.repeat(4800);
		expect(echo(long, true)).toBe(`“${'y'.repeat(MAX_ECHO)}…” (4800 characters)`);
	});
});

describe('parseControls', () => {
	it('notes a 4,800-character parameter without echoing it whole', () => {
		for (const raw of [{ n: 'x'.repeat(4800) }, { shape: 'z'.repeat(4800) }, { n: `0.${'0'.repeat(4797)}1` }]) {
			const { params, notes } = parseControls(controls, defaults, raw);
			expect(notes).toHaveLength(1);
			expect(notes[0]!.length).toBeLessThan(200);
			expect(notes[0]).toContain('(4800 characters)');
			expect(params.shape).toBe('normal');
		}
	});

	it('still quotes short mistakes whole and clamps numbers', () => {
		expect(parseControls(controls, defaults, { n: 'ten' }).notes).toEqual(['Sample size: “ten” is not a number, so 10 is used.']);
		expect(parseControls(controls, defaults, { n: '500' })).toEqual({ params: { n: 100, shape: 'normal' }, notes: ['Sample size must be between 1 and 100; 500 was changed to 100.'] });
	});
});
