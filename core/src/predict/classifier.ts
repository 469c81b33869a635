/**
 * Predicting segments for new customers from a table whose rows already carry a segment label:
 * columns are read with the same inference as segmentation (columns.ts), encoded for trees
 * (quantile bins for numbers, category codes, "missing" as a value of its own), evaluated on a
 * seeded, stratified 80/20 holdout against the majority-class baseline, then fitted on all rows.
 * The result is a {@link PredictionModel}: plain JSON, reusable with {@link predictTable}.
 */

import { createRandom } from '../cluster/random';
import { SegmentationError } from '../schema/errors';
import { newRecordId } from '../schema/ids';
import {
  type ClassMetrics,
  type Evaluation,
  MODEL_SCHEMA_VERSION,
  type ModelFeature,
  type PredictedSegment,
  type PredictionModel,
  type PredictionRun,
  parseModel,
} from '../schema/model';
import type { ProfileEntry, RunSource } from '../schema/run';
import {
  type ColumnProfile,
  categoryOf,
  inferColumns,
  isMissingCell,
  parseNumberCell,
} from '../table/columns';
import { indexOfMax } from '../table/extent';
import { cellText, type Table } from '../table/table';
import {
  type BinnedFeature,
  type BoostingParams,
  DEFAULT_BOOSTING_PARAMS,
  fitBoostedTrees,
  predictBoostedTrees,
} from './gradient-boosting';

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

/** Most bins per numeric feature (codes fit in 16 bits; 255 is what histogram GBDTs use). */
const MAX_BINS = 255;
/** More distinct labels than this is an id or free text, not a segment. */
const MAX_CLASSES = 50;
const DEFAULT_TEST_SHARE = 0.2;

/**
 * Trains a segment classifier from labelled rows: evaluates on a stratified holdout, then fits the
 * saved model on every labelled row.
 * @throws SegmentationError UNKNOWN_COLUMN (label or feature column missing), INVALID_LABEL (one class
 *   only, a class with a single row, too many classes), NO_FEATURES, INVALID_OPTION
 * @example const model = trainClassifier(parseDelimited(csv, { source: 'train.csv' }), { label: 'Segmentation' })
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

/** One predicted row. */
export interface RowPrediction {
  /** 1-based row number in the file or sheet. */
  row: number;
  /** The predicted segment label. */
  label: string;
  /** Probability the model gives its choice, 0..1. */
  confidence: number;
}

/** What {@link predictTable} returns. Per-row predictions stay local; see {@link toPredictionRun}. */
export interface PredictionResult {
  predictions: RowPrediction[];
  /** Every class of the model, in model order, with how many rows were predicted into it. */
  distribution: Array<{ label: string; size: number; share: number }>;
  /** Per segment: size, share, rank by size, mean confidence and profile. */
  segments: PredictedSegment[];
  /** Which segment dominates and which is small, as a sentence. */
  ranking: string;
  /** Unseen categories, unreadable numbers and ignored columns, as sentences. */
  notes: string[];
  /** Per feature: cells with a category the model never saw (treated as missing). */
  unseen: Record<string, number>;
  /** Per feature: missing cells (handled by the trees). */
  missing: Record<string, number>;
}

/**
 * Predicts the segment of every row of `table` with a saved model. Missing values are handled by the
 * trees; a category the model never saw is treated as missing and counted in `notes`; a column the
 * table lacks is an error. Extra columns (including the label) are ignored.
 * @throws SegmentationError INVALID_RUN (the model is invalid), UNKNOWN_COLUMN (a feature is missing)
 * @example const { distribution } = predictTable(model, parseDelimited(csv, { source: 'new.csv' }))
 */
