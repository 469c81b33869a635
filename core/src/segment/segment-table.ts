/**
 * The whole segmentation job: table → features → clusters → k → personas → Run.
 */
import {
  AUTO_K_CANDIDATE_RESTARTS,
  autoKCandidates,
  type ClusteringOutcome,
  chooseK,
} from '../cluster/choose-k';
import { kmeans } from '../cluster/kmeans';
import { defaultGamma, kprototypes, type MixedData } from '../cluster/kprototypes';
import { type DistanceSpace, silhouette } from '../cluster/silhouette';
import { namePersonas, profileSegment } from '../personas/personas';
import { assertNever, SegmentationError } from '../schema/errors';
import { newRecordId } from '../schema/ids';
import {
  type Algorithm,
  type ChooseKResult,
  type MissingPolicy,
  RUN_SCHEMA_VERSION,
  type Run,
  type RunSource,
  type Scaling,
  type Segment,
} from '../schema/run';
import { type PreparedData, type PrepareOptions, prepareFeatures } from '../table/prepare';
import type { Table } from '../table/table';

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
  /** Run name; default "<source> · k segments · <date>". */
  name?: string;
  /** Run id; default a fresh unique id. */
  id?: string;
  /** Clock for createdAt; default now. */
  now?: Date;
  /** Where the table came from (kind, file name or spreadsheet); rowCount is filled in. */
  source?: Partial<RunSource>;
  /** Keep one segment index per table row in the Run (local use only). Default true. */
  includeAssignments?: boolean;
  /** Called as the job advances (the CLI draws a progress bar, the add-on reports phases). */
  onProgress?: (progress: Progress) => void;
}

/** The largest k accepted; more segments than this are not something a marketer can act on. */
export const MAX_K = 50;

interface Clustering extends ClusteringOutcome {
  sizes: Int32Array;
}

/**
 * Segments a table of customers.
 * @throws SegmentationError for bad input or options, naming the row, column or option
 * @example const run = segmentTable(parseDelimited(csv), { k: 5, scaling: 'none' })
 */
export function segmentTable(table: Table, options: SegmentOptions = {}): Run {
  return segmentRows(table.rows.length, (prepare) => prepareFeatures(table, prepare), options);
}

/**
 * Segments `rowCount` rows whose features `prepare` reads (the CLI's typed CSV path passes
 * prepareTypedFeatures; {@link segmentTable} passes prepareFeatures over a Table).
 * @throws SegmentationError for bad input or options, naming the row, column or option
 * @example const run = segmentRows(typed.rowCount, (o) => prepareTypedFeatures(typed, o), { k: 5 })
 */
