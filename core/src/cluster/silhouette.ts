/**
 * The silhouette coefficient: for each point, (b − a) / max(a, b), where a is its mean distance to
 * its own cluster and b to the nearest other cluster; averaged over points. 1 means well separated,
 * 0 overlapping. Exact up to `sampleSize` points, on a seeded sample above (O(m²) either way).
 *
 * The two spaces the product clusters in (Euclidean on scaled numbers, and k-prototypes' mixed cost)
 * have dedicated kernels: the sampled rows are copied column by column into small arrays, and each
 * point's distances to all later points are built one feature at a time in a tight loop, which runs
 * several times faster in JavaScript than calling a distance closure per pair.
 */
import { createRandom, sampleIndices } from './random';

/** Distance between points i and j of the data (not squared). */
export type PairDistance = (i: number, j: number) => number;

/**
 * The space the points live in, described as data so the silhouette can use a specialised kernel.
 * - euclidean: n × d row-major points.
 * - mixed: k-prototypes' distance, √(squared Euclidean on numeric + gamma × categorical mismatches).
 */
export type DistanceSpace =
  | { kind: 'euclidean'; points: Float64Array; d: number }
  | {
      kind: 'mixed';
      /** n × numericCount, row-major. */
      numeric: Float64Array;
      numericCount: number;
      /** n × categoricalCount category codes. */
      categorical: Int32Array;
      categoricalCount: number;
      /** Cost of one categorical mismatch (added to the squared distance). */
      gamma: number;
    };

export interface SilhouetteOptions {
  /** Points used at most; above it a seeded uniform sample. Default 5,000. */
  sampleSize?: number;
  /** Default 1. */
  seed?: number;
}

/**
 * Mean silhouette of a labelling, or null when it is undefined (one cluster, or every point alone).
 * @param distance a pair-distance function, or (much faster) a {@link DistanceSpace}
 * @example round(silhouette(4, Int32Array.from([0, 0, 1, 1]), 2, (i, j) => Math.abs([0, 1, 10, 11][i] - [0, 1, 10, 11][j])), 4) // 0.8997
 */
export function silhouette(
  n: number,
  labels: Int32Array,
  k: number,
  distance: PairDistance | DistanceSpace,
  options: SilhouetteOptions = {},
): number | null {
  if (k < 2 || n < 3) return null;
  return silhouetteScorer(n, distance, { ...options, cachePairs: false }).score(labels, k);
}

export interface SilhouetteScorerOptions extends SilhouetteOptions {
  /**
   * Keep the sampled pairs' distances (4 bytes per pair, at most {@link MAX_CACHED_PAIRS}) so that
   * scoring many labellings of the same points costs one distance pass. Default true.
   */
  cachePairs?: boolean;
}

/** Largest number of pair distances a scorer keeps (5,000 sampled points: about 50 MB). */
export const MAX_CACHED_PAIRS = 12_497_500;

/** Scores labellings of one fixed set of points (same sample every time). */
export interface SilhouetteScorer {
  /** Mean silhouette of `labels` (k clusters), or null when undefined. */
  score(labels: Int32Array, k: number): number | null;
}

/**
 * A silhouette scorer for many labellings of the same points, as choose-k needs: the seeded sample
 * is drawn once and, with `cachePairs`, its pairwise distances are computed once.
 * @example round(silhouetteScorer(n, { kind: 'euclidean', points, d }).score(clustering.labels, 5), 4) // 0.5547
 */
export function silhouetteScorer(
  n: number,
  distance: PairDistance | DistanceSpace,
  options: SilhouetteScorerOptions = {},
): SilhouetteScorer {
  const sample = sampleIndices(createRandom(options.seed ?? 1), n, options.sampleSize ?? 5_000);
  const m = sample.length;
  const pairs = (m * (m - 1)) / 2;
  const rows = typeof distance === 'function' ? functionRows(sample, distance) : spaceRows(sample, distance);
  let cache: Float32Array | undefined;
  const sampleLabels = new Int32Array(m);
  return {
    score(labels: Int32Array, k: number): number | null {
      if (k < 2 || n < 3) return null;
      const clusterSizes = new Int32Array(k);
      for (let s = 0; s < m; s++) {
        sampleLabels[s] = labels[sample[s]];
        clusterSizes[sampleLabels[s]]++;
      }
      if (clusterSizes.filter((size) => size > 0).length < 2) return null;
      if (!cache && (options.cachePairs ?? true) && pairs <= MAX_CACHED_PAIRS) {
        cache = new Float32Array(pairs);
        let offset = 0;
        for (let s = 0; s < m - 1; s++) {
          const row = rows(s);
          for (let t = s + 1; t < m; t++) cache[offset++] = row[t];
        }
      }
      const sums = cache
        ? pairSumsFromCache(cache, sampleLabels, k)
        : pairSumsFromRows(rows, sampleLabels, k);
      return meanSilhouette(sums, sampleLabels, clusterSizes, k);
    },
  };
}

/** Sum of distances from each sampled point to each cluster, each pair visited once. */
function pairSumsFromRows(rows: RowDistances, sampleLabels: Int32Array, k: number): Float64Array {
  const m = sampleLabels.length;
  const sums = new Float64Array(m * k);
  for (let s = 0; s < m - 1; s++) {
    const row = rows(s);
    const ownBase = s * k;
    const ownLabel = sampleLabels[s];
    for (let t = s + 1; t < m; t++) {
      const value = row[t];
      sums[ownBase + sampleLabels[t]] += value;
      sums[t * k + ownLabel] += value;
    }
  }
  return sums;
}

