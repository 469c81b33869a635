/**
 * A1 notation as the Sheets UI and Apps Script read it: `B3`, `A1:C10`, `C:C`, `2:5`, `A2:B` (open
 * end), `$A$1`, lower case, and a sheet prefix `Sheet1!A1:B2` or `'My sheet'!A1` ('' escapes a quote).
 */

/** A rectangle on a sheet, 1-based and inclusive, plus how the user wrote its open ends. */
export interface GridSpan {
  row: number;
  column: number;
  numRows: number;
  numColumns: number;
  /** Written without row numbers (`C:C`): the span runs to the last row of the sheet. */
  wholeColumns: boolean;
  /** Written without column letters (`2:5`): the span runs to the last column of the sheet. */
  wholeRows: boolean;
}

/** A1 text split into its optional sheet name and the cell part. */
export interface SplitA1 {
  sheetName: string | undefined;
  cells: string;
}

/** Splits `'Q1 data'!A1:B2` into the sheet name `Q1 data` and `A1:B2`. */
export function splitSheetPrefix(a1: string): SplitA1 {
  const quoted = /^'((?:[^']|'')+)'!(.+)$/.exec(a1);
  if (quoted) return { sheetName: quoted[1].replace(/''/g, "'"), cells: quoted[2] };
  const bang = a1.lastIndexOf('!');
  if (bang > 0) return { sheetName: a1.slice(0, bang), cells: a1.slice(bang + 1) };
  return { sheetName: undefined, cells: a1 };
}

/** `A` → 1, `Z` → 26, `AA` → 27. */
export function lettersToColumn(letters: string): number {
  let column = 0;
  for (const char of letters.toUpperCase()) column = column * 26 + (char.charCodeAt(0) - 64);
  return column;
}

/** 1 → `A`, 27 → `AA`. */
export function columnToLetters(column: number): string {
  let letters = '';
  let rest = column;
  while (rest > 0) {
    const digit = (rest - 1) % 26;
    letters = String.fromCharCode(65 + digit) + letters;
    rest = Math.floor((rest - 1) / 26);
  }
  return letters;
}

interface Part {
  column?: number;
  row?: number;
}

function parsePart(text: string): Part | undefined {
  const match = /^\$?([A-Za-z]{1,3})?\$?(\d+)?$/.exec(text.trim());
  if (!match || (match[1] === undefined && match[2] === undefined)) return undefined;
  const part: Part = {};
  if (match[1] !== undefined) part.column = lettersToColumn(match[1]);
  if (match[2] !== undefined) {
    part.row = Number(match[2]);
    if (part.row < 1) return undefined;
  }
  return part;
}

/**
 * Parses the cell part of A1 notation against a sheet of `maxRows` × `maxColumns`.
 * Returns undefined where Apps Script says "Range not found".
 * @example parseA1Cells('C:C', 1000, 26) // { row: 1, column: 3, numRows: 1000, numColumns: 1, wholeColumns: true, … }
 */
export function parseA1Cells(cells: string, maxRows: number, maxColumns: number): GridSpan | undefined {
  const pieces = cells.split(':');
  if (pieces.length > 2) return undefined;
  const start = parsePart(pieces[0]);
  if (!start) return undefined;
  if (pieces.length === 1) {
    if (start.column === undefined || start.row === undefined) return undefined;
    return {
      row: start.row,
      column: start.column,
      numRows: 1,
      numColumns: 1,
      wholeColumns: false,
      wholeRows: false,
    };
  }
  const end = parsePart(pieces[1]);
  if (!end) return undefined;
  const startKind = partKind(start);
  const endKind = partKind(end);
  const compatible =
    startKind === endKind ||
    (startKind === 'cell' && endKind === 'column') ||
    (startKind === 'column' && endKind === 'cell');
  if (!compatible) return undefined;
  // `A2:B` runs from row 2 to the last row; `A:B5` from row 1 to row 5.
  const rowBounds =
    start.row !== undefined && end.row !== undefined
      ? [Math.min(start.row, end.row), Math.max(start.row, end.row)]
      : start.row !== undefined
        ? [start.row, maxRows]
        : end.row !== undefined
          ? [1, end.row]
          : [1, maxRows];
  const columnBounds =
    start.column !== undefined && end.column !== undefined
      ? [Math.min(start.column, end.column), Math.max(start.column, end.column)]
      : [1, maxColumns];
  return {
    row: rowBounds[0],
    column: columnBounds[0],
    numRows: rowBounds[1] - rowBounds[0] + 1,
    numColumns: columnBounds[1] - columnBounds[0] + 1,
    wholeColumns: startKind === 'column' && endKind === 'column',
    wholeRows: startKind === 'row' && endKind === 'row',
  };
}

function partKind(part: Part): 'cell' | 'column' | 'row' {
  if (part.column !== undefined && part.row !== undefined) return 'cell';
  return part.column !== undefined ? 'column' : 'row';
}

/** Formats a span the way Range.getA1Notation does: `A1`, `A1:C3`, `C:C`, `2:2`. */
export function formatA1(span: GridSpan): string {
  const lastColumn = span.column + span.numColumns - 1;
  const lastRow = span.row + span.numRows - 1;
  if (span.wholeColumns) return `${columnToLetters(span.column)}:${columnToLetters(lastColumn)}`;
  if (span.wholeRows) return `${span.row}:${lastRow}`;
  const first = `${columnToLetters(span.column)}${span.row}`;
  if (span.numRows === 1 && span.numColumns === 1) return first;
  return `${first}:${columnToLetters(lastColumn)}${lastRow}`;
}
