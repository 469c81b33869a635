/**
 * The whole segmentation job as a list of stages, each in its own file:
 * options → table → column profiles and roles → feature selection (and the algorithm) → feature
 * matrix (cells, missing policy, encoding, scaling) → cluster and choose k → segment order →
 * quality → profiles → personas → ranking (targeting priority by value) → Run.
 */

import { localizeRun } from '../i18n/localize-run';
import { relevelWithoutOutliers } from '../personas/outliers';
import type { Run } from '../schema/run';
import { type CellGrid, gridOfTable } from '../table/cell-grid';
import { inferColumns } from '../table/columns';
import { type ColumnPlan, planFeatures } from '../table/feature-plan';
import type { Table } from '../table/table';
import { applyPlan, codesAsCategories } from './apply-plan';
import { assembleRun } from './assemble-run';
import { clusterAndChooseK } from './cluster-and-choose-k';
import { buildFeatureMatrix, type FeatureMatrix } from './feature-matrix';
import { measureQuality } from './measure-quality';
import { nameSegments } from './name-segments';
import { namedDatesAsDerived } from './named-dates';
import { type SegmentOptions, type SegmentSettings, validateSegmentOptions } from './options';
import { orderSegmentsBySize } from './order-segments';
import { profileSegments } from './profile-segments';
import { rankSegments } from './rank-segments';
import { rowAssignments } from './row-assignments';
import { checkRowCount, checkUsableRowCount } from './row-count';
import { segmentExtras } from './segment-extras';
import { segmentTransactions, transactionColumnsFor } from './segment-transactions';
import { type FeatureSelection, selectFeatures } from './select-features';

/**
 * Segments a table of customers.
 * @throws SegmentationError for bad input or options, naming the row, column or option
 * @example segmentTable(parseDelimited(mallCsv), { k: 5, columns: ['Annual Income (k$)', 'Spending Score (1-100)'] }).segments.map((s) => s.size) // [81, 39, 35, 23, 22]
 */
export function segmentTable(table: Table, options: SegmentOptions = {}): Run {
  const settings = validateSegmentOptions(options);
  const source = settings.sourceName;
  checkRowCount(table.rows.length, settings.k, source, settings.messages);
  // An orders log is rolled up per customer and segmented on recency, frequency and monetary value.
  const orders = transactionColumnsFor(table, settings);
  if (orders) return segmentTransactions(table, orders, settings).run;
  settings.report('prepare', 0, settings.messages.progressReadingColumns());
  // Column meaning: roles, derived features (age, tenure, total spending…) and the default choice.
  const plan = planFeatures(table, {
    now: settings.now,
    algorithm: settings.algorithm,
    chosenColumns: settings.columns,
  });
  const columns = codesAsCategories(inferColumns(plan.table), plan.categoricalColumns);
  const names = namedDatesAsDerived(settings.columns, plan);
  const selection = selectFeatures(columns, names, settings.algorithm, source, plan.defaultColumns);
  const built = buildFeatureMatrix(plan.table, selection, settings, source);
  return segmentMatrix({
    settings,
    rowCount: table.rows.length,
    plan,
    selection,
    built,
    grid: gridOfTable(plan.table),
  });
}

/** What {@link segmentMatrix} continues from: the plan, the chosen features and their matrix. */
export interface MatrixStageResult {
  settings: SegmentSettings;
  /** Rows in the input table. */
  rowCount: number;
  plan: ColumnPlan;
  selection: FeatureSelection;
  /** The matrix stage's output, before the plan's roles are applied. */
  built: FeatureMatrix;
  /** The input's cells (outcome and descriptor columns are read per segment). */
  grid: CellGrid;
}

/**
 * The stages after the feature matrix, shared by {@link segmentTable} and the typed CSV path
 * (segmentTypedTable): plan applied → cluster and choose k → order → quality → profiles → extras →
 * personas → ranking → Run.
 * @example segmentMatrix({ settings, rowCount: 200, plan: planFeatures(mall), selection: selectFeatures(inferColumns(mall), ['Age'], 'auto', 'mall.csv'), built: buildFeatureMatrix(mall, selectFeatures(inferColumns(mall), ['Age'], 'auto', 'mall.csv'), settings, 'mall.csv'), grid: gridOfTable(mall) }).features[0].name // 'Age'
 */
export function segmentMatrix(stages: MatrixStageResult): Run {
  const { settings, plan, selection, built } = stages;
  const source = settings.sourceName;
  const matrix = {
    ...built,
    ...applyPlan(built.features, built.preprocessing, plan, selection.chosenByUser),
  };
  checkUsableRowCount(matrix.n, settings.k, source, settings.messages);
  const clustered = clusterAndChooseK(matrix, selection.algorithm, settings);
  const segmentOrder = orderSegmentsBySize(clustered.clustering.sizes);
  settings.report('personas', 0.92, settings.messages.progressNaming());
  const quality = measureQuality(matrix.n, clustered, settings.seed);
  // Levels against the customers outside outlier segments (fewer than max(5, 1%) customers).
  const profiles = relevelWithoutOutliers(
    matrix.features,
    profileSegments(matrix, clustered.clustering, segmentOrder),
  );
  // Outcome rates, spend mix and descriptive categories per segment (columns kept out of clustering).
  const extras = segmentExtras(plan, matrix.rowIndex, clustered.clustering.labels, clustered.k, stages.grid);
  const named = nameSegments(
    matrix.features,
    profiles.map((profile, index) => ({ ...profile, ...extras[segmentOrder.labelsBySize[index]] })),
  );
  const segments = rankSegments(matrix.features, named);
  const assignments = settings.includeAssignments
    ? rowAssignments(stages.rowCount, matrix.rowIndex, clustered.clustering.labels, segmentOrder.order)
    : undefined;
  const run = assembleRun({
    settings,
    rowCount: stages.rowCount,
    selection,
    matrix,
    clustered,
    segments,
    quality,
    assignments,
  });
  settings.report('done', 1, settings.messages.segments(String(run.k), run.k));
  // Worded in English by the stages above; another language is worded again from the persona keys.
  return localizeRun(run, settings.lang);
}
