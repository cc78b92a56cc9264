/**
 * The zod schemas of the progress stored in the browser and of the export file.
 * They are the written-down specification, used on the server (build-time code
 * reading a published `content/progress.json`) and by the tests, which check
 * that the hand-written validators the browser runs (validate-state.ts) accept
 * and reject exactly what these schemas do. The browser never loads zod: it
 * would add ~90 KB gzipped to a checklist island whose budget is 4 KB.
 *
 * Stored value (localStorage, key from `storageKey()`), JSON:
 *   {
 *     version: 1,
 *     ticks: { "<item-id>": { checked: boolean, at: <epoch ms> }, ... },
 *     settings: { startDate?: "YYYY-MM-DD" }
 *   }
 * An untick is stored as `checked: false` with its time, not deleted, so a merge
 * can tell a newer untick from an older tick. Ticks on ids the book no longer has
 * stay (orphaned); ticks on a renamed id move to the new id when read (merge.ts).
 *
 * Migrations: v1 is the first stored shape; there is nothing older to migrate.
 * When the shape changes: bump STATE_VERSION, add the new schema here, and make
 * `readStoredState` (validate-state.ts) turn a v1 value into the new shape. A
 * value whose version is newer than this code knows (an older copy of the book
 * opened after a newer one) fails validation and is treated like a corrupt
 * value: set aside under a backup key with a notice, never silently overwritten.
 *
 * Export file: `{ format: 'ai-eng-plan-progress', version: 1, siteId, exportedAt
 * (ISO 8601), ticks, settings }`. All objects are strict: unknown keys are rejected.
 */
import { z } from 'astro/zod';
import { DATE_PATTERN, EXPORT_FORMAT, ITEM_ID_PATTERN, MAX_ID_LENGTH, SITE_ID_PATTERN, STATE_VERSION } from './constants';

/** A course item id as stored: kebab-case, bounded length. */
export const storedItemId = z.string().max(MAX_ID_LENGTH).regex(ITEM_ID_PATTERN);

/** One checkbox's latest state and when it was set (epoch milliseconds). */
export const tickSchema = z.strictObject({
	checked: z.boolean(),
	at: z.number().nonnegative(),
});

export const ticksSchema = z.record(storedItemId, tickSchema);

export const settingsSchema = z.strictObject({
	startDate: z.string().regex(DATE_PATTERN).optional(),
});

export const storedStateSchema = z.strictObject({
	version: z.literal(STATE_VERSION),
	ticks: ticksSchema,
	settings: settingsSchema,
});

export const progressFileSchema = z.strictObject({
	format: z.literal(EXPORT_FORMAT),
	version: z.literal(STATE_VERSION),
	siteId: z.string().max(MAX_ID_LENGTH).regex(SITE_ID_PATTERN),
	exportedAt: z.iso.datetime({ offset: true }),
	ticks: ticksSchema,
	settings: settingsSchema,
});

export type Tick = z.infer<typeof tickSchema>;
export type Ticks = Record<string, Tick>;
export type ProgressSettings = z.infer<typeof settingsSchema>;
export type ProgressState = z.infer<typeof storedStateSchema>;
export type ProgressFile = z.infer<typeof progressFileSchema>;
