import { SegmentationError } from '../schema/errors';
import { newRecordId } from '../schema/ids';
import { type Evaluation, MODEL_SCHEMA_VERSION, type PredictionModel } from '../schema/model';
import type { RunSource } from '../schema/run';
import { type ColumnProfile, categoryOf, inferColumns } from '../table/columns';
import type { Table } from '../table/table';
import { type ChosenColumn, encodeRows, fitEncoding } from './encoding';
import {
  type BoostingParams,
  DEFAULT_BOOSTING_PARAMS,
  fitBoostedTrees,
  predictBoostedTrees,
} from './gradient-boosting';
import { classificationMetrics, majorityClass, stratifiedSplit } from './metrics';
import { argmaxRows } from './predict';

/** Options for {@link trainClassifier}; only `label` is required. */
export interface TrainOptions {
  /** Header of the column holding the known segment (case-insensitive). */
  label: string;
  /** Feature columns by header; default every numeric or categorical column that is not an id, text or the label. */
  columns?: string[];
  /** Seed of the holdout split (and of row subsampling); default 1. */
  seed?: number;
  /** Share of each class held out for evaluation; default 0.2 (80/20). */
  testShare?: number;
  /**
   * Booster settings; defaults in {@link DEFAULT_BOOSTING_PARAMS}, except minSamplesLeaf, which
   * defaults to 1% of the training rows between 2 and 20.
   */
  boosting?: Partial<BoostingParams>;
  /** Model name; default "Predict <label> · <source>". */
  name?: string;
  /** Model id; default a fresh unique id (time + randomness). */
  id?: string;
  /** Clock for createdAt; default now. */
  now?: Date;
  /** Where the table came from; rowCount is filled in. Also names the input in error messages. */
  source?: Partial<RunSource>;
}

/** More distinct labels than this is an id or free text, not a segment. */
const MAX_CLASSES = 50;

const DEFAULT_TEST_SHARE = 0.2;

/**
 * Trains a segment classifier from labelled rows: evaluates on a stratified holdout, then fits the
 * saved model on every labelled row.
 * @throws SegmentationError UNKNOWN_COLUMN (label or feature column missing), INVALID_LABEL (one class
 *   only, a class with a single row, too many classes), NO_FEATURES, INVALID_OPTION
 * @example trainClassifier(labelled, { label: 'Segment' }).classes // ['Budget Shoppers', 'Cautious Spenders', 'Impulse Buyers', 'Potential Loyalists (Standard)', 'Premium Shoppers (VIP)']
 */
