/**
 * What a run may look like once it leaves the user's machine (privacy rule 2): only the fields of
 * the Run summary contract, consistent with itself, with segments under 5 customers reduced to their
 * size and share and no feature min/max (both are individual customers' values). The add-on, the CLI
 * and the Slack app's runs API all publish through {@link toPublishableSummary}, so the server
 * enforces the same rule a well-behaved client applies.
 */
import { SegmentationError } from './errors';
import { parseRun, type Run, type RunSummary } from './run';

/** Limits of a publishable run; one place, documented. */
export const PUBLISH_LIMITS = {
  /** A segment with fewer customers than this is published with its size and share only. */
  minSegmentSizeForValues: 5,
  /** How far in the future `createdAt` may be (clock skew between machines). */
  maxClockSkewMs: 5 * 60 * 1000,
  /** Largest row count taken as real (a spreadsheet holds at most 10M cells). */
  maxRows: 1_000_000_000,
  /** Largest magnitude of any other number (means, inertia, gamma…). */
  maxMagnitude: 1e15,
  /** How far a segment's share may be from size / rowsUsed (shares are often rounded to 0.01). */
  shareTolerance: 0.005,
} as const;

/** Options of {@link toPublishableSummary}. */
export interface PublishOptions {
  /** The clock `createdAt` is checked against. Default `new Date()`. */
  now?: Date;
}

/** Text that stands in for a small segment's description and strategy. */
export const WITHHELD_SEGMENT_TEXT =
  'Fewer than 5 customers: only the size and share are published, to protect their privacy.';

/** C0 and C1 control characters (tabs and newlines included): never part of a name. */
function hasControlCharacter(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x20 || (code >= 0x7f && code <= 0x9f)) return true;
  }
  return false;
}

function invalid(field: string, message: string): never {
  throw new SegmentationError('INVALID_RUN', `The run is not consistent: ${field} ${message}`, { field });
}

/**
 * Copies the listed keys that are present (not undefined) from `source`.
 * @example pickFields({ a: 1, b: 2, c: undefined }, ['a', 'c']) // { a: 1 }
 */
export function pickFields<T extends object>(source: T, keys: readonly string[]): Partial<T> {
  const out: Record<string, unknown> = {};
  for (const key of keys) {
    const value = (source as Record<string, unknown>)[key];
    if (value !== undefined) out[key] = value;
  }
  return out as Partial<T>;
}

/** Every number in `value` is finite and within the sane magnitude; NUL never appears in a string. */
function checkValues(value: unknown, path: string): void {
  if (typeof value === 'number') {
    if (!Number.isFinite(value) || Math.abs(value) > PUBLISH_LIMITS.maxMagnitude)
      invalid(path, `must be a finite number within ±${PUBLISH_LIMITS.maxMagnitude}`);
    return;
  }
  if (typeof value === 'string') {
    // PostgreSQL cannot store NUL in text or JSON; no honest summary carries one.
    if (value.includes('\u0000')) invalid(path, 'contains a NUL character');
    return;
  }
  if (Array.isArray(value)) {
    for (let index = 0; index < value.length; index++) checkValues(value[index], `${path}[${index}]`);
    return;
  }
  if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) {
      if (key.includes('\u0000')) invalid(path, 'has a key with a NUL character');
      checkValues(item, path ? `${path}.${key}` : key);
    }
  }
}

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}

function checkName(name: string, field: string): void {
  if (hasControlCharacter(name)) invalid(field, 'contains a control character');
}

/**
 * Checks what the schema cannot: the parts of a run agree with each other and with the clock.
 * @throws SegmentationError `INVALID_RUN` naming the first field that is wrong
 * @example checkRunConsistency({ ...run, k: 2 }) // throws: The run is not consistent: k is 2 but there are 5 segments
 */
export function checkRunConsistency(run: Run, options: PublishOptions = {}): void {
  const now = (options.now ?? new Date()).getTime();
  checkValues(run, '');
  checkName(run.id, 'id');
  checkName(run.name, 'name');
  for (const [index, feature] of run.features.entries()) checkName(feature.name, `features[${index}].name`);
  for (const [index, segment] of run.segments.entries())
    checkName(segment.persona.name, `segments[${index}].persona.name`);
  if (Date.parse(run.createdAt) > now + PUBLISH_LIMITS.maxClockSkewMs)
    invalid('createdAt', 'is more than 5 minutes in the future');
  if (run.k !== run.segments.length)
    invalid('k', `is ${run.k} but there are ${run.segments.length} segments`);
  const { rowsUsed, rowsDropped } = run.preprocessing;
  for (const [field, count] of [
    ['source.rowCount', run.source.rowCount],
    ['preprocessing.rowsUsed', rowsUsed],
    ['preprocessing.rowsDropped', rowsDropped],
  ] as const) {
    if (count > PUBLISH_LIMITS.maxRows) invalid(field, `is over ${PUBLISH_LIMITS.maxRows}`);
  }
  let total = 0;
  run.segments.forEach((segment, index) => {
    if (segment.size > PUBLISH_LIMITS.maxRows)
      invalid(`segments[${index}].size`, `is over ${PUBLISH_LIMITS.maxRows}`);
    total += segment.size;
  });
  if (total !== rowsUsed)
    invalid('segments', `sizes add up to ${total} but preprocessing.rowsUsed is ${rowsUsed}`);
  run.segments.forEach((segment, index) => {
    const expected = rowsUsed === 0 ? 0 : segment.size / rowsUsed;
    if (Math.abs(segment.share - expected) > PUBLISH_LIMITS.shareTolerance + 1e-9)
      invalid(
        `segments[${index}].share`,
        `is ${segment.share} but size / rowsUsed is ${Number(expected.toFixed(4))}`,
      );
  });
}

