/**
 * The silhouette coefficient: for each point, (b − a) / max(a, b), where a is its mean distance to
 * its own cluster and b to the nearest other cluster; averaged over points. 1 means well separated,
 * 0 overlapping. Exact up to `sampleSize` points, on a seeded sample above (O(m²) either way).
 */
import { createRandom, sampleIndices } from './random';

/** Distance between points i and j of the data (not squared). */
export type PairDistance = (i: number, j: number) => number;

export interface SilhouetteOptions {
  /** Points used at most; above it a seeded uniform sample. Default 5,000. */
  sampleSize?: number;
  /** Default 1. */
  seed?: number;
}

/**
 * Mean silhouette of a labelling, or null when it is undefined (one cluster, or every point alone).
 * @example silhouette(4, Int32Array.from([0, 0, 1, 1]), 2, (i, j) => Math.abs(xs[i] - xs[j]))
 */
export function silhouette(
  n: number,
  labels: Int32Array,
  k: number,
  distance: PairDistance,
  options: SilhouetteOptions = {},
): number | null {
  if (k < 2 || n < 3) return null;
  const sample = sampleIndices(createRandom(options.seed ?? 1), n, options.sampleSize ?? 5_000);
  const m = sample.length;
  const sampleLabels = new Int32Array(m);
  const clusterSizes = new Int32Array(k);
  for (let s = 0; s < m; s++) {
    sampleLabels[s] = labels[sample[s]];
    clusterSizes[sampleLabels[s]]++;
  }
  if (clusterSizes.filter((size) => size > 0).length < 2) return null;
  // Sum of distances from each sampled point to each cluster, filled pairwise (each pair once).
  const sums = new Float64Array(m * k);
  for (let s = 0; s < m; s++) {
    const i = sample[s];
    for (let t = s + 1; t < m; t++) {
      const value = distance(i, sample[t]);
      sums[s * k + sampleLabels[t]] += value;
      sums[t * k + sampleLabels[s]] += value;
    }
  }
  let total = 0;
  for (let s = 0; s < m; s++) {
    const own = sampleLabels[s];
    // A point alone in its cluster scores 0 (scikit-learn's convention).
    if (clusterSizes[own] <= 1) continue;
    const a = sums[s * k + own] / (clusterSizes[own] - 1);
    let b = Number.POSITIVE_INFINITY;
    for (let j = 0; j < k; j++) {
      if (j === own || clusterSizes[j] === 0) continue;
      const mean = sums[s * k + j] / clusterSizes[j];
      if (mean < b) b = mean;
    }
    const denominator = Math.max(a, b);
    total += denominator > 0 ? (b - a) / denominator : 0;
  }
  return total / m;
}

/** Euclidean distance between rows i and j of an n × d row-major matrix. */
export function euclideanPairDistance(points: Float64Array, d: number): PairDistance {
  return (i, j) => {
    let sum = 0;
    const a = i * d;
    const b = j * d;
    for (let f = 0; f < d; f++) {
      const delta = points[a + f] - points[b + f];
      sum += delta * delta;
    }
    return Math.sqrt(sum);
  };
}
