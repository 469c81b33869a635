/**
 * Finds the customer table on a sheet as people really lay it out: the block of cells around the
 * active cell (bounded by blank rows and columns, like Ctrl+A), with its header detected below any
 * title rows, trailing notes left out, merged blocks read as if every cell held the top-left value,
 * and rows hidden by a filter skipped. Pure: the add-on reads the sheet once and hands the cells here.
 */
import { type Cell, columnLetter, isEmptyCell } from './table';

/** A 1-based rectangle on a sheet, as `Sheet.getRange(row, column, numRows, numColumns)` takes it. */
export interface GridRect {
  row: number;
  column: number;
  numRows: number;
  numColumns: number;
}

/** What {@link findDataRegion} reads; values[0][0] sits at (firstRow, firstColumn) of the sheet. */
export interface DataRegionInput {
  values: readonly (readonly Cell[])[];
  /** 1-based sheet row and column of values[0][0]. Default 1, 1. */
  firstRow?: number;
  firstColumn?: number;
  /** The active cell (1-based sheet row and column); the region is the table that contains it. */
  active?: { row: number; column: number };
  /** The user's selection; used only with `onlySelected`. */
  selection?: GridRect;
  /** Segment only the data rows inside `selection` ("Only the selected rows"). Default false. */
  onlySelected?: boolean;
  /** Merged blocks of the sheet (1-based); each is read as if every cell held its top-left value. */
  merges?: readonly GridRect[];
  /** 1-based sheet rows a filter hides; skipped unless `includeFiltered`. */
  filteredRows?: readonly number[];
  /** Segment rows a filter hides too. Default false. */
  includeFiltered?: boolean;
}

/** The table found, ready for `customerTable` (header at index 0 of `values`). */
export interface DataRegion {
  /** Header row then every data row of the table; rows left out (filtered, not selected) are blank. */
  values: Cell[][];
  /** 1-based sheet row of the header and column of the table's first column. */
  headerRow: number;
  firstColumn: number;
  /** 1-based sheet row of the table's last data row. */
  lastRow: number;
  /** Number of columns of the table. */
  width: number;
  /** The table in A1 notation (header included), e.g. `A3:E203`. */
  a1: string;
  /** Rows above the header inside the block that were taken for titles and skipped. */
  titleRows: number;
  /** Rows at the end that read as notes (one line of text) and were left out. */
  notesIgnored: number;
  /** Data rows hidden by a filter: skipped, or segmented when `includeFiltered`. */
  filteredRows: number;
  includeFiltered: boolean;
  /** Data rows left out because they are outside the selection (with `onlySelected`). */
  unselectedRows: number;
  onlySelected: boolean;
  /** A1 ranges of the merged blocks inside the table that were filled from their top-left value. */
  mergedRanges: string[];
  /** Sentences a person can read about what was skipped or filled, for the results. */
  notes: string[];
}

/**
 * The table containing the active cell: expands from it over non-empty rows and columns until blank
 * ones bound it, fills merged blocks, skips title rows above the header and notes below the data,
 * and blanks rows a filter hides (or that are outside the selection with `onlySelected`).
 * Returns null when the sheet holds no value at all.
 * @example findDataRegion({ values: [['Customers Q3'], ['Age', 'Income'], [31, 40], [42, 55]] })?.a1 // 'A2:B4'
 */