const RUN_FIELDS = [
  'schemaVersion',
  'id',
  'name',
  'createdAt',
  'source',
  'options',
  'features',
  'preprocessing',
  'k',
  'algorithm',
  'chooseK',
  'segments',
  'quality',
] as const;
/** The fields of a run's (or prediction run's) `source` that may be published. */
export const SOURCE_FIELDS = [
  'kind',
  'rowCount',
  'fileName',
  'spreadsheetId',
  'spreadsheetName',
  'sheetName',
  'range',
];
const OPTIONS_FIELDS = ['k', 'algorithm', 'scaling', 'seed', 'restarts', 'missing', 'gamma'];
// min and max are left out on purpose: they are one customer's value each.
const FEATURE_FIELDS = ['name', 'kind', 'role', 'derivedFrom', 'mean', 'std', 'categories', 'imputeValue'];
const PREPROCESSING_FIELDS = [
  'rowsUsed',
  'rowsDropped',
  'imputed',
  'missingByColumn',
  'droppedExamples',
  'notes',
  'excludedColumns',
];
const PERSONA_FIELDS = ['name', 'key', 'summary', 'strategy', 'priority'];
const QUALITY_FIELDS = ['inertia', 'silhouette'];
// An RFM segment's score view: means and totals over its customers, never one customer's order.
const RFM_FIELDS = ['r', 'f', 'm', 'score', 'recencyDays', 'orders', 'monetary', 'revenue', 'revenueShare'];

function publishableSegment(segment: Run['segments'][number]): Run['segments'][number] {
  const persona = pickFields(segment.persona, PERSONA_FIELDS) as Run['segments'][number]['persona'];
  if (segment.size < PUBLISH_LIMITS.minSegmentSizeForValues) {
    // Size and share only: a centroid, profile or playbook text of so few customers reveals their values.
    return {
      index: segment.index,
      size: segment.size,
      share: segment.share,
      centroid: {},
      profile: [],
      persona: { ...persona, summary: WITHHELD_SEGMENT_TEXT, strategy: WITHHELD_SEGMENT_TEXT },
    };
  }
  return {
    index: segment.index,
    size: segment.size,
    share: segment.share,
    centroid: segment.centroid,
    profile: segment.profile.map((entry) =>
      entry.kind === 'numeric'
        ? pickFields(entry, ['feature', 'kind', 'mean', 'level', 'zScore'])
        : pickFields(entry, ['feature', 'kind', 'top', 'topShare']),
    ) as Run['segments'][number]['profile'],
    persona,
    ...(typeof segment.rfmScore === 'string' ? { rfmScore: segment.rfmScore } : {}),
    ...(typeof segment.rfm === 'object' && segment.rfm !== null
      ? { rfm: pickFields(segment.rfm as object, RFM_FIELDS) }
      : {}),
  };
}

/**
 * The run as it may be published: validated (schema and {@link checkRunConsistency}), unknown fields
 * stripped at every level, no `assignments`, no feature min/max, and segments under 5 customers with
 * their size and share only. Idempotent: publishing a published summary changes nothing.
 * @throws SegmentationError `INVALID_RUN` naming the field when the run is invalid or inconsistent
 * @example toPublishableSummary({ ...run, customers: [{ email: 'a@x.io' }] }).customers // undefined
 */
export function toPublishableSummary(input: unknown, options: PublishOptions = {}): RunSummary {
  const run = parseRun(input, 'run');
  checkRunConsistency(run, options);
  const summary = pickFields(run, RUN_FIELDS) as Record<string, unknown>;
  summary.source = pickFields(run.source, SOURCE_FIELDS);
  summary.options = pickFields(run.options, OPTIONS_FIELDS);
  summary.features = run.features.map((feature) => {
    const kept = pickFields(feature, FEATURE_FIELDS) as Record<string, unknown>;
    // derivedFrom is outside the schema: keep it only as the list of column names it should be.
    if (!isStringArray(kept.derivedFrom)) delete kept.derivedFrom;
    return kept;
  });
  const preprocessing = pickFields(run.preprocessing, PREPROCESSING_FIELDS) as Record<string, unknown>;
  // Which rows were dropped and why stays local: a reason may quote the customer's cell.
  preprocessing.droppedExamples = [];
  const excluded = run.preprocessing.excludedColumns;
  if (Array.isArray(excluded)) {
    preprocessing.excludedColumns = excluded
      .filter((item): item is { column: string; reason: string } => {
        const entry = item as { column?: unknown; reason?: unknown } | null;
        return typeof entry?.column === 'string' && typeof entry.reason === 'string';
      })
      .map((item) => ({ column: item.column, reason: item.reason }));
  } else delete preprocessing.excludedColumns;
  summary.preprocessing = preprocessing;
  if (run.chooseK) {
    summary.chooseK = {
      candidates: run.chooseK.candidates.map((candidate) =>
        pickFields(candidate, ['k', 'inertia', 'silhouette']),
      ),
      recommendedK: run.chooseK.recommendedK,
      reason: run.chooseK.reason,
    };
  }
  summary.segments = run.segments.map(publishableSegment);
  summary.quality = pickFields(run.quality, QUALITY_FIELDS);
  return summary as RunSummary;
}