export function segmentRows(
  rowCount: number,
  prepare: (options: PrepareOptions) => PreparedData,
  options: SegmentOptions = {},
): Run {
  const settings = validateOptions(options);
  const sourceName = options.source?.fileName ?? options.source?.sheetName ?? 'the table';
  const report = (phase: Progress['phase'], fraction: number, message: string) =>
    options.onProgress?.({ phase, fraction, message });
  // Too few rows is the real problem even when it also leaves no usable column: say that first.
  const minimumRows = settings.k === 'auto' ? 3 : settings.k;
  if (rowCount < minimumRows) {
    throw new SegmentationError(
      'TOO_FEW_ROWS',
      settings.k === 'auto'
        ? `${sourceName} has ${rowCount} row${rowCount === 1 ? '' : 's'}; choosing k needs at least 3 (segmentation is meant for tens of customers or more)`
        : `k = ${settings.k} asks for more segments than there are rows (${rowCount}); choose k of at most ${rowCount}`,
      { field: 'k' },
    );
  }
  report('prepare', 0, 'Reading columns');
  const data = prepare({
    columns: options.columns,
    algorithm: settings.algorithm,
    scaling: settings.scaling,
    missing: settings.missing,
    source: sourceName,
  });
  const algorithm: Algorithm =
    settings.algorithm === 'auto'
      ? data.categoricalCount > 0
        ? 'kprototypes'
        : 'kmeans'
      : settings.algorithm;
  if (settings.k !== 'auto' && settings.k > data.n) {
    throw new SegmentationError(
      'TOO_FEW_ROWS',
      `k = ${settings.k} asks for more segments than there are usable rows (${data.n}); choose k of at most ${data.n}`,
      { field: 'k' },
    );
  }
  if (settings.k === 'auto' && data.n < 3) {
    throw new SegmentationError(
      'TOO_FEW_ROWS',
      `${sourceName} has ${data.n} usable row${data.n === 1 ? '' : 's'}; choosing k needs at least 3 (segmentation is meant for tens of customers or more)`,
      { field: 'k' },
    );
  }

  const mixed: MixedData = {
    n: data.n,
    numeric: data.numeric,
    numericCount: data.numericCount,
    categorical: data.categorical,
    categoricalCount: data.categoricalCount,
    categoryCounts: data.features
      .filter((feature) => feature.kind === 'categorical')
      .map((feature) => feature.categories?.length ?? 0),
  };
  const gamma = algorithm === 'kprototypes' ? defaultGamma(mixed) : null;
  const distance = pairDistance(data, algorithm, gamma ?? 0);
  const cluster = (k: number, seed: number, restarts = settings.restarts, firstRestart = 0): Clustering => {
    switch (algorithm) {
      case 'kmeans': {
        const result = kmeans(data.numeric, data.n, data.numericCount, k, {
          seed,
          restarts,
          firstRestart,
        });
        return { labels: result.labels, inertia: result.inertia, sizes: result.sizes };
      }
      case 'kprototypes': {
        const result = kprototypes(mixed, k, {
          seed,
          restarts,
          firstRestart,
          gamma: gamma ?? undefined,
        });
        return { labels: result.labels, inertia: result.cost, sizes: result.sizes };
      }
      default:
        return assertNever(algorithm, 'algorithm');
    }
  };

  let k: number;
  let chosen: Clustering;
  let chooseKResult: ChooseKResult | undefined;
  if (settings.k === 'auto') {
    // Candidates are compared on a few restarts each; the winner gets the rest (same seeds as a full run).
    const candidateRestarts = Math.min(AUTO_K_CANDIDATE_RESTARTS, settings.restarts);
    const outcome = chooseK(
      data.n,
      (candidate) => cluster(candidate, settings.seed, candidateRestarts),
      distance,
      {
        seed: settings.seed,
        refineWinner:
          settings.restarts > candidateRestarts
            ? (winner) => {
                report('cluster', 0.9, `Refining ${winner} segments with the remaining restarts`);
                return cluster(
                  winner,
                  settings.seed,
                  settings.restarts - candidateRestarts,
                  candidateRestarts,
                );
              }
            : undefined,
        onCandidate: (candidate, finished, total) =>
          report(
            'choose-k',
            0.05 + 0.85 * (finished / total),
            `Tried k = ${candidate} (${finished} of ${total})`,
          ),
        candidates: autoKCandidates(data.n),
      },
    );
    chooseKResult = outcome.result;
    k = chooseKResult.recommendedK;
    chosen = outcome.clusterings.get(k) as Clustering;
  } else {
    k = settings.k;
    report('cluster', 0.05, `Clustering into ${k} segments`);
    chosen = cluster(k, settings.seed);
  }
  report('personas', 0.92, 'Naming segments');
  const silhouetteScore =
    chooseKResult?.candidates.find((row) => row.k === k)?.silhouette ??
    (k >= 2 ? silhouette(data.n, chosen.labels, k, distance, { seed: settings.seed }) : null);

  const { segments, order } = describeSegments(data, chosen, k);
  const createdAt = (options.now ?? new Date()).toISOString();
  const assignments =
    options.includeAssignments === false
      ? undefined
      : assignmentsFor(rowCount, data.rowIndex, chosen.labels, order);
  const run: Run = {
    schemaVersion: RUN_SCHEMA_VERSION,
    id: options.id ?? newRecordId('run', options.now ?? new Date()),
    name:
      options.name?.trim() || `${sourceName} · ${k} segments · ${createdAt.slice(0, 16).replace('T', ' ')}`,
    createdAt,
    source: { kind: 'api', ...options.source, rowCount: rowCount },
    options: {
      k: settings.k,
      algorithm: settings.algorithm,
      scaling: settings.scaling,
      seed: settings.seed,
      restarts: settings.restarts,
      missing: settings.missing,
      gamma,
    },
    features: data.features,
    preprocessing: data.preprocessing,
    k,
    algorithm,
    ...(chooseKResult ? { chooseK: chooseKResult } : {}),
    segments,
    quality: {
      inertia: chosen.inertia,
      silhouette: silhouetteScore === null ? null : Math.round(silhouetteScore * 10_000) / 10_000,
    },
    ...(assignments ? { assignments } : {}),
  };
  report('done', 1, `${k} segments`);
  return run;
}

interface Settings {
  k: number | 'auto';
  algorithm: 'auto' | 'kmeans' | 'kprototypes';
  scaling: Scaling;
  seed: number;
  restarts: number;
  missing: MissingPolicy;
}

