/**
 * The last stage: everything the pipeline decided, as one Run (the record every surface reads).
 */
import { MESSAGES_EN } from '../i18n/messages-en';
import { newRecordId } from '../schema/ids';
import { RUN_SCHEMA_VERSION, type Run, type Segment } from '../schema/run';
import type { ClusterStageResult } from './cluster-and-choose-k';
import type { FeatureMatrix } from './feature-matrix';
import type { SegmentSettings } from './options';
import type { FeatureSelection } from './select-features';

/** What the stages produced, as {@link assembleRun} reads it. */
export interface RunParts {
  settings: SegmentSettings;
  /** Rows in the input table. */
  rowCount: number;
  selection: FeatureSelection;
  matrix: FeatureMatrix;
  clustered: ClusterStageResult;
  segments: Segment[];
  quality: Run['quality'];
  /** One segment index per table row; undefined when the Run keeps none. */
  assignments?: number[];
}

/**
 * Builds the Run.
 * @example assembleRun(parts).name // 'mall.csv · 5 segments · 2026-01-01 00:00'
 */
export function assembleRun(parts: RunParts): Run {
  const { settings, selection, matrix, clustered, assignments } = parts;
  const createdAt = settings.now.toISOString();
  const k = clustered.k;
  return {
    schemaVersion: RUN_SCHEMA_VERSION,
    id: settings.id ?? newRecordId('run', settings.now),
    name:
      settings.name?.trim() ||
      // Named in the run's language: the run keeps it.
      (settings.messages ?? MESSAGES_EN).runName(
        settings.sourceName,
        k,
        createdAt.slice(0, 16).replace('T', ' '),
      ),
    createdAt,
    source: { kind: 'api', ...settings.source, rowCount: parts.rowCount },
    options: {
      k: settings.k,
      algorithm: settings.algorithm,
      scaling: settings.scaling,
      seed: settings.seed,
      restarts: settings.restarts,
      missing: settings.missing,
      gamma: clustered.gamma,
    },
    features: matrix.features,
    preprocessing: { ...matrix.preprocessing, notes: [...selection.notes, ...matrix.preprocessing.notes] },
    k,
    algorithm: selection.algorithm,
    ...(clustered.chooseK ? { chooseK: clustered.chooseK } : {}),
    segments: parts.segments,
    quality: parts.quality,
    ...(assignments ? { assignments } : {}),
  };
}