export function findDataRegion(input: DataRegionInput): DataRegion | null {
  const firstRow = input.firstRow ?? 1;
  const firstColumn = input.firstColumn ?? 1;
  const grid = fillMerges(input.values, input.merges ?? [], firstRow, firstColumn);
  const height = grid.length;
  let gridWidth = 0;
  for (const row of grid) gridWidth = Math.max(gridWidth, row.length);
  if (height === 0 || gridWidth === 0) return null;
  const filled = (r: number, c: number) => !isEmptyCell(grid[r]?.[c]);

  // Start at the active cell when it holds a value, else at the first value on the sheet.
  let start: { r: number; c: number } | null = null;
  if (input.active) {
    const r = input.active.row - firstRow;
    const c = input.active.column - firstColumn;
    if (filled(r, c)) start = { r, c };
    else start = nearestFilled(grid, r, c);
  }
  start ??= firstFilled(grid);
  if (!start) return null;

  // Expand like Ctrl+A: grow rows over the current columns, then columns over the current rows.
  let top = start.r;
  let bottom = start.r;
  let left = start.c;
  let right = start.c;
  for (let changed = true; changed; ) {
    changed = false;
    const rowHas = (r: number) => {
      for (let c = Math.max(0, left - 1); c <= Math.min(gridWidth - 1, right + 1); c++)
        if (filled(r, c)) return true;
      return false;
    };
    while (top > 0 && rowHas(top - 1)) {
      top--;
      changed = true;
    }
    while (bottom < height - 1 && rowHas(bottom + 1)) {
      bottom++;
      changed = true;
    }
    const columnHas = (c: number) => {
      for (let r = Math.max(0, top - 1); r <= Math.min(height - 1, bottom + 1); r++)
        if (filled(r, c)) return true;
      return false;
    };
    while (left > 0 && columnHas(left - 1)) {
      left--;
      changed = true;
    }
    while (right < gridWidth - 1 && columnHas(right + 1)) {
      right++;
      changed = true;
    }
  }
  const rowCells = (r: number) => {
    const cells: Cell[] = [];
    for (let c = left; c <= right; c++) cells.push(grid[r]?.[c] ?? '');
    return cells;
  };
  const findHeader = () =>
    detectHeaderRow(
      Array.from({ length: Math.min(bottom - top + 1, HEADER_SEARCH_ROWS + 1) }, (_, i) => rowCells(top + i)),
    );
  // An empty column inserted inside a table (a spacer, a column the user cleared) splits it for
  // Ctrl+A; bridge up to MAX_BLANK_GAP blank columns when the block beyond has a header cell on the
  // same header row and ends on the same last row.
  let headerOffset = findHeader();
  const blankColumn = (c: number) => {
    for (let r = top; r <= bottom; r++) if (filled(r, c)) return false;
    return true;
  };
  const continues = (c: number) =>
    filled(top + headerOffset, c) && filled(bottom, c) && !filled(bottom + 1, c) && !filled(top - 1, c);
  for (let bridged = true; bridged; ) {
    bridged = false;
    let c = right + 1;
    while (c < gridWidth && c - right <= MAX_BLANK_GAP && blankColumn(c)) c++;
    if (c > right + 1 && c < gridWidth && c - right - 1 <= MAX_BLANK_GAP && continues(c)) {
      right = c;
      while (right < gridWidth - 1 && !blankColumn(right + 1)) right++;
      bridged = true;
    }
    c = left - 1;
    while (c >= 0 && left - c <= MAX_BLANK_GAP && blankColumn(c)) c--;
    if (c < left - 1 && c >= 0 && left - c - 1 <= MAX_BLANK_GAP && continues(c)) {
      left = c;
      while (left > 0 && !blankColumn(left - 1)) left--;
      bridged = true;
    }
    if (bridged) headerOffset = findHeader();
  }
  const width = right - left + 1;
  const header = top + headerOffset;
  // Notes below the data: rows holding one line of text in a table of several columns.
  let last = bottom;
  while (last > header + 1 && width > 1 && isNoteRow(rowCells(last))) last--;
  const notesIgnored = bottom - last;

  const hidden = new Set(input.filteredRows ?? []);
  const includeFiltered = input.includeFiltered ?? false;
  const onlySelected = (input.onlySelected ?? false) && input.selection !== undefined;
  const selection = input.selection;
  const values: Cell[][] = [rowCells(header)];
  let filteredRows = 0;
  let unselectedRows = 0;
  for (let r = header + 1; r <= last; r++) {
    const sheetRow = firstRow + r;
    const cells = rowCells(r);
    let keep = true;
    if (hidden.has(sheetRow) && cells.some((cell) => !isEmptyCell(cell))) {
      filteredRows++;
      if (!includeFiltered) keep = false;
    }
    if (keep && onlySelected && selection) {
      const inside = sheetRow >= selection.row && sheetRow < selection.row + selection.numRows;
      if (!inside) {
        unselectedRows++;
        keep = false;
      }
    }
    values.push(keep ? cells : cells.map(() => ''));
  }

  const headerRow = firstRow + header;
  const lastRow = firstRow + last;
  const tableColumn = firstColumn + left;
  const a1 = `${columnLetter(tableColumn - 1)}${headerRow}:${columnLetter(tableColumn + width - 2)}${lastRow}`;
  const mergedRanges = (input.merges ?? [])
    .filter(
      (merge) =>
        merge.row <= lastRow &&
        merge.row + merge.numRows - 1 >= headerRow &&
        merge.column <= tableColumn + width - 1 &&
        merge.column + merge.numColumns - 1 >= tableColumn,
    )
    .map(rectA1);

  const notes: string[] = [];
  if (headerOffset > 0) {
    notes.push(
      `The header is row ${headerRow}; ${plural(headerOffset, 'title row')} above it ${headerOffset === 1 ? 'was' : 'were'} skipped.`,
    );
  }
  if (notesIgnored > 0) {
    notes.push(
      `${plural(notesIgnored, 'note row')} below the table (from row ${lastRow + 1}) ${notesIgnored === 1 ? 'was' : 'were'} left out.`,
    );
  }
  if (mergedRanges.length > 0) {
    notes.push(
      `Merged cells ${listA1(mergedRanges)} were read as if every cell held the value of the merged block.`,
    );
  }
  if (filteredRows > 0) {
    notes.push(
      includeFiltered
        ? `${plural(filteredRows, 'row')} hidden by the filter ${filteredRows === 1 ? 'was' : 'were'} included, as you asked.`
        : `${plural(filteredRows, 'row')} hidden by the filter ${filteredRows === 1 ? 'was' : 'were'} skipped (tick "Include rows hidden by the filter" to segment them).`,
    );
  }
  if (onlySelected) {
    notes.push(
      `Only the selected rows were segmented (${unselectedRows} other ${unselectedRows === 1 ? 'row' : 'rows'} of the table left out).`,
    );
  }
  return {
    values,
    headerRow,
    firstColumn: tableColumn,
    lastRow,
    width,
    a1,
    titleRows: headerOffset,
    notesIgnored,
    filteredRows,
    includeFiltered,
    unselectedRows,
    onlySelected,
    mergedRanges,
    notes,
  };
}

