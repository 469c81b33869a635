/**
 * The options of a segmentation job: what callers may pass, every default in one place
 * ({@link DEFAULT_SEGMENT_OPTIONS}), and the one validation that turns them into settings the
 * pipeline stages read. No stage looks at the raw options.
 */
import type { Lang } from '../i18n/lang';
import type { Messages } from '../i18n/messages-en';
import { createTranslator } from '../i18n/translator';
import { SegmentationError } from '../schema/errors';
import type { MissingPolicy, RunSource, Scaling } from '../schema/run';
import type { TransactionOverrides } from '../transactions/transaction-options';

/** Phases reported to {@link SegmentOptions.onProgress}. */
export interface Progress {
  phase: 'prepare' | 'choose-k' | 'cluster' | 'personas' | 'done';
  /** 0..1 within the whole job. */
  fraction: number;
  message: string;
}

/** The algorithm asked for: 'auto' becomes k-prototypes when a categorical feature is chosen, else k-means. */
export type AlgorithmChoice = 'auto' | 'kmeans' | 'kprototypes';

/** What a caller may ask of {@link segmentTable}; every field is optional (defaults below). */
export interface SegmentOptions {
  /** Feature columns by header (case-insensitive); default all suggested numeric columns, plus categorical ones unless the algorithm is k-means. */
  columns?: string[];
  /** Number of segments or 'auto' (elbow + silhouette over 2..10). Default 'auto'. */
  k?: number | 'auto';
  /** Default 'auto': k-prototypes when a categorical feature is chosen, else k-means. */
  algorithm?: AlgorithmChoice;
  /** Default 'zscore'. */
  scaling?: Scaling;
  /** Default 1. */
  seed?: number;
  /** k-means++ restarts; the lowest inertia wins. Default 10. */
  restarts?: number;
  /** Rows with a missing feature value: 'drop' (default) or 'impute' (mean / most common). */
  missing?: MissingPolicy;
  /** Run name; default "<source> · k segments · <date>". */
  name?: string;
  /** Run id; default a fresh unique id. */
  id?: string;
  /** Clock for createdAt and the default id; default now. */
  now?: Date;
  /** Where the table came from (kind, file name or spreadsheet); rowCount is filled in. */
  source?: Partial<RunSource>;
  /** Keep one segment index per table row in the Run (local use only). Default true. */
  includeAssignments?: boolean;
  /** Called as the job advances (the CLI draws a progress bar, the add-on reports phases). */
  onProgress?: (progress: Progress) => void;
  /**
   * Orders tables: the columns to roll up per customer and the as-of date (see
   * transactions/transaction-options), or false to never treat the table as orders. Default {}:
   * detected when no feature columns are named.
   */
  transactions?: TransactionOverrides | false;
  /** The language of persona names, strategies and reasons: 'en' (default) or 'id'. Kept as `run.lang`. */
  lang?: Lang;
}

/** The largest k accepted; more segments than this are not something a marketer can act on. */
export const MAX_K = 50;

/** The defaults of every option that has a fixed one (name, id and now default to values of the moment). */
export const DEFAULT_SEGMENT_OPTIONS = {
  /** Empty: the suggested columns (see `defaultFeatureColumns`). */
  columns: [] as readonly string[],
  k: 'auto',
  algorithm: 'auto',
  scaling: 'zscore',
  seed: 1,
  restarts: 10,
  missing: 'drop',
  includeAssignments: true,
  lang: 'en',
} as const satisfies Required<
  Pick<
    SegmentOptions,
    'k' | 'algorithm' | 'scaling' | 'seed' | 'restarts' | 'missing' | 'includeAssignments' | 'lang'
  >
> & { columns: readonly string[] };

/** Validated options, defaults applied: the only thing the pipeline stages read. */
export interface SegmentSettings {
  /** Columns the user named (trimmed later); empty means the suggested ones. */
  columns: readonly string[];
  k: number | 'auto';
  algorithm: AlgorithmChoice;
  scaling: Scaling;
  seed: number;
  restarts: number;
  missing: MissingPolicy;
  includeAssignments: boolean;
  /** The input as messages name it: the file or sheet name, else "the table". */
  sourceName: string;
  source: Partial<RunSource>;
  name?: string;
  id?: string;
  now: Date;
  transactions: TransactionOverrides | false;
  lang: Lang;
  /** The catalogue in `lang`, for progress lines. */
  messages: Messages;
  /** Reports progress; does nothing without `onProgress`. */
  report: (phase: Progress['phase'], fraction: number, message: string) => void;
}

/**
 * Checks options and applies the defaults.
 * @throws SegmentationError INVALID_OPTION naming the option (k, algorithm, scaling, missing, seed, restarts)
 * @example validateSegmentOptions({ k: 3 }).scaling // 'zscore'
 */
export function validateSegmentOptions(options: SegmentOptions = {}): SegmentSettings {
  const defaults = DEFAULT_SEGMENT_OPTIONS;
  // The language first: the errors below are said in it.
  const lang = oneOf('lang', options.lang, ['en', 'id'], defaults.lang);
  const messages = createTranslator(lang).m;
  const k = options.k ?? defaults.k;
  if (k !== 'auto' && (typeof k !== 'number' || !Number.isInteger(k) || k < 1 || k > MAX_K)) {
    throw new SegmentationError('INVALID_OPTION', messages.errorK(MAX_K, String(k)), { field: 'k' });
  }
  const onProgress = options.onProgress;
  return {
    columns: options.columns ?? defaults.columns,
    k,
    algorithm: oneOf('algorithm', options.algorithm, ['auto', 'kmeans', 'kprototypes'], defaults.algorithm),
    scaling: oneOf('scaling', options.scaling, ['zscore', 'minmax', 'none'], defaults.scaling),
    missing: oneOf('missing', options.missing, ['drop', 'impute'], defaults.missing),
    seed: integer('seed', options.seed, defaults.seed, -2_147_483_648, 2_147_483_647),
    restarts: integer('restarts', options.restarts, defaults.restarts, 1, 1000),
    includeAssignments: options.includeAssignments ?? defaults.includeAssignments,
    sourceName: options.source?.fileName ?? options.source?.sheetName ?? messages.theTable(),
    source: options.source ?? {},
    name: options.name,
    id: options.id,
    now: options.now ?? new Date(),
    transactions: options.transactions ?? {},
    lang,
    messages,
    report: (phase, fraction, message) => onProgress?.({ phase, fraction, message }),
  };
}

function oneOf<T extends string>(field: string, value: unknown, allowed: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  if (!allowed.includes(value as T)) {
    throw new SegmentationError(
      'INVALID_OPTION',
      `${field} must be one of ${allowed.join(', ')}; got ${String(value)}`,
      { field },
    );
  }
  return value as T;
}

function integer(field: string, value: unknown, fallback: number, min: number, max: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw new SegmentationError(
      'INVALID_OPTION',
      `${field} must be a whole number from ${min} to ${max}; got ${String(value)}`,
      { field },
    );
  }
  return value;
}
