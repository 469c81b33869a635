/**
 * Column profiles straight from a {@link TypedTable}, without a row array per record: the same
 * decisions as inferColumns (which reads `Table.rows`), made once per distinct text for coded
 * columns and on the Float64Array for number columns. A number column counts distinct values, not
 * spellings ("1.0" and "1" are one value here, two texts there): the same count for a canonical
 * column (see `TypedNumberColumn.canonical`), which is all the typed segmentation path accepts.
 * test/core/typed-path.test.ts checks both paths agree on the fixtures and edge cases.
 */
import type { Role } from '../schema/run';
import { type ColumnProfile, categoryOf, classifyColumn, isMissingCell, parseNumberCell } from './columns';
import type { TypedColumn, TypedTable } from './csv-columns';
import { roleFromHeader } from './roles';

const SHEET_ERRORS = /^#(N\/A|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|NULL!|ERROR!|SPILL!|CALC!|GETTING_DATA)$/i;
const NON_FINITE_TEXT = /^[+-]?(nan|inf|infinity)$/i;

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

/** A typed column's profile: the same rule as the cell-table path ({@link classifyColumn}), from counts. */
function profileOf(name: string, index: number, rowCount: number, stats: ColumnStats): ColumnProfile {
  const role: Role | undefined = roleFromHeader(name);
  const { missing, numbers, texts, integers, distinct } = stats;
  return classifyColumn({
    name,
    index,
    role,
    numericRole: role,
    missing,
    distinct,
    numbers,
    texts,
    present: rowCount - missing,
    looksLikeIds: (present) => stats.idShaped(numbers, integers, present),
  });
}
