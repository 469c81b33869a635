/**
 * Predicting the segment of new rows with a saved {@link PredictionModel}.
 */
import { SegmentationError } from '../schema/errors';
import { type PredictedSegment, type PredictionModel, parseModel } from '../schema/model';
import type { Table } from '../table/table';
import { type Encoding, encodeRows } from './encoding';
import { predictBoostedTrees } from './gradient-boosting';
import { profilePredictedSegments, rankingSentence } from './prediction-run';

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
 * @example predictTable(model, mall).segments.map((s) => s.size) // [23, 35, 22, 81, 39]
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

  const segments = profilePredictedSegments(
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

/** The most probable class of each row of an n × classCount probability matrix. */
export function argmaxRows(probabilities: Float64Array, rowCount: number, classCount: number): Uint16Array {
  const out = new Uint16Array(rowCount);
  for (let i = 0; i < rowCount; i++) {
    let best = 0;
    for (let k = 1; k < classCount; k++)
      if (probabilities[i * classCount + k] > probabilities[i * classCount + best]) best = k;
    out[i] = best;
  }
  return out;
}
