/**
 * From a table and chosen columns to the matrices the clustering kernels read: numeric features as
 * one flat, scaled Float64Array (row-major), categorical features as category codes in an Int32Array.
 * Missing values are dropped or imputed here, and every decision is recorded for the Run.
 */

import { assertNever, SegmentationError } from '../schema/errors';
import type { Feature, MissingPolicy, Preprocessing, Scaling } from '../schema/run';
import {
  type ColumnProfile,
  categoryOf,
  defaultFeatureColumns,
  inferColumns,
  isMissingCell,
  parseNumberCell,
} from './columns';
import { indexOfMax } from './extent';
import type { Table } from './table';

export interface PrepareOptions {
  /** Chosen columns by header (case-insensitive); default {@link defaultFeatureColumns}. */
  columns?: string[];
  /** Default 'auto'; decides whether categorical columns join the default features. */
  algorithm?: 'auto' | 'kmeans' | 'kprototypes';
  /** Default 'zscore'. */
  scaling?: Scaling;
  /** Default 'drop'. */
  missing?: MissingPolicy;
  /** Name of the input in messages ("mall.csv"); default 'the table'. */
  source?: string;
}

/** Data ready for clustering. Numeric features come first in `features`, then categorical ones. */
export interface PreparedData {
  features: Feature[];
  /** Rows used. */
  n: number;
  /** Number of numeric features. */
  numericCount: number;
  /** Number of categorical features. */
  categoricalCount: number;
  /** n × numericCount, scaled as options.scaling says. */
  numeric: Float64Array;
  /** n × numericCount, original units (for profiles). */
  numericOriginal: Float64Array;
  /** n × categoricalCount category codes (index into feature.categories). */
  categorical: Int32Array;
  /** For each used row, its index in table.rows. */
  rowIndex: Int32Array;
  preprocessing: Preprocessing;
  scaling: Scaling;
  columns: ColumnProfile[];
}

const MAX_DROPPED_EXAMPLES = 10;

/**
 * Chooses features, validates every used cell, handles missing values and scales.
 * @throws SegmentationError UNKNOWN_COLUMN, INVALID_VALUE (naming row and column), CONSTANT_COLUMN,
 *   NO_FEATURES, TOO_FEW_ROWS
 * @example const data = prepareFeatures(table, { columns: ['Age', 'Annual Income (k$)'] })
 */
