/**
 * `<sp-calibration>`: redraws the calibration table (CalibrationTable.astro's
 * markup) from the portfolio's predictions and this browser's claims, whenever a
 * claim is answered here or in another tab. Bands are half-open: 50–59%, …, 90–100%.
 */
import { calibration, claimRowsWithoutConfidence, claimsAsPredictions, describeCalibration, type ScoredPrediction } from '../lib/portfolio/calibration';
import { MISSING, formatNumber, formatPercent } from '../lib/stats/format';
import { defineOnce } from './page-store';
import { LogElement } from './log-store';

class LiveCalibration extends LogElement {
	private published: ScoredPrediction[] = JSON.parse(this.dataset.predictions ?? '[]');
	private shown = '';

	protected render(): void {
		if (!this.store) return;
		const c = calibration([...this.published, ...claimsAsPredictions(this.store.claims())]);
		const unscored = claimRowsWithoutConfidence(this.store.log(), this.store.claims());
		const key = JSON.stringify([c, unscored]);
		if (key === this.shown) return;
		this.shown = key;
		const section = this.querySelector('section')!;
		const summary = section.querySelector('p') ?? section.appendChild(document.createElement('p'));
		const link = summary.querySelector('a');
		// Rows imported from a CSV count in the dashboard's accuracy but have no confidence: say so, so the two agree.
		const note = unscored ? ` ${unscored} answered claim${unscored === 1 ? '' : 's'} in your log (imported without a stated confidence) ${unscored === 1 ? 'counts' : 'count'} in the accuracy above but cannot be placed in a band.` : '';
		summary.textContent = `${describeCalibration(c)}${note} `;
		if (link && c.resolved > 0) summary.append(link, '.');
		let table = section.querySelector('table');
		if (c.resolved === 0) return table?.remove();
		if (!table) {
			table = section.appendChild(document.createElement('table'));
			table.innerHTML = '<caption class="visually-hidden">Share of resolved predictions that came true, per confidence band</caption><thead><tr><th scope="col">Confidence</th><th scope="col">Resolved</th><th scope="col">Came true</th><th scope="col">Share</th><th scope="col">Mean confidence</th></tr></thead><tbody></tbody>';
		}
		table.tBodies[0]!.replaceChildren(
			...c.bands.map((b) => {
				const row = document.createElement('tr');
				const th = document.createElement('th');
				th.scope = 'row';
				th.textContent = b.label;
				row.append(th);
				for (const text of [String(b.count), b.count ? formatNumber(b.cameTrue, Number.isInteger(b.cameTrue) ? 0 : 1) : MISSING, formatPercent(b.share, 0), formatPercent(b.meanConfidence, 0)]) {
					row.insertCell().textContent = text;
				}
				return row;
			}),
		);
	}
}

defineOnce('sp-calibration', LiveCalibration);
