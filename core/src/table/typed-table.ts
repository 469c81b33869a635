/**
 * Column profiles and clustering features straight from a {@link TypedTable}, without a row array
 * per record: the same decisions as inferColumns and prepareFeatures (which read `Table.rows`), made
 * once per distinct text for coded columns and on the Float64Array for number columns.
 * One difference by design: a number column counts distinct values, not spellings ("1.0" and "1"
 * are one value here, two texts there); it only matters for a column written both ways.
 * test/core/typed-table.test.ts checks both paths agree on the fixtures and edge cases.
 */
import { assertNever, SegmentationError } from '../schema/errors';
import type { Feature, Role } from '../schema/run';
import {
  type ColumnProfile,
  categoryOf,
  defaultFeatureColumns,
  isMissingCell,
  MAX_CATEGORIES,
  parseNumberCell,
} from './columns';
import type { TypedColumn, TypedTable } from './csv-columns';
import { indexOfMax } from './extent';
import { type PreparedData, type PrepareOptions, resolveColumns, scaleMatrix } from './prepare';
import { roleFromHeader } from './roles';

const SHEET_ERRORS = /^#(N\/A|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|NULL!|ERROR!|SPILL!|CALC!|GETTING_DATA)$/i;
const NON_FINITE_TEXT = /^[+-]?(nan|inf|infinity)$/i;
const MAX_DROPPED_EXAMPLES = 10;

interface ColumnStats {
  missing: number;
  numbers: number;
  texts: number;
  integers: number;
  distinct: number;
  /** Only asked when the column is unique: do its values look like ids? */
  idShaped: (numbers: number, integers: number, present: number) => boolean;
}

/**
 * Profiles every column of a typed table as {@link inferColumns} profiles a Table.
 * @example inferTypedColumns(parseCsvColumns(mallCsv)).map((c) => c.kind) // ['id', 'categorical', 'numeric', 'numeric', 'numeric']
 */
export function inferTypedColumns(typed: TypedTable): ColumnProfile[] {
  return typed.headers.map((name, index) =>
    profileOf(name, index, typed.rowCount, statsOf(typed.columns[index], typed.rowCount)),
  );
}

function statsOf(column: TypedColumn, rowCount: number): ColumnStats {
  if (column.kind === 'number') {
    const values = column.values;
    let missing = 0;
    let integers = 0;
    let min = Number.POSITIVE_INFINITY;
    let max = Number.NEGATIVE_INFINITY;
    const present = new Float64Array(rowCount);
    let count = 0;
    for (let r = 0; r < rowCount; r++) {
      const value = values[r];
      if (Number.isNaN(value)) {
        missing++;
        continue;
      }
      present[count++] = value;
      if (Number.isInteger(value)) integers++;
      if (value < min) min = value;
      if (value > max) max = value;
    }
    const sorted = present.subarray(0, count).sort();
    let distinct = count > 0 ? 1 : 0;
    for (let i = 1; i < count; i++) if (sorted[i] !== sorted[i - 1]) distinct++;
    return {
      missing,
      numbers: count,
      texts: 0,
      integers,
      distinct,
      idShaped: (numbers, ints, n) =>
        n >= 3 && numbers === n && ints === n && (min === 0 || min === 1) && max - min + 1 === n,
    };
  }
  const counts = codeCounts(column, rowCount);
  let missing = 0;
  let numbers = 0;
  let texts = 0;
  let integers = 0;
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  const distinctValues = new Set<string>();
  const presentEntries: string[] = [];
  column.dictionary.forEach((cell, code) => {
    const weight = counts[code];
    if (weight === 0) return;
    if (isMissingCell(cell)) {
      missing += weight;
      return;
    }
    distinctValues.add(categoryOf(cell) ?? '');
    presentEntries.push(cell);
    const parsed = parseNumberCell(cell);
    if (parsed.kind === 'number') {
      numbers += weight;
      if (Number.isInteger(parsed.value)) integers += weight;
      if (parsed.value < min) min = parsed.value;
      if (parsed.value > max) max = parsed.value;
    } else if (
      parsed.kind === 'invalid' &&
      (SHEET_ERRORS.test(cell.trim()) || NON_FINITE_TEXT.test(cell.trim()))
    ) {
      // Errors and NaN/Infinity say nothing about the column's kind (as in inferColumns).
    } else texts += weight;
  });
  return {
    missing,
    numbers,
    texts,
    integers,
    distinct: distinctValues.size,
    idShaped: (nums, ints, present) => {
      if (present < 3) return false;
      if (nums === present) return ints === present && (min === 0 || min === 1) && max - min + 1 === present;
      return presentEntries.every((cell) => {
        const text = categoryOf(cell);
        return text === undefined || (/\d/.test(text) && !/\s/.test(text));
      });
    },
  };
}

