/**
 * The matrix stage: from the selected columns of a table to what the clustering kernels read —
 * numeric features as one flat, scaled Float64Array (row-major), categorical features as category
 * codes in an Int32Array — with the missing-value decisions recorded for the Run.
 * Cells are read once, rows kept by the missing policy, features encoded, then scaled.
 */

import type { Lang } from '../i18n/lang';
import { createTranslator } from '../i18n/translator';
import type { Feature, MissingPolicy, Preprocessing, Scaling } from '../schema/run';
import type { Table } from '../table/table';
import { encodeFeatures } from './encode-features';
import { applyMissingPolicy } from './missing-policy';
import { readFeatureCells } from './read-feature-cells';
import { scaleMatrix } from './scale';
import type { FeatureSelection } from './select-features';

/** Data ready for clustering. Numeric features come first in `features`, then categorical ones. */
export interface FeatureMatrix {
  features: Feature[];
  /** Rows used. */
  n: number;
  /** Number of numeric features. */
  numericCount: number;
  /** Number of categorical features. */
  categoricalCount: number;
  /** n × numericCount, scaled. */
  numeric: Float64Array;
  /** n × numericCount, original units (for profiles). */
  numericOriginal: Float64Array;
  /** n × categoricalCount category codes (index into feature.categories). */
  categorical: Int32Array;
  /** For each used row, its index in table.rows. */
  rowIndex: Int32Array;
  /** Rows used and dropped, cells filled in, and the sentences saying so. */
  preprocessing: Preprocessing;
}

/**
 * Builds the feature matrix of the selected columns.
 * @throws SegmentationError INVALID_VALUE (naming row and column), TOO_FEW_ROWS, CONSTANT_COLUMN
 * @example buildFeatureMatrix(mall, selectFeatures(inferColumns(mall), ['Age'], 'auto', 'mall.csv'), { missing: 'drop', scaling: 'none' }, 'mall.csv').numeric[0] // 19
 */
export function buildFeatureMatrix(
  table: Table,
  selection: FeatureSelection,
  policy: { missing: MissingPolicy; scaling: Scaling; lang?: Lang },
  source: string,
): FeatureMatrix {
  // Notes in the run's language (default English).
  const t = createTranslator(policy.lang ?? 'en');
  const cells = readFeatureCells(table, selection, source);
  const kept = applyMissingPolicy(table.rowNumbers, selection, cells, policy.missing, source, t);
  const encoded = encodeFeatures(selection, cells, kept.keep, source, t);
  const numericFeatures = encoded.features.slice(0, encoded.numericCount);
  return {
    features: encoded.features,
    n: encoded.n,
    numericCount: encoded.numericCount,
    categoricalCount: encoded.categoricalCount,
    numeric: scaleMatrix(encoded.numericOriginal, encoded.n, numericFeatures, policy.scaling),
    numericOriginal: encoded.numericOriginal,
    categorical: encoded.categorical,
    rowIndex: Int32Array.from(kept.keep),
    preprocessing: {
      rowsUsed: encoded.n,
      rowsDropped: kept.rowsDropped,
      imputed: kept.imputed,
      missingByColumn: kept.missingByColumn,
      droppedExamples: kept.droppedExamples,
      notes: [...kept.notes, ...encoded.notes],
    },
  };
}
