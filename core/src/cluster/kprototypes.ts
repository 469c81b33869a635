/**
 * k-prototypes (Huang 1997) for mixed data, as the Python kmodes package defines it: the cost of a
 * point against a prototype is the squared Euclidean distance on numeric features plus gamma times
 * the number of categorical mismatches. Prototypes are means (numeric) and modes (categorical).
 * Seeding is k-means++-style on that cost; restarts keep the lowest total cost.
 */
import { SegmentationError } from '../schema/errors';
import { maxOf } from '../table/extent';
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
  /**
   * Index of the first restart (default 0): restarts are numbered and each has its own seed, so
   * `{ restarts: 3 }` then `{ restarts: 7, firstRestart: 3 }` together try exactly the starts of
   * `{ restarts: 10 }` (choose-k uses this to give only the winning k the full restarts).
   */
  firstRestart?: number;
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
 * @example round(defaultGamma(data), 6) // 0.5 — for z-scored features
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
 * @example kprototypes(data, 4, { seed: 1 }).sizes // Int32Array [40, 66, 60, 34]
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
    const random = createRandom(deriveSeed(options.seed ?? 1, (options.firstRestart ?? 0) + restart));
    const result = runOnce(data, k, gamma, options.maxIterations ?? 100, random);
    if (!best || result.cost < best.cost) best = result;
    options.onRestart?.(restart + 1, restarts);
  }
  return best as KPrototypesResult;
}

/**
 * Cost of point i against prototype j.
 * @example mixedCost({ n: 1, numeric: Float64Array.from([1, 2]), numericCount: 2, categorical: Int32Array.from([1]), categoricalCount: 1, categoryCounts: [2] }, 0, Float64Array.from([0, 0]), Int32Array.from([0]), 0, 0.5) // 5.5 — 1² + 2² + 0.5 × 1 mismatch
 */
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

/** Cost between prototype a of `aNumeric`/`aCategorical` and prototype b of the same or other arrays. */
function prototypeCost(
  aNumeric: Float64Array,
  aCategorical: Int32Array,
  a: number,
  bNumeric: Float64Array,
  bCategorical: Int32Array,
  b: number,
  p: number,
  q: number,
  gamma: number,
): number {
  let cost = 0;
  for (let f = 0; f < p; f++) {
    const delta = aNumeric[a * p + f] - bNumeric[b * p + f];
    cost += delta * delta;
  }
  let mismatches = 0;
  for (let f = 0; f < q; f++) if (aCategorical[a * q + f] !== bCategorical[b * q + f]) mismatches++;
  return cost + gamma * mismatches;
}

/**
 * One k-prototypes run: seeding, then Lloyd-style rounds (assign every point to its cheapest
 * prototype, move prototypes to means and modes) until no point moves.
 *
 * Why Hamerly's bounds are exact here: √cost is a Euclidean distance once each categorical feature
 * is one-hot encoded and scaled by √(gamma / 2) (a mismatch then differs in two coordinates, adding
 * gamma), and a mode is such a one-hot point. So the triangle inequality holds for √cost, between
 * points and prototypes alike, and a point whose bound shows no other prototype can be cheaper is
 * skipped. Cluster sums and category counts follow the points that move.
 */