function pairSumsFromCache(cache: Float32Array, sampleLabels: Int32Array, k: number): Float64Array {
  const m = sampleLabels.length;
  const sums = new Float64Array(m * k);
  let offset = 0;
  for (let s = 0; s < m - 1; s++) {
    const ownBase = s * k;
    const ownLabel = sampleLabels[s];
    for (let t = s + 1; t < m; t++) {
      const value = cache[offset++];
      sums[ownBase + sampleLabels[t]] += value;
      sums[t * k + ownLabel] += value;
    }
  }
  return sums;
}

function meanSilhouette(
  sums: Float64Array,
  sampleLabels: Int32Array,
  clusterSizes: Int32Array,
  k: number,
): number {
  const m = sampleLabels.length;
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

/** rows(s)[t] = distance between sampled points s and t, valid for t > s (one shared buffer). */
type RowDistances = (s: number) => Float64Array;

function functionRows(sample: number[], distance: PairDistance): RowDistances {
  const m = sample.length;
  const row = new Float64Array(m);
  return (s) => {
    const i = sample[s];
    for (let t = s + 1; t < m; t++) row[t] = distance(i, sample[t]);
    return row;
  };
}

/**
 * Rows for a described space: the sampled rows are gathered into small contiguous arrays, then a
 * point's distances to all later points are computed four at a time (four running sums in
 * registers, each coordinate of the point read once per group).
 */
function spaceRows(sample: number[], space: DistanceSpace): RowDistances {
  const m = sample.length;
  const p = space.kind === 'euclidean' ? space.d : space.numericCount;
  const numericRows = space.kind === 'euclidean' ? space.points : space.numeric;
  const q = space.kind === 'mixed' ? space.categoricalCount : 0;
  const gamma = space.kind === 'mixed' ? space.gamma : 0;
  const numeric = new Float64Array(m * p);
  for (let s = 0; s < m; s++) numeric.set(numericRows.subarray(sample[s] * p, sample[s] * p + p), s * p);
  const categorical = new Int32Array(m * q);
  if (space.kind === 'mixed')
    for (let s = 0; s < m; s++)
      categorical.set(space.categorical.subarray(sample[s] * q, sample[s] * q + q), s * q);
  const row = new Float64Array(m);
  return (s) => {
    const a = s * p;
    const b = s * q;
    let t = s + 1;
    for (; t + 3 < m; t += 4) {
      let s0 = 0;
      let s1 = 0;
      let s2 = 0;
      let s3 = 0;
      const o = t * p;
      for (let f = 0; f < p; f++) {
        const x = numeric[a + f];
        const d0 = x - numeric[o + f];
        const d1 = x - numeric[o + p + f];
        const d2 = x - numeric[o + 2 * p + f];
        const d3 = x - numeric[o + 3 * p + f];
        s0 += d0 * d0;
        s1 += d1 * d1;
        s2 += d2 * d2;
        s3 += d3 * d3;
      }
      if (q > 0) {
        // Branch-free mismatch count ((x | −x) >>> 31 is 1 for any non-zero x): categories differ
        // unpredictably, and mispredicted branches would cost more than the arithmetic.
        let m0 = 0;
        let m1 = 0;
        let m2 = 0;
        let m3 = 0;
        const c = t * q;
        for (let f = 0; f < q; f++) {
          const code = categorical[b + f];
          const x0 = categorical[c + f] ^ code;
          const x1 = categorical[c + q + f] ^ code;
          const x2 = categorical[c + 2 * q + f] ^ code;
          const x3 = categorical[c + 3 * q + f] ^ code;
          m0 += (x0 | -x0) >>> 31;
          m1 += (x1 | -x1) >>> 31;
          m2 += (x2 | -x2) >>> 31;
          m3 += (x3 | -x3) >>> 31;
        }
        s0 += gamma * m0;
        s1 += gamma * m1;
        s2 += gamma * m2;
        s3 += gamma * m3;
      }
      row[t] = Math.sqrt(s0);
      row[t + 1] = Math.sqrt(s1);
      row[t + 2] = Math.sqrt(s2);
      row[t + 3] = Math.sqrt(s3);
    }
    for (; t < m; t++) {
      let sum = 0;
      for (let f = 0; f < p; f++) {
        const delta = numeric[a + f] - numeric[t * p + f];
        sum += delta * delta;
      }
      let mismatches = 0;
      for (let f = 0; f < q; f++) {
        const difference = categorical[t * q + f] ^ categorical[b + f];
        mismatches += (difference | -difference) >>> 31;
      }
      row[t] = Math.sqrt(sum + gamma * mismatches);
    }
    return row;
  };
}

/**
 * Euclidean distance between rows i and j of an n × d row-major matrix.
 * @example euclideanPairDistance(Float64Array.from([0, 0, 3, 4]), 2)(0, 1) // 5
 */
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

/**
 * The distance a {@link DistanceSpace} describes, as a pair function (for callers that need one).
 * @example distanceOf({ kind: 'euclidean', points: Float64Array.from([0, 0, 3, 4]), d: 2 })(0, 1) // 5
 */
export function distanceOf(space: DistanceSpace): PairDistance {
  if (space.kind === 'euclidean') return euclideanPairDistance(space.points, space.d);
  const { numeric, numericCount: p, categorical, categoricalCount: q, gamma } = space;
  return (i, j) => {
    let sum = 0;
    for (let f = 0; f < p; f++) {
      const delta = numeric[i * p + f] - numeric[j * p + f];
      sum += delta * delta;
    }
    for (let f = 0; f < q; f++) if (categorical[i * q + f] !== categorical[j * q + f]) sum += gamma;
    return Math.sqrt(sum);
  };
}
