/**
 * Answers about prediction runs: how many new customers fall in a segment, the largest predicted
 * segment, the whole distribution.
 */
import type { Answer, PredictedSegmentFacts } from '../schema/answer';
import type { PredictedSegment, PredictionRun } from '../schema/model';
import { EXAMPLE_QUESTIONS } from './help-answer';
import {
  findPredictionMention,
  findPredictionRun,
  LARGEST_PREDICTED,
  resolvePredictedSegment,
} from './prediction-resolution';
import type { Token } from './text-match';
import { dateOf, fmtCount, fmtShare, plural, sentence } from './wording';

/** Answers a question about prediction runs: one predicted segment, the largest one, or the whole distribution. */
export function predictionAnswer(
  tokens: readonly Token[],
  norm: string,
  predictions: readonly PredictionRun[],
  runRef: string | undefined,
  surface: 'slack' | 'cli',
): Answer {
  if (!predictions.length) return noPredictionsAnswer(surface);
  const used = tokens.map(() => false);
  const mentioned = findPredictionMention(tokens, predictions, used);
  // A picked run that is a segmentation run says nothing about predictions: then the latest is used.
  const picked = runRef === undefined ? undefined : findPredictionRun(predictions, runRef);
  const run = mentioned ?? picked ?? predictions[0];
  const resolution = resolvePredictedSegment(
    run,
    tokens.filter((_, i) => !used[i]),
  );
  if (resolution.kind === 'match') return predictedSegmentAnswer(run, resolution.segment);
  if (resolution.subject) {
    const names = bySizeOf(run).map(predictedRef).join(', ');
    return {
      intent: 'size',
      prediction: predictionFacts(run),
      text: `I don't know '${resolution.subject}'; the segments in prediction run "${run.name}" are ${names}.`,
    };
  }
  if (LARGEST_PREDICTED.test(norm)) return largestPredictedAnswer(run);
  return predictionOverviewAnswer(run);
}

function bySizeOf(run: PredictionRun): PredictedSegment[] {
  return [...run.segments].sort((a, b) => b.size - a.size || a.rank - b.rank);
}

/** "segment D" mid-sentence for display names "Segment D"; other names as they are. */
function predictedRef(segment: PredictedSegment): string {
  return segment.name.replace(/^Segment /, 'segment ');
}

function predictionFacts(run: PredictionRun, segment?: PredictedSegment): NonNullable<Answer['prediction']> {
  const segments: PredictedSegmentFacts[] = bySizeOf(run).map(({ label, name, size, share }) => ({
    label,
    name,
    size,
    share,
  }));
  return {
    runId: run.id,
    runName: run.name,
    modelId: run.modelId,
    modelName: run.modelName,
    rowCount: run.rowCount,
    ...(segment ? { segmentLabel: segment.label } : {}),
    segments,
  };
}

function predictedSegmentFacts(run: PredictionRun, segment: PredictedSegment): Partial<Answer> {
  return {
    segment: { index: run.segments.indexOf(segment), name: segment.name },
    size: segment.size,
    share: segment.share,
    prediction: predictionFacts(run, segment),
  };
}

function predictedSegmentAnswer(run: PredictionRun, segment: PredictedSegment): Answer {
  const [largest] = bySizeOf(run);
  const rank =
    largest === segment
      ? ' It is the largest predicted segment.'
      : ` The largest is ${predictedRef(largest)} with ${fmtCount(largest.size)} (${fmtShare(largest.share)}).`;
  return {
    intent: 'size',
    ...predictedSegmentFacts(run, segment),
    text:
      `${fmtCount(segment.size)} of the ${fmtCount(run.rowCount)} new customers (${fmtShare(segment.share)}) ` +
      `fall in ${predictedRef(segment)} (prediction run "${run.name}").${rank}`,
  };
}

function largestPredictedAnswer(run: PredictionRun): Answer {
  const [largest, second] = bySizeOf(run);
  const next = second
    ? ` Next comes ${predictedRef(second)} with ${fmtCount(second.size)} (${fmtShare(second.share)}).`
    : '';
  return {
    intent: 'size',
    ...predictedSegmentFacts(run, largest),
    text:
      `Most new customers fall in ${predictedRef(largest)}: ${fmtCount(largest.size)} of the ` +
      `${fmtCount(run.rowCount)} (${fmtShare(largest.share)}) in prediction run "${run.name}".${next}`,
  };
}

function predictionOverviewAnswer(run: PredictionRun): Answer {
  const parts = bySizeOf(run).map(
    (segment) => `${predictedRef(segment)} ${fmtCount(segment.size)} (${fmtShare(segment.share)})`,
  );
  return {
    intent: 'size',
    prediction: predictionFacts(run),
    text:
      `Prediction run "${run.name}" (model "${run.modelName}", ${dateOf(run.createdAt)}) put ` +
      `${fmtCount(run.rowCount)} new customers into ${plural(run.segments.length, 'segment')}: ${parts.join(', ')}. ` +
      sentence(run.ranking),
  };
}

function noPredictionsAnswer(surface: 'slack' | 'cli'): Answer {
  const text =
    surface === 'cli'
      ? 'There are no predictions yet. Train a model on customers whose segment you know with: segments train labelled.csv --label Segment, then predict new customers with: segments assign new.csv --run <model id or model.json> (the prediction run is saved in the local store), or use Extensions › Customer Segments › Predict segments from a labelled column… in Google Sheets. Then ask again.'
      : 'There are no predictions in this workspace yet. Make one in Google Sheets with Extensions › Customer Segments › Predict segments from a labelled column…, or from the command line with: segments train labelled.csv --label Segment, then segments assign new.csv --run model.json; publish the prediction run to /api/runs with the workspace token (/segments connect). Then ask again.';
  return { intent: 'size', text, examples: [...EXAMPLE_QUESTIONS] };
}
