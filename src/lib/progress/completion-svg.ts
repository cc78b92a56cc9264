/** The completion chart as a static SVG string, drawn on the server (server-only: it uses linkedom). */
import { drawCompletionChart } from './completion-chart';
import type { Completion } from './dashboard';
import { serverDocument } from '../site/server-document';

export function completionSvg(rows: Completion[], label: string): string {
	return drawCompletionChart(rows, label, serverDocument()).outerHTML;
}
