/**
 * Read access to a table's cells whatever holds them: the row arrays of a {@link Table}, or the typed
 * columns of a parsed CSV. Stages that only read a few columns (orders detection, outcome rates per
 * segment) take a grid, so the typed CSV path can run them without an array per row.
 */
import type { TypedTable } from './csv-columns';
import type { Cell, Table } from './table';

/** Headers, a row count and one cell at a time. */
export interface CellGrid {
  headers: string[];
  rowCount: number;
  cellAt(row: number, column: number): Cell;
}

/**
 * A Table as a grid.
 * @example gridOfTable(parseDelimited('a,b\n1,x\n')).cellAt(0, 1) // 'x'
 */
export function gridOfTable(table: Table): CellGrid {
  return {
    headers: table.headers,
    rowCount: table.rows.length,
    cellAt: (row, column) => table.rows[row][column],
  };
}

/**
 * A typed table as a grid holding exactly the cells {@link parseDelimited} reads from the same text,
 * or undefined when that cannot be promised: a number column whose cells are not all written as
 * JavaScript prints the number ("1.50", "007", "1e3", "NA") would come back in another spelling.
 * @example gridOfTyped(parseCsvColumns('a,b\n1.5,x\n'))?.cellAt(0, 0) // '1.5'
 */
export function gridOfTyped(typed: TypedTable): CellGrid | undefined {
  if (typed.columns.some((column) => column.kind === 'number' && !column.canonical)) return undefined;
  return {
    headers: typed.headers,
    rowCount: typed.rowCount,
    cellAt: (row, column) => {
      const typedColumn = typed.columns[column];
      if (typedColumn.kind === 'coded') return typedColumn.dictionary[typedColumn.codes[row]];
      const value = typedColumn.values[row];
      return Number.isNaN(value) ? '' : String(value);
    },
  };
}
