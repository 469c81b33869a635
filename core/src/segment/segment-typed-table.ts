/**
 * The typed CSV path: a parsed CSV held column by column (Float64Array numbers, dictionary-coded
 * text) segmented without an array per row — taken only when it gives the Run the general path
 * ({@link segmentTable} on the same text parsed into a Table) gives. That holds when:
 * - every number column is canonical (each cell is `String(value)` or empty), so the columns hold
 *   exactly the cells `parseDelimited` reads, and the stages that look at cells (column semantics,
 *   orders detection, outcome rates) can read them from the columns;
 * - the table is not an orders log (detection runs on the columns, over every row), and no orders
 *   column was named;
 * - the semantic plan, computed over every row, is plain: nothing derived (age, tenure, total
 *   spending…) and no number read in a local format (comma decimals, currency), so the feature
 *   matrix reads the input's own cells.
 * Otherwise the answer is undefined and the caller runs the general path.
 */
import type { Run } from '../schema/run';
import { gridOfTyped } from '../table/cell-grid';
import { describeTypedColumns } from '../table/column-semantics';
import type { TypedTable } from '../table/csv-columns';
import { isPlainPlan, planColumns } from '../table/feature-plan';
import { inferTypedColumns } from '../table/typed-table';
import { detectTransactionsIn } from '../transactions/detect-transactions';
import { hasColumnOverrides } from '../transactions/transaction-options';
import { codesAsCategories } from './apply-plan';
import { type SegmentOptions, validateSegmentOptions } from './options';
import { checkRowCount } from './row-count';
import { segmentMatrix } from './segment-table';
import { selectFeatures } from './select-features';
import { buildTypedFeatureMatrix } from './typed-feature-matrix';

/**
 * Segments a typed table when that provably gives the general path's Run; undefined otherwise.
 * @throws SegmentationError as {@link segmentTable} does for the same input (the same messages)
 * @example segmentTypedTable(parseCsvColumns(mallCsv, { exactText: true }), { k: 5, columns: ['Annual Income (k$)', 'Spending Score (1-100)'], id: 'r' })?.segments.map((s) => s.size) // [81, 39, 35, 23, 22]
 */
export function segmentTypedTable(typed: TypedTable, options: SegmentOptions = {}): Run | undefined {
  const settings = validateSegmentOptions(options);
  const source = settings.sourceName;
  const grid = gridOfTyped(typed);
  if (!grid) return undefined;
  checkRowCount(typed.rowCount, settings.k, source, settings.messages);
  // Orders: named orders columns go the general way (its messages); otherwise detect on every row.
  if (settings.transactions !== false) {
    if (hasColumnOverrides(settings.transactions)) return undefined;
    if (settings.columns.length === 0 && detectTransactionsIn(grid, settings.transactions, source))
      return undefined;
  }
  settings.report('prepare', 0, 'Reading columns');
  const described = describeTypedColumns(typed);
  if (!described) return undefined;
  const plan = planColumns(described, typed.rowCount, {
    now: settings.now,
    algorithm: settings.algorithm,
    chosenColumns: settings.columns,
  });
  if (!isPlainPlan(plan)) return undefined;
  const columns = codesAsCategories(inferTypedColumns(typed), plan.categoricalColumns);
  const selection = selectFeatures(
    columns,
    settings.columns,
    settings.algorithm,
    source,
    plan.defaultColumns,
  );
  const built = buildTypedFeatureMatrix(typed, selection, settings, source);
  return segmentMatrix({ settings, rowCount: typed.rowCount, plan, selection, built, grid });
}
