/**
 * The persona stage of an RFM run: each segment's mean R, F and M quintile scores (1–5) place it on
 * the RFM map (personas/rfm-playbook); the score view ("R5 F4 M5") goes with the segment. Targeting
 * priority follows the playbook's order (Champions, Loyal, Can't Lose Them, At Risk first), then
 * monetary value per customer.
 */
import { formatNumber, round } from '../format';
import { RFM_PLAYBOOK, rfmPersonaKey } from '../personas/rfm-playbook';
import type { Segment } from '../schema/run';
import type { RfmScores } from '../transactions/rfm-scores';
import { scoreLabel } from '../transactions/rfm-scores';
import type { SegmentProfile } from './profile-segments';

/** The segment's RFM score view. */
export interface SegmentRfm {
  r: number;
  f: number;
  m: number;
  /** "R5 F4 M5". */
  score: string;
  /** Mean recency (days), orders and monetary per customer. */
  recencyDays: number;
  orders: number;
  monetary: number;
  /** Total monetary of the segment and its share of the run's total. */
  revenue: number;
  revenueShare: number;
}

/**
 * Names RFM segments.
 * @param labelOfSegment cluster label of each segment index (segment order)
 * @param labels cluster label of each customer
 * @example nameRfmSegments(rfmProfiles, scores, rfmClustered.clustering.labels, rfmOrder.labelsBySize, rollup.monetary, rollup.recency, rollup.frequency).map((s) => s.persona.name) // ['At Risk', 'Champions']
 */
export function nameRfmSegments(
  profiles: SegmentProfile[],
  scores: RfmScores,
  labels: Int32Array,
  labelOfSegment: readonly number[],
  monetary: Float64Array,
  recency: Float64Array,
  frequency: Float64Array,
): (Segment & { rfm: SegmentRfm })[] {
  const k = profiles.length;
  const sums = new Float64Array(k * 6);
  const segmentOfLabel = new Int32Array(labelOfSegment.length);
  labelOfSegment.forEach((label, index) => {
    segmentOfLabel[label] = index;
  });
  let total = 0;
  for (let i = 0; i < labels.length; i++) {
    const s = segmentOfLabel[labels[i]];
    sums[s * 6] += scores.r[i];
    sums[s * 6 + 1] += scores.f[i];
    sums[s * 6 + 2] += scores.m[i];
    sums[s * 6 + 3] += recency[i];
    sums[s * 6 + 4] += frequency[i];
    sums[s * 6 + 5] += monetary[i];
    total += monetary[i];
  }
  const drafts = profiles.map((profile, s) => {
    const size = Math.max(1, profile.size);
    const r = Math.round(sums[s * 6] / size);
    const f = Math.round(sums[s * 6 + 1] / size);
    const m = Math.round(sums[s * 6 + 2] / size);
    const key = rfmPersonaKey(r, Math.round((f + m) / 2));
    const rfm: SegmentRfm = {
      r,
      f,
      m,
      score: scoreLabel(r, f, m),
      recencyDays: round(sums[s * 6 + 3] / size, 1),
      orders: round(sums[s * 6 + 4] / size, 2),
      monetary: round(sums[s * 6 + 5] / size, 2),
      revenue: round(sums[s * 6 + 5], 2),
      revenueShare: total > 0 ? round(sums[s * 6 + 5] / total, 4) : 0,
    };
    return { profile, key, rfm };
  });
  // Priority: playbook order, then value per customer.
  const ranked = drafts
    .map((_, s) => s)
    .sort(
      (a, b) =>
        RFM_PLAYBOOK[drafts[a].key].rank - RFM_PLAYBOOK[drafts[b].key].rank ||
        drafts[b].rfm.monetary - drafts[a].rfm.monetary,
    );
  const priority = new Int32Array(k);
  ranked.forEach((s, position) => {
    priority[s] = position + 1;
  });
  // Names are unique within a run: a second segment of the same persona gets its score.
  const seen = new Map<string, number>();
  for (const s of ranked) seen.set(drafts[s].key, (seen.get(drafts[s].key) ?? 0) + 1);
  return drafts.map(({ profile, key, rfm }, s) => {
    const entry = RFM_PLAYBOOK[key];
    const name = (seen.get(key) ?? 0) > 1 ? `${entry.name} (${rfm.score})` : entry.name;
    return {
      ...profile,
      rfm,
      rfmScore: rfm.score,
      persona: {
        name,
        key,
        summary: `${entry.summary} ${rfm.score}: last order ${formatNumber(rfm.recencyDays)} days ago, ${formatNumber(rfm.orders)} orders and ${formatNumber(rfm.monetary)} spent per customer on average.`,
        strategy: entry.strategy,
        priority: priority[s],
        reason: `${(profile.share * 100).toFixed(1)}% of customers, ${(rfm.revenueShare * 100).toFixed(1)}% of revenue; ${entry.highValue ? 'a high-value' : 'a lower-value'} RFM segment (${rfm.score}).`,
      },
    };
  });
}

/**
 * The RFM score view of a segment ("R5 F4 M5"), when the run is an RFM run.
 * @example segmentRfmScore({ rfmScore: 'R5 F4 M5' }) // 'R5 F4 M5'
 */
export function segmentRfmScore(segment: object): string | undefined {
  const score = (segment as { rfmScore?: unknown }).rfmScore;
  return typeof score === 'string' ? score : undefined;
}

/**
 * An RFM segment's average customer as a run carries it (score view, recency days, orders and
 * monetary value), read from any segment-shaped value; undefined for other segments or when a
 * published summary withheld it.
 * @example segmentRfmView({ rfm: { score: 'R5 F4 M4', recencyDays: 4.5, orders: 10, monetary: 1000 } })?.orders // 10
 */
export function segmentRfmView(
  segment: object,
): { score: string; recencyDays: number; orders: number; monetary: number } | undefined {
  const rfm = (segment as { rfm?: Partial<Record<'score' | 'recencyDays' | 'orders' | 'monetary', unknown>> })
    .rfm;
  if (!rfm || typeof rfm.score !== 'string') return undefined;
  const { recencyDays, orders, monetary } = rfm;
  if (typeof recencyDays !== 'number' || typeof orders !== 'number' || typeof monetary !== 'number')
    return undefined;
  return { score: rfm.score, recencyDays, orders, monetary };
}