export function predictTable(
  model: PredictionModel,
  table: Table,
  options: { source?: string } = {},
): PredictionResult {
  const checked = parseModel(model);
  const sourceName = options.source ?? 'the table';
  const lowerHeaders = table.headers.map((h) => h.toLowerCase());
  const chosen = checked.features.map((feature) => {
    const index = lowerHeaders.indexOf(feature.name.toLowerCase());
    if (index < 0) {
      throw new SegmentationError(
        'UNKNOWN_COLUMN',
        `${sourceName} has no column "${feature.name}", which the model ${checked.name} was trained on; its columns are: ${table.headers.join(', ')}`,
        { column: feature.name },
      );
    }
    return index;
  });
  const rows = table.rows.map((_, r) => r);
  const encoding: Encoding = { features: checked.features, columnIndexes: chosen };
  const encoded = encodeRows(table, encoding, rows);
  const classCount = checked.classes.length;
  const probabilities = predictBoostedTrees(
    {
      classCount,
      featureKinds: checked.model.featureKinds,
      initialScores: checked.model.initialScores,
      trees: checked.model.trees,
    },
    encoded.binned,
    rows.length,
  );
  const predicted = argmaxRows(probabilities, rows.length, classCount);
  const predictions: RowPrediction[] = rows.map((r) => ({
    row: table.rowNumbers[r],
    label: checked.classes[predicted[r]],
    confidence: probabilities[r * classCount + predicted[r]],
  }));

  const notes: string[] = [];
  const unseen: Record<string, number> = {};
  const missing: Record<string, number> = {};
  checked.features.forEach((feature, f) => {
    unseen[feature.name] = encoded.unseen[f];
    missing[feature.name] = encoded.missing[f];
  });
  for (const [name, count] of Object.entries(unseen)) {
    if (count > 0)
      notes.push(`${count} rows have a ${name} the model never saw in training; it was treated as missing.`);
  }
  for (const [column, count] of encoded.invalidNumbers) {
    notes.push(`${count} cells of ${column} are not numbers and were treated as missing.`);
  }
  const missingTotal = Object.values(missing).reduce((a, b) => a + b, 0);
  if (missingTotal > 0) {
    const parts = Object.entries(missing)
      .filter(([, count]) => count > 0)
      .map(([name, count]) => `${name} ${count}`);
    notes.push(
      `Missing values (${parts.join(', ')}) were handled by the model as it learned from missing values in training.`,
    );
  }

  const segments = profileSegments(
    table,
    checked,
    chosen,
    predicted,
    predictions.map((p) => p.confidence),
  );
  const distribution = segments
    .slice()
    .sort((a, b) => checked.classes.indexOf(a.label) - checked.classes.indexOf(b.label))
    .map(({ label, size, share }) => ({ label, size, share }));
  return {
    predictions,
    distribution,
    segments,
    ranking: rankingSentence(segments, rows.length),
    notes,
    unseen,
    missing,
  };
}

/** Options for {@link toPredictionRun}. */
export interface PredictionRunOptions {
  id?: string;
  name?: string;
  now?: Date;
  source?: Partial<RunSource>;
}

/**
 * The prediction as a record without per-row data, safe to publish to Slack.
 * @example await post('/api/runs', toPredictionRun(model, result, { source: { fileName: 'new.csv' } }))
 */
export function toPredictionRun(
  model: PredictionModel,
  result: PredictionResult,
  options: PredictionRunOptions = {},
): PredictionRun {
  const now = options.now ?? new Date();
  const rowCount = result.predictions.length;
  const sourceName = options.source?.fileName ?? options.source?.spreadsheetName ?? 'new customers';
  return {
    schemaVersion: MODEL_SCHEMA_VERSION,
    kind: 'prediction',
    id: options.id ?? newRecordId('prediction', now),
    name: options.name ?? `${model.label} of ${sourceName}`,
    createdAt: now.toISOString(),
    modelId: model.id,
    modelName: model.name,
    label: model.label,
    source: { kind: 'csv', ...options.source, rowCount },
    rowCount,
    segments: result.segments,
    ranking: result.ranking,
    notes: result.notes,
  };
}

// ---------------------------------------------------------------------------------------------
// Evaluation helpers (exported for tests and for adapters that show metrics)

/**
 * Splits row positions into train and test so each class keeps its share: per class, a seeded
 * shuffle, then round(n·testShare) rows (at least 1, at most n−1) go to test.
 * @param labels class index per row; every class needs at least 2 rows
 * @example stratifiedSplit(Uint16Array.from([0, 0, 1, 1]), 2, 0.5, 1) // { train: [..2 rows], test: [..2 rows] }
 */
