import { describe, expect, it } from 'vitest';
import { demoRegistry, isDemoId, type DemoId } from '../../src/lib/demos/registry';
import { hasDemoSpec, loadDemo } from '../../src/lib/demos/loaders';

describe('demo registry', () => {
	const ids = Object.keys(demoRegistry) as DemoId[];
	it('has a spec file for every demo content may name, under the same id', async () => {
		for (const id of ids) {
			expect(hasDemoSpec(id), id).toBe(true);
			expect((await loadDemo(id))?.id).toBe(id);
		}
	});
	it('rejects ids it does not know', () => {
		expect(isDemoId('pca')).toBe(true);
		expect(isDemoId('tsne-explorer')).toBe(false);
		expect(isDemoId('toString')).toBe(false);
	});
});
