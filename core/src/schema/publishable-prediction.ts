/**
 * What a prediction run may look like once it leaves the user's machine (privacy rule 2, as
 * {@link toPublishableSummary} does for segmentation runs): only the prediction-run contract's fields,
 * no per-row data, predicted segments under 5 customers without their profile (a mean of one to four
 * customers is their own values), and sizes that add up. The runs API and the store both apply it,
 * so the server never trusts a client to have done so.
 */
import { SegmentationError } from './errors';
import { type PredictedSegment, type PredictionRun, parsePredictionRun } from './model';
import { PUBLISH_LIMITS, pickFields, SOURCE_FIELDS } from './publishable-summary';

const PREDICTION_FIELDS = [
  'schemaVersion',
  'kind',
  'id',
  'name',
  'createdAt',
  'modelId',
  'modelName',
  'label',
  'rowCount',
  'ranking',
  'notes',
] as const;
const SEGMENT_FIELDS = ['label', 'name', 'size', 'share', 'rank', 'meanConfidence', 'profile'] as const;

/** Options of {@link toPublishablePrediction}. */
export interface PublishPredictionOptions {
  /** What the input is, for messages. Default 'posted prediction run'. */
  what?: string;
  /** Refuse sizes that do not add up to `rowCount`. Default true (false for records already stored). */
  checkSizes?: boolean;
}

/**
 * The publishable form of a prediction run (unknown input: a posted body or a stored record).
 * @throws SegmentationError `INVALID_RUN` naming the field: not a prediction run, or sizes that do not
 *   add up to `rowCount`
 * @example toPublishablePrediction({ ...predictions[0], predictions: [{ row: 2 }] }).predictions // undefined
 */
export function toPublishablePrediction(
  input: unknown,
  options: PublishPredictionOptions = {},
): PredictionRun {
  const run = parsePredictionRun(input, options.what ?? 'posted prediction run');
  const total = run.segments.reduce((sum, segment) => sum + segment.size, 0);
  if (options.checkSizes !== false && total !== run.rowCount) {
    throw new SegmentationError(
      'INVALID_RUN',
      `The prediction run is not consistent: segments' sizes add up to ${total}, not rowCount ${run.rowCount}`,
      { field: 'segments' },
    );
  }
  const segments = run.segments.map((segment) => {
    const kept = pickFields(segment, SEGMENT_FIELDS) as PredictedSegment;
    return segment.size < PUBLISH_LIMITS.minSegmentSizeForValues ? { ...kept, profile: [] } : kept;
  });
  return {
    ...pickFields(run, PREDICTION_FIELDS),
    source: pickFields(run.source, SOURCE_FIELDS),
    segments,
  } as PredictionRun;
}
