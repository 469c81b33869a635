/**
 * A1 notation as the Sheets REST API takes it: `Customers!A1:F`, `'Q1 list'!B2:G100`, `Customers`,
 * `A1:F200`. Only what the Sheets API path needs: rectangles with optional open ends.
 */
import { SegmentationError } from '@segments/core';

/** A parsed A1 range; indexes are 1-based, an absent end means "to the end of the sheet". */
export interface A1Range {
  /** Sheet name, unquoted; undefined when the text names no sheet. */
  sheetName?: string;
  startRow: number;
  startColumn: number;
  endRow?: number;
  endColumn?: number;
}

/**
 * Parses `Sheet!A1:F`, `'My sheet'!B2:G100`, `Sheet` (the whole sheet) or `A1:F200`.
 * @throws SegmentationError INVALID_OPTION naming the range when it cannot be read
 * @example parseA1Range('Customers!A1:F') // { sheetName: 'Customers', startRow: 1, startColumn: 1, endColumn: 6 }
 */
export function parseA1Range(text: string): A1Range {
  const trimmed = text.trim();
  let sheetName: string | undefined;
  let cells = trimmed;
  const quoted = /^'((?:[^']|'')+)'(?:!(.*))?$/.exec(trimmed);
  if (quoted) {
    sheetName = quoted[1].replace(/''/g, "'");
    cells = quoted[2] ?? '';
  } else {
    const bang = trimmed.lastIndexOf('!');
    if (bang >= 0) {
      sheetName = trimmed.slice(0, bang);
      cells = trimmed.slice(bang + 1);
    } else if (!/^[A-Za-z]*\d*(:[A-Za-z]*\d*)?$/.test(trimmed) || !/\d|:/.test(trimmed)) {
      // A bare word such as "Customers" is a sheet name, not a column.
      sheetName = trimmed;
      cells = '';
    }
  }
  if (sheetName !== undefined && sheetName.trim() === '') throw badRange(text);
  if (cells === '') return { sheetName, startRow: 1, startColumn: 1 };
  const match = /^([A-Za-z]*)(\d*)(?::([A-Za-z]*)(\d*))?$/.exec(cells);
  if (!match || (match[1] === '' && match[2] === '')) throw badRange(text);
  const [, startLetters, startDigits, endLetters, endDigits] = match;
  const range: A1Range = {
    sheetName,
    startRow: startDigits ? Number(startDigits) : 1,
    startColumn: startLetters ? columnNumber(startLetters) : 1,
  };
  if (match[3] === undefined && match[4] === undefined) {
    // A single cell is a one-cell range; a lone column or row is that whole column or row.
    range.endRow = startDigits ? range.startRow : undefined;
    range.endColumn = startLetters ? range.startColumn : undefined;
  } else {
    if (endDigits) range.endRow = Number(endDigits);
    if (endLetters) range.endColumn = columnNumber(endLetters);
  }
  if (range.startRow < 1 || (range.endRow !== undefined && range.endRow < range.startRow))
    throw badRange(text);
  if (range.endColumn !== undefined && range.endColumn < range.startColumn) throw badRange(text);
  return range;
}

/**
 * 1-based column number of column letters.
 * @example columnNumber('AA') // 27
 */
export function columnNumber(letters: string): number {
  let n = 0;
  for (const char of letters.toUpperCase()) n = n * 26 + (char.charCodeAt(0) - 64);
  return n;
}

function badRange(text: string): SegmentationError {
  return new SegmentationError(
    'INVALID_OPTION',
    `--range "${text}" is not a range in A1 notation; write it like "Customers!A1:F" or "Customers"`,
    { field: 'range' },
  );
}
