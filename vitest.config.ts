import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * Browser files run two at a time; the accessibility sweep alone takes longer than all
 * the others together, so it starts first and the rest share the other worker. (On a
 * fresh clone vitest has no timings and would start it last.)
 */
class SweepFirst extends BaseSequencer {
	override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
		const sorted = await super.sort(files);
		const isSweep = (file: TestSpecification) => Number(!file.moduleId.endsWith('/axe.test.ts'));
		return sorted.sort((a, b) => isSweep(a) - isSweep(b));
	}
}

// Four projects: `unit` (pure logic, no build), `build` (reads the built dist/),
// `e2e` (Chromium against the built site), `merge` (a fork merging upstream, then built).
// `npm test` runs them in that order.
export default defineConfig({
	test: {
		env: { TZ: 'UTC', ASTRO_TELEMETRY_DISABLED: '1' },
		sequence: { sequencer: SweepFirst },
		projects: [
			// A file per core (the default leaves one idle): the slowest files mostly wait on a Python child process.
			{ extends: true, test: { name: 'unit', include: ['tests/unit/**/*.test.ts', 'src/**/*.test.ts'], fileParallelism: true, maxWorkers: '100%' } },
			// Likewise: two files each build the book for their own course, which mostly keeps one core busy.
			{ extends: true, test: { name: 'build', include: ['tests/build/**/*.test.ts'], testTimeout: 300_000, hookTimeout: 300_000, fileParallelism: true, maxWorkers: '100%' } },
			{ extends: true, test: { name: 'merge', include: ['tests/merge/**/*.test.ts'], testTimeout: 300_000, hookTimeout: 300_000 } },
			{
				extends: true,
				test: {
					name: 'e2e',
					include: ['tests/e2e/**/*.test.ts'],
					testTimeout: 60_000,
					hookTimeout: 120_000,
					// Two files at a time (each its own Chromium and server): one file's page mostly
					// waits on the browser, so the second core idled; polls wait up to 10 s for what
					// a loaded machine draws late, and still fail when it never comes.
					fileParallelism: true,
					maxWorkers: 2,
					expect: { poll: { timeout: 10_000 } },
				},
			},
		],
	},
});
