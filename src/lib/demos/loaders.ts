/**
 * Lazy access to every demo's spec. Each file in ./specs/ is named after its demo id
 * and becomes its own chunk, loaded only on a page with that demo and only when a
 * reader asks that demo for a view the server did not draw (src/islands/demo.ts).
 */
import type { DemoId } from './registry';
import type { DemoSpec, Params } from './spec';

const modules = import.meta.glob<{ spec: DemoSpec<Params> }>('./specs/*.ts');

const loaderFor = (id: string) => modules[`./specs/${id}.ts`];

export function hasDemoSpec(id: DemoId): boolean {
	return loaderFor(id) !== undefined;
}

export async function loadDemo(id: DemoId): Promise<DemoSpec<Params> | null> {
	const loader = loaderFor(id);
	return loader ? (await loader()).spec : null;
}