export function trainClassifier(table: Table, options: TrainOptions): PredictionModel {
  const sourceName = options.source?.fileName ?? options.source?.spreadsheetName ?? 'the table';
  const seed = options.seed ?? 1;
  const testShare = options.testShare ?? DEFAULT_TEST_SHARE;
  if (!Number.isInteger(seed)) {
    throw new SegmentationError('INVALID_OPTION', `seed must be a whole number; got ${seed}`, {
      field: 'seed',
    });
  }
  if (!(testShare > 0 && testShare <= 0.5)) {
    throw new SegmentationError(
      'INVALID_OPTION',
      `testShare must be above 0 and at most 0.5; got ${testShare}`,
      {
        field: 'testShare',
      },
    );
  }
  const boostingFor = (rowCount: number): BoostingParams => ({
    ...DEFAULT_BOOSTING_PARAMS,
    // 20 rows per leaf suits thousands of rows; a small sheet of 50 customers could never split.
    minSamplesLeaf: Math.max(2, Math.min(DEFAULT_BOOSTING_PARAMS.minSamplesLeaf, Math.round(rowCount / 100))),
    seed,
    ...options.boosting,
  });
  const columns = inferColumns(table);
  const labelColumn = findColumn(columns, options.label, sourceName, 'label');
  const notes: string[] = [];

  // Labels: rows without one cannot teach anything; they are skipped and counted.
  const labelledRows: number[] = [];
  const labelTexts: string[] = [];
  for (let r = 0; r < table.rows.length; r++) {
    const text = categoryOf(table.rows[r][labelColumn.index]);
    if (text === undefined) continue;
    labelledRows.push(r);
    labelTexts.push(text);
  }
  const rowsWithoutLabel = table.rows.length - labelledRows.length;
  if (rowsWithoutLabel > 0)
    notes.push(`${rowsWithoutLabel} rows have no ${labelColumn.name} and were not used for training.`);
  const classes = [...new Set(labelTexts)].sort(compareLabels);
  checkClasses(classes, labelTexts, labelledRows, table, labelColumn.name, sourceName);
  const classIndex = new Map(classes.map((label, k) => [label, k]));
  const labels = Uint16Array.from(labelTexts, (text) => classIndex.get(text)!);

  const { chosen, excluded } = chooseFeatureColumns(columns, labelColumn, options.columns, sourceName);
  for (const column of excluded) notes.push(`${column.name} is not used: ${column.reason}.`);

  // Evaluation: encoders and trees see only the training part, as they would see new customers.
  const split = stratifiedSplit(labels, classes.length, testShare, seed);
  const trainRows = split.train.map((i) => labelledRows[i]);
  const testRows = split.test.map((i) => labelledRows[i]);
  const trainEncoding = fitEncoding(table, chosen, trainRows);
  const trainLabels = Uint16Array.from(split.train, (i) => labels[i]);
  const testLabels = Uint16Array.from(split.test, (i) => labels[i]);
  const holdoutBooster = fitBoostedTrees(
    encodeRows(table, trainEncoding, trainRows).binned,
    trainLabels,
    classes.length,
    boostingFor(trainRows.length),
  );
  const holdoutProbabilities = predictBoostedTrees(
    holdoutBooster,
    encodeRows(table, trainEncoding, testRows).binned,
    testRows.length,
  );
  const predicted = argmaxRows(holdoutProbabilities, testRows.length, classes.length);
  const majority = majorityClass(trainLabels, classes.length);
  const metrics = classificationMetrics(testLabels, predicted, classes);
  const baseline = classificationMetrics(
    testLabels,
    new Uint16Array(testLabels.length).fill(majority),
    classes,
  );
  const evaluation: Evaluation = {
    method: 'stratified-holdout',
    testShare,
    seed,
    trainRows: trainRows.length,
    testRows: testRows.length,
    accuracy: metrics.accuracy,
    macroF1: metrics.macroF1,
    perClass: metrics.perClass,
    confusion: { labels: classes, matrix: metrics.confusion },
    baseline: {
      strategy: 'majority-class',
      label: classes[majority],
      accuracy: baseline.accuracy,
      macroF1: baseline.macroF1,
    },
  };

  // The saved model learns from every labelled row.
  const encoding = fitEncoding(table, chosen, labelledRows);
  const encoded = encodeRows(table, encoding, labelledRows);
  if (encoded.invalidNumbers.length > 0) {
    for (const [column, count] of encoded.invalidNumbers) {
      notes.push(`${count} cells of ${column} are not numbers and were treated as missing.`);
    }
  }
  const boosting = boostingFor(labelledRows.length);
  const booster = fitBoostedTrees(encoded.binned, labels, classes.length, boosting);
  const now = options.now ?? new Date();
  const classCounts: Record<string, number> = {};
  classes.forEach((label, k) => {
    classCounts[label] = labels.filter((l) => l === k).length;
  });
  return {
    schemaVersion: MODEL_SCHEMA_VERSION,
    kind: 'model',
    id: options.id ?? newRecordId('model', now),
    name: options.name ?? `Predict ${labelColumn.name} · ${sourceName}`,
    createdAt: now.toISOString(),
    label: labelColumn.name,
    classes,
    features: encoding.features,
    excluded: excluded.map(({ name, reason }) => ({ name, reason })),
    model: {
      algorithm: 'gradient-boosted-trees',
      params: { ...boosting },
      classCount: booster.classCount,
      featureKinds: booster.featureKinds,
      initialScores: booster.initialScores,
      trees: booster.trees,
    },
    evaluation,
    source: { kind: 'csv', ...options.source, rowCount: table.rows.length },
    training: { rows: labelledRows.length, rowsWithoutLabel, classCounts },
    notes,
  };
}

