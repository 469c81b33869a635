/**
 * The whole segmentation job: table → features → clusters → k → personas → Run.
 * (Contract stub; implementation lands with issue #2.)
 */
import type { Run, RunSource, Scaling, MissingPolicy } from './run-schema';
import type { Table } from './table';

/** Phases reported to {@link SegmentOptions.onProgress}. */
export interface Progress {
  phase: 'prepare' | 'choose-k' | 'cluster' | 'personas' | 'done';
  /** 0..1 within the whole job. */
  fraction: number;
  message: string;
}

export interface SegmentOptions {
  /** Feature columns by header; default all numeric non-id columns, plus categorical ones when algorithm is auto. */
  columns?: string[];
  /** Number of segments or 'auto' (elbow + silhouette over 2..10). Default 'auto'. */
  k?: number | 'auto';
  /** Default 'auto': k-prototypes when a categorical feature is chosen, else k-means. */
  algorithm?: 'auto' | 'kmeans' | 'kprototypes';
  /** Default 'zscore'. */
  scaling?: Scaling;
  /** Default 1. */
  seed?: number;
  /** k-means++ restarts; the lowest inertia wins. Default 10. */
  restarts?: number;
  /** Rows with a missing feature value: 'drop' (default) or 'impute' (mean / most common). */
  missing?: MissingPolicy;
  /** Run name; default "<source> · <date>". */
  name?: string;
  /** Run id; default a fresh unique id. */
  id?: string;
  /** Clock for createdAt; default now. */
  now?: Date;
  /** Where the table came from (kind, file name or spreadsheet); rowCount is filled in. */
  source?: Partial<RunSource>;
  /** Called as the job advances (the CLI draws a progress bar, the add-on reports phases). */
  onProgress?: (progress: Progress) => void;
}

/**
 * Segments a table of customers.
 * @throws SegmentationError for bad input or options, naming the row, column or option
 * @example const run = segmentTable(parseDelimited(csv), { k: 5, scaling: 'none' })
 */
export function segmentTable(_table: Table, _options: SegmentOptions = {}): Run {
  throw new Error('not implemented yet');
}
