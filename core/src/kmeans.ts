/**
 * k-means on a flat row-major Float64Array: greedy k-means++ seeding (as scikit-learn does it: 2 + ⌊ln k⌋
 * candidates per centre, keep the one that lowers the potential most), then Lloyd iterations with
 * Hamerly's bounds, which skip most distance computations once centres settle. Restarts keep the
 * lowest inertia. No allocation per point; everything is seeded.
 *
 * Empty-cluster policy: a centre left without points moves to the point farthest from its own
 * centre (the worst-served customer), as scikit-learn relocates empty clusters to far points.
 */
import { SegmentationError } from './errors';
import { createRandom, deriveSeed, type Random } from './random';

export interface KMeansOptions {
  /** Default 1. */
  seed?: number;
  /** Independent k-means++ starts; the lowest inertia wins. Default 10. */
  restarts?: number;
  /** Default 300 (scikit-learn's). */
  maxIterations?: number;
  /** Stop when the centres' total squared shift ≤ tolerance × mean feature variance. Default 1e-4. */
  tolerance?: number;
  /** Called after each restart with (finished, total). */
  onRestart?: (finished: number, total: number) => void;
}

export interface KMeansResult {
  /** Cluster of each point, 0..k−1. */
  labels: Int32Array;
  /** k × d centres, row-major. */
  centroids: Float64Array;
  /** Sum of squared distances from each point to its centre. */
  inertia: number;
  /** Lloyd iterations of the winning restart. */
  iterations: number;
  /** Points per cluster. */
  sizes: Int32Array;
}

/**
 * Clusters n points of dimension d into k groups.
 * @param points n × d values, row-major
 * @throws SegmentationError INVALID_OPTION when k is not a whole number in 1..n
 * @example kmeans(Float64Array.from([0, 0, 0, 1, 9, 9, 9, 8]), 4, 2, 2).sizes // Int32Array [2, 2]
 */
export function kmeans(
  points: Float64Array,
  n: number,
  d: number,
  k: number,
  options: KMeansOptions = {},
): KMeansResult {
  if (!Number.isInteger(k) || k < 1 || k > n) {
    throw new SegmentationError(
      'INVALID_OPTION',
      `k must be a whole number from 1 to ${n} (the number of rows); got ${k}`,
      { field: 'k' },
    );
  }
  const seed = options.seed ?? 1;
  const restarts = Math.max(1, options.restarts ?? 10);
  const maxIterations = options.maxIterations ?? 300;
  const tolerance = (options.tolerance ?? 1e-4) * meanVariance(points, n, d);
  let best: KMeansResult | undefined;
  for (let restart = 0; restart < restarts; restart++) {
    const random = createRandom(deriveSeed(seed, restart));
    const centroids = kmeansPlusPlus(points, n, d, k, random);
    const result = lloydHamerly(points, n, d, k, centroids, maxIterations, tolerance);
    if (!best || result.inertia < best.inertia) best = result;
    options.onRestart?.(restart + 1, restarts);
  }
  return best as KMeansResult;
}

/** Mean over features of the population variance (scikit-learn scales its tolerance by it). */
function meanVariance(points: Float64Array, n: number, d: number): number {
  let total = 0;
  for (let f = 0; f < d; f++) {
    let mean = 0;
    for (let i = 0; i < n; i++) mean += points[i * d + f];
    mean /= n;
    let variance = 0;
    for (let i = 0; i < n; i++) {
      const delta = points[i * d + f] - mean;
      variance += delta * delta;
    }
    total += variance / n;
  }
  return total / d;
}

function squaredDistance(
  points: Float64Array,
  i: number,
  centres: Float64Array,
  j: number,
  d: number,
): number {
  let sum = 0;
  const a = i * d;
  const b = j * d;
  for (let f = 0; f < d; f++) {
    const delta = points[a + f] - centres[b + f];
    sum += delta * delta;
  }
  return sum;
}

