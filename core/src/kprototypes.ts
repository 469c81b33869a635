/**
 * k-prototypes (Huang 1997) for mixed data, as the Python kmodes package defines it: the cost of a
 * point against a prototype is the squared Euclidean distance on numeric features plus gamma times
 * the number of categorical mismatches. Prototypes are means (numeric) and modes (categorical).
 * Seeding is k-means++-style on that cost; restarts keep the lowest total cost.
 */
import { SegmentationError } from './errors';
import { createRandom, deriveSeed, type Random } from './random';

export interface MixedData {
  n: number;
  /** n × numericCount, row-major, already scaled. */
  numeric: Float64Array;
  numericCount: number;
  /** n × categoricalCount category codes. */
  categorical: Int32Array;
  categoricalCount: number;
  /** Number of categories of each categorical feature. */
  categoryCounts: number[];
}

export interface KPrototypesOptions {
  /** Default 1. */
  seed?: number;
  /** Default 10. */
  restarts?: number;
  /** Default 100. */
  maxIterations?: number;
  /** Weight of one mismatch; default {@link defaultGamma}. */
  gamma?: number;
  onRestart?: (finished: number, total: number) => void;
}

export interface KPrototypesResult {
  labels: Int32Array;
  /** k × numericCount means. */
  numericCentroids: Float64Array;
  /** k × categoricalCount mode codes. */
  categoricalCentroids: Int32Array;
  /** Total cost: Σ squared numeric distance + gamma × mismatches. */
  cost: number;
  gamma: number;
  iterations: number;
  sizes: Int32Array;
}

/**
 * gamma = 0.5 × the mean standard deviation of the numeric features (kmodes' default); 1 when there
 * are none (pure k-modes), so a mismatch still costs something.
 * @example defaultGamma(data) // 0.5 for z-scored features
 */
export function defaultGamma(data: MixedData): number {
  if (data.numericCount === 0) return 1;
  let total = 0;
  for (let f = 0; f < data.numericCount; f++) {
    let mean = 0;
    for (let i = 0; i < data.n; i++) mean += data.numeric[i * data.numericCount + f];
    mean /= data.n;
    let variance = 0;
    for (let i = 0; i < data.n; i++) {
      const delta = data.numeric[i * data.numericCount + f] - mean;
      variance += delta * delta;
    }
    total += Math.sqrt(variance / data.n);
  }
  return 0.5 * (total / data.numericCount) || 1;
}

/**
 * Clusters mixed numeric/categorical data into k groups.
 * @throws SegmentationError INVALID_OPTION when k is not a whole number in 1..n
 * @example kprototypes(data, 4, { seed: 1 }).sizes
 */
export function kprototypes(data: MixedData, k: number, options: KPrototypesOptions = {}): KPrototypesResult {
  if (!Number.isInteger(k) || k < 1 || k > data.n) {
    throw new SegmentationError(
      'INVALID_OPTION',
      `k must be a whole number from 1 to ${data.n} (the number of rows); got ${k}`,
      { field: 'k' },
    );
  }
  const gamma = options.gamma ?? defaultGamma(data);
  const restarts = Math.max(1, options.restarts ?? 10);
  let best: KPrototypesResult | undefined;
  for (let restart = 0; restart < restarts; restart++) {
    const random = createRandom(deriveSeed(options.seed ?? 1, restart));
    const result = runOnce(data, k, gamma, options.maxIterations ?? 100, random);
    if (!best || result.cost < best.cost) best = result;
    options.onRestart?.(restart + 1, restarts);
  }
  return best as KPrototypesResult;
}

