/**
 * All segments of one persona: "how many champions?" means every Champions segment when a run has
 * two (RFM names the second "Champions (R5 F4 M5)"), unless the user named one by number or label.
 */
import type { Answer } from '../schema/answer';
import type { RunSummary, Segment } from '../schema/run';
import { personaKeyOf, withoutParenthesis } from './persona-synonyms';
import type { SegmentMatch } from './segment-resolution';
import { normalizeText } from './text-match';
import { customers, fmtCount, fmtShare, runFacts, segmentLabel, totalOf } from './wording';

/**
 * The matched segment and every other segment of its persona (by key), in index order; only the
 * matched one when it was named by number or label, or has no playbook key.
 */
export function personaGroup(run: RunSummary, match: SegmentMatch): Segment[] {
  const key = personaKeyOf(match.segment);
  if (!key || match.by === 'index' || match.by === 'label') return [match.segment];
  // A name with its score in parenthesis ("Champions (R5 F4 M5)") names one segment.
  const name = match.segment.persona.name;
  const typed = normalizeText(match.text);
  if (typed === normalizeText(name) && typed !== normalizeText(withoutParenthesis(name)))
    return [match.segment];
  return run.segments.filter((segment) => segment === match.segment || personaKeyOf(segment) === key);
}

/** "Champions, 2 segments: 106 customers, 12.0% of the 885 in run …". */
export function groupSizeAnswer(run: RunSummary, segments: readonly Segment[]): Answer {
  const size = segments.reduce((sum, segment) => sum + segment.size, 0);
  const share = size / Math.max(1, totalOf(run));
  const parts = segments.map((segment) => `${segmentLabel(segment)} ${fmtCount(segment.size)}`);
  const name = groupName(segments);
  return {
    intent: 'size',
    ...runFacts(run),
    segment: { index: segments[0].index, name: segments[0].persona.name },
    size,
    share,
    text: `${name} has ${customers(size)} in ${segments.length} segments (${parts.join(', ')}), ${fmtShare(share)} of the ${fmtCount(totalOf(run))} in run ${run.name}.`,
  };
}

/** "Champions" for a group of "Champions (R5 F5 M5)" and "Champions (R5 F4 M5)". */
export function groupName(segments: readonly Segment[]): string {
  const first = segments[0].persona.name;
  return segments.length > 1 ? first.replace(/\s*\([^)]*\)\s*$/, '') || first : first;
}
