/**
 * Reading the customers back from sheet values, without the add-on's own columns.
 */

import { widestRow } from '../table/extent';
import { type Cell, type Table, tableFromCells } from '../table/table';

/** Where a block of sheet values sits, and which of its sheet columns the add-on wrote. */
export interface CustomerValues {
  /** The values read, first row = `firstRow` of the sheet, first column = `firstColumn`. */
  values: readonly (readonly Cell[])[];
  /** 0-based index of the header row within `values`. */
  headerIndex: number;
  /** 1-based sheet row and column of `values[0][0]`. */
  firstRow: number;
  firstColumn: number;
  /** 0-based sheet columns (A = 0) of the add-on's own columns: Segment, Persona, Predicted segment, Confidence. */
  ownColumns: readonly (number | undefined)[];
  /** Name for messages, e.g. 'Sheet "Customers"'. */
  source: string;
}

/**
 * The customers as a core Table, without the add-on's own columns, so a re-run never segments or
 * trains on a previous answer. The add-on and the Sheets API path both read sheets through it.
 * @throws SegmentationError from tableFromCells (empty sheet, duplicate headers, no rows)
 * @example customerTable({ values: [['Age', 'Segment'], [31, 2]], headerIndex: 0, firstRow: 1, firstColumn: 1, ownColumns: [1], source: 'Sheet "Customers"' }).headers // ['Age']
 */
export function customerTable(input: CustomerValues): Table {
  const own = new Set(input.ownColumns.filter((column): column is number => column !== undefined));
  const width = widestRow(input.values);
  const keep: number[] = [];
  for (let c = 0; c < width; c++) if (!own.has(input.firstColumn - 1 + c)) keep.push(c);
  return tableFromCells(
    input.values.map((row) => keep.map((c) => row[c] ?? '')),
    { headerRow: input.headerIndex, firstRowNumber: input.firstRow, source: input.source },
  );
}
