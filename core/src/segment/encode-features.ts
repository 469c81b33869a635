/**
 * From validated cells of the rows used to features: population statistics per numeric column
 * (missing cells excluded), category codes per categorical column, and the filling of empty cells
 * (mean / most common value). A named column with one value everywhere is refused here.
 */
import { round } from '../format';
import { createTranslator, type Translator } from '../i18n/translator';
import { SegmentationError } from '../schema/errors';
import type { Feature } from '../schema/run';
import { indexOfMax } from '../table/extent';
import type { FeatureCells } from './read-feature-cells';
import type { FeatureSelection } from './select-features';

/** Features with their statistics, and the rows used in original units. */
export interface EncodedFeatures {
  /** Numeric features first, then categorical ones. */
  features: Feature[];
  /** Rows used. */
  n: number;
  numericCount: number;
  categoricalCount: number;
  /** n × numericCount, original units, empty cells filled with the mean. */
  numericOriginal: Float64Array;
  /** n × categoricalCount category codes (index into feature.categories), empty cells the mode. */
  categorical: Int32Array;
  /** One sentence per column that had cells filled in. */
  notes: string[];
}

/**
 * Computes the features of the rows kept.
 * @param keep indices (into the cells) of the rows used
 * @throws SegmentationError INVALID_VALUE (a column with no values in the rows used),
 *   CONSTANT_COLUMN (a column the user named has one value in every row)
 * @example encodeFeatures(selection, cells, [0, 1, 3], 't').features[0].mean // 30
 */
export function encodeFeatures(
  selection: FeatureSelection,
  cells: FeatureCells,
  keep: readonly number[],
  source: string,
  t: Translator = createTranslator('en'),
): EncodedFeatures {
  const { numericValues, numericMissing, categoryValues } = cells;
  const notes: string[] = [];
  const n = keep.length;
  const numericCount = selection.numeric.length;
  const numericOriginal = new Float64Array(n * numericCount);
  const features: Feature[] = [];
  selection.numeric.forEach((column, f) => {
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
    checkNumericSpread(source, column.name, count, min, max, selection.chosenByUser);
    const std = Math.sqrt(m2 / count);
    const imputeValue = mean;
    let imputedHere = 0;
    keep.forEach((r, i) => {
      const isMissing = numericMissing[f][r] === 1;
      if (isMissing) imputedHere++;
      numericOriginal[i * numericCount + f] = isMissing ? imputeValue : numericValues[f][r];
    });
    if (imputedHere > 0)
      notes.push(
        t.m.noteImputedMean(
          imputedHere,
          column.name,
          String(round(imputeValue, 2)).replace('.', t.lang === 'id' ? ',' : '.'),
        ),
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
  const categoricalCount = selection.categorical.length;
  const categorical = new Int32Array(n * categoricalCount);
  selection.categorical.forEach((column, f) => {
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
    if (categories.length === 1 && selection.chosenByUser) {
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
      notes.push(t.m.noteImputedMode(imputedHere, column.name, categories[modeCode] ?? ''));
    features.push({
      name: column.name,
      kind: 'categorical',
      role: column.role,
      categories,
      imputeValue: categories[modeCode],
    });
  });
  return { features, n, numericCount, categoricalCount, numericOriginal, categorical, notes };
}

/**
 * A numeric feature needs values in the rows used, and, when the user named it, more than one value.
 * Shared by this stage and the typed CSV path, which scan their columns differently.
 * @throws SegmentationError INVALID_VALUE (no values) or CONSTANT_COLUMN (one value in a chosen column)
 * @example checkNumericSpread('mall.csv', 'Age', 0, Infinity, -Infinity, false) // throws: mall.csv: column "Age" has no values in the rows used
 */
export function checkNumericSpread(
  source: string,
  column: string,
  count: number,
  min: number,
  max: number,
  chosenByUser: boolean,
): void {
  if (count === 0) {
    throw new SegmentationError(
      'INVALID_VALUE',
      `${source}: column "${column}" has no values in the rows used`,
      {
        column,
      },
    );
  }
  if (!(max > min) && chosenByUser) {
    throw new SegmentationError(
      'CONSTANT_COLUMN',
      `${source}: column "${column}" has the same value (${min}) in every row, so it cannot tell customers apart; leave it out of the columns`,
      { column, field: 'columns' },
    );
  }
}
