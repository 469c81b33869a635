/**
 * Two runs compared persona by persona: who grew, shrank, appeared or vanished.
 */
import type { Answer, SegmentChange } from '../schema/answer';
import type { RunSummary } from '../schema/run';
import type { RunMention } from './run-resolution';

import { normalizeText } from './text-match';
import { customers, dateOf, fmtCount, fmtShare, plural, runFacts, signed, totalOf } from './wording';

/** Compares two runs: the two named, the named one with the picked run, or the picked run with the one before it. */
export function compareAnswer(
  runs: readonly RunSummary[],
  baseIndex: number,
  mentions: readonly RunMention[],
): Answer {
  const base = runs[baseIndex];
  let pair: [RunSummary, RunSummary] | undefined;
  if (mentions.length >= 2) pair = [mentions[0].run, mentions[1].run];
  else if (mentions.length === 1 && mentions[0].run !== base) pair = [mentions[0].run, base];
  else {
    const other = runs[baseIndex + 1] ?? runs[baseIndex - 1];
    if (other) pair = [other, base];
  }
  if (!pair) {
    return {
      intent: 'compare',
      ...runFacts(base),
      text: `There is only one run (${base.name}), so there is nothing to compare it with yet.`,
    };
  }
  // Compare older → newer whatever the order of mention: "grew" then reads forward in time.
  const [from, to] = [...pair].sort(
    (a, b) => a.createdAt.localeCompare(b.createdAt) || runs.indexOf(b) - runs.indexOf(a),
  );
  const changes = compareSegments(from, to);
  const head =
    `Comparing run ${from.name} (${dateOf(from.createdAt)}) with run ${to.name} (${dateOf(to.createdAt)}): ` +
    `${customers(totalOf(from))} in ${plural(from.k, 'segment')} before, ${customers(totalOf(to))} in ${plural(to.k, 'segment')} now.`;
  const lines = changes.map((change) => describeChange(change, from, to));
  return {
    intent: 'compare',
    ...runFacts(to),
    comparison: { fromRunId: from.id, toRunId: to.id, changes },
    text: `${head}\n${lines.join('\n')}`,
  };
}

/**
 * Size and share per persona between two runs, matched by persona name (any case); a persona in
 * only one run has `before` or `after` null. Order: the newer run's segments, then the vanished ones.
 * @example compareSegments(previous, latest).filter((change) => change.after === null).map((change) => change.name) // ['Older customers', 'Younger customers']
 */
export function compareSegments(from: RunSummary, to: RunSummary): SegmentChange[] {
  const earlier = new Map(from.segments.map((segment) => [normalizeText(segment.persona.name), segment]));
  const changes: SegmentChange[] = [];
  for (const segment of to.segments) {
    const key = normalizeText(segment.persona.name);
    const before = earlier.get(key);
    earlier.delete(key);
    changes.push({
      name: segment.persona.name,
      before: before ? { size: before.size, share: before.share } : null,
      after: { size: segment.size, share: segment.share },
    });
  }
  for (const segment of earlier.values()) {
    changes.push({
      name: segment.persona.name,
      before: { size: segment.size, share: segment.share },
      after: null,
    });
  }
  return changes;
}

function describeChange(change: SegmentChange, from: RunSummary, to: RunSummary): string {
  const { name, before, after } = change;
  if (!before && after)
    return `${name} is new in ${to.name}: ${customers(after.size)} (${fmtShare(after.share)}).`;
  if (before && !after) {
    return `${name} is not in ${to.name}; it had ${customers(before.size)} (${fmtShare(before.share)}) in ${from.name}.`;
  }
  if (!before || !after) return `${name} has no data.`;
  const sizeDelta = after.size - before.size;
  const sizePart =
    sizeDelta === 0
      ? `stayed at ${customers(after.size)}`
      : `${sizeDelta > 0 ? 'grew' : 'shrank'} from ${fmtCount(before.size)} to ${customers(after.size)} (${signed(sizeDelta)})`;
  const points = Math.round((after.share - before.share) * 1000) / 10;
  const sharePart =
    points === 0
      ? `its share stayed at ${fmtShare(after.share)}`
      : `its share ${points > 0 ? 'rose' : 'fell'} from ${fmtShare(before.share)} to ${fmtShare(after.share)} (${signed(points, 1)} points)`;
  return `${name} ${sizePart}; ${sharePart}.`;
}
