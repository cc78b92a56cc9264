/**
 * THE content model of the course book (design §2).
 *
 * Imported by `src/content.config.ts` (Astro collections), by `scripts/validate.ts`
 * (the content validator) and by components that take content as props, so every
 * consumer sees one shape. Defaults live here, never downstream.
 */
import { z } from 'astro/zod';
import { MAX_NOTE_LENGTH, MAX_ROW_ID_LENGTH, MAX_WEEK, METRIC_NAMES, ROW_ID_PATTERN, isCalendarDate, rowProblems, type Metric } from '../lib/practice-log/metrics';

/** Course-wide stable id of a checklist item: lowercase words joined by hyphens. */
export const itemId = z
	.string()
	.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'ids are kebab-case: lowercase letters, digits and single hyphens');

const text = z.string().trim().min(1, 'must not be empty');

/** One thing the learner ticks off. `text` is written as an action ("Describe three data sets…"). */
export const checklistItem = z.strictObject({
	/** Stable id; a tick is stored under it. Never reuse an id for a different task. */
	id: itemId,
	/** What to do, in the learner's words of action. Markdown inline allowed. */
	text,
	/** Earlier ids of this item: ticks stored under them move to `id`. */
	renamedFrom: z.array(itemId).default([]),
});

/** A deliverable: something the learner makes, with the bar it must reach. */
export const deliverable = checklistItem.extend({
	/** Acceptance criteria: what a good one contains; the learner scores themself against it. */
	criteria: z.array(text).min(1, 'give at least one acceptance criterion'),
});

/** A measurable goal, as in the plan ("Can quickly assess data quality issues"). */
export const goal = checklistItem.extend({
	/** How the learner measures that the goal is met. */
	measure: text,
});

/** What to read: a resource of `content/resources.yaml` and chapters that exist in it. */
export const reading = z.strictObject({
	id: itemId,
	/** Resource id from `content/resources.yaml`. */
	resource: itemId,
	/** Chapter keys of that resource (e.g. `"3"`, `"4.2"`). Empty for a whole course or guide. */
	chapters: z.array(z.string()).default([]),
	/** What to focus on while reading, as an action. */
	focus: text,
	/** Where the plan's chapter numbers disagree with the edition: one line saying so. */
	correction: text.optional(),
	renamedFrom: z.array(itemId).default([]),
});

/** Hours per week the plan budgets, e.g. 3-4. */
export const hours = z
	.object({ min: z.number().positive(), max: z.number().positive() })
	.refine((h) => h.max >= h.min, { message: 'hours.max must be at least hours.min' });

/** The plan's own words this page covers, quoted verbatim so nothing of the plan is lost. */
const planLines = z.array(text).default([]);

export const week = z.strictObject({
	/** Calendar week of the course, 1..24. The file name is the two-digit week (`01.mdx`). */
	week: z.number().int().min(1).max(24),
	/** The plan's two-week block this week belongs to, e.g. `"1-2"`. */
	block: z.string().regex(/^\d{1,2}-\d{1,2}$/, 'blocks look like "1-2"'),
	/** Month 1..3; weeks 1-8 are month 1, 9-16 month 2, 17-24 month 3. */
	month: z.number().int().min(1).max(3),
	title: text,
	/** One sentence for cards and search results. */
	summary: text,
	/** Why this week matters for an AI engineer: two or three sentences tied to real work. */
	why: text,
	/** Time budget per week, as the plan states it. */
	hours,
	reading: z.array(reading).default([]),
	practice: z.array(checklistItem).min(1, 'every week has at least one practice item'),
	deliverables: z.array(deliverable).default([]),
	goals: z.array(goal).default([]),
	/** Micro-skill ids from `content/skills.yaml`. */
	skills: z.array(itemId).min(1, 'name the micro-skills this week trains'),
	/** Demo ids from the demo registry (`src/lib/demos/registry.ts`). */
	demos: z.array(itemId).default([]),
	/** Starter notebook, a path under `notebooks/`, when the practice is code. */
	notebook: z.string().regex(/^notebooks\/[\w.-]+\.ipynb$/, 'notebooks live at notebooks/<name>.ipynb').optional(),
	/** Data sets the practice uses. */
	datasets: z
		.array(z.strictObject({ name: text, url: z.url(), licence: text, file: z.string().optional() }))
		.default([]),
	plan: planLines,
});

/** A rubric level for a checkpoint: what the skill looks like at that stage. */
const rubric = z.strictObject({ emerging: text, developing: text, confident: text });