function runOnce(
  data: MixedData,
  k: number,
  gamma: number,
  maxIterations: number,
  random: Random,
): KPrototypesResult {
  const { n, numericCount: p, categoricalCount: q, numeric, categorical } = data;
  const numericCentroids = new Float64Array(k * p);
  const categoricalCentroids = new Int32Array(k * q);
  // Seeding: k-means++ on the mixed cost, so prototypes start spread out.
  const closest = new Float64Array(n).fill(Number.POSITIVE_INFINITY);
  let chosen = Math.floor(random() * n);
  for (let c = 0; c < k; c++) {
    numericCentroids.set(numeric.subarray(chosen * p, chosen * p + p), c * p);
    categoricalCentroids.set(categorical.subarray(chosen * q, chosen * q + q), c * q);
    if (c === k - 1) break;
    let total = 0;
    for (let i = 0; i < n; i++) {
      const cost = prototypeCost(
        numeric,
        categorical,
        i,
        numericCentroids,
        categoricalCentroids,
        c,
        p,
        q,
        gamma,
      );
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
  const labels = new Int32Array(n);
  const upper = new Float64Array(n);
  const lower = new Float64Array(n);
  const sizes = new Int32Array(k);
  const sums = new Float64Array(k * p);
  const maxCategories = maxOf(data.categoryCounts, 1);
  const counts = new Int32Array(k * q * maxCategories);
  const previousNumeric = new Float64Array(k * p);
  const previousCategorical = new Int32Array(k * q);
  const shift = new Float64Array(k);
  const halfGap = new Float64Array(k);
  for (let i = 0; i < n; i++)
    assignFully(data, i, k, numericCentroids, categoricalCentroids, gamma, labels, upper, lower);
  for (let i = 0; i < n; i++) {
    const j = labels[i];
    sizes[j]++;
    for (let f = 0; f < p; f++) sums[j * p + f] += numeric[i * p + f];
    for (let f = 0; f < q; f++) counts[(j * q + f) * maxCategories + categorical[i * q + f]]++;
  }
  let iterations = 0;
  while (iterations < maxIterations) {
    iterations++;
    // Prototypes: numeric means and categorical modes of their points.
    previousNumeric.set(numericCentroids);
    previousCategorical.set(categoricalCentroids);
    for (let j = 0; j < k; j++) {
      if (sizes[j] === 0) continue; // an empty prototype keeps its place and may win points back
      for (let f = 0; f < p; f++) numericCentroids[j * p + f] = sums[j * p + f] / sizes[j];
      for (let f = 0; f < q; f++) {
        let bestCode = categoricalCentroids[j * q + f];
        let bestCount = -1;
        const base = (j * q + f) * maxCategories;
        for (let c = 0; c < data.categoryCounts[f]; c++) {
          if (counts[base + c] > bestCount) {
            bestCount = counts[base + c];
            bestCode = c;
          }
        }
        categoricalCentroids[j * q + f] = bestCode;
      }
    }
    let maxShift = 0;
    let secondShift = 0;
    let maxShiftCluster = -1;
    for (let j = 0; j < k; j++) {
      shift[j] = Math.sqrt(
        prototypeCost(
          numericCentroids,
          categoricalCentroids,
          j,
          previousNumeric,
          previousCategorical,
          j,
          p,
          q,
          gamma,
        ),
      );
      if (shift[j] > maxShift) {
        secondShift = maxShift;
        maxShift = shift[j];
        maxShiftCluster = j;
      } else if (shift[j] > secondShift) secondShift = shift[j];
    }
    for (let j = 0; j < k; j++) {
      let nearest = Number.POSITIVE_INFINITY;
      for (let other = 0; other < k; other++) {
        if (other === j) continue;
        const cost = prototypeCost(
          numericCentroids,
          categoricalCentroids,
          j,
          numericCentroids,
          categoricalCentroids,
          other,
          p,
          q,
          gamma,
        );
        if (cost < nearest) nearest = cost;
      }
      halfGap[j] = 0.5 * Math.sqrt(nearest);
    }
    let changes = 0;
    for (let i = 0; i < n; i++) {
      const label = labels[i];
      const upperBound = upper[i] + shift[label];
      const lowerBound = lower[i] - (label === maxShiftCluster ? secondShift : maxShift);
      lower[i] = lowerBound;
      const bound = Math.max(halfGap[label], lowerBound);
      if (upperBound <= bound) {
        upper[i] = upperBound;
        continue;
      }
      const exact = Math.sqrt(
        prototypeCost(numeric, categorical, i, numericCentroids, categoricalCentroids, label, p, q, gamma),
      );
      upper[i] = exact;
      if (exact <= bound) continue;
      assignFully(data, i, k, numericCentroids, categoricalCentroids, gamma, labels, upper, lower);
      const moved = labels[i];
      if (moved === label) continue;
      changes++;
      sizes[label]--;
      sizes[moved]++;
      for (let f = 0; f < p; f++) {
        sums[label * p + f] -= numeric[i * p + f];
        sums[moved * p + f] += numeric[i * p + f];
      }
      for (let f = 0; f < q; f++) {
        const code = categorical[i * q + f];
        counts[(label * q + f) * maxCategories + code]--;
        counts[(moved * q + f) * maxCategories + code]++;
      }
    }
    if (changes === 0) break;
  }
  let cost = 0;
  for (let i = 0; i < n; i++)
    cost += prototypeCost(
      numeric,
      categorical,
      i,
      numericCentroids,
      categoricalCentroids,
      labels[i],
      p,
      q,
      gamma,
    );
  return { labels, numericCentroids, categoricalCentroids, cost, gamma, iterations, sizes };
}

/** Cheapest prototype of point i (the lowest index on ties), with Hamerly's bounds in √cost. */
function assignFully(
  data: MixedData,
  i: number,
  k: number,
  numericCentroids: Float64Array,
  categoricalCentroids: Int32Array,
  gamma: number,
  labels: Int32Array,
  upper: Float64Array,
  lower: Float64Array,
): void {
  const { numericCount: p, categoricalCount: q, numeric, categorical } = data;
  let best = Number.POSITIVE_INFINITY;
  let second = Number.POSITIVE_INFINITY;
  let bestCluster = 0;
  const a = i * p;
  const b = i * q;
  for (let j = 0; j < k; j++) {
    let cost = 0;
    const c = j * p;
    for (let f = 0; f < p; f++) {
      const delta = numeric[a + f] - numericCentroids[c + f];
      cost += delta * delta;
    }
    let mismatches = 0;
    const e = j * q;
    for (let f = 0; f < q; f++) {
      const difference = categorical[b + f] ^ categoricalCentroids[e + f];
      mismatches += (difference | -difference) >>> 31;
    }
    cost += gamma * mismatches;
    if (cost < best) {
      second = best;
      best = cost;
      bestCluster = j;
    } else if (cost < second) second = cost;
  }
  labels[i] = bestCluster;
  upper[i] = Math.sqrt(best);
  lower[i] = Math.sqrt(second);
}