/** Cost of point i against prototype j. */
export function mixedCost(
  data: MixedData,
  i: number,
  numericCentroids: Float64Array,
  categoricalCentroids: Int32Array,
  j: number,
  gamma: number,
): number {
  const p = data.numericCount;
  const q = data.categoricalCount;
  let cost = 0;
  for (let f = 0; f < p; f++) {
    const delta = data.numeric[i * p + f] - numericCentroids[j * p + f];
    cost += delta * delta;
  }
  let mismatches = 0;
  for (let f = 0; f < q; f++)
    if (data.categorical[i * q + f] !== categoricalCentroids[j * q + f]) mismatches++;
  return cost + gamma * mismatches;
}

function runOnce(
  data: MixedData,
  k: number,
  gamma: number,
  maxIterations: number,
  random: Random,
): KPrototypesResult {
  const { n, numericCount: p, categoricalCount: q } = data;
  const numericCentroids = new Float64Array(k * p);
  const categoricalCentroids = new Int32Array(k * q);
  // Seeding: k-means++ on the mixed cost, so prototypes start spread out.
  const closest = new Float64Array(n).fill(Number.POSITIVE_INFINITY);
  let chosen = Math.floor(random() * n);
  for (let c = 0; c < k; c++) {
    numericCentroids.set(data.numeric.subarray(chosen * p, chosen * p + p), c * p);
    categoricalCentroids.set(data.categorical.subarray(chosen * q, chosen * q + q), c * q);
    if (c === k - 1) break;
    let total = 0;
    for (let i = 0; i < n; i++) {
      const cost = mixedCost(data, i, numericCentroids, categoricalCentroids, c, gamma);
      if (cost < closest[i]) closest[i] = cost;
      total += closest[i];
    }
    let target = random() * total;
    chosen = Math.floor(random() * n);
    if (total > 0) {
      for (let i = 0; i < n; i++) {
        target -= closest[i];
        if (target < 0) {
          chosen = i;
          break;
        }
      }
    }
  }
  const labels = new Int32Array(n).fill(-1);
  const sizes = new Int32Array(k);
  const sums = new Float64Array(k * p);
  const maxCategories = Math.max(1, ...data.categoryCounts);
  const counts = new Int32Array(k * q * maxCategories);
  let iterations = 0;
  let cost = 0;
  for (; iterations < maxIterations; iterations++) {
    let changes = 0;
    cost = 0;
    for (let i = 0; i < n; i++) {
      let best = Number.POSITIVE_INFINITY;
      let bestCluster = 0;
      for (let j = 0; j < k; j++) {
        const value = mixedCost(data, i, numericCentroids, categoricalCentroids, j, gamma);
        if (value < best) {
          best = value;
          bestCluster = j;
        }
      }
      if (labels[i] !== bestCluster) changes++;
      labels[i] = bestCluster;
      cost += best;
    }
    if (changes === 0) break;
    // Prototypes: numeric means and categorical modes of their points.
    sizes.fill(0);
    sums.fill(0);
    counts.fill(0);
    for (let i = 0; i < n; i++) {
      const j = labels[i];
      sizes[j]++;
      for (let f = 0; f < p; f++) sums[j * p + f] += data.numeric[i * p + f];
      for (let f = 0; f < q; f++) counts[(j * q + f) * maxCategories + data.categorical[i * q + f]]++;
    }
    for (let j = 0; j < k; j++) {
      if (sizes[j] === 0) continue; // an empty prototype keeps its place and may win points back
      for (let f = 0; f < p; f++) numericCentroids[j * p + f] = sums[j * p + f] / sizes[j];
      for (let f = 0; f < q; f++) {
        let bestCode = categoricalCentroids[j * q + f];
        let bestCount = -1;
        for (let c = 0; c < data.categoryCounts[f]; c++) {
          const count = counts[(j * q + f) * maxCategories + c];
          if (count > bestCount) {
            bestCount = count;
            bestCode = c;
          }
        }
        categoricalCentroids[j * q + f] = bestCode;
      }
    }
  }
  sizes.fill(0);
  for (let i = 0; i < n; i++) sizes[labels[i]]++;
  return { labels, numericCentroids, categoricalCentroids, cost, gamma, iterations, sizes };
}