export function stratifiedSplit(
  labels: ArrayLike<number>,
  classCount: number,
  testShare: number,
  seed: number,
): { train: number[]; test: number[] } {
  const random = createRandom(seed);
  const byClass: number[][] = Array.from({ length: classCount }, () => []);
  for (let i = 0; i < labels.length; i++) byClass[labels[i]].push(i);
  const train: number[] = [];
  const test: number[] = [];
  for (const members of byClass) {
    for (let i = members.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [members[i], members[j]] = [members[j], members[i]];
    }
    const testCount = Math.min(members.length - 1, Math.max(1, Math.round(members.length * testShare)));
    members.forEach((row, position) => {
      (position < testCount ? test : train).push(row);
    });
  }
  return { train: train.sort((a, b) => a - b), test: test.sort((a, b) => a - b) };
}

/**
 * Accuracy, macro-F1 (the unweighted mean of per-class F1), per-class precision/recall/F1 and the
 * confusion matrix (matrix[actual][predicted]). A class never predicted has precision 0.
 * @example classificationMetrics([0, 1], [0, 0], ['A', 'B']).accuracy // 0.5
 */
export function classificationMetrics(
  actual: ArrayLike<number>,
  predicted: ArrayLike<number>,
  classes: string[],
): { accuracy: number; macroF1: number; perClass: ClassMetrics[]; confusion: number[][] } {
  const k = classes.length;
  const confusion = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  let correct = 0;
  for (let i = 0; i < actual.length; i++) {
    confusion[actual[i]][predicted[i]]++;
    if (actual[i] === predicted[i]) correct++;
  }
  const perClass = classes.map((label, c) => {
    const truePositives = confusion[c][c];
    const support = confusion[c].reduce((a, b) => a + b, 0);
    const predictedCount = confusion.reduce((sum, row) => sum + row[c], 0);
    const precision = predictedCount === 0 ? 0 : truePositives / predictedCount;
    const recall = support === 0 ? 0 : truePositives / support;
    const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
    return { label, precision, recall, f1, support };
  });
  return {
    accuracy: actual.length === 0 ? 0 : correct / actual.length,
    macroF1: perClass.reduce((sum, m) => sum + m.f1, 0) / k,
    perClass,
    confusion,
  };
}

// ---------------------------------------------------------------------------------------------
// Columns and encoding

interface ChosenColumn {
  profile: ColumnProfile;
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

interface Encoding {
  features: ModelFeature[];
  /** Table column index per feature. */
  columnIndexes: number[];
}

const NUMERIC_MISSING =
  'learned at each split: missing values go to the side that fits the training rows best';
const CATEGORICAL_MISSING = 'a category of its own; a category not seen in training is treated as missing';

function fitEncoding(table: Table, chosen: ChosenColumn[], rows: number[]): Encoding {
  const features = chosen.map(({ profile }): ModelFeature => {
    if (profile.kind === 'numeric') {
      const values: number[] = [];
      let missingCount = 0;
      for (const r of rows) {
        const parsed = parseNumberCell(table.rows[r][profile.index]);
        if (parsed.kind === 'number') values.push(parsed.value);
        else missingCount++;
      }
      values.sort((a, b) => a - b);
      const mean = values.length === 0 ? 0 : values.reduce((a, b) => a + b, 0) / values.length;
      const variance =
        values.length === 0 ? 0 : values.reduce((a, v) => a + (v - mean) ** 2, 0) / values.length;
      return {
        name: profile.name,
        kind: 'numeric',
        encoding: 'quantile-bins',
        binEdges: quantileEdges(values, MAX_BINS),
        missingInTraining: missingCount,
        median: values.length === 0 ? 0 : values[Math.floor((values.length - 1) / 2)],
        mean,
        std: Math.sqrt(variance),
        missingHandling: NUMERIC_MISSING,
      };
    }
    const categories: string[] = [];
    const seen = new Set<string>();
    let missingCount = 0;
    for (const r of rows) {
      const category = categoryOf(table.rows[r][profile.index]);
      if (category === undefined) missingCount++;
      else if (!seen.has(category)) {
        seen.add(category);
        categories.push(category);
      }
    }
    return {
      name: profile.name,
      kind: 'categorical',
      encoding: 'category-codes',
      categories,
      missingInTraining: missingCount,
      missingHandling: CATEGORICAL_MISSING,
    };
  });
  return { features, columnIndexes: chosen.map(({ profile }) => profile.index) };
}

/**
 * Cut points between distinct values so each bin holds about the same number of rows; with fewer
 * distinct values than bins, every value gets its own bin (midpoints between neighbours).
 */
function quantileEdges(sorted: number[], maxBins: number): number[] {
  const distinct: number[] = [];
  const counts: number[] = [];
  for (const v of sorted) {
    if (distinct.length > 0 && distinct[distinct.length - 1] === v) counts[counts.length - 1]++;
    else {
      distinct.push(v);
      counts.push(1);
    }
  }
  const edges: number[] = [];
  if (distinct.length <= maxBins) {
    for (let i = 0; i + 1 < distinct.length; i++) edges.push((distinct[i] + distinct[i + 1]) / 2);
    return edges;
  }
  let cumulative = 0;
  let nextTarget = sorted.length / maxBins;
  for (let i = 0; i + 1 < distinct.length; i++) {
    cumulative += counts[i];
    if (cumulative >= nextTarget) {
      edges.push((distinct[i] + distinct[i + 1]) / 2);
      while (nextTarget <= cumulative) nextTarget += sorted.length / maxBins;
      if (edges.length === maxBins - 1) break;
    }
  }
  return edges;
}

/** 1 + the number of edges strictly below `value` (binary search). */
function binOf(edges: number[], value: number): number {
  let lo = 0;
  let hi = edges.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (edges[mid] < value) lo = mid + 1;
    else hi = mid;
  }
  return lo + 1;
}

