/**
 * The Run record: one segmentation, versioned, validated with zod at every edge (sheet, API, store,
 * file). Field names follow ../shared/DESIGN.md; extra fields are allowed so newer writers do not
 * break older readers.
 */
import * as z from 'zod/mini';
import './zod-locale';
import { SegmentationError } from './errors';

export const RUN_SCHEMA_VERSION = 1 as const;

export const scalingSchema = z.enum(['zscore', 'minmax', 'none']);
export type Scaling = z.infer<typeof scalingSchema>;

export const algorithmSchema = z.enum(['kmeans', 'kprototypes']);
export type Algorithm = z.infer<typeof algorithmSchema>;

export const missingPolicySchema = z.enum(['drop', 'impute']);
export type MissingPolicy = z.infer<typeof missingPolicySchema>;

/** Column roles recognised from headers; they drive persona names and default feature choice. */
export const roleSchema = z.enum([
  'income',
  'spending',
  'age',
  'gender',
  'profession',
  'family',
  'experience',
  'tenure',
  'frequency',
  'recency',
  'location',
  'id',
  'name',
  'label',
  'date',
  // Column semantics (table/column-semantics): what a column means beyond its header's topic.
  'birth-year',
  'money',
  'category-spend',
  'mix',
  'count',
  'code',
  'flag',
  'outcome',
  'constant',
  'text',
  'email',
  'category',
  'number',
]);
export type Role = z.infer<typeof roleSchema>;

export const featureSchema = z.looseObject({
  name: z.string().check(z.minLength(1)),
  kind: z.enum(['numeric', 'categorical']),
  role: z.optional(roleSchema),
  /** Population statistics over the rows used, in original units (numeric only). */
  mean: z.optional(z.number()),
  std: z.optional(z.number()),
  min: z.optional(z.number()),
  max: z.optional(z.number()),
  /** Known categories in first-seen order (categorical only); the code of a category is its index. */
  categories: z.optional(z.array(z.string())),
  /** What a missing value becomes under `missing: 'impute'`: the mean or the most common category. */
  imputeValue: z.optional(z.union([z.number(), z.string()])),
  /** Source columns of a derived feature (age from a birth year, total spending from a money family). */
  derivedFrom: z.optional(z.array(z.string())),
  /** How to derive it again on new rows (see table/derive-features). */
  derivation: z.optional(
    z.looseObject({
      kind: z.enum([
        'sum',
        'share',
        'age-from-birth-year',
        'age-from-birth-date',
        'days-since',
        'months-since',
      ]),
      /** ISO date the age, tenure or recency is counted to. */
      asOf: z.optional(z.string()),
      /** For a share: the total's source columns. */
      of: z.optional(z.array(z.string())),
    }),
  ),
});
export type Feature = z.infer<typeof featureSchema>;

export const personaKeySchema = z.enum([
  'vip',
  'cautious',
  'impulse',
  'budget',
  'standard',
  'young',
  'champions',
  'big-spenders',
  'at-risk',
  'lapsed',
  'new',
  'occasional',
  'category-fans',
  'outlier',
  // RFM personas (personas/rfm-playbook), for customers rolled up from orders.
  'rfm-champions',
  'rfm-loyal',
  'rfm-potential-loyalists',
  'rfm-new',
  'rfm-promising',
  'rfm-need-attention',
  'rfm-about-to-sleep',
  'rfm-at-risk',
  'rfm-cant-lose',
  'rfm-hibernating',
  'rfm-lost',
  'custom',
]);
export type PersonaKey = z.infer<typeof personaKeySchema>;

export const personaSchema = z.looseObject({
  name: z.string().check(z.minLength(1)),
  /** Which playbook entry named it; `custom` for descriptive names. */
  key: z.optional(personaKeySchema),
  summary: z.string(),
  strategy: z.string(),
  /** Targeting rank within the run: 1 is the segment to target first. */
  priority: z.int().check(z.minimum(1)),
  /** Why it ranks where it does, with the numbers ("31.0% of customers, 57.4% of total spending"). */
  reason: z.optional(z.string()),
});
export type Persona = z.infer<typeof personaSchema>;

export const levelSchema = z.enum(['low', 'average', 'high']);
export type Level = z.infer<typeof levelSchema>;

/** How a segment looks on one feature, in original units. */
export const profileEntrySchema = z.union([
  z.looseObject({
    feature: z.string(),
    kind: z.literal('numeric'),
    mean: z.number(),
    level: levelSchema,
    /** (segment mean − population mean) / population sd; 0 when the sd is 0. */
    zScore: z.number(),
  }),
  z.looseObject({
    feature: z.string(),
    kind: z.literal('categorical'),
    top: z.string(),
    /** Share of the segment that has the top category, 0..1. */
    topShare: z.number(),
  }),
]);
export type ProfileEntry = z.infer<typeof profileEntrySchema>;

export const segmentSchema = z.looseObject({
  index: z.int().check(z.minimum(0)),
  size: z.int().check(z.minimum(0)),
  share: z.number().check(z.minimum(0), z.maximum(1)),
  /** Segment centre in original units: the mean for numeric features, the mode for categorical ones. */
  centroid: z.record(z.string(), z.union([z.number(), z.string()])),
  profile: z.array(profileEntrySchema),
  persona: personaSchema,
  /** Outcome and flag columns left out of clustering, as rates in this segment (response, churn…). */
  outcomes: z.optional(z.array(z.looseObject({ column: z.string(), rate: z.number(), overall: z.number() }))),
  /** Descriptive categories left out of clustering: the most common value in this segment. */
  descriptors: z.optional(
    z.array(z.looseObject({ column: z.string(), top: z.string(), topShare: z.number() })),
  ),
});
export type Segment = z.infer<typeof segmentSchema>;