/** Blank columns inside a table that still join its two sides (see findDataRegion). */
export const MAX_BLANK_GAP = 2;

/** How many rows at the top of a block may be titles before the header. */
export const HEADER_SEARCH_ROWS = 10;

/**
 * The 0-based index of the header among a table's first rows: the first row whose cells are mostly
 * text labels (at least half the width filled, at least 70% of them text that is not a number) and
 * that has a row below it; title rows (one or two cells in a wide block) are skipped. 0 when no row
 * qualifies (the first row is taken for the header, as before).
 * @example detectHeaderRow([['Customer list — Q3'], ['Age', 'Income'], [31, 40]]) // 1
 */
export function detectHeaderRow(rows: readonly (readonly Cell[])[]): number {
  let width = 0;
  for (const row of rows) width = Math.max(width, row.length);
  // Two labels at least in a wider block: a lone cell is a title.
  const needed = width <= 1 ? 1 : Math.max(2, Math.ceil(width / 2));
  for (let i = 0; i < rows.length - 1; i++) {
    let nonEmpty = 0;
    let labels = 0;
    const seen = new Set<string>();
    let duplicate = false;
    for (const cell of rows[i]) {
      if (isEmptyCell(cell)) continue;
      nonEmpty++;
      if (typeof cell === 'string' && !looksNumeric(cell)) labels++;
      const key = String(cell).trim().toLowerCase();
      if (seen.has(key)) duplicate = true;
      seen.add(key);
    }
    if (nonEmpty >= needed && labels >= 0.7 * nonEmpty && !duplicate) return i;
  }
  return 0;
}

function looksNumeric(text: string): boolean {
  return /^[+-]?[$€£¥]?\s*[\d.,]+%?$/.test(text.trim());
}

/** A note row: exactly one filled cell, holding text of several words. */
function isNoteRow(cells: readonly Cell[]): boolean {
  let filled: Cell | undefined;
  let count = 0;
  for (const cell of cells) {
    if (isEmptyCell(cell)) continue;
    count++;
    filled = cell;
  }
  return count === 1 && typeof filled === 'string' && filled.trim().split(/\s+/).length >= 3;
}

/**
 * A copy of `values` where every cell of a merged block holds the block's top-left value (Sheets
 * returns it only in the top-left cell).
 * @example fillMerges([['A', 1], ['', 2]], [{ row: 1, column: 1, numRows: 2, numColumns: 1 }], 1, 1) // [['A', 1], ['A', 2]]
 */
export function fillMerges(
  values: readonly (readonly Cell[])[],
  merges: readonly GridRect[],
  firstRow = 1,
  firstColumn = 1,
): Cell[][] {
  if (merges.length === 0) return values as Cell[][];
  const grid = values.map((row) => [...row]);
  for (const merge of merges) {
    const r0 = merge.row - firstRow;
    const c0 = merge.column - firstColumn;
    const value = grid[r0]?.[c0];
    if (value === undefined) continue;
    for (let r = r0; r < r0 + merge.numRows && r < grid.length; r++) {
      if (r < 0) continue;
      for (let c = c0; c < c0 + merge.numColumns; c++) if (c >= 0) grid[r][c] = value;
    }
  }
  return grid;
}

/**
 * A rectangle in A1 notation.
 * @example rectA1({ row: 2, column: 1, numRows: 20, numColumns: 1 }) // 'A2:A21'
 */
export function rectA1(rect: GridRect): string {
  return `${columnLetter(rect.column - 1)}${rect.row}:${columnLetter(rect.column + rect.numColumns - 2)}${rect.row + rect.numRows - 1}`;
}

function firstFilled(grid: readonly (readonly Cell[])[]): { r: number; c: number } | null {
  for (let r = 0; r < grid.length; r++) {
    const c = grid[r].findIndex((cell) => !isEmptyCell(cell));
    if (c >= 0) return { r, c };
  }
  return null;
}

/** A filled cell next to (r, c) — the user clicked just beside the table — else null. */
function nearestFilled(
  grid: readonly (readonly Cell[])[],
  r: number,
  c: number,
): { r: number; c: number } | null {
  for (const [dr, dc] of [
    [0, -1],
    [-1, 0],
    [1, 0],
    [0, 1],
  ]) {
    if (!isEmptyCell(grid[r + dr]?.[c + dc])) return { r: r + dr, c: c + dc };
  }
  return null;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

function listA1(ranges: readonly string[]): string {
  return ranges.length <= 3
    ? ranges.join(', ')
    : `${ranges.slice(0, 3).join(', ')} and ${ranges.length - 3} more`;
}
