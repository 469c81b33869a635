/**
 * Reading cells as values and inferring what each column is: numeric, categorical, an id (unique per
 * row, excluded by default) or free text. Numbers written as text ("1.0", "1,234", "$5") count as
 * numbers; spreadsheet errors and NaN/Infinity never do.
 */

import type { Role } from '../schema/run';
import { roleFromHeader } from './roles';
import { type Cell, cellText, isEmptyCell, type Table } from './table';

export type ColumnKind = 'numeric' | 'categorical' | 'id' | 'text';

/** What we learned about one column; the sidebar and `segments` show it so users can choose features. */
export interface ColumnProfile {
  name: string;
  /** 0-based position in the table. */
  index: number;
  kind: ColumnKind;
  role?: Role;
  /** Empty cells (and NA/N/A/null markers). */
  missing: number;
  /** Distinct non-missing values. */
  distinct: number;
  /** Used when the user does not choose columns (see {@link defaultFeatureColumns}). */
  suggested: boolean;
  /** Why it is not suggested, when it is not ("unique per row, looks like an id"). */
  note?: string;
}

/** The result of reading one cell as a number. */
export type NumberCell =
  | { kind: 'number'; value: number }
  | { kind: 'missing' }
  | { kind: 'invalid'; reason: string };

/** Largest magnitude accepted: beyond it, squares and sums lose all precision or overflow. */
export const MAX_ABS_VALUE = 1e100;

const MISSING_MARKERS = new Set(['na', 'n/a', 'null', 'none', '-', '—']);
const SHEET_ERRORS = /^#(N\/A|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|NULL!|ERROR!|SPILL!|CALC!|GETTING_DATA)$/i;
const NUMBER_TEXT = /^[+-]?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?$/i;
const GROUPED_NUMBER_TEXT = /^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/;
const NON_FINITE_TEXT = /^[+-]?(nan|inf|infinity)$/i;

/**
 * True when a cell holds no value: empty, whitespace, or a common missing marker (NA, N/A, null).
 * @example [isMissingCell('N/A'), isMissingCell(' '), isMissingCell(0)] // [true, true, false]
 */
export function isMissingCell(cell: Cell): boolean {
  return isEmptyCell(cell) || (typeof cell === 'string' && MISSING_MARKERS.has(cell.trim().toLowerCase()));
}

/**
 * Reads a cell as a number: numbers, numeric text ("1.0", "1,234", "$5", "12%"), Dates (days since 1970).
 * @example parseNumberCell('1,234') // { kind: 'number', value: 1234 }
 */
export function parseNumberCell(cell: Cell): NumberCell {
  if (isMissingCell(cell)) return { kind: 'missing' };
  if (typeof cell === 'number') return checkMagnitude(cell, String(cell));
  if (cell instanceof Date) return { kind: 'number', value: cell.getTime() / 86_400_000 };
  if (typeof cell === 'boolean')
    return { kind: 'invalid', reason: `${cell ? 'TRUE' : 'FALSE'} is a yes/no value, not a number` };
  const text = String(cell).trim();
  if (SHEET_ERRORS.test(text))
    return { kind: 'invalid', reason: `"${text}" is a spreadsheet error, not a number` };
  if (NON_FINITE_TEXT.test(text)) return { kind: 'invalid', reason: `"${text}" is not a finite number` };
  let body = text
    .replace(/^[$€£¥]|^rp\.?\s*/i, '')
    .replace(/%$/, '')
    .trim();
  if (GROUPED_NUMBER_TEXT.test(body)) body = body.replace(/,/g, '');
  if (!NUMBER_TEXT.test(body)) return { kind: 'invalid', reason: `"${text}" is not a number` };
  return checkMagnitude(Number(body), text);
}

function checkMagnitude(value: number, text: string): NumberCell {
  if (!Number.isFinite(value)) return { kind: 'invalid', reason: `"${text}" is not a finite number` };
  if (Math.abs(value) > MAX_ABS_VALUE) {
    return { kind: 'invalid', reason: `${text} is too large to segment reliably (the limit is ±1e100)` };
  }
  return { kind: 'number', value };
}

/**
 * A cell as a category label (numbers and booleans as text); undefined when missing.
 * @example [categoryOf(' Female '), categoryOf(3), categoryOf('N/A')] // ['Female', '3', undefined]
 */
export function categoryOf(cell: Cell): string | undefined {
  if (isMissingCell(cell)) return undefined;
  if (typeof cell === 'boolean') return cell ? 'TRUE' : 'FALSE';
  return cellText(cell);
}

/** Categorical columns with more distinct values than this are free text (names, emails, notes). */
export const MAX_CATEGORIES = 30;

/**
 * Profiles every column of a table: kind, role from the header, missing and distinct counts, and
 * whether it is suggested as a feature.
 * @example inferColumns(parseDelimited(mallCsv)).map((c) => c.kind) // ['id', 'categorical', 'numeric', 'numeric', 'numeric']
 */
