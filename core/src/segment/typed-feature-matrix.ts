/**
 * The matrix stage on a typed table (a parsed CSV held column by column): the same features, rows,
 * notes and errors as {@link buildFeatureMatrix} on the same text parsed into a Table, without an
 * array per row or a string per numeric cell. Number columns are read from their Float64Array;
 * coded columns once per distinct text.
 */
import { round } from '../format';
import { assertNever, SegmentationError } from '../schema/errors';
import type { Feature, MissingPolicy, Scaling } from '../schema/run';
import { type ColumnProfile, categoryOf, parseNumberCell } from '../table/columns';
import type { TypedColumn, TypedTable } from '../table/csv-columns';
import { indexOfMax } from '../table/extent';
import { checkNumericSpread } from './encode-features';
import type { FeatureMatrix } from './feature-matrix';
import { MAX_DROPPED_EXAMPLES } from './missing-policy';
import { scaleMatrix } from './scale';
import type { FeatureSelection } from './select-features';

/**
 * Builds the feature matrix of the selected columns of a typed table.
 * @throws SegmentationError INVALID_VALUE (naming row and column), TOO_FEW_ROWS, CONSTANT_COLUMN
 * @example buildTypedFeatureMatrix(parseCsvColumns(mallCsv), selectFeatures(inferTypedColumns(parseCsvColumns(mallCsv)), ['Age'], 'auto', 'mall.csv'), { missing: 'drop', scaling: 'none' }, 'mall.csv').numeric[0] // 19
 */
