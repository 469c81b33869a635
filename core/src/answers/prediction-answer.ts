/**
 * Answers about prediction runs: how many new customers fall in a segment, the largest predicted
 * segment, the whole distribution.
 */

import { CONVERSATION_MESSAGES_EN } from '../i18n/conversation-messages-en';
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

const m = CONVERSATION_MESSAGES_EN;

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
    return {
      intent: 'size',
      prediction: { ...predictionFacts(run), unknownSubject: resolution.subject },
      text: m.predictedUnknown(resolution.subject, run.name, bySizeOf(run).map(predictedRef)),
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
  return m.predictedRef(segment.name);
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
    createdAt: run.createdAt,
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
      ? m.predictedIsLargest()
      : m.predictedLargestIs(predictedRef(largest), fmtCount(largest.size), fmtShare(largest.share));
  return {
    intent: 'size',
    ...predictedSegmentFacts(run, segment),
    text: m.predictedSegment(
      fmtCount(segment.size),
      fmtCount(run.rowCount),
      fmtShare(segment.share),
      predictedRef(segment),
      run.name,
      rank,
    ),
  };
}

function largestPredictedAnswer(run: PredictionRun): Answer {
  const [largest, second] = bySizeOf(run);
  const next = second
    ? m.predictedNext(predictedRef(second), fmtCount(second.size), fmtShare(second.share))
    : '';
  return {
    intent: 'size',
    ...predictedSegmentFacts(run, largest),
    prediction: { ...predictionFacts(run, largest), largest: true },
    text: m.predictedLargest(
      predictedRef(largest),
      fmtCount(largest.size),
      fmtCount(run.rowCount),
      fmtShare(largest.share),
      run.name,
      next,
    ),
  };
}

function predictionOverviewAnswer(run: PredictionRun): Answer {
  const parts = bySizeOf(run).map(
    (segment) => `${predictedRef(segment)} ${fmtCount(segment.size)} (${fmtShare(segment.share)})`,
  );
  return {
    intent: 'size',
    prediction: predictionFacts(run),
    text: `${m.predictedOverview(run.name, run.modelName, dateOf(run.createdAt), fmtCount(run.rowCount), plural(run.segments.length, 'segment'), parts)} ${sentence(run.ranking)}`,
  };
}

function noPredictionsAnswer(surface: 'slack' | 'cli'): Answer {
  const text = surface === 'cli' ? m.noPredictionsCli() : m.noPredictionsSlack();
  return { intent: 'size', text, examples: [...EXAMPLE_QUESTIONS], noPredictions: true };
}