interface EncodedRows {
  binned: BinnedFeature[];
  /** Per feature. */
  unseen: number[];
  missing: number[];
  /** [column, count] of cells in numeric columns that are not numbers. */
  invalidNumbers: Array<[string, number]>;
}

function encodeRows(table: Table, encoding: Encoding, rows: number[]): EncodedRows {
  const unseen: number[] = [];
  const missing: number[] = [];
  const invalidNumbers: Array<[string, number]> = [];
  const binned = encoding.features.map((feature, f): BinnedFeature => {
    const column = encoding.columnIndexes[f];
    const codes = new Uint16Array(rows.length);
    let unseenCount = 0;
    let missingCount = 0;
    let invalidCount = 0;
    if (feature.kind === 'numeric') {
      const edges = feature.binEdges ?? [];
      rows.forEach((r, i) => {
        const parsed = parseNumberCell(table.rows[r][column]);
        if (parsed.kind === 'number') codes[i] = binOf(edges, parsed.value);
        else if (parsed.kind === 'missing') missingCount++;
        else invalidCount++;
      });
      if (invalidCount > 0) invalidNumbers.push([feature.name, invalidCount]);
      unseen.push(0);
      missing.push(missingCount);
      return { kind: 'numeric', codes, binCount: edges.length + 1 };
    }
    const categories = feature.categories ?? [];
    const codeOf = new Map(categories.map((category, c) => [category, c + 1]));
    rows.forEach((r, i) => {
      const category = categoryOf(table.rows[r][column]);
      if (category === undefined) {
        missingCount++;
        return;
      }
      const code = codeOf.get(category);
      if (code === undefined) unseenCount++;
      else codes[i] = code;
    });
    unseen.push(unseenCount);
    missing.push(missingCount);
    return { kind: 'categorical', codes, binCount: categories.length };
  });
  return { binned, unseen, missing, invalidNumbers };
}

function argmaxRows(probabilities: Float64Array, rowCount: number, classCount: number): Uint16Array {
  const out = new Uint16Array(rowCount);
  for (let i = 0; i < rowCount; i++) {
    let best = 0;
    for (let k = 1; k < classCount; k++)
      if (probabilities[i * classCount + k] > probabilities[i * classCount + best]) best = k;
    out[i] = best;
  }
  return out;
}

function majorityClass(labels: Uint16Array, classCount: number): number {
  const counts = new Array<number>(classCount).fill(0);
  for (const label of labels) counts[label]++;
  return indexOfMax(counts);
}

/** Natural order: "A" < "B", "2" < "10", so segments list as people expect. */
function compareLabels(a: string, b: string): number {
  return a.localeCompare(b, 'en', { numeric: true, sensitivity: 'base' }) || (a < b ? -1 : a > b ? 1 : 0);
}

// ---------------------------------------------------------------------------------------------
// Profiles of predicted segments

/** "Segment D" for short codes; a label that is already a name ("VIP") stays as it is. */
export function segmentDisplayName(label: string): string {
  return label.length <= 3 ? `Segment ${label}` : label;
}