export const month = z.strictObject({
	month: z.number().int().min(1).max(3),
	/** The month's theme, e.g. "Statistical foundation building". */
	title: text,
	summary: text,
	weeks: z.strictObject({ from: z.number().int().min(1).max(24), to: z.number().int().min(1).max(24) }),
	/** The plan's skill checkpoint and the deliverables (ids) that evidence it. */
	checkpoint: z.strictObject({
		id: itemId,
		text,
		evidence: z.array(itemId).min(1, 'a checkpoint needs at least one deliverable as evidence'),
		rubric,
		renamedFrom: z.array(itemId).default([]),
	}),
	/** The monthly integration project (4-6 hours) with its own checklist. */
	project: z.strictObject({
		title: text,
		brief: text,
		hours,
		tasks: z.array(checklistItem).min(1),
		deliverables: z.array(deliverable).min(1),
		/** Week deliverable ids this project builds on. */
		buildsOn: z.array(itemId).default([]),
	}),
	/** The plan's reality check for the end of the month. */
	realityCheck: text,
	plan: planLines,
});

export const trackWeek = z.strictObject({
	track: z.enum(['eda', 'bayes']),
	/** Week within the track: EDA 1..5, Bayes 1..3. */
	week: z.number().int().min(1).max(5),
	title: text,
	summary: text,
	focus: text,
	tasks: z.array(checklistItem).min(1),
	goal,
	/** Time box for the track week, in hours. */
	hours,
	/** Course weeks (1..24) this track week runs alongside. */
	alongside: z.array(z.number().int().min(1).max(24)).min(1),
	skills: z.array(itemId).min(1),
	demos: z.array(itemId).default([]),
	plan: planLines,
});

export const practice = z.strictObject({
	title: text,
	/** Routines repeat on a schedule; frameworks are methods; guides explain how to use the book. */
	kind: z.enum(['routine', 'framework', 'guide']),
	summary: text,
	/** Order in the sidebar. */
	order: z.number().int(),
	/** Minutes per session, where the plan sets a time box. */
	minutes: z.number().positive().optional(),
	items: z.array(checklistItem).default([]),
	skills: z.array(itemId).default([]),
	plan: planLines,
});

export const resource = z.strictObject({
	id: itemId,
	title: text,
	authors: z.array(text).min(1),
	kind: z.enum(['book', 'course', 'documentation']),
	edition: text.optional(),
	year: z.number().int().optional(),
	publisher: text.optional(),
	url: z.url(),
	/** Licence or access note, e.g. "free online (CC BY-NC-SA 4.0)". */
	access: text.optional(),
	chapters: z.array(z.strictObject({ key: z.string().min(1), title: text })).default([]),
});
export const resources = z.array(resource);

export const skill = z.strictObject({ id: itemId, title: text, description: text });
export const skillGroup = z.strictObject({ id: itemId, title: text, skills: z.array(skill).min(1) });
export const skills = z.array(skillGroup);

/** A term of the glossary; pages link its first use to `/glossary/#<id>`. */
export const glossaryTerm = z.strictObject({
	id: itemId,
	term: text,
	/** Other spellings matched in page text, e.g. plural forms or abbreviations. */
	aliases: z.array(text).default([]),
	/** Two or three plain-English sentences; the precise statement where the concept is subtle. */
	definition: text,
});
export const glossary = z.array(glossaryTerm);

export const portfolioEntry = z
	.strictObject({
		type: z.enum(['decision', 'adr', 'prediction', 'comparison', 'explanation', 'eda-log', 'retro']),
		title: text,
		date: z.coerce.date(),
		/** Course week the entry belongs to. */
		week: z.number().int().min(1).max(24).optional(),
		summary: text.optional(),
		/** Predictions only: the claim, how sure (0..1), when it is checked, and what happened. */
		claim: text.optional(),
		confidence: z.number().min(0).max(1).optional(),
		due: z.coerce.date().optional(),
		outcome: z.enum(['pending', 'right', 'wrong', 'partly']).optional(),
		draft: z.boolean().default(false),
	})
	.superRefine((entry, ctx) => {
		if (entry.type !== 'prediction') return;
		for (const key of ['claim', 'confidence', 'due'] as const) {
			if (entry[key] === undefined)
				ctx.addIssue({ code: 'custom', path: [key], message: `a prediction needs \`${key}\`` });
		}
	});

/**
 * One row of the practice log (content/practice/measurement.mdx): the CSV a learner
 * downloads from the progress page and may publish as content/portfolio/log.csv.
 * The metrics, units and ranges are the table in src/lib/practice-log/metrics.ts,
 * which the browser checks rows with (it never loads zod); this schema is built from
 * that table so the two cannot drift.
 */
const logRowFields = {
	/** The row's identity (a UUID, or the id the book gave a row that had none); optional in a committed log.csv. */
	id: z.string().max(MAX_ROW_ID_LENGTH).regex(ROW_ID_PATTERN).optional(),
	date: z.string().refine(isCalendarDate, 'write the date as YYYY-MM-DD on a day that exists (years 0001 to 9999)'),
	week: z.number().int().min(1).max(MAX_WEEK),
	metric: z.enum(METRIC_NAMES as [Metric, ...Metric[]]),
	value: z.number(),
	unit: z.string(),
	note: z.string().max(MAX_NOTE_LENGTH),
	/** When the learner last edited the row (epoch ms); the newest edit of an id wins a merge. */
	editedAt: z.number().nonnegative().optional(),
};