export function prepareFeatures(table: Table, options: PrepareOptions = {}): PreparedData {
  const scaling = options.scaling ?? 'zscore';
  const missing = options.missing ?? 'drop';
  const source = options.source ?? 'the table';
  const columns = inferColumns(table);
  const notes: string[] = [];
  const userChose = options.columns !== undefined && options.columns.length > 0;
  const chosen = userChose
    ? resolveColumns(columns, options.columns ?? [], options.algorithm ?? 'auto', source)
    : defaultFeatureColumns(columns, options.algorithm ?? 'auto');
  if (!userChose) {
    const skipped = columns.filter((column) => !chosen.includes(column));
    if (skipped.length > 0)
      notes.push(
        `Not used: ${skipped.map((column) => `${column.name} (${column.note ?? column.kind})`).join('; ')}.`,
      );
  }
  if (chosen.length === 0) {
    throw new SegmentationError(
      'NO_FEATURES',
      `${source} has no column to segment on: a feature must be a number (income, age, spend…) or a category with a few values. Columns found: ${columns.map((column) => `${column.name} (${column.note ?? column.kind})`).join(', ')}`,
      { field: 'columns' },
    );
  }
  const numericColumns = chosen.filter((column) => column.kind === 'numeric');
  const categoricalColumns = chosen.filter((column) => column.kind !== 'numeric');

  // Read and validate every chosen cell once.
  const rowCount = table.rows.length;
  const numericValues = numericColumns.map(() => new Float64Array(rowCount));
  const numericMissing = numericColumns.map(() => new Uint8Array(rowCount));
  numericColumns.forEach((column, f) => {
    for (let r = 0; r < rowCount; r++) {
      const parsed = parseNumberCell(table.rows[r][column.index]);
      switch (parsed.kind) {
        case 'number':
          numericValues[f][r] = parsed.value;
          break;
        case 'missing':
          numericMissing[f][r] = 1;
          break;
        case 'invalid':
          throw new SegmentationError(
            'INVALID_VALUE',
            `${source}: row ${table.rowNumbers[r]}, column "${column.name}": ${parsed.reason}. "${column.name}" is a numeric column; fix the cell or clear it (empty cells are treated as missing).`,
            { row: table.rowNumbers[r], column: column.name },
          );
        default:
          assertNever(parsed, 'parsed cell');
      }
    }
  });
  const categoryValues = categoricalColumns.map((column) =>
    table.rows.map((row) => categoryOf(row[column.index])),
  );

  // Missing values: which rows survive, and what fills the gaps.
  const missingByColumn: Record<string, number> = {};
  numericColumns.forEach((column, f) => {
    missingByColumn[column.name] = numericMissing[f].reduce((sum, flag) => sum + flag, 0);
  });
  categoricalColumns.forEach((column, f) => {
    missingByColumn[column.name] = categoryValues[f].filter((value) => value === undefined).length;
  });
  const keep: number[] = [];
  const droppedExamples: { row: number; reason: string }[] = [];
  let imputed = 0;
  for (let r = 0; r < rowCount; r++) {
    const empty = [
      ...numericColumns.filter((_, f) => numericMissing[f][r] === 1).map((column) => column.name),
      ...categoricalColumns.filter((_, f) => categoryValues[f][r] === undefined).map((column) => column.name),
    ];
    if (empty.length === 0 || missing === 'impute') {
      keep.push(r);
      imputed += empty.length;
    } else if (droppedExamples.length < MAX_DROPPED_EXAMPLES) {
      droppedExamples.push({
        row: table.rowNumbers[r],
        reason: `${empty.join(', ')} ${empty.length === 1 ? 'is' : 'are'} empty`,
      });
    }
  }
  const rowsDropped = rowCount - keep.length;
  const withMissing = Object.entries(missingByColumn).filter(([, count]) => count > 0);
  if (rowsDropped > 0) {
    notes.push(
      `${rowsDropped.toLocaleString('en-US')} of ${rowCount.toLocaleString('en-US')} rows were left out because a chosen column was empty (${withMissing.map(([name, count]) => `${name} ${count.toLocaleString('en-US')}`).join(', ')}); choose missing: impute to fill them in instead.`,
    );
  }
  if (keep.length === 0) {
    throw new SegmentationError(
      'TOO_FEW_ROWS',
      `${source}: every row has an empty value in a chosen column (${withMissing.map(([name, count]) => `${name} ${count}`).join(', ')}); fill them in, choose other columns, or use missing: impute`,
      { field: 'missing' },
    );
  }

  // Features: population statistics over the rows used (missing cells excluded), then scaling.
  const n = keep.length;
  const numericCount = numericColumns.length;
  const numericOriginal = new Float64Array(n * numericCount);
  const features: Feature[] = [];
  numericColumns.forEach((column, f) => {
    let count = 0;
    let mean = 0;
    let m2 = 0;
    let min = Number.POSITIVE_INFINITY;
    let max = Number.NEGATIVE_INFINITY;
    for (const r of keep) {
      if (numericMissing[f][r] === 1) continue;
      const value = numericValues[f][r];
      count++;
      const delta = value - mean; // Welford: stable for large values
      mean += delta / count;
      m2 += delta * (value - mean);
      if (value < min) min = value;
      if (value > max) max = value;
    }
    if (count === 0) {
      throw new SegmentationError(
        'INVALID_VALUE',
        `${source}: column "${column.name}" has no values in the rows used`,
        { column: column.name },
      );
    }
    const std = Math.sqrt(m2 / count);
    if (!(max > min)) {
      if (userChose) {
        throw new SegmentationError(
          'CONSTANT_COLUMN',
          `${source}: column "${column.name}" has the same value (${min}) in every row, so it cannot tell customers apart; leave it out of the columns`,
          { column: column.name, field: 'columns' },
        );
      }
    }
    const imputeValue = mean;
    let imputedHere = 0;
    keep.forEach((r, i) => {
      const isMissing = numericMissing[f][r] === 1;
      if (isMissing) imputedHere++;
      numericOriginal[i * numericCount + f] = isMissing ? imputeValue : numericValues[f][r];
    });
    if (imputedHere > 0)
      notes.push(
        `${imputedHere} empty ${column.name} values were filled with the mean (${round(imputeValue)}).`,
      );
    features.push({
      name: column.name,
      kind: 'numeric',
      role: column.role,
      mean,
      std,
      min,
      max,
      imputeValue,
    });
  });
  const categoricalCount = categoricalColumns.length;
  const categorical = new Int32Array(n * categoricalCount);
  categoricalColumns.forEach((column, f) => {
    const categories: string[] = [];
    const codes = new Map<string, number>();
    const counts: number[] = [];
    for (const r of keep) {
      const value = categoryValues[f][r];
      if (value === undefined) continue;
      let code = codes.get(value);
      if (code === undefined) {
        code = categories.length;
        codes.set(value, code);
        categories.push(value);
        counts.push(0);
      }
      counts[code]++;
    }
    if (categories.length === 0) {
      throw new SegmentationError(
        'INVALID_VALUE',
        `${source}: column "${column.name}" has no values in the rows used`,
        { column: column.name },
      );
    }
    if (categories.length === 1 && userChose) {
      throw new SegmentationError(
        'CONSTANT_COLUMN',
        `${source}: column "${column.name}" has the same value ("${categories[0]}") in every row, so it cannot tell customers apart; leave it out of the columns`,
        { column: column.name, field: 'columns' },
      );
    }
    const modeCode = indexOfMax(counts);
    let imputedHere = 0;
    keep.forEach((r, i) => {
      const value = categoryValues[f][r];
      if (value === undefined) imputedHere++;
      categorical[i * categoricalCount + f] = value === undefined ? modeCode : (codes.get(value) as number);
    });
    if (imputedHere > 0)
      notes.push(
        `${imputedHere} empty ${column.name} values were filled with the most common value ("${categories[modeCode]}").`,
      );
    features.push({
      name: column.name,
      kind: 'categorical',
      role: column.role,
      categories,
      imputeValue: categories[modeCode],
    });
  });

  const numeric = scaleMatrix(numericOriginal, n, features.slice(0, numericCount), scaling);
  return {
    features,
    n,
    numericCount,
    categoricalCount,
    numeric,
    numericOriginal,
    categorical,
    rowIndex: Int32Array.from(keep),
    preprocessing: { rowsUsed: n, rowsDropped, imputed, missingByColumn, droppedExamples, notes },
    scaling,
    columns,
  };
}

