/**
 * Values and ranges as Sheets holds them, shared by everything the product writes: numbers as
 * numbers, '' for empty, text that Sheets would read as a formula prefixed with an apostrophe, and the
 * developer-metadata keys that mark the product's own columns.
 */
import { columnLetter } from '../table/table';

/** A cell value as written: Sheets keeps numbers and strings; '' is an empty cell. */
export type SheetValue = string | number;

/** A rectangle of cells, 1-based as `Sheet.getRange(row, column, numRows, numColumns)` takes it. */
export interface SheetRange {
  row: number;
  column: number;
  numRows: number;
  numColumns: number;
  /** The same rectangle in A1 notation, without a sheet name, e.g. `A5:C11`. */
  a1: string;
}

/**
 * Developer metadata the add-on attaches (COLUMN location, so it follows the column when the user
 * inserts, deletes or moves columns). Value of {@link METADATA_KEYS.column}: 'segment' | 'persona'.
 */
export const METADATA_KEYS = {
  /** On the Segment and Persona columns of the data sheet. */
  column: 'customerSegments.column',
  /** On the summary sheet (SHEET location), so a user's own sheet named "Segments" is never taken for it. */
  summarySheet: 'customerSegments.summarySheet',
  /** On the hidden sheet holding the Segments sheet's scatter points (SHEET location). */
  chartDataSheet: 'customerSegments.chartDataSheet',
  /** On the Customers sheet of an RFM run (SHEET location): a user's own "Customers" sheet is never it. */
  customersSheet: 'customerSegments.customersSheet',
  /**
   * On the Predicted segment and Confidence columns (COLUMN location); value:
   * {@link PredictionColumnKind}. A key of its own so readers of Segment/Persona never see them.
   */
  predictionColumn: 'customerSegments.predictionColumn',
} as const;

/** Developer metadata as either path reads it: key, value and the 0-based column it sits on. */
export interface ColumnMetadata {
  key: string;
  value: string | null;
  /** 0-based column index in the sheet. */
  column: number;
}

/**
 * A 1-based rectangle with its A1 notation.
 * @example rangeOf(2, 1, 3, 2).a1 // 'A2:B4'
 */
export function rangeOf(row: number, column: number, numRows: number, numColumns: number): SheetRange {
  const a1 = `${columnLetter(column - 1)}${row}:${columnLetter(column + numColumns - 2)}${row + numRows - 1}`;
  return { row, column, numRows, numColumns, a1 };
}

/**
 * Text Sheets would read as a formula gets a leading apostrophe, so it stays text under user-entered
 * semantics (the apostrophe is not part of the cell's value).
 * @example plainText('=SUM(A1)') // "'=SUM(A1)"
 */
export function plainText(text: string): string {
  return /^[=+\-@]/.test(text) ? `'${text}` : text;
}

/** Text as written, without the apostrophe {@link plainText} adds. */
export function stripApostrophe(text: string): string {
  return text.startsWith("'") ? text.slice(1) : text;
}

/** A header cell as text with whitespace collapsed; '' for anything that is not text. */
export function headerText(cell: unknown): string {
  return typeof cell === 'string' ? cell.replace(/\s+/g, ' ').trim() : '';
}

/** A cell as a whole number ≥ 0 (a segment number), or null. */
export function toWholeNumber(cell: unknown): number | null {
  const value =
    typeof cell === 'number' ? cell : typeof cell === 'string' && cell.trim() !== '' ? Number(cell) : NaN;
  return Number.isInteger(value) && value >= 0 ? value : null;
}