/**
 * Greedy k-means++ seeding: each new centre is the best of 2 + ⌊ln k⌋ candidates drawn with
 * probability proportional to the squared distance to the nearest centre so far.
 * @returns k × d initial centres
 */
export function kmeansPlusPlus(
  points: Float64Array,
  n: number,
  d: number,
  k: number,
  random: Random,
): Float64Array {
  const centres = new Float64Array(k * d);
  const trials = 2 + Math.floor(Math.log(k));
  const closest = new Float64Array(n);
  const candidateDistance = new Float64Array(n);
  const bestCandidateDistance = new Float64Array(n);
  const cumulative = new Float64Array(n);
  const first = Math.floor(random() * n);
  centres.set(points.subarray(first * d, first * d + d), 0);
  let potential = 0;
  for (let i = 0; i < n; i++) {
    closest[i] = squaredDistance(points, i, centres, 0, d);
    potential += closest[i];
  }
  for (let c = 1; c < k; c++) {
    let running = 0;
    for (let i = 0; i < n; i++) {
      running += closest[i];
      cumulative[i] = running;
    }
    let bestIndex = -1;
    let bestPotential = Number.POSITIVE_INFINITY;
    for (let t = 0; t < trials; t++) {
      // All points coincide with centres (duplicates): any point will do.
      const candidate = running > 0 ? searchSorted(cumulative, random() * running) : Math.floor(random() * n);
      let candidatePotential = 0;
      const base = candidate * d;
      for (let i = 0; i < n; i++) {
        let sum = 0;
        const a = i * d;
        for (let f = 0; f < d; f++) {
          const delta = points[a + f] - points[base + f];
          sum += delta * delta;
        }
        const value = sum < closest[i] ? sum : closest[i];
        candidateDistance[i] = value;
        candidatePotential += value;
      }
      if (candidatePotential < bestPotential) {
        bestPotential = candidatePotential;
        bestIndex = candidate;
        bestCandidateDistance.set(candidateDistance);
      }
    }
    centres.set(points.subarray(bestIndex * d, bestIndex * d + d), c * d);
    closest.set(bestCandidateDistance);
    potential = bestPotential;
  }
  void potential;
  return centres;
}

/** First index whose cumulative value exceeds `target` (binary search). */
function searchSorted(cumulative: Float64Array, target: number): number {
  let low = 0;
  let high = cumulative.length - 1;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (cumulative[mid] <= target) low = mid + 1;
    else high = mid;
  }
  return low;
}

/**
 * Lloyd's algorithm with Hamerly's bounds: `upper[i]` bounds the distance to the assigned centre,
 * `lower[i]` the distance to any other; a point whose upper bound is below both its lower bound and
 * half the gap to the nearest other centre cannot change cluster, so it is skipped.
 */