export const chooseKSchema = z.looseObject({
  candidates: z.array(
    z.looseObject({
      k: z.int().check(z.minimum(1)),
      inertia: z.number(),
      silhouette: z.nullable(z.number()),
    }),
  ),
  recommendedK: z.int().check(z.minimum(1)),
  reason: z.string(),
});
export type ChooseKResult = z.infer<typeof chooseKSchema>;

export const runSourceSchema = z.looseObject({
  kind: z.enum(['sheet', 'csv', 'api', 'transactions']),
  rowCount: z.int().check(z.minimum(0)),
  fileName: z.optional(z.string()),
  spreadsheetId: z.optional(z.string()),
  spreadsheetName: z.optional(z.string()),
  sheetName: z.optional(z.string()),
  range: z.optional(z.string()),
});
export type RunSource = z.infer<typeof runSourceSchema>;

export const runOptionsSchema = z.looseObject({
  k: z.union([z.int().check(z.minimum(1)), z.literal('auto')]),
  algorithm: z.enum(['auto', 'kmeans', 'kprototypes']),
  scaling: scalingSchema,
  seed: z.int(),
  restarts: z.int().check(z.minimum(1)),
  missing: missingPolicySchema,
  /** Weight of one categorical mismatch in k-prototypes (null for k-means). */
  gamma: z.optional(z.nullable(z.number())),
});
export type RunOptions = z.infer<typeof runOptionsSchema>;

export const droppedRowSchema = z.looseObject({ row: z.int(), reason: z.string() });

export const preprocessingSchema = z.looseObject({
  rowsUsed: z.int().check(z.minimum(0)),
  rowsDropped: z.int().check(z.minimum(0)),
  /** Number of cells filled in under `missing: 'impute'`. */
  imputed: z.int().check(z.minimum(0)),
  /** Missing cells per chosen feature. */
  missingByColumn: z.record(z.string(), z.int().check(z.minimum(0))),
  /** The first dropped rows (at most 10) and why, e.g. "Work_Experience is empty". */
  droppedExamples: z.array(droppedRowSchema),
  /** Sentences a person can read: what was excluded, dropped, imputed, and why. */
  notes: z.array(z.string()),
  /** Columns left out of the default features and why (ids, free text, constants, outcomes…). */
  excludedColumns: z.optional(z.array(z.looseObject({ column: z.string(), reason: z.string() }))),
  /** What each column of the table was read as, one line each ("Channel: 2 distinct codes → category"). */
  columnRoles: z.optional(
    z.array(z.looseObject({ column: z.string(), role: roleSchema, explanation: z.string() })),
  ),
  /** Data checks, one line each: comma decimals, currencies, negative amounts, scale jumps, errors. */
  checks: z.optional(z.array(z.string())),
});
export type Preprocessing = z.infer<typeof preprocessingSchema>;

export const qualitySchema = z.looseObject({
  inertia: z.number().check(z.minimum(0)),
  silhouette: z.optional(z.nullable(z.number())),
});

export const runSchema = z.looseObject({
  schemaVersion: z.literal(RUN_SCHEMA_VERSION),
  id: z.string().check(z.minLength(1), z.maxLength(200)),
  name: z.string().check(z.minLength(1), z.maxLength(500)),
  createdAt: z.iso.datetime({ offset: true }),
  source: runSourceSchema,
  options: runOptionsSchema,
  features: z.array(featureSchema).check(z.minLength(1)),
  preprocessing: preprocessingSchema,
  k: z.int().check(z.minimum(1)),
  algorithm: algorithmSchema,
  chooseK: z.optional(chooseKSchema),
  segments: z.array(segmentSchema).check(z.minLength(1)),
  quality: qualitySchema,
  /** The language the personas, strategies and reasons are worded in (absent: English). */
  lang: z.optional(z.enum(['en', 'id'])),
  /** One segment index per source data row, -1 for a dropped row. Local only: never sent to Slack. */
  assignments: z.optional(z.array(z.int().check(z.minimum(-1)))),
});
export type Run = z.infer<typeof runSchema>;

/**
 * A Run as it may leave the user's machine: no per-row data. (Not `Omit<Run, …>`: Omit over the loose
 * object's index signature would erase every known field.)
 */
export type RunSummary = Run & { assignments?: never };

/**
 * Validates unknown input (parsed JSON, a stored row, an API body) as a Run.
 * @throws SegmentationError `INVALID_RUN` with every issue, by field path, in readable form
 * @example parseRun(JSON.parse(JSON.stringify(run))).k // 5
 */
export function parseRun(input: unknown, what = 'run'): Run {
  const result = runSchema.safeParse(input);
  if (!result.success) {
    const first = result.error.issues[0];
    throw new SegmentationError(
      'INVALID_RUN',
      `The ${what} is not a valid segmentation run:\n${z.prettifyError(result.error)}`,
      { field: first?.path.join('.') },
      result.error,
    );
  }
  if (result.data.segments.some((segment, position) => segment.index !== position)) {
    throw new SegmentationError(
      'INVALID_RUN',
      `The ${what} has segments out of order: segments[i].index must be i`,
      {
        field: 'segments',
      },
    );
  }
  return result.data;
}

/**
 * The run without per-row data, safe to publish (privacy: only summaries leave the spreadsheet).
 * @example 'assignments' in toRunSummary(run) // false
 */
export function toRunSummary(run: Run): RunSummary {
  const { assignments: _assignments, ...summary } = run;
  return summary as RunSummary;
}
