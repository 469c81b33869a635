/**
 * Profiles of every segment in original units: size and share, a centroid a person can read (the
 * numeric means, the most common category), and per feature its level against the population.
 */
import { round } from '../format';
import { profileSegment } from '../personas/personas';
import type { ProfileEntry } from '../schema/run';
import type { Clustering } from './cluster-and-choose-k';
import type { FeatureMatrix } from './feature-matrix';
import type { SegmentOrder } from './order-segments';

/** A segment before it has a persona. */
export interface SegmentProfile {
  index: number;
  size: number;
  share: number;
  centroid: Record<string, number | string>;
  profile: ProfileEntry[];
}

/**
 * Profiles the segments of a clustering, in segment order.
 * @example profileSegments(matrix, clustering, orderSegmentsBySize(clustering.sizes))[0].size // 81
 */
export function profileSegments(
  matrix: FeatureMatrix,
  clustering: Clustering,
  segmentOrder: SegmentOrder,
): SegmentProfile[] {
  const k = clustering.sizes.length;
  const p = matrix.numericCount;
  const q = matrix.categoricalCount;
  const categoricalFeatures = matrix.features.filter((feature) => feature.kind === 'categorical');
  const sums = new Float64Array(k * p);
  const counts = categoricalFeatures.map((feature) => new Int32Array(k * (feature.categories?.length ?? 0)));
  for (let i = 0; i < matrix.n; i++) {
    const label = clustering.labels[i];
    for (let f = 0; f < p; f++) sums[label * p + f] += matrix.numericOriginal[i * p + f];
    for (let f = 0; f < q; f++)
      counts[f][label * (categoricalFeatures[f].categories?.length ?? 0) + matrix.categorical[i * q + f]]++;
  }
  return segmentOrder.labelsBySize.map((label, index) => {
    const size = clustering.sizes[label];
    const numericMeans = Array.from({ length: p }, (_, f) =>
      size > 0 ? sums[label * p + f] / size : (matrix.features[f].mean ?? 0),
    );
    const categoricalTops = categoricalFeatures.map((feature, f) => {
      const categories = feature.categories ?? [];
      let best = 0;
      for (let c = 1; c < categories.length; c++)
        if (counts[f][label * categories.length + c] > counts[f][label * categories.length + best]) best = c;
      return {
        top: categories[best] ?? '',
        topShare: size > 0 ? counts[f][label * categories.length + best] / size : 0,
      };
    });
    const share = size / matrix.n;
    const facts = { index, size, share, numericMeans, categoricalTops };
    const centroid: Record<string, number | string> = {};
    matrix.features.forEach((feature, f) => {
      centroid[feature.name] =
        feature.kind === 'numeric' ? round(numericMeans[f], 4) : categoricalTops[f - p].top;
    });
    return { index, size, share: round(share, 6), centroid, profile: profileSegment(matrix.features, facts) };
  });
}
