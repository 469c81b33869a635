/**
 * One run described: source, segments with sizes, and which to target first.
 */
import type { Answer } from '../schema/answer';
import type { RunSummary } from '../schema/run';
import { rankedByPriority } from './ranking';
import {
  customers,
  dateOf,
  fmtCount,
  fmtShare,
  plural,
  runFacts,
  segmentLabel,
  sourceOf,
  totalOf,
} from './wording';

/** One run in a paragraph: source, algorithm, rows left out, segments with sizes, and which to target first. */
export function describeRun(run: RunSummary): string {
  const total = totalOf(run);
  const source = sourceOf(run);
  const algorithm = run.algorithm === 'kprototypes' ? 'k-prototypes' : 'k-means';
  const segmentList = run.segments.map(
    (segment) => `${segmentLabel(segment)} with ${fmtCount(segment.size)} (${fmtShare(segment.share)})`,
  );
  const top = rankedByPriority(run)[0];
  const dropped = run.preprocessing.rowsDropped
    ? ` ${plural(run.preprocessing.rowsDropped, 'row')} ${run.preprocessing.rowsDropped === 1 ? 'was' : 'were'} left out.`
    : '';
  return (
    `Run ${run.name} (id ${run.id}, created ${dateOf(run.createdAt)}) put ${customers(total)}${source} into ` +
    `${plural(run.k, 'segment')} with ${algorithm}.${dropped} Segments: ${segmentList.join('; ')}. ` +
    `Target first: ${top.persona.name}.`
  );
}

/** Shows one run. */
export function showAnswer(run: RunSummary): Answer {
  return { intent: 'show', ...runFacts(run), text: describeRun(run), run };
}
