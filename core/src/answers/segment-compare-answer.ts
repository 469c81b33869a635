/**
 * Two segments of one run side by side: size, share and every numeric average.
 */
import { formatNumber } from '../format';
import type { Answer, SegmentSide } from '../schema/answer';
import type { RunSummary, Segment } from '../schema/run';
import { fmtCount, fmtShare, runFacts, segmentLabel } from './wording';

function sideOf(segment: Segment): SegmentSide {
  return {
    index: segment.index,
    name: segment.persona.name,
    size: segment.size,
    share: segment.share,
    means: segment.profile.flatMap((entry) =>
      entry.kind === 'numeric' ? [{ feature: entry.feature, mean: entry.mean }] : [],
    ),
  };
}

/**
 * Compares two segments of one run: "Premium Shoppers (VIP) (segment 1) vs Budget Shoppers
 * (segment 4) in run mall: size 39 (19.5%) vs 23 (11.5%); Annual Income (k$) 87 vs 26."
 */
export function segmentCompareAnswer(run: RunSummary, a: Segment, b: Segment): Answer {
  const left = sideOf(a);
  const right = sideOf(b);
  const rows = [
    `size ${fmtCount(a.size)} (${fmtShare(a.share)}) vs ${fmtCount(b.size)} (${fmtShare(b.share)})`,
  ];
  for (const mean of left.means) {
    const other = right.means.find((candidate) => candidate.feature === mean.feature);
    if (other) rows.push(`${mean.feature} ${formatNumber(mean.mean)} vs ${formatNumber(other.mean)}`);
  }
  return {
    intent: 'compare',
    ...runFacts(run),
    segment: { index: a.index, name: a.persona.name },
    segmentComparison: { segments: [left, right] },
    text: `${segmentLabel(a)} vs ${segmentLabel(b)} in run ${run.name}: ${rows.join('; ')}.`,
  };
}
