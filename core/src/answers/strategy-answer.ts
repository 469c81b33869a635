/**
 * The strategy for a segment (with its size, targeting rank and profile), or every segment's
 * strategy in targeting order.
 */
import type { Answer } from '../schema/answer';
import type { RunSummary, Segment } from '../schema/run';
import { rankedByPriority } from './ranking';
import {
  capitalise,
  customers,
  fmtCount,
  fmtShare,
  ordinal,
  runFacts,
  segmentFacts,
  segmentLabel,
  sentence,
  totalOf,
} from './wording';

/** "The strategy for Impulse Buyers (segment 3) in run …: … It has 22 customers, … and ranks 2nd for targeting." */
export function strategyAnswer(run: RunSummary, segment: Segment): Answer {
  const summary = segment.persona.summary.trim() ? ` Profile: ${sentence(segment.persona.summary)}` : '';
  return {
    intent: 'strategy',
    ...segmentFacts(run, segment),
    strategy: segment.persona.strategy,
    text:
      `The strategy for ${segmentLabel(segment)} in run ${run.name}: ${sentence(segment.persona.strategy)} ` +
      `It has ${customers(segment.size)}, ${fmtShare(segment.share)} of the ${fmtCount(totalOf(run))}, and ranks ${ordinal(segment.persona.priority)} for targeting.${summary}`,
  };
}

/** Every segment's strategy, in targeting order. */
export function strategyOverviewAnswer(run: RunSummary): Answer {
  const lines = rankedByPriority(run).map(
    (segment) =>
      `${capitalise(segmentLabel(segment))}, ${customers(segment.size)}: ${sentence(segment.persona.strategy)}`,
  );
  return {
    intent: 'strategy',
    ...runFacts(run),
    text: `Strategies in run ${run.name}, in targeting order:\n${lines.join('\n')}`,
  };
}
