/**
 * The missing-value policy: which rows survive ('drop' leaves out a row with an empty chosen cell,
 * 'impute' keeps every row), counted per column and explained in the Run's notes.
 */

import { createTranslator, type Translator } from '../i18n/translator';
import { SegmentationError } from '../schema/errors';
import type { MissingPolicy, Preprocessing } from '../schema/run';
import type { FeatureCells } from './read-feature-cells';
import type { FeatureSelection } from './select-features';

/** Rows dropped are listed up to this many; the count covers them all. */
export const MAX_DROPPED_EXAMPLES = 10;

/** The rows used and the record of what happened to the others. */
export interface KeptRows {
  /** Indices (into table.rows) of the rows used, ascending. */
  keep: number[];
  rowsDropped: number;
  /** Empty cells that will be filled in (impute only). */
  imputed: number;
  missingByColumn: Preprocessing['missingByColumn'];
  droppedExamples: Preprocessing['droppedExamples'];
  notes: string[];
}

/**
 * Applies the missing-value policy.
 * @param rowNumbers the sheet or file row number of each table row, for messages
 * @throws SegmentationError TOO_FEW_ROWS when every row has an empty chosen cell under 'drop'
 * @example applyMissingPolicy(table.rowNumbers, selection, readFeatureCells(table, selection, 't'), 'drop', 't').keep // [0, 1, 3]
 */
export function applyMissingPolicy(
  rowNumbers: readonly number[],
  selection: FeatureSelection,
  cells: FeatureCells,
  missing: MissingPolicy,
  source: string,
  t: Translator = createTranslator('en'),
): KeptRows {
  const { numericMissing, categoryValues, rowCount } = cells;
  const { numeric: numericColumns, categorical: categoricalColumns } = selection;
  const notes: string[] = [];
  const missingByColumn: Record<string, number> = {};
  numericColumns.forEach((column, f) => {
    missingByColumn[column.name] = numericMissing[f].reduce((sum, flag) => sum + flag, 0);
  });
  categoricalColumns.forEach((column, f) => {
    missingByColumn[column.name] = categoryValues[f].filter((value) => value === undefined).length;
  });
  const keep: number[] = [];
  const droppedExamples: { row: number; reason: string }[] = [];
  let imputed = 0;
  for (let r = 0; r < rowCount; r++) {
    const empty = [
      ...numericColumns.filter((_, f) => numericMissing[f][r] === 1).map((column) => column.name),
      ...categoricalColumns.filter((_, f) => categoryValues[f][r] === undefined).map((column) => column.name),
    ];
    if (empty.length === 0 || missing === 'impute') {
      keep.push(r);
      imputed += empty.length;
    } else if (droppedExamples.length < MAX_DROPPED_EXAMPLES) {
      droppedExamples.push({
        row: rowNumbers[r],
        reason: `${empty.join(', ')} ${empty.length === 1 ? 'is' : 'are'} empty`,
      });
    }
  }
  const rowsDropped = rowCount - keep.length;
  const withMissing = Object.entries(missingByColumn).filter(([, count]) => count > 0);
  if (rowsDropped > 0) {
    notes.push(
      t.m.noteRowsLeftOut(
        t.count(rowsDropped),
        t.count(rowCount),
        withMissing.map(([name, count]) => `${name} ${t.count(count)}`),
      ),
    );
  }
  if (keep.length === 0) {
    throw new SegmentationError(
      'TOO_FEW_ROWS',
      `${source}: every row has an empty value in a chosen column (${withMissing.map(([name, count]) => `${name} ${count}`).join(', ')}); fill them in, choose other columns, or use missing: impute`,
      { field: 'missing' },
    );
  }
  return { keep, rowsDropped, imputed, missingByColumn, droppedExamples, notes };
}
