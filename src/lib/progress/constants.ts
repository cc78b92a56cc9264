/**
 * The contract between the server-rendered progress markup (Checklist.astro,
 * the progress meter, the dashboard controls, the layout's notice) and the
 * client islands that upgrade it, plus the storage key and import limits.
 * Shared by server and client, so it holds plain values only (no zod, no DOM).
 */

/** Custom element wrapping a list of `input[type=checkbox][data-item]`. */
export const CHECKLIST_ELEMENT = 'sp-checklist';
/** Custom element with `<progress>` and `<span data-count>` counting ticked `data-items`. */
export const METER_ELEMENT = 'sp-progress-meter';
/** Custom element on the dashboard with export, import and reset. */
export const CONTROLS_ELEMENT = 'sp-progress-controls';
/** The layout's `<sp-progress-notice role="status" aria-live="polite" hidden>`: storage problems show here. */
export const NOTICE_ELEMENT = 'sp-progress-notice';

/** On a checkbox: the course-wide item id its tick is stored under. */
export const ITEM_ATTRIBUTE = 'data-item';
/** On every progress element: the full key from `storageKey()`. */
export const STORAGE_KEY_ATTRIBUTE = 'data-storage-key';
/** On a checklist or meter: JSON object `{ "<old id>": "<new id>" }` from the items' `renamedFrom`. */
export const RENAMES_ATTRIBUTE = 'data-renames';
/** On any progress element (optional): course.config.ts startDate, YYYY-MM-DD, for the weeks of new log rows. */
export const START_DATE_ATTRIBUTE = 'data-start-date';
/** On a meter: the item ids it counts, separated by spaces. */
export const ITEMS_ATTRIBUTE = 'data-items';
/** On the meter's `<span>` whose text becomes "3 of 7 done". */
export const COUNT_ATTRIBUTE = 'data-count';
/** On the controls: the configured storage id, written into and checked against export files. */
export const SITE_ID_ATTRIBUTE = 'data-site-id';
/** On the controls: JSON array of every item id the book has (or a `<script type="application/json">` child). */
export const KNOWN_IDS_ATTRIBUTE = 'data-known-ids';
/** On the controls' buttons and file input: `export`, `import` or `reset`. */
export const ACTION_ATTRIBUTE = 'data-action';
/** On the controls' message regions: `preview`, `alert`, `status`, `reset` (created by the island when absent). */
export const REGION_ATTRIBUTE = 'data-region';

/** Version of the stored value and of the export file; see state.ts for the shape and migrations. */
export const STATE_VERSION = 3;
/** `format` field of an export file, so a random JSON file is recognised as "not a progress file". */
export const EXPORT_FORMAT = 'ai-eng-plan-progress';

/** Largest import file read: every tick is a few tens of KB, but the practice log it carries can grow (a 10,000-row log is about 1.5 MB). */
export const MAX_IMPORT_BYTES = 50_000_000;
/** Most ticks an import file may hold (the course has a few hundred items). */
export const MAX_IMPORT_TICKS = 5_000;
/** Longest item id accepted in stored state and in import files. */
export const MAX_ID_LENGTH = 100;

/** Item ids: lowercase words of letters and digits joined by single hyphens. */
export const ITEM_ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** A storage id as `course.config.ts` allows it. */
export const SITE_ID_PATTERN = /^[a-z0-9-]+$/;
/** Lowest and highest stated confidence of a claim (the intuition loop's 50-95%). */
export const MIN_CONFIDENCE = 0.5;
export const MAX_CONFIDENCE = 0.95;
/** Most claims or decisions a stored value or import may hold. */
export const MAX_RECORDS = 10_000;

/** Settings' start date. */
export const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The localStorage key of a fork's progress, e.g. `sp:ai-eng-plan:/repo/:progress`.
 * Namespaced by storage id AND base path: on one GitHub Pages origin every project
 * site shares one localStorage, so two forks must never read each other's ticks.
 */
export function storageKey(storageId: string, base: string): string {
	const path = `/${base.replace(/^\/+|\/+$/g, '')}/`.replace('//', '/');
	return `sp:${storageId}:${path}:progress`;
}

/** Where a corrupt stored value is set aside (never overwritten, never dropped). */
export function backupKey(key: string, epochMs: number): string {
	return `${key}:backup:${epochMs}`;
}