function codeCounts(column: { codes: Int32Array; dictionary: string[] }, rowCount: number): Int32Array {
  const counts = new Int32Array(column.dictionary.length);
  for (let r = 0; r < rowCount; r++) counts[column.codes[r]]++;
  return counts;
}

/** inferColumn's decisions (core/src/table/columns.ts), from counts. */
function profileOf(name: string, index: number, rowCount: number, stats: ColumnStats): ColumnProfile {
  const role: Role | undefined = roleFromHeader(name);
  const { missing, numbers, texts, integers, distinct } = stats;
  const present = rowCount - missing;
  const unique = present > 1 && distinct === present;
  const base = { name, index, role, missing, distinct };
  if (role === 'id' || (unique && role === undefined && stats.idShaped(numbers, integers, present))) {
    return { ...base, kind: 'id', suggested: false, note: 'unique per row: looks like an id' };
  }
  if (numbers > 0 && numbers >= 2 * texts) {
    const skip = role === 'date' || role === 'label';
    return {
      ...base,
      role,
      kind: 'numeric',
      suggested: !skip && distinct > 1,
      note: skip
        ? `a ${role} column, not a customer trait`
        : distinct <= 1
          ? 'the same value in every row'
          : undefined,
    };
  }
  if (present === 0) return { ...base, kind: 'text', suggested: false, note: 'every cell is empty' };
  if (role === 'name' || distinct > MAX_CATEGORIES || (unique && present >= 3)) {
    return {
      ...base,
      kind: 'text',
      suggested: false,
      note: unique
        ? 'a different value in every row: free text, not categories'
        : `${distinct} different values: free text, not categories`,
    };
  }
  const isLabel = role === 'label';
  return {
    ...base,
    kind: 'categorical',
    suggested: !isLabel && distinct > 1,
    note: isLabel
      ? 'an existing segment label, not a customer trait'
      : distinct <= 1
        ? 'the same value in every row'
        : undefined,
  };
}

/**
 * Chooses features, validates every used cell, handles missing values and scales — as
 * {@link prepareFeatures} does for a Table, with the same errors, notes and numbers.
 * @throws SegmentationError UNKNOWN_COLUMN, INVALID_VALUE, CONSTANT_COLUMN, NO_FEATURES, TOO_FEW_ROWS
 * @example const data = prepareTypedFeatures(parseCsvColumns(csv), { columns: ['Age', 'Income'] })
 */
export function prepareTypedFeatures(typed: TypedTable, options: PrepareOptions = {}): PreparedData {
  const scaling = options.scaling ?? 'zscore';
  const missing = options.missing ?? 'drop';
  const source = options.source ?? 'the table';
  const columns = inferTypedColumns(typed);
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
  const rowCount = typed.rowCount;

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
    if (emptyCount === 0 || missing === 'impute') {
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
      const delta = value - mean; // Welford, as prepareFeatures
      mean += delta / count;
      m2 += delta * (value - mean);
      if (value < min) min = value;
      if (value > max) max = value;
    }
    if (count === 0) {
      throw new SegmentationError(
        'INVALID_VALUE',
        `${source}: column "${column.name}" has no values in the rows used`,
        {
          column: column.name,
        },
      );
    }
    const std = Math.sqrt(m2 / count);
    if (!(max > min) && userChose) {
      throw new SegmentationError(
        'CONSTANT_COLUMN',
        `${source}: column "${column.name}" has the same value (${min}) in every row, so it cannot tell customers apart; leave it out of the columns`,
        { column: column.name, field: 'columns' },
      );
    }
    const imputeValue = mean;
    let imputedHere = 0;
    for (let i = 0; i < n; i++) {
      const value = values[keep[i]];
      const isMissing = Number.isNaN(value);
      if (isMissing) imputedHere++;
      numericOriginal[i * numericCount + f] = isMissing ? imputeValue : value;
    }
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
    const { codes, labels } = categoryCodes[f];
    // Categories in order of first appearance among the rows used, as prepareFeatures numbers them.
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
        {
          column: column.name,
        },
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
    for (let i = 0; i < n; i++) {
      const code = codes[keep[i]];
      if (code < 0) imputedHere++;
      categorical[i * categoricalCount + f] = code < 0 ? modeCode : renumber[code];
    }
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

/** A numeric feature's values (NaN = missing), validating coded cells as prepareFeatures does. */
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

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