function lloydHamerly(
  points: Float64Array,
  n: number,
  d: number,
  k: number,
  centroids: Float64Array,
  maxIterations: number,
  tolerance: number,
): KMeansResult {
  const labels = new Int32Array(n);
  const upper = new Float64Array(n);
  const lower = new Float64Array(n);
  const sums = new Float64Array(k * d);
  const sizes = new Int32Array(k);
  const previous = new Float64Array(k * d);
  const shift = new Float64Array(k);
  const halfGap = new Float64Array(k);
  for (let i = 0; i < n; i++) assignFully(points, i, d, k, centroids, labels, upper, lower);
  let iterations = 0;
  for (; iterations < maxIterations; ) {
    iterations++;
    previous.set(centroids);
    updateCentroids(points, n, d, k, labels, upper, centroids, sums, sizes);
    let maxShift = 0;
    let secondShift = 0;
    let maxShiftCluster = -1;
    let totalShift = 0;
    for (let j = 0; j < k; j++) {
      let sum = 0;
      for (let f = 0; f < d; f++) {
        const delta = centroids[j * d + f] - previous[j * d + f];
        sum += delta * delta;
      }
      totalShift += sum;
      shift[j] = Math.sqrt(sum);
      if (shift[j] > maxShift) {
        secondShift = maxShift;
        maxShift = shift[j];
        maxShiftCluster = j;
      } else if (shift[j] > secondShift) secondShift = shift[j];
    }
    for (let i = 0; i < n; i++) {
      upper[i] += shift[labels[i]];
      lower[i] -= labels[i] === maxShiftCluster ? secondShift : maxShift;
    }
    for (let j = 0; j < k; j++) {
      let nearest = Number.POSITIVE_INFINITY;
      for (let other = 0; other < k; other++) {
        if (other === j) continue;
        const distance = squaredDistance(centroids, j, centroids, other, d);
        if (distance < nearest) nearest = distance;
      }
      halfGap[j] = 0.5 * Math.sqrt(nearest);
    }
    let changes = 0;
    for (let i = 0; i < n; i++) {
      const label = labels[i];
      const bound = halfGap[label] > lower[i] ? halfGap[label] : lower[i];
      if (upper[i] <= bound) continue;
      upper[i] = Math.sqrt(squaredDistance(points, i, centroids, label, d));
      if (upper[i] <= bound) continue;
      assignFully(points, i, d, k, centroids, labels, upper, lower);
      if (labels[i] !== label) changes++;
    }
    if (changes === 0 || totalShift <= tolerance) break;
  }
  // Labels now match the centres; make the centres the means of their labels and score exactly.
  updateCentroids(points, n, d, k, labels, upper, centroids, sums, sizes);
  let inertia = 0;
  for (let i = 0; i < n; i++) inertia += squaredDistance(points, i, centroids, labels[i], d);
  return { labels, centroids, inertia, iterations, sizes };
}

function assignFully(
  points: Float64Array,
  i: number,
  d: number,
  k: number,
  centroids: Float64Array,
  labels: Int32Array,
  upper: Float64Array,
  lower: Float64Array,
): void {
  let best = Number.POSITIVE_INFINITY;
  let second = Number.POSITIVE_INFINITY;
  let bestCluster = 0;
  for (let j = 0; j < k; j++) {
    const distance = squaredDistance(points, i, centroids, j, d);
    if (distance < best) {
      second = best;
      best = distance;
      bestCluster = j;
    } else if (distance < second) second = distance;
  }
  labels[i] = bestCluster;
  upper[i] = Math.sqrt(best);
  lower[i] = Math.sqrt(second);
}

/** Centres = means of their points; an empty cluster takes the point farthest from its centre. */
function updateCentroids(
  points: Float64Array,
  n: number,
  d: number,
  k: number,
  labels: Int32Array,
  upper: Float64Array,
  centroids: Float64Array,
  sums: Float64Array,
  sizes: Int32Array,
): void {
  sums.fill(0);
  sizes.fill(0);
  for (let i = 0; i < n; i++) {
    const label = labels[i];
    sizes[label]++;
    const a = i * d;
    const b = label * d;
    for (let f = 0; f < d; f++) sums[b + f] += points[a + f];
  }
  for (let j = 0; j < k; j++) {
    if (sizes[j] > 0) continue;
    let farthest = -1;
    let farthestDistance = -1;
    for (let i = 0; i < n; i++) {
      if (sizes[labels[i]] <= 1) continue;
      const distance = squaredDistance(points, i, centroids, labels[i], d);
      if (distance > farthestDistance) {
        farthestDistance = distance;
        farthest = i;
      }
    }
    if (farthest < 0) continue; // fewer distinct points than clusters: leave the centre where it is
    const from = labels[farthest];
    sizes[from]--;
    for (let f = 0; f < d; f++) sums[from * d + f] -= points[farthest * d + f];
    labels[farthest] = j;
    sizes[j] = 1;
    for (let f = 0; f < d; f++) sums[j * d + f] = points[farthest * d + f];
    upper[farthest] = 0;
  }
  for (let j = 0; j < k; j++) {
    if (sizes[j] === 0) continue;
    for (let f = 0; f < d; f++) centroids[j * d + f] = sums[j * d + f] / sizes[j];
  }
}