export function buildTypedFeatureMatrix(
  typed: TypedTable,
  selection: FeatureSelection,
  policy: { missing: MissingPolicy; scaling: Scaling },
  source: string,
): FeatureMatrix {
  const { numeric: numericColumns, categorical: categoricalColumns, chosenByUser } = selection;
  const rowCount = typed.rowCount;
  const notes: string[] = [];

  // Numeric values: NaN = missing; an invalid cell stops here naming its row and column.
  const numericValues = numericColumns.map((column) => numericValuesOf(typed, column, source));
  // Categories: a code per row into `labels` (-1 = missing).
  const categoryCodes = categoricalColumns.map((column) =>
    categoryCodesOf(typed.columns[column.index], rowCount),
  );

  const missingByColumn: Record<string, number> = {};
  numericColumns.forEach((column, f) => {
    let count = 0;
    const values = numericValues[f];
    for (let r = 0; r < rowCount; r++) if (Number.isNaN(values[r])) count++;
    missingByColumn[column.name] = count;
  });
  categoricalColumns.forEach((column, f) => {
    let count = 0;
    const codes = categoryCodes[f].codes;
    for (let r = 0; r < rowCount; r++) if (codes[r] < 0) count++;
    missingByColumn[column.name] = count;
  });
  const keepBuffer = new Int32Array(rowCount);
  let kept = 0;
  const droppedExamples: { row: number; reason: string }[] = [];
  let imputed = 0;
  for (let r = 0; r < rowCount; r++) {
    let emptyCount = 0;
    for (let f = 0; f < numericValues.length; f++) if (Number.isNaN(numericValues[f][r])) emptyCount++;
    for (let f = 0; f < categoryCodes.length; f++) if (categoryCodes[f].codes[r] < 0) emptyCount++;
    if (emptyCount === 0 || policy.missing === 'impute') {
      keepBuffer[kept++] = r;
      imputed += emptyCount;
    } else if (droppedExamples.length < MAX_DROPPED_EXAMPLES) {
      const empty = [
        ...numericColumns.filter((_, f) => Number.isNaN(numericValues[f][r])).map((c) => c.name),
        ...categoricalColumns.filter((_, f) => categoryCodes[f].codes[r] < 0).map((c) => c.name),
      ];
      droppedExamples.push({
        row: typed.rowNumbers[r],
        reason: `${empty.join(', ')} ${empty.length === 1 ? 'is' : 'are'} empty`,
      });
    }
  }
  const keep = keepBuffer.subarray(0, kept);
  const rowsDropped = rowCount - kept;
  const withMissing = Object.entries(missingByColumn).filter(([, count]) => count > 0);
  if (rowsDropped > 0) {
    notes.push(
      `${rowsDropped.toLocaleString('en-US')} of ${rowCount.toLocaleString('en-US')} rows were left out because a chosen column was empty (${withMissing.map(([name, count]) => `${name} ${count.toLocaleString('en-US')}`).join(', ')}); choose missing: impute to fill them in instead.`,
    );
  }
  if (kept === 0) {
    throw new SegmentationError(
      'TOO_FEW_ROWS',
      `${source}: every row has an empty value in a chosen column (${withMissing.map(([name, count]) => `${name} ${count}`).join(', ')}); fill them in, choose other columns, or use missing: impute`,
      { field: 'missing' },
    );
  }

  const n = kept;
  const numericCount = numericColumns.length;
  const numericOriginal = new Float64Array(n * numericCount);
  const features: Feature[] = [];
  const encodeNotes: string[] = [];
  numericColumns.forEach((column, f) => {
    const values = numericValues[f];
    let count = 0;
    let mean = 0;
    let m2 = 0;
    let min = Number.POSITIVE_INFINITY;
    let max = Number.NEGATIVE_INFINITY;
    for (let i = 0; i < n; i++) {
      const value = values[keep[i]];
      if (Number.isNaN(value)) continue;
      count++;
      const delta = value - mean; // Welford, as encodeFeatures
      mean += delta / count;
      m2 += delta * (value - mean);
      if (value < min) min = value;
      if (value > max) max = value;
    }
    checkNumericSpread(source, column.name, count, min, max, chosenByUser);
    const std = Math.sqrt(m2 / count);
    const imputeValue = mean;
    let imputedHere = 0;
    for (let i = 0; i < n; i++) {
      const value = values[keep[i]];
      const isMissing = Number.isNaN(value);
      if (isMissing) imputedHere++;
      numericOriginal[i * numericCount + f] = isMissing ? imputeValue : value;
    }
    if (imputedHere > 0)
      encodeNotes.push(
        `${imputedHere} empty ${column.name} values were filled with the mean (${round(imputeValue, 2)}).`,
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
    const { codes, labels } = categoryCodes[f];
    // Categories in order of first appearance among the rows used, as encodeFeatures numbers them.
    const renumber = new Int32Array(labels.length).fill(-1);
    const categories: string[] = [];
    const counts: number[] = [];
    for (let i = 0; i < n; i++) {
      const code = codes[keep[i]];
      if (code < 0) continue;
      if (renumber[code] < 0) {
        renumber[code] = categories.length;
        categories.push(labels[code]);
        counts.push(0);
      }
      counts[renumber[code]]++;
    }
    if (categories.length === 0) {
      throw new SegmentationError(
        'INVALID_VALUE',
        `${source}: column "${column.name}" has no values in the rows used`,
        { column: column.name },
      );
    }
    if (categories.length === 1 && chosenByUser) {
      throw new SegmentationError(
        'CONSTANT_COLUMN',
        `${source}: column "${column.name}" has the same value ("${categories[0]}") in every row, so it cannot tell customers apart; leave it out of the columns`,
        { column: column.name, field: 'columns' },
      );
    }
    const modeCode = indexOfMax(counts);
    let imputedHere = 0;
    for (let i = 0; i < n; i++) {
      const code = codes[keep[i]];
      if (code < 0) imputedHere++;
      categorical[i * categoricalCount + f] = code < 0 ? modeCode : renumber[code];
    }
    if (imputedHere > 0)
      encodeNotes.push(
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

  return {
    features,
    n,
    numericCount,
    categoricalCount,
    numeric: scaleMatrix(numericOriginal, n, features.slice(0, numericCount), policy.scaling),
    numericOriginal,
    categorical,
    rowIndex: Int32Array.from(keep),
    preprocessing: {
      rowsUsed: n,
      rowsDropped,
      imputed,
      missingByColumn,
      droppedExamples,
      notes: [...notes, ...encodeNotes],
    },
  };
}

/** A numeric feature's values (NaN = missing), validating coded cells as readFeatureCells does. */
function numericValuesOf(typed: TypedTable, column: ColumnProfile, source: string): Float64Array {
  const typedColumn = typed.columns[column.index];
  if (typedColumn.kind === 'number') return typedColumn.values;
  const parsed = typedColumn.dictionary.map((cell) => parseNumberCell(cell));
  const values = new Float64Array(typed.rowCount);
  for (let r = 0; r < typed.rowCount; r++) {
    const cell = parsed[typedColumn.codes[r]];
    switch (cell.kind) {
      case 'number':
        values[r] = cell.value;
        break;
      case 'missing':
        values[r] = Number.NaN;
        break;
      case 'invalid':
        throw new SegmentationError(
          'INVALID_VALUE',
          `${source}: row ${typed.rowNumbers[r]}, column "${column.name}": ${cell.reason}. "${column.name}" is a numeric column; fix the cell or clear it (empty cells are treated as missing).`,
          { row: typed.rowNumbers[r], column: column.name },
        );
      default:
        assertNever(cell, 'parsed cell');
    }
  }
  return values;
}

/** Category labels (categoryOf of each cell) as codes; -1 = missing. Equal labels share a code. */
function categoryCodesOf(column: TypedColumn, rowCount: number): { codes: Int32Array; labels: string[] } {
  const labels: string[] = [];
  const byLabel = new Map<string, number>();
  const codeOf = (cell: string): number => {
    const label = categoryOf(cell);
    if (label === undefined) return -1;
    let code = byLabel.get(label);
    if (code === undefined) {
      code = labels.length;
      byLabel.set(label, code);
      labels.push(label);
    }
    return code;
  };
  const codes = new Int32Array(rowCount);
  if (column.kind === 'coded') {
    const mapped = column.dictionary.map(codeOf);
    for (let r = 0; r < rowCount; r++) codes[r] = mapped[column.codes[r]];
  } else {
    for (let r = 0; r < rowCount; r++) {
      const value = column.values[r];
      codes[r] = !Number.isNaN(value) ? codeOf(String(value)) : -1;
    }
  }
  return { codes, labels };
}
