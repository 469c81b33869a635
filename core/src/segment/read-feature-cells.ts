/**
 * Reading and validating every chosen cell once: numbers into one Float64Array per column with a
 * missing flag per row, categories as labels. Text in a numeric column stops the job here, naming
 * the row and the column.
 */
import { assertNever, SegmentationError } from '../schema/errors';
import { categoryOf, parseNumberCell } from '../table/columns';
import type { Table } from '../table/table';
import type { FeatureSelection } from './select-features';

/** The chosen cells of every row, in {@link FeatureSelection} column order. */
export interface FeatureCells {
  rowCount: number;
  /** Per numeric column, the value of each row (0 where missing). */
  numericValues: Float64Array[];
  /** Per numeric column, 1 where the row's cell is missing. */
  numericMissing: Uint8Array[];
  /** Per categorical column, each row's label (undefined where missing). */
  categoryValues: (string | undefined)[][];
}

/**
 * Reads the selected columns of every row.
 * @throws SegmentationError INVALID_VALUE naming the row and column of a cell that is not a number
 * @example readFeatureCells(table, selection, 'the table').numericMissing[0] // Uint8Array [0, 0, 1, 0]
 */
export function readFeatureCells(table: Table, selection: FeatureSelection, source: string): FeatureCells {
  const rowCount = table.rows.length;
  const numericValues = selection.numeric.map(() => new Float64Array(rowCount));
  const numericMissing = selection.numeric.map(() => new Uint8Array(rowCount));
  selection.numeric.forEach((column, f) => {
    for (let r = 0; r < rowCount; r++) {
      const parsed = parseNumberCell(table.rows[r][column.index]);
      switch (parsed.kind) {
        case 'number':
          numericValues[f][r] = parsed.value;
          break;
        case 'missing':
          numericMissing[f][r] = 1;
          break;
        case 'invalid':
          throw new SegmentationError(
            'INVALID_VALUE',
            `${source}: row ${table.rowNumbers[r]}, column "${column.name}": ${parsed.reason}. "${column.name}" is a numeric column; fix the cell or clear it (empty cells are treated as missing).`,
            { row: table.rowNumbers[r], column: column.name },
          );
        default:
          assertNever(parsed, 'parsed cell');
      }
    }
  });
  const categoryValues = selection.categorical.map((column) =>
    table.rows.map((row) => categoryOf(row[column.index])),
  );
  return { rowCount, numericValues, numericMissing, categoryValues };
}