export function inferColumns(table: Table): ColumnProfile[] {
  return table.headers.map((name, index) => inferColumn(table, name, index));
}

function inferColumn(table: Table, name: string, index: number): ColumnProfile {
  const role = roleFromHeader(name);
  let missing = 0;
  let numbers = 0;
  let texts = 0;
  let dates = 0;
  let integers = 0;
  const distinctValues = new Set<string>();
  for (const row of table.rows) {
    const cell = row[index];
    if (isMissingCell(cell)) {
      missing++;
      continue;
    }
    distinctValues.add(categoryOf(cell) ?? '');
    if (cell instanceof Date) dates++;
    const parsed = parseNumberCell(cell);
    if (parsed.kind === 'number') {
      numbers++;
      if (Number.isInteger(parsed.value)) integers++;
    } else if (
      parsed.kind === 'invalid' &&
      typeof cell === 'string' &&
      (SHEET_ERRORS.test(cell.trim()) || NON_FINITE_TEXT.test(cell.trim()))
    ) {
      // Errors and NaN/Infinity say nothing about the column's kind; they are reported when used.
    } else texts++;
  }
  return classifyColumn({
    name,
    index,
    role,
    numericRole: dates > 0 && dates === numbers ? 'date' : role,
    missing,
    distinct: distinctValues.size,
    numbers,
    texts,
    present: table.rows.length - missing,
    looksLikeIds: (present) => looksLikeIds(table, index, numbers, integers, present),
  });
}

/** What {@link classifyColumn} decides from: a column's counts, however they were taken. */
export interface ColumnCounts {
  name: string;
  index: number;
  /** The role its header says, if any. */
  role: Role | undefined;
  /** The role when the column turns out numeric (a column of Dates is a date column). */
  numericRole: Role | undefined;
  missing: number;
  distinct: number;
  /** Cells that read as numbers, and cells that are text (errors and NaN count as neither). */
  numbers: number;
  texts: number;
  /** Cells that are not missing. */
  present: number;
  /** Asked only for a unique column without a header role: do its values look like ids? */
  looksLikeIds: (present: number) => boolean;
}

/**
 * The kind of a column and whether it is suggested, from its counts — one rule for the cell-table
 * path and the typed CSV path, so both profile a file the same way.
 * @example classifyColumn({ name: 'Plan', index: 0, role: undefined, numericRole: undefined, missing: 0, distinct: 2, numbers: 0, texts: 4, present: 4, looksLikeIds: () => false }).kind // 'categorical'
 */
export function classifyColumn(counts: ColumnCounts): ColumnProfile {
  const { name, index, role, numericRole, missing, distinct, numbers, texts, present } = counts;
  const unique = present > 1 && distinct === present;
  const base = { name, index, role, missing, distinct };
  if (role === 'id' || (unique && role === undefined && counts.looksLikeIds(present))) {
    return { ...base, kind: 'id', suggested: false, note: 'unique per row: looks like an id' };
  }
  // Mostly numbers: a numeric column whose stray text cells are reported as errors when it is used.
  if (numbers > 0 && numbers >= 2 * texts) {
    const skip = numericRole === 'date' || numericRole === 'label';
    return {
      ...base,
      role: numericRole,
      kind: 'numeric',
      suggested: !skip && distinct > 1,
      note: skip
        ? `a ${numericRole} column, not a customer trait`
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

function looksLikeIds(
  table: Table,
  index: number,
  numbers: number,
  integers: number,
  present: number,
): boolean {
  if (present < 3) return false;
  if (numbers === present) {
    // Whole numbers counting 0/1..n (row or customer numbers) are ids; unique measurements are not.
    if (integers !== present) return false;
    let min = Number.POSITIVE_INFINITY;
    let max = Number.NEGATIVE_INFINITY;
    for (const row of table.rows) {
      const parsed = parseNumberCell(row[index]);
      if (parsed.kind !== 'number') continue;
      if (parsed.value < min) min = parsed.value;
      if (parsed.value > max) max = parsed.value;
    }
    return (min === 0 || min === 1) && max - min + 1 === present;
  }
  // Unique short codes with digits (CUST-001, A17) are ids; unique sentences are free text.
  return table.rows.every((row) => {
    const text = categoryOf(row[index]);
    return text === undefined || (/\d/.test(text) && !/\s/.test(text));
  });
}

/**
 * The columns used when the user chooses none: suggested numeric columns, plus suggested categorical
 * ones unless the algorithm is k-means (which cannot use them).
 * @example defaultFeatureColumns(inferColumns(mall), 'kmeans').map((c) => c.name) // ['Age', 'Annual Income (k$)', 'Spending Score (1-100)']
 */
export function defaultFeatureColumns(
  columns: ColumnProfile[],
  algorithm: 'auto' | 'kmeans' | 'kprototypes',
): ColumnProfile[] {
  return columns.filter(
    (column) =>
      column.suggested &&
      (column.kind === 'numeric' || (column.kind === 'categorical' && algorithm !== 'kmeans')),
  );
}
