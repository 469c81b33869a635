/**
 * How good the chosen clustering is, as the Run reports it: inertia and the silhouette (taken from
 * choose-k's candidate row when k was 'auto', so the two always agree).
 */

import { silhouette } from '../cluster/silhouette';
import { round } from '../format';
import type { ClusterStageResult } from './cluster-and-choose-k';

/**
 * The Run's quality block.
 * @example measureQuality(200, clustered, 1).silhouette // 0.5547
 */
export function measureQuality(
  n: number,
  clustered: ClusterStageResult,
  seed: number,
): { inertia: number; silhouette: number | null } {
  const { k, clustering } = clustered;
  const score =
    clustered.chooseK?.candidates.find((row) => row.k === k)?.silhouette ??
    (k >= 2 ? silhouette(n, clustering.labels, k, clustered.distance, { seed }) : null);
  return {
    inertia: clustering.inertia,
    silhouette: score === null ? null : round(score, 4),
  };
}