function findColumn(columns: ColumnProfile[], name: string, sourceName: string, what: string): ColumnProfile {
  const wanted = name.trim().toLowerCase();
  const column = columns.find((c) => c.name.toLowerCase() === wanted);
  if (!column) {
    throw new SegmentationError(
      'UNKNOWN_COLUMN',
      `${sourceName} has no ${what} column "${name}"; its columns are: ${columns.map((c) => c.name).join(', ')}`,
      { column: name, field: what },
    );
  }
  return column;
}

function checkClasses(
  classes: string[],
  labelTexts: string[],
  labelledRows: number[],
  table: Table,
  labelName: string,
  sourceName: string,
): void {
  if (classes.length < 2) {
    const only = classes.length === 0 ? 'no values at all' : `only one value ("${classes[0]}")`;
    throw new SegmentationError(
      'INVALID_LABEL',
      `${sourceName}: the label column ${labelName} has ${only}; a classifier needs at least two segments to tell apart`,
      { column: labelName },
    );
  }
  if (classes.length > MAX_CLASSES) {
    throw new SegmentationError(
      'INVALID_LABEL',
      `${sourceName}: the label column ${labelName} has ${classes.length} different values; a segment label has at most ${MAX_CLASSES} (is it an id or free text?)`,
      { column: labelName },
    );
  }
  const counts = new Map<string, number>();
  for (const text of labelTexts) counts.set(text, (counts.get(text) ?? 0) + 1);
  for (const label of classes) {
    if (counts.get(label) === 1) {
      const row = table.rowNumbers[labelledRows[labelTexts.indexOf(label)]];
      throw new SegmentationError(
        'INVALID_LABEL',
        `${sourceName}: segment "${label}" of ${labelName} has a single row (row ${row}); a stratified holdout needs at least 2 rows per segment — add rows or remove that segment`,
        { column: labelName, row },
      );
    }
  }
}

function chooseFeatureColumns(
  columns: ColumnProfile[],
  labelColumn: ColumnProfile,
  requested: string[] | undefined,
  sourceName: string,
): { chosen: ChosenColumn[]; excluded: Array<{ name: string; reason: string }> } {
  const excluded: Array<{ name: string; reason: string }> = [];
  let chosen: ColumnProfile[];
  if (requested && requested.length > 0) {
    chosen = requested.map((name) => findColumn(columns, name, sourceName, 'feature'));
    for (const column of chosen) {
      if (column.index === labelColumn.index) {
        throw new SegmentationError(
          'INVALID_OPTION',
          `${column.name} is the label; it cannot also be a feature`,
          {
            column: column.name,
            field: 'columns',
          },
        );
      }
      if (column.kind === 'id' || column.kind === 'text') {
        throw new SegmentationError(
          'INVALID_OPTION',
          `${sourceName}: ${column.name} cannot be a feature: ${column.note ?? `it is ${column.kind}`}`,
          { column: column.name, field: 'columns' },
        );
      }
    }
  } else {
    chosen = [];
    for (const column of columns) {
      if (column.index === labelColumn.index) continue;
      const usable = (column.kind === 'numeric' || column.kind === 'categorical') && column.suggested;
      if (usable) chosen.push(column);
      else excluded.push({ name: column.name, reason: column.note ?? `a ${column.kind} column` });
    }
  }
  if (chosen.length === 0) {
    throw new SegmentationError(
      'NO_FEATURES',
      `${sourceName} has no column to learn ${labelColumn.name} from: every other column is an id, free text or constant`,
      { column: labelColumn.name },
    );
  }
  return { chosen: chosen.map((profile) => ({ profile })), excluded };
}

/** Natural order: "A" < "B", "2" < "10", so segments list as people expect. */
function compareLabels(a: string, b: string): number {
  return a.localeCompare(b, 'en', { numeric: true, sensitivity: 'base' }) || (a < b ? -1 : a > b ? 1 : 0);
}