function checkRow(row: Parameters<typeof rowProblems>[0], context: z.RefinementCtx): void {
	for (const { field, problem, fix } of rowProblems(row)) {
		context.addIssue({ code: 'custom', path: [field], message: `${problem}; ${fix}` });
	}
}

export const logRow = z.strictObject(logRowFields).superRefine(checkRow);
/** A row as the browser stores it and exports it: with its id. */
export const storedLogRow = z.strictObject({ ...logRowFields, id: logRowFields.id.unwrap() }).superRefine(checkRow);
/** A row as version 2 of the browser's store wrote it: no id, no edit time. */
export const legacyLogRow = z.strictObject((({ id: _id, editedAt: _editedAt, ...fields }) => fields)(logRowFields)).superRefine(checkRow);
export const practiceLog = z.array(logRow);

/**
 * Daily drills (design §4c): one file per course week, `content/drills/NN.mdx`. The
 * frontmatter lists the week's drills; the body holds the ```python blocks that
 * compute every answer, each named in its fence (```` ```python name=w05-median ````)
 * so a drill points at it. `npm run execute` freezes their output; nothing a
 * learner is told is true is typed by hand. The weekday follows from the kind
 * (DRILL_DAYS in src/lib/drills/days.ts), so a drill cannot sit on the wrong day.
 */
const blockRef = itemId.describe('name of a ```python name=… block in the same file');
const drillBase = {
	/** Course-wide stable id (answers and review cards are stored under it), e.g. `w05-est-median-flipper`. */
	id: itemId,
	/** A glossary term id (content/glossary.yaml) that this week's page teaches: the drill's link to the week. */
	concept: itemId,
};
const dataDrill = {
	...drillBase,
	/**
	 * A data set the week uses: a file in public/data/ (`penguins.csv`), a scikit-learn
	 * loader (`load_diabetes`), or `default_rng` for the seeded arrays a NumPy week
	 * builds itself (its page calls `default_rng(…)`; the drill's blocks use the same seed).
	 */
	dataset: z.string().regex(/^(?:[\w.-]+\.csv|load_[a-z_]+|default_rng)$/, 'a file in public/data/ (penguins.csv), a scikit-learn loader (load_diabetes) or default_rng (the seeded arrays a NumPy week builds)'),
};
export const drillTolerance = z.union([
	z.strictObject({ absolute: z.number().positive() }),
	z.strictObject({ relative: z.number().positive().max(1) }),
]);
export const drill = z.discriminatedUnion('kind', [
	/** Monday: explain the concept in a paragraph; the book's definition and the rubric are the reveal. */
	z.strictObject({ ...drillBase, kind: z.literal('explain'), prompt: text.optional() }),
	/** Tuesday: a pandas operation from memory; `answer` is the reference solution's block. */
	z.strictObject({ ...dataDrill, kind: z.literal('pandas'), task: text, answer: blockRef }),
	/** Wednesday: a number to estimate; `answer` is a block whose output is that number and nothing else. */
	z.strictObject({
		...dataDrill,
		kind: z.literal('estimate'),
		/** `parameter` (a distribution's) or `metric` (a model's): the plan asks one of each. */
		target: z.enum(['parameter', 'metric']),
		question: text,
		answer: blockRef,
		/** How close counts as right, stated on the page: `{ absolute: 5 }` or `{ relative: 0.1 }`. */
		tolerance: drillTolerance,
		unit: z.string().default(''),
	}),
	/** Thursday: code golf; a plain and a short reference that must print the same. */
	z.strictObject({ ...dataDrill, kind: z.literal('golf'), task: text, plain: blockRef, short: blockRef }),
	/** Statistical intuition (10 minutes): predict the shape of a column; `answer` prints the summary and draws the histogram. */
	z.strictObject({ ...dataDrill, kind: z.literal('shape'), column: text, answer: blockRef }),
]);
export const drillWeek = z.strictObject({
	/** Course week 1..24; the file is content/drills/NN.mdx. */
	week: z.number().int().min(1).max(24),
	drills: z.array(drill).min(1, 'list the week\'s drills'),
});

export type Week = z.output<typeof week>;
export type WeekInput = z.input<typeof week>;
export type Month = z.output<typeof month>;
export type TrackWeek = z.output<typeof trackWeek>;
export type Practice = z.output<typeof practice>;
export type Resource = z.output<typeof resource>;
export type SkillGroup = z.output<typeof skillGroup>;
export type GlossaryTerm = z.output<typeof glossaryTerm>;
export type PortfolioEntry = z.output<typeof portfolioEntry>;
export type ChecklistItem = z.output<typeof checklistItem>;
export type Deliverable = z.output<typeof deliverable>;
export type Goal = z.output<typeof goal>;
export type Drill = z.output<typeof drill>;
export type DrillKind = Drill['kind'];
export type DrillTolerance = z.output<typeof drillTolerance>;
export type DrillWeek = z.output<typeof drillWeek>;