function profileSegments(
  table: Table,
  model: PredictionModel,
  columnIndexes: number[],
  predicted: Uint16Array,
  confidences: number[],
): PredictedSegment[] {
  const classCount = model.classes.length;
  const n = predicted.length;
  const sizes = new Array<number>(classCount).fill(0);
  const confidenceSums = new Array<number>(classCount).fill(0);
  predicted.forEach((k, i) => {
    sizes[k]++;
    confidenceSums[k] += confidences[i];
  });
  const profiles: ProfileEntry[][] = Array.from({ length: classCount }, () => []);
  model.features.forEach((feature, f) => {
    const column = columnIndexes[f];
    if (feature.kind === 'numeric') {
      const sums = new Array<number>(classCount).fill(0);
      const counts = new Array<number>(classCount).fill(0);
      const all: number[] = [];
      for (let i = 0; i < n; i++) {
        const parsed = parseNumberCell(table.rows[i][column]);
        if (parsed.kind !== 'number') continue;
        sums[predicted[i]] += parsed.value;
        counts[predicted[i]]++;
        all.push(parsed.value);
      }
      if (all.length === 0) return;
      const mean = all.reduce((a, b) => a + b, 0) / all.length;
      const std = Math.sqrt(all.reduce((a, v) => a + (v - mean) ** 2, 0) / all.length);
      for (let k = 0; k < classCount; k++) {
        if (counts[k] === 0) continue;
        const segmentMean = sums[k] / counts[k];
        const zScore = std === 0 ? 0 : (segmentMean - mean) / std;
        // Same bands as personas: high above mean + 0.5·sd, low below mean − 0.5·sd.
        const level = zScore > 0.5 ? 'high' : zScore < -0.5 ? 'low' : 'average';
        profiles[k].push({
          feature: feature.name,
          kind: 'numeric',
          mean: round(segmentMean, 4),
          level,
          zScore: round(zScore, 4),
        });
      }
      return;
    }
    const tallies: Array<Map<string, number>> = Array.from({ length: classCount }, () => new Map());
    for (let i = 0; i < n; i++) {
      if (isMissingCell(table.rows[i][column])) continue;
      const category = cellText(table.rows[i][column]);
      const tally = tallies[predicted[i]];
      tally.set(category, (tally.get(category) ?? 0) + 1);
    }
    for (let k = 0; k < classCount; k++) {
      let top: string | undefined;
      let topCount = 0;
      for (const [category, count] of tallies[k]) {
        if (count > topCount) {
          top = category;
          topCount = count;
        }
      }
      if (top !== undefined)
        profiles[k].push({
          feature: feature.name,
          kind: 'categorical',
          top,
          topShare: round(topCount / sizes[k], 4),
        });
    }
  });
  const order = sizes.map((size, k) => ({ size, k })).sort((a, b) => b.size - a.size || a.k - b.k);
  const rankOf = new Array<number>(classCount);
  order.forEach(({ k }, position) => {
    rankOf[k] = position + 1;
  });
  return model.classes.map((label, k) => ({
    label,
    name: segmentDisplayName(label),
    size: sizes[k],
    share: n === 0 ? 0 : sizes[k] / n,
    rank: rankOf[k],
    meanConfidence: sizes[k] === 0 ? 0 : round(confidenceSums[k] / sizes[k], 4),
    profile: profiles[k],
  }));
}

function rankingSentence(segments: PredictedSegment[], rowCount: number): string {
  if (rowCount === 0) return 'No rows to predict.';
  const bySize = segments.slice().sort((a, b) => a.rank - b.rank);
  const largest = bySize[0];
  const smallest = bySize[bySize.length - 1];
  const pct = (share: number) => `${Math.round(share * 100)}%`;
  const evenShare = 1 / segments.length;
  const lead =
    largest.share >= evenShare * 1.25
      ? `${largest.name} dominates with ${largest.size} of ${rowCount} customers (${pct(largest.share)})`
      : `${largest.name} is the largest with ${largest.size} of ${rowCount} customers (${pct(largest.share)}), but no segment dominates`;
  const tail =
    smallest.size === 0
      ? `; no customer falls in ${smallest.name}.`
      : `; ${smallest.name} is the smallest with ${smallest.size} (${pct(smallest.share)}).`;
  return lead + tail;
}

function round(value: number, digits: number): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}
