// When a frozen output still matches a fresh run: numbers at their shown precision,
// relative to their size, on the shapes pandas and numpy really print; and, over every
// frozen output of this book, a single number scaled 1000x never passes.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { outputsDir, sameNumber, sameOutput, shownUnit, type CachedPage } from '../../src/lib/python/outputs';

describe('shownUnit', () => {
	it('is one unit in the last digit, from the exponent for scientific notation', () => {
		expect(shownUnit('3.1416')).toBeCloseTo(1e-4, 12);
		expect(shownUnit('-0.50')).toBeCloseTo(1e-2, 12);
		expect(shownUnit('7.7e-05')).toBeCloseTo(1e-6, 15);
		expect(shownUnit('1.234560e+02')).toBeCloseTo(1e-4, 12);
		expect(shownUnit('1e+03')).toBe(1000);
	});
});

describe('sameNumber', () => {
	it('tells small numbers in scientific notation apart', () => {
		expect(sameNumber('7.7e-05', '1.4e-06')).toBe(false);
		expect(sameNumber('7.7e-05', '7.8e-05')).toBe(true);
		expect(sameNumber('7.7e-05', '7.9e-05')).toBe(false);
		expect(sameNumber('1e+03', '1e+00')).toBe(false);
	});
	it('accepts one unit in the last digit and a column printed with another number of digits', () => {
		expect(sameNumber('0.965', '0.966')).toBe(true);
		expect(sameNumber('0.965', '0.967')).toBe(false);
		expect(sameNumber('1.5', '1.53')).toBe(true);
		expect(sameNumber('1.5', '1.58')).toBe(false);
	});
	it('takes negative zero as zero but a flipped sign as a change', () => {
		expect(sameNumber('-0.000', '0.000')).toBe(true);
		expect(sameNumber('-0.53', '0.53')).toBe(false);
	});
});

describe('sameOutput on printed pandas and numpy', () => {
	const describeTable = [
		'       bill_length_mm  bill_depth_mm  flipper_length_mm  body_mass_g',
		'count          342.00         342.00             342.00       342.00',
		'mean            43.92          17.15             200.92      4201.75',
		'std              5.46           1.97              14.06       801.95',
	].join('\n');
	it('accepts a padded column and the last digit moving', () => {
		const repadded = describeTable.replace('  43.92', '  43.93').replace(/ {2,}/g, '   ');
		expect(sameOutput(describeTable, repadded)).toBe(true);
	});
	it('rejects any number of the table scaled 1000x', () => {
		expect(sameOutput(describeTable, describeTable.replace('1.97', '1970.00'))).toBe(false);
		expect(sameOutput(describeTable, describeTable.replace('342.00 ', '0.34 '))).toBe(false);
	});
	it('compares p-values in scientific notation at their own size', () => {
		const ttest = 'TtestResult(statistic=np.float64(-4.3147), pvalue=np.float64(7.7e-05), df=np.float64(340.0))';
		expect(sameOutput(ttest, ttest.replace('7.7e-05', '1.4e-06'))).toBe(false);
		expect(sameOutput(ttest, ttest.replace('7.7e-05', '7.7e-02'))).toBe(false);
		expect(sameOutput(ttest, ttest.replace('-4.3147', '-4.3148'))).toBe(true);
		const array = '[ 1.23456e-03 -4.00000e+00  5.50000e+02]';
		expect(sameOutput(array, '[ 1.23457e-03 -4.00000e+00  5.50000e+02]')).toBe(true);
		expect(sameOutput(array, '[ 1.23456e+00 -4.00000e+00  5.50000e+02]')).toBe(false);
	});
	it('compares integers (counts) exactly and percentages at their digits', () => {
		const counts = 'species\nAdelie       152\nGentoo       124\nChinstrap     68\nName: count, dtype: int64';
		expect(sameOutput(counts, counts.replace('68', '69'))).toBe(false);
		expect(sameOutput(counts, counts.replace('68', '68000'))).toBe(false);
		expect(sameOutput('accuracy 96.5%', 'accuracy 96.6%')).toBe(true);
		expect(sameOutput('accuracy 96.5%', 'accuracy 0.1%')).toBe(false);
	});
	it('takes a negative zero in a matrix as zero', () => {
		expect(sameOutput('[[ 1.  -0. ]\n [-0.   1. ]]', '[[ 1.   0. ]\n [ 0.   1. ]]')).toBe(true);
	});
	it('sees a changed dtype name', () => {
		expect(sameOutput('species    object\ndtype: object', 'species    str\ndtype: object')).toBe(false);
	});
});

/** `printed` scaled by 1000 and printed the same way (same decimals, or the exponent raised by 3). */
function times1000(printed: string): string {
	const sci = /^(-?\d+(?:\.\d+)?)e([+-]?)(\d+)$/i.exec(printed);
	if (sci) {
		const exponent = Number(`${sci[2]}${sci[3]}`) + 3;
		return `${sci[1]}e${exponent < 0 ? '-' : '+'}${String(Math.abs(exponent)).padStart(sci[3]!.length, '0')}`;
	}
	if (printed.includes('.')) return (Number(printed) * 1000).toFixed(printed.split('.')[1]!.length);
	return `${printed}000`;
}

describe('every frozen output of this book', () => {
	function walk(dir: string): string[] {
		return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]));
	}
	const outputs = existsSync(outputsDir) ? walk(outputsDir).filter((f) => f.endsWith('.json') && !f.endsWith('versions.json')) : [];
	const blocks = outputs.flatMap((file) => (JSON.parse(readFileSync(file, 'utf8')) as CachedPage).blocks.map((b) => ({ where: `${file} (line ${b.line})`, stdout: b.stdout })));

	it('fails when any one number in it is scaled 1000x', () => {
		let tried = 0;
		const missed: string[] = [];
		for (const { where, stdout } of blocks) {
			expect(sameOutput(stdout, stdout), where).toBe(true);
			for (const match of stdout.matchAll(/-?\d+\.\d+(?:e[+-]?\d+)?|-?\d+e[+-]?\d+|\d+/gi)) {
				const printed = match[0];
				if (Number(printed) === 0) continue; // 0 x 1000 prints the same
				const changed = stdout.slice(0, match.index) + times1000(printed) + stdout.slice(match.index + printed.length);
				tried += 1;
				if (sameOutput(stdout, changed)) missed.push(`${where}: ${printed} -> ${times1000(printed)}`);
			}
		}
		expect(missed).toEqual([]);
		// A fork may freeze fewer outputs, but a book with Python blocks has numbers to try.
		if (blocks.length > 0) expect(tried).toBeGreaterThan(0);
	});
});
