/**
 * How big a segment is, or every segment's size at once.
 */
import type { Answer } from '../schema/answer';
import type { RunSummary, Segment } from '../schema/run';
import {
  capitalise,
  customers,
  fmtCount,
  fmtShare,
  plural,
  runFacts,
  segmentFacts,
  segmentLabel,
  totalOf,
} from './wording';

/** "Impulse Buyers (segment 3) has 22 customers, 11.0% of the 200 in run …". */
export function sizeAnswer(run: RunSummary, segment: Segment): Answer {
  const largest = [...run.segments].sort((a, b) => b.size - a.size || a.index - b.index)[0];
  const rank = largest === segment ? ' It is the largest segment.' : '';
  return {
    intent: 'size',
    ...segmentFacts(run, segment),
    text: `${capitalise(segmentLabel(segment))} has ${customers(segment.size)}, ${fmtShare(segment.share)} of the ${fmtCount(totalOf(run))} in run ${run.name}.${rank}`,
  };
}

/** Every segment's size, with the largest and the smallest named. */
export function sizeOverviewAnswer(run: RunSummary): Answer {
  const bySize = [...run.segments].sort((a, b) => b.size - a.size || a.index - b.index);
  const parts = run.segments.map(
    (segment) => `${segmentLabel(segment)} ${fmtCount(segment.size)} (${fmtShare(segment.share)})`,
  );
  const text =
    `Run ${run.name} has ${customers(totalOf(run))} in ${plural(run.k, 'segment')}: ${parts.join(', ')}. ` +
    `The largest is ${bySize[0].persona.name}` +
    (bySize.length > 1 ? `, the smallest ${bySize[bySize.length - 1].persona.name}.` : '.');
  return { intent: 'size', ...runFacts(run), text };
}