function validateOptions(options: SegmentOptions): Settings {
  const k = options.k ?? 'auto';
  if (k !== 'auto' && (typeof k !== 'number' || !Number.isInteger(k) || k < 1 || k > MAX_K)) {
    throw new SegmentationError(
      'INVALID_OPTION',
      `k must be "auto" or a whole number from 1 to ${MAX_K}; got ${String(k)}`,
      { field: 'k' },
    );
  }
  const oneOf = <T extends string>(field: string, value: unknown, allowed: readonly T[], fallback: T): T => {
    if (value === undefined) return fallback;
    if (!allowed.includes(value as T)) {
      throw new SegmentationError(
        'INVALID_OPTION',
        `${field} must be one of ${allowed.join(', ')}; got ${String(value)}`,
        { field },
      );
    }
    return value as T;
  };
  const integer = (field: string, value: unknown, fallback: number, min: number, max: number): number => {
    if (value === undefined) return fallback;
    if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
      throw new SegmentationError(
        'INVALID_OPTION',
        `${field} must be a whole number from ${min} to ${max}; got ${String(value)}`,
        { field },
      );
    }
    return value;
  };
  return {
    k,
    algorithm: oneOf('algorithm', options.algorithm, ['auto', 'kmeans', 'kprototypes'] as const, 'auto'),
    scaling: oneOf('scaling', options.scaling, ['zscore', 'minmax', 'none'] as const, 'zscore'),
    missing: oneOf('missing', options.missing, ['drop', 'impute'] as const, 'drop'),
    seed: integer('seed', options.seed, 1, -2_147_483_648, 2_147_483_647),
    restarts: integer('restarts', options.restarts, 10, 1, 1000),
  };
}

/** The space clustered, as data: the silhouette runs a specialised kernel instead of a closure per pair. */
function pairDistance(data: PreparedData, algorithm: Algorithm, gamma: number): DistanceSpace {
  if (algorithm === 'kmeans') return { kind: 'euclidean', points: data.numeric, d: data.numericCount };
  return {
    kind: 'mixed',
    numeric: data.numeric,
    numericCount: data.numericCount,
    categorical: data.categorical,
    categoricalCount: data.categoricalCount,
    gamma,
  };
}

/** Segments ordered by size (largest first), with profiles in original units and personas. */
function describeSegments(
  data: PreparedData,
  clustering: Clustering,
  k: number,
): { segments: Segment[]; order: Int32Array } {
  const p = data.numericCount;
  const q = data.categoricalCount;
  const categoricalFeatures = data.features.filter((feature) => feature.kind === 'categorical');
  const sums = new Float64Array(k * p);
  const counts = categoricalFeatures.map((feature) => new Int32Array(k * (feature.categories?.length ?? 0)));
  for (let i = 0; i < data.n; i++) {
    const label = clustering.labels[i];
    for (let f = 0; f < p; f++) sums[label * p + f] += data.numericOriginal[i * p + f];
    for (let f = 0; f < q; f++)
      counts[f][label * (categoricalFeatures[f].categories?.length ?? 0) + data.categorical[i * q + f]]++;
  }
  const labelsBySize = Array.from({ length: k }, (_, label) => label).sort(
    (a, b) => clustering.sizes[b] - clustering.sizes[a] || a - b,
  );
  const order = new Int32Array(k); // order[label] = segment index
  labelsBySize.forEach((label, index) => {
    order[label] = index;
  });
  const drafts = labelsBySize.map((label, index) => {
    const size = clustering.sizes[label];
    const numericMeans = Array.from({ length: p }, (_, f) =>
      size > 0 ? sums[label * p + f] / size : (data.features[f].mean ?? 0),
    );
    const categoricalTops = categoricalFeatures.map((feature, f) => {
      const categories = feature.categories ?? [];
      let best = 0;
      for (let c = 1; c < categories.length; c++)
        if (counts[f][label * categories.length + c] > counts[f][label * categories.length + best]) best = c;
      return {
        top: categories[best] ?? '',
        topShare: size > 0 ? counts[f][label * categories.length + best] / size : 0,
      };
    });
    const share = size / data.n;
    const facts = { index, size, share, numericMeans, categoricalTops };
    const centroid: Record<string, number | string> = {};
    data.features.forEach((feature, f) => {
      centroid[feature.name] =
        feature.kind === 'numeric' ? round(numericMeans[f], 4) : categoricalTops[f - p].top;
    });
    return { index, size, share: round(share, 6), centroid, profile: profileSegment(data.features, facts) };
  });
  const personas = namePersonas(data.features, drafts);
  return { segments: drafts.map((draft, i) => ({ ...draft, persona: personas[i] })), order };
}

function assignmentsFor(
  rowCount: number,
  rowIndex: Int32Array,
  labels: Int32Array,
  order: Int32Array,
): number[] {
  const assignments = new Array<number>(rowCount).fill(-1);
  for (let i = 0; i < rowIndex.length; i++) assignments[rowIndex[i]] = order[labels[i]];
  return assignments;
}

function round(value: number, digits: number): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}