/** The user's chosen columns by name (case-insensitive), checked to be usable features. */
export function resolveColumns(
  columns: ColumnProfile[],
  names: string[],
  algorithm: 'auto' | 'kmeans' | 'kprototypes',
  source: string,
): ColumnProfile[] {
  const find = (name: string) =>
    columns.find((candidate) => candidate.name === name) ??
    columns.find((candidate) => candidate.name.toLowerCase() === name.toLowerCase());
  // Unknown names first: a typo is the likeliest mistake, and the list of real columns fixes it.
  const unknown = names.map((raw) => raw.trim()).filter((name) => !find(name));
  if (unknown.length > 0) {
    throw new SegmentationError(
      'UNKNOWN_COLUMN',
      `${source} has no column ${unknown.map((name) => `"${name}"`).join(' or ')}. Columns: ${columns.map((candidate) => `"${candidate.name}"`).join(', ')}`,
      { column: unknown[0], field: 'columns' },
    );
  }
  const chosen: ColumnProfile[] = [];
  for (const raw of names) {
    const column = find(raw.trim()) as ColumnProfile;
    if (chosen.includes(column)) continue;
    if (column.kind === 'text' || column.kind === 'id') {
      throw new SegmentationError(
        'INVALID_VALUE',
        `${source}: column "${column.name}" cannot be a feature: ${column.note ?? `it is ${column.kind}`}`,
        { column: column.name, field: 'columns' },
      );
    }
    if (column.kind === 'categorical' && algorithm === 'kmeans') {
      throw new SegmentationError(
        'INVALID_OPTION',
        `Column "${column.name}" holds categories, which k-means cannot use; choose algorithm auto or kprototypes, or leave it out`,
        { column: column.name, field: 'algorithm' },
      );
    }
    chosen.push(column);
  }
  return chosen;
}

/**
 * Scales an n × d matrix (row-major) with each feature's population statistics.
 * Constant features scale to 0 (zscore, minmax) so they cannot dominate distances.
 */
export function scaleMatrix(
  values: Float64Array,
  n: number,
  features: Feature[],
  scaling: Scaling,
): Float64Array {
  const d = features.length;
  const scaled = new Float64Array(n * d);
  for (let f = 0; f < d; f++) {
    const { offset, factor } = scaleParameters(features[f], scaling);
    for (let i = 0; i < n; i++) scaled[i * d + f] = (values[i * d + f] - offset) * factor;
  }
  return scaled;
}

/** x_scaled = (x − offset) × factor for one numeric feature. */
export function scaleParameters(feature: Feature, scaling: Scaling): { offset: number; factor: number } {
  switch (scaling) {
    case 'zscore':
      return { offset: feature.mean ?? 0, factor: feature.std ? 1 / feature.std : 0 };
    case 'minmax': {
      const range = (feature.max ?? 0) - (feature.min ?? 0);
      return { offset: feature.min ?? 0, factor: range > 0 ? 1 / range : 0 };
    }
    case 'none':
      return { offset: 0, factor: 1 };
    default:
      return assertNever(scaling, 'scaling');
  }
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}

export { isMissingCell };
