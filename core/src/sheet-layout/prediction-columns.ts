/**
 * The Predicted segment and Confidence columns: finding or placing them on a re-run, and their values.
 */
import { round } from '../format';
import { type ColumnMetadata, headerText, METADATA_KEYS, plainText, type SheetValue } from './sheet-values';

/** Header of the column holding the segment a classifier predicted for a customer without a label. */
export const PREDICTED_SEGMENT_HEADER = 'Predicted segment';

/** Header of the column holding the probability the classifier gives its prediction (0..1). */
export const CONFIDENCE_HEADER = 'Confidence';

/** Which prediction column a piece of developer metadata marks. */
export type PredictionColumnKind = 'predicted-segment' | 'confidence';

/** 0-based columns of the add-on's own Predicted segment and Confidence columns, when they exist. */
export interface PredictionColumns {
  predictedSegment?: number;
  confidence?: number;
}

/**
 * Locates the Predicted segment and Confidence columns again: by developer metadata first (it follows
 * moved columns), else by a "Predicted segment" header immediately followed by "Confidence", so a
 * user's own lone "Confidence" column is never taken for ours.
 * @param headers the header row as read (0-based columns)
 * @param metadata COLUMN developer metadata of the sheet (other keys are ignored)
 * @example findPredictionColumns(['Age', 'Predicted segment', 'Confidence'], []) // { predictedSegment: 1, confidence: 2 }
 */
export function findPredictionColumns(
  headers: readonly unknown[],
  metadata: readonly ColumnMetadata[] = [],
): PredictionColumns {
  const found: PredictionColumns = {};
  for (const entry of metadata) {
    if (entry.key !== METADATA_KEYS.predictionColumn) continue;
    if (entry.value === 'predicted-segment' && found.predictedSegment === undefined)
      found.predictedSegment = entry.column;
    if (entry.value === 'confidence' && found.confidence === undefined) found.confidence = entry.column;
  }
  if (found.predictedSegment !== undefined || found.confidence !== undefined) return found;
  for (let c = 0; c + 1 < headers.length; c++) {
    if (
      headerText(headers[c]) === PREDICTED_SEGMENT_HEADER &&
      headerText(headers[c + 1]) === CONFIDENCE_HEADER
    ) {
      return { predictedSegment: c, confidence: c + 1 };
    }
  }
  return {};
}

/** Where to write the prediction columns: existing ones are reused, missing ones go right of the data. */
export interface PredictionColumnPlan {
  /** 0-based target columns. */
  predictedSegment: number;
  confidence: number;
  /** True when the two are side by side (predicted segment then confidence): one write covers both. */
  adjacent: boolean;
  /** Columns newly added (they need developer metadata). */
  created: PredictionColumnKind[];
}

/**
 * Decides the target columns of a prediction: reuses the add-on's own columns where found, and puts
 * missing ones after the last used column.
 * @param existing what {@link findPredictionColumns} found
 * @param usedWidth number of columns in use in the sheet (its last column, 1-based)
 * @example planPredictionColumns({}, 5) // { predictedSegment: 5, confidence: 6, adjacent: true, created: ['predicted-segment', 'confidence'] }
 */
export function planPredictionColumns(existing: PredictionColumns, usedWidth: number): PredictionColumnPlan {
  let next = usedWidth;
  const created: PredictionColumnKind[] = [];
  const place = (kind: PredictionColumnKind, found: number | undefined): number => {
    if (found !== undefined) return found;
    created.push(kind);
    return next++;
  };
  const predictedSegment = place('predicted-segment', existing.predictedSegment);
  const confidence = place('confidence', existing.confidence);
  return { predictedSegment, confidence, adjacent: confidence === predictedSegment + 1, created };
}

/** One predicted row, placed below the header. */
export interface PlacedPrediction {
  /** Row position below the header (1 = the row right under it). */
  position: number;
  label: string;
  /** Probability of the predicted label, 0..1. */
  confidence: number;
}

/**
 * The Predicted segment and Confidence columns: a header row, then one row per data row below the
 * header. Rows without a prediction (they already have a label, or are blank) get '' in both, so a
 * re-run clears predictions of rows that were labelled since. Confidence is rounded to 4 decimals.
 * @param rowCount number of rows below the header the columns cover
 * @param predictions the predicted rows; positions outside 1..rowCount are ignored
 * @example encodePredictionColumns(2, [{ position: 2, label: 'D', confidence: 0.61234 }]) // [['Predicted segment','Confidence'],['',''],['D',0.6123]]
 */
export function encodePredictionColumns(
  rowCount: number,
  predictions: readonly PlacedPrediction[],
): SheetValue[][] {
  const values: SheetValue[][] = [[PREDICTED_SEGMENT_HEADER, CONFIDENCE_HEADER]];
  for (let r = 0; r < rowCount; r++) values.push(['', '']);
  for (const prediction of predictions) {
    if (prediction.position < 1 || prediction.position > rowCount) continue;
    values[prediction.position] = [plainText(prediction.label), round(prediction.confidence, 4)];
  }
  return values;
}
