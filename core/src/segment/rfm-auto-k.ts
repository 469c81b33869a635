/**
 * Auto-k for RFM runs: compare k = 4..8 only.
 *
 * Why not 2..10 as for customer tables: silhouette rewards the coarsest split, and on orders data the
 * coarsest split is "recent big buyers" against "everyone else" (the UCI retail file scores 0.45 at
 * k = 2 and yields Loyal Customers and Need Attention, nothing to plan campaigns with). The RFM
 * vocabulary exists to tell Champions from At Risk, New Customers and Hibernating ones, which takes at
 * least four groups; past eight, segments shrink to a handful of customers that no campaign calendar
 * treats differently. Within 4..8 the silhouette still decides, and the reason says which ks were
 * compared and why 2 and 3 were not.
 */
import { autoKCandidates } from '../cluster/choose-k';
import type { ChooseKResult } from '../schema/run';

/** The RFM candidate range: the fewest segments the RFM map needs, and the most a team can act on. */
export const RFM_AUTO_K = { min: 4, max: 8 } as const;

/**
 * Candidate ks for an RFM run of n customers: 4..min(8, n − 1); the usual 2..n − 1 when there are too
 * few customers for four segments.
 * @example [rfmAutoKCandidates(885), rfmAutoKCandidates(4)] // [[4, 5, 6, 7, 8], [2, 3]]
 */
export function rfmAutoKCandidates(n: number): number[] {
  const candidates: number[] = [];
  for (let k = RFM_AUTO_K.min; k <= Math.min(RFM_AUTO_K.max, n - 1); k++) candidates.push(k);
  return candidates.length > 0 ? candidates : autoKCandidates(n);
}

/**
 * The choose-k result with a sentence saying why only 4–8 segments were compared (unchanged when the
 * candidates were the usual range, on a tiny table).
 * @example rfmChooseKReason({ candidates: [{ k: 4, inertia: 9, silhouette: 0.36 }, { k: 5, inertia: 7, silhouette: 0.31 }], recommendedK: 4, reason: '4 segments.' }).reason // '4 segments. An RFM run compares 4–5 segments, not 2 or 3: …'
 */
export function rfmChooseKReason(result: ChooseKResult): ChooseKResult {
  const ks = result.candidates.map((row) => row.k);
  if (ks.length === 0 || ks[0] !== RFM_AUTO_K.min) return result;
  const range = `${ks[0]}–${ks[ks.length - 1]}`;
  return {
    ...result,
    reason: `${result.reason} An RFM run compares ${range} segments, not 2 or 3: the RFM map needs at least four groups to tell Champions from At Risk, New and Hibernating customers, and more than ${RFM_AUTO_K.max} is more than a campaign plan uses.`,
  };
}
