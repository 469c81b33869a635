/**
 * The CLI side of prediction: read a saved model file, predict a table with core, and format the
 * result. `segments assign <new.csv> --run model.json` calls these; all the work is in core.
 */

import type { Table } from '@segments/core';
import { maxOf, type PredictionModel, type PredictionResult, parseModel, predictTable } from '@segments/core';
import { readJsonFile } from './files';

/**
 * True when `--run` names a model file rather than a run id: it ends in `.json`.
 * @example looksLikeModelFile('automobile_train.model.json') // true
 */
export function looksLikeModelFile(ref: string): boolean {
  return /\.json$/i.test(ref.trim());
}

/**
 * Reads and validates a model file saved by `segments train`.
 * @throws CliError when the file cannot be read; SegmentationError INVALID_RUN when it is not JSON or not a model
 * @example const model = readModelFile('train.model.json', process.cwd())
 */
export function readModelFile(path: string, cwd: string): PredictionModel {
  return parseModel(readJsonFile(path, cwd, 'a model saved by `segments train`'), `model file "${path}"`);
}

/**
 * Predicts the segment of every row of `table` (core's predictTable).
 * @throws SegmentationError UNKNOWN_COLUMN when the table lacks a column the model was trained on
 * @example const { predictions, distribution } = predictFile(model, table, 'new.csv')
 */
export function predictFile(model: PredictionModel, table: Table, source = 'the file'): PredictionResult {
  return predictTable(model, table, { source });
}

/**
 * The prediction as text: distribution by segment with profile highlights, the ranking sentence and
 * notes (unseen categories, missing values).
 * @example io.stdout(formatPrediction(model, result))
 */
export function formatPrediction(model: PredictionModel, result: PredictionResult): string {
  const total = result.predictions.length;
  const lines = [`Predicted ${model.label} for ${total} rows with model "${model.name}":`, ''];
  const nameWidth = maxOf(
    result.segments.map((s) => s.name.length),
    7,
  );
  lines.push(
    `${'Segment'.padEnd(nameWidth)}  ${'Rows'.padStart(6)}  ${'Share'.padStart(6)}  Confidence  Profile`,
  );
  for (const segment of result.segments) {
    // Levels that stand out first, then the most concentrated categories.
    const numeric = segment.profile.flatMap((entry) =>
      entry.kind === 'numeric' && entry.level !== 'average'
        ? [`${entry.level} ${entry.feature} (${formatNumber(entry.mean)})`]
        : [],
    );
    const categorical = segment.profile
      .flatMap((entry) => (entry.kind === 'categorical' ? [entry] : []))
      .sort((a, b) => b.topShare - a.topShare)
      .map((entry) => `${entry.feature} ${entry.top} ${Math.round(entry.topShare * 100)}%`);
    const highlights = [...numeric, ...categorical].slice(0, 4).join(', ');
    lines.push(
      `${segment.name.padEnd(nameWidth)}  ${String(segment.size).padStart(6)}  ${`${(segment.share * 100).toFixed(1)}%`.padStart(6)}  ${segment.meanConfidence.toFixed(2).padStart(10)}  ${highlights}`,
    );
  }
  lines.push('', result.ranking);
  for (const note of result.notes) lines.push(`Note: ${note}`);
  return `${lines.join('\n')}\n`;
}

/**
 * The two columns a prediction adds to a table: the predicted segment and its confidence (0..1,
 * rounded to 3 decimals), one entry per row of the table.
 * @example predictionColumns(result).rows[0] // ['D', 0.612]
 */
export function predictionColumns(result: PredictionResult): {
  headers: [string, string];
  rows: Array<[string, number]>;
} {
  return {
    headers: ['Predicted segment', 'Confidence'],
    rows: result.predictions.map((p) => [p.label, Math.round(p.confidence * 1000) / 1000]),
  };
}

function formatNumber(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(1);
}
