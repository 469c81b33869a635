/**
 * k-means on a flat row-major Float64Array: greedy k-means++ seeding (as scikit-learn does it: 2 + ⌊ln k⌋
 * candidates per centre, keep the one that lowers the potential most), then Lloyd iterations with
 * Hamerly's bounds, which skip most distance computations once centres settle. Restarts keep the
 * lowest inertia. No allocation per point; buffers are reused across restarts; everything is seeded.
 *
 * Empty-cluster policy: a centre left without points moves to the point farthest from its own
 * centre (the worst-served customer), as scikit-learn relocates empty clusters to far points.
 */
import { SegmentationError } from '../schema/errors';
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
  /**
   * Index of the first restart (default 0): restarts are numbered and each has its own seed, so
   * `{ restarts: 3 }` then `{ restarts: 7, firstRestart: 3 }` together try exactly the starts of
   * `{ restarts: 10 }` (choose-k uses this to give only the winning k the full restarts).
   */
  firstRestart?: number;
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
  const firstRestart = options.firstRestart ?? 0;
  const maxIterations = options.maxIterations ?? 300;
  const tolerance = (options.tolerance ?? 1e-4) * meanVariance(points, n, d);
  const seeding = new SeedingState(n);
  const lloyd = new LloydBuffers(n, k, d);
  let best: KMeansResult | undefined;
  for (let restart = 0; restart < restarts; restart++) {
    const random = createRandom(deriveSeed(seed, firstRestart + restart));
    const centroids = seedCentres(points, n, d, k, random, seeding);
    const result = lloydHamerly(points, n, d, k, centroids, seeding, maxIterations, tolerance, lloyd);
    if (!best || result.inertia < best.inertia) {
      // The winner keeps its labels; the previous winner's buffer becomes the next workspace.
      const spare = best?.labels ?? (restart + 1 < restarts ? new Int32Array(n) : undefined);
      best = result;
      if (spare) lloyd.labels = spare;
    }
    options.onRestart?.(restart + 1, restarts);
  }
  return best as KMeansResult;
}

/** Mean over features of the population variance (scikit-learn scales its tolerance by it). */
function meanVariance(points: Float64Array, n: number, d: number): number {
  // One row-wise pass of shifted sums: subtracting the first row keeps Σx² − (Σx)²/n from cancelling
  // badly when values sit far from zero.
  const sums = new Float64Array(d);
  const squares = new Float64Array(d);
  for (let i = 0; i < n; i++) {
    const a = i * d;
    for (let f = 0; f < d; f++) {
      const delta = points[a + f] - points[f];
      sums[f] += delta;
      squares[f] += delta * delta;
    }
  }
  let total = 0;
  for (let f = 0; f < d; f++) total += Math.max(0, squares[f] - (sums[f] * sums[f]) / n) / n;
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
 * Per-point state of seeding: squared distance to the nearest centre so far and which centre that
 * is. Lloyd starts from it, so the first assignment costs nothing.
 */
class SeedingState {
  closest: Float64Array;
  nearest: Int32Array;
  /** n × (candidates rounded up to 4) squared distances, allocated on first use. */
  trialDistance = new Float64Array(0);
  constructor(n: number) {
    this.closest = new Float64Array(n);
    this.nearest = new Int32Array(n);
  }
}

/**
 * Greedy k-means++ seeding: each new centre is the best of 2 + ⌊ln k⌋ candidates drawn with
 * probability proportional to the squared distance to the nearest centre so far.
 * @returns k × d initial centres
 * @example kmeansPlusPlus(points, n, d, 3, createRandom(1)).length // 6 — 3 centres × d = 2 values
 */
export function kmeansPlusPlus(
  points: Float64Array,
  n: number,
  d: number,
  k: number,
  random: Random,
): Float64Array {
  return seedCentres(points, n, d, k, random, new SeedingState(n));
}

/**
 * Exact greedy k-means++ (every point weighs in; no sampling). Speed comes from the triangle
 * inequality: a point whose nearest centre m is at distance r cannot get nearer to a candidate c
 * when |c − m| ≥ 2r, so its distance to c is never computed. On clustered data that skips almost
 * every point, and what remains is one cheap pass per candidate.
 */
function seedCentres(
  points: Float64Array,
  n: number,
  d: number,
  k: number,
  random: Random,
  state: SeedingState,
): Float64Array {
  const { closest, nearest } = state;
  const centres = new Float64Array(k * d);
  const trials = 2 + Math.floor(Math.log(k));
  const paddedTrials = Math.ceil(trials / 4) * 4;
  const draw = new CandidateDraw(trials);
  // quarters[t·k + j] = |candidate t − centre j|² / 4. A point whose closest ≤ that, for its nearest
  // centre j, cannot get nearer to candidate t; quarter[j] is the smallest over the candidates, so a
  // point under it is settled for all of them at once.
  const quarters = new Float64Array(trials * k);
  const quarter = new Float64Array(k);
  const candidateCoordinates = new Float64Array(paddedTrials * d);
  const candidatePotential = new Float64Array(paddedTrials);
  // Distances of unsettled points to every candidate, kept so the winner needs no second pass.
  if (k > 1 && state.trialDistance.length < n * paddedTrials)
    state.trialDistance = new Float64Array(n * paddedTrials);
  const trialDistance = state.trialDistance;
  const first = Math.floor(random() * n);
  centres.set(points.subarray(first * d, first * d + d), 0);
  let potential = 0;
  for (let i = 0; i < n; i++) {
    const value = squaredDistance(points, i, centres, 0, d);
    closest[i] = value;
    nearest[i] = 0;
    potential += value;
  }
  if (k > 1) {
    if (draw.start(potential, random)) {
      let running = 0;
      for (let i = 0; i < n && !draw.done(); i++) {
        running += closest[i];
        draw.visit(i, running);
      }
    }
    draw.finish(closest, n, random);
  }
  for (let c = 1; c < k; c++) {
    const candidates = draw.candidates;
    // All candidates in one pass over the points, so each row and its bounds are read once.
    for (let t = 0; t < paddedTrials; t++) {
      const base = candidates[Math.min(t, trials - 1)] * d;
      candidateCoordinates.set(points.subarray(base, base + d), t * d);
      candidatePotential[t] = 0;
    }
    for (let t = 0; t < trials; t++) {
      for (let j = 0; j < c; j++)
        quarters[t * k + j] = 0.25 * squaredDistance(points, candidates[t], centres, j, d);
    }
    for (let j = 0; j < c; j++) {
      let smallest = quarters[j];
      for (let t = 1; t < trials; t++) smallest = Math.min(smallest, quarters[t * k + j]);
      quarter[j] = smallest;
    }
    let settled = 0;
    for (let i = 0; i < n; i++) {
      const limit = closest[i];
      if (limit <= quarter[nearest[i]]) {
        settled += limit;
        continue;
      }
      const a = i * d;
      const out = i * paddedTrials;
      // Candidates four at a time (padded by repeating the last one): four running sums stay in
      // registers and each coordinate of the point is read once per group.
      for (let g = 0; g < paddedTrials; g += 4) {
        const o = g * d;
        let s0 = 0;
        let s1 = 0;
        let s2 = 0;
        let s3 = 0;
        for (let f = 0; f < d; f++) {
          const x = points[a + f];
          const d0 = x - candidateCoordinates[o + f];
          const d1 = x - candidateCoordinates[o + d + f];
          const d2 = x - candidateCoordinates[o + 2 * d + f];
          const d3 = x - candidateCoordinates[o + 3 * d + f];
          s0 += d0 * d0;
          s1 += d1 * d1;
          s2 += d2 * d2;
          s3 += d3 * d3;
        }
        trialDistance[out + g] = s0;
        trialDistance[out + g + 1] = s1;
        trialDistance[out + g + 2] = s2;
        trialDistance[out + g + 3] = s3;
        candidatePotential[g] += Math.min(s0, limit);
        candidatePotential[g + 1] += Math.min(s1, limit);
        candidatePotential[g + 2] += Math.min(s2, limit);
        candidatePotential[g + 3] += Math.min(s3, limit);
      }
    }
    let winner = 0;
    for (let t = 1; t < trials; t++) if (candidatePotential[t] < candidatePotential[winner]) winner = t;
    const bestIndex = candidates[winner];
    centres.set(points.subarray(bestIndex * d, bestIndex * d + d), c * d);
    // Commit the winner from the kept distances, and draw the next step's candidates in the same
    // pass: the new potential is already known (the winner's), so the targets can be set up front.
    const drawing = c + 1 < k && draw.start(candidatePotential[winner] + settled, random);
    let running = 0;
    for (let i = 0; i < n; i++) {
      const limit = closest[i];
      if (limit > quarter[nearest[i]]) {
        const value = trialDistance[i * paddedTrials + winner];
        if (value < limit) {
          closest[i] = value;
          nearest[i] = c;
        }
      }
      if (drawing) {
        running += closest[i];
        draw.visit(i, running);
      }
    }
    if (c + 1 < k) draw.finish(closest, n, random);
  }
  return centres;
}

/**
 * Draws candidates with probability ∝ weight: uniform targets in [0, total), each mapped to the first
 * index whose running sum exceeds it (scikit-learn's searchsorted on the cumulative sum), found while
 * another pass walks the weights instead of materialising the cumulative array.
 */
class CandidateDraw {
  readonly candidates: Int32Array;
  private readonly targets: Float64Array;
  private order: number[] = [];
  private next = 0;
  private uniform = false;
  constructor(trials: number) {
    this.candidates = new Int32Array(trials);
    this.targets = new Float64Array(trials);
  }

  /** Sets up targets; false when every weight is zero (finish then picks points uniformly). */
  start(total: number, random: Random): boolean {
    const trials = this.targets.length;
    this.next = 0;
    this.uniform = !(total > 0);
    if (this.uniform) return false;
    for (let t = 0; t < trials; t++) this.targets[t] = random() * total;
    this.order = Array.from({ length: trials }, (_, t) => t).sort(
      (a, b) => this.targets[a] - this.targets[b],
    );
    return true;
  }

  done(): boolean {
    return this.next >= this.targets.length;
  }

  /** Point i with running weight sum `running` (weights summed in index order). */
  visit(i: number, running: number): void {
    const { order, targets, candidates } = this;
    while (this.next < targets.length && running > targets[order[this.next]])
      candidates[order[this.next++]] = i;
  }

  /** Targets left over (rounding put them at or above the final sum) take the last weighted point. */
  finish(weights: Float64Array, n: number, random: Random): void {
    const trials = this.targets.length;
    if (this.uniform) {
      // Every point coincides with a centre (duplicates): any point will do.
      for (let t = 0; t < trials; t++) this.candidates[t] = Math.floor(random() * n);
      return;
    }
    if (this.next >= trials) return;
    let last = n - 1;
    while (last > 0 && weights[last] === 0) last--;
    while (this.next < trials) this.candidates[this.order[this.next++]] = last;
  }
}

/** Per-point and per-cluster buffers of Lloyd's iterations, reused across restarts. */
class LloydBuffers {
  labels: Int32Array;
  upper: Float64Array;
  lower: Float64Array;
  sums: Float64Array;
  previous: Float64Array;
  shift: Float64Array;
  halfGap: Float64Array;
  constructor(n: number, k: number, d: number) {
    this.labels = new Int32Array(n);
    this.upper = new Float64Array(n);
    this.lower = new Float64Array(n);
    this.sums = new Float64Array(k * d);
    this.previous = new Float64Array(k * d);
    this.shift = new Float64Array(k);
    this.halfGap = new Float64Array(k);
  }
}

/**
 * Lloyd's algorithm with Hamerly's bounds: `upper[i]` bounds the distance to the assigned centre,
 * `lower[i]` the distance to any other; a point whose upper bound is below both its lower bound and
 * half the gap to the nearest other centre cannot change cluster, so it is skipped. Cluster sums are
 * updated as points move, so an iteration costs one pass over the points plus the few that move.
 */
function lloydHamerly(
  points: Float64Array,
  n: number,
  d: number,
  k: number,
  centroids: Float64Array,
  seeding: SeedingState,
  maxIterations: number,
  tolerance: number,
  buffers: LloydBuffers,
): KMeansResult {
  const { labels, upper, lower, sums, previous, shift, halfGap } = buffers;
  const sizes = new Int32Array(k);
  // Seeding left every point with its nearest centre and that distance: the first assignment. Any
  // other centre j is at least |m − j| − r away (triangle inequality), which gives the lower bound.
  labels.set(seeding.nearest);
  centreHalfGaps(centroids, d, k, halfGap);
  for (let i = 0; i < n; i++) {
    const r = Math.sqrt(seeding.closest[i]);
    upper[i] = r;
    const gap = 2 * halfGap[labels[i]] - r;
    lower[i] = Math.max(gap, 0);
  }
  computeSums(points, n, d, k, labels, sums, sizes);
  let iterations = 0;
  while (iterations < maxIterations) {
    iterations++;
    previous.set(centroids);
    relocateEmptyClusters(points, n, d, k, labels, upper, lower, centroids, sums, sizes);
    for (let j = 0; j < k; j++) {
      if (sizes[j] === 0) continue;
      for (let f = 0; f < d; f++) centroids[j * d + f] = sums[j * d + f] / sizes[j];
    }
    let maxShift = 0;
    let secondShift = 0;
    let maxShiftCluster = -1;
    let totalShift = 0;
    for (let j = 0; j < k; j++) {
      const sum = squaredDistance(centroids, j, previous, j, d);
      totalShift += sum;
      shift[j] = Math.sqrt(sum);
      if (shift[j] > maxShift) {
        secondShift = maxShift;
        maxShift = shift[j];
        maxShiftCluster = j;
      } else if (shift[j] > secondShift) secondShift = shift[j];
    }
    centreHalfGaps(centroids, d, k, halfGap);
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
      const exact = Math.sqrt(squaredDistance(points, i, centroids, label, d));
      upper[i] = exact;
      if (exact <= bound) continue;
      assignFully(points, i, d, k, centroids, labels, upper, lower);
      const moved = labels[i];
      if (moved !== label) {
        changes++;
        sizes[label]--;
        sizes[moved]++;
        const a = i * d;
        for (let f = 0; f < d; f++) {
          sums[label * d + f] -= points[a + f];
          sums[moved * d + f] += points[a + f];
        }
      }
    }
    if (changes === 0 || totalShift <= tolerance) break;
  }
  // Labels now match the centres; make the centres the exact means of their labels (fresh sums, so
  // the incremental updates leave no rounding behind) and score exactly.
  computeSums(points, n, d, k, labels, sums, sizes);
  relocateEmptyClusters(points, n, d, k, labels, upper, lower, centroids, sums, sizes);
  for (let j = 0; j < k; j++) {
    if (sizes[j] === 0) continue;
    for (let f = 0; f < d; f++) centroids[j * d + f] = sums[j * d + f] / sizes[j];
  }
  let inertia = 0;
  for (let i = 0; i < n; i++) inertia += squaredDistance(points, i, centroids, labels[i], d);
  return { labels, centroids, inertia, iterations, sizes };
}

/** halfGap[j] = half the distance from centre j to the nearest other centre (∞ when k = 1). */
function centreHalfGaps(centroids: Float64Array, d: number, k: number, halfGap: Float64Array): void {
  for (let j = 0; j < k; j++) {
    let nearest = Number.POSITIVE_INFINITY;
    for (let other = 0; other < k; other++) {
      if (other === j) continue;
      const distance = squaredDistance(centroids, j, centroids, other, d);
      if (distance < nearest) nearest = distance;
    }
    halfGap[j] = 0.5 * Math.sqrt(nearest);
  }
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
  const a = i * d;
  let j = 0;
  // Centres four at a time: four running sums in registers, each coordinate of the point read once.
  for (; j + 3 < k; j += 4) {
    const o = j * d;
    let s0 = 0;
    let s1 = 0;
    let s2 = 0;
    let s3 = 0;
    for (let f = 0; f < d; f++) {
      const x = points[a + f];
      const d0 = x - centroids[o + f];
      const d1 = x - centroids[o + d + f];
      const d2 = x - centroids[o + 2 * d + f];
      const d3 = x - centroids[o + 3 * d + f];
      s0 += d0 * d0;
      s1 += d1 * d1;
      s2 += d2 * d2;
      s3 += d3 * d3;
    }
    if (s0 < second) {
      if (s0 < best) {
        second = best;
        best = s0;
        bestCluster = j;
      } else second = s0;
    }
    if (s1 < second) {
      if (s1 < best) {
        second = best;
        best = s1;
        bestCluster = j + 1;
      } else second = s1;
    }
    if (s2 < second) {
      if (s2 < best) {
        second = best;
        best = s2;
        bestCluster = j + 2;
      } else second = s2;
    }
    if (s3 < second) {
      if (s3 < best) {
        second = best;
        best = s3;
        bestCluster = j + 3;
      } else second = s3;
    }
  }
  for (; j < k; j++) {
    const b = j * d;
    let distance = 0;
    for (let f = 0; f < d; f++) {
      const delta = points[a + f] - centroids[b + f];
      distance += delta * delta;
    }
    if (distance < second) {
      if (distance < best) {
        second = best;
        best = distance;
        bestCluster = j;
      } else second = distance;
    }
  }
  labels[i] = bestCluster;
  upper[i] = Math.sqrt(best);
  lower[i] = Math.sqrt(second);
}

function computeSums(
  points: Float64Array,
  n: number,
  d: number,
  k: number,
  labels: Int32Array,
  sums: Float64Array,
  sizes: Int32Array,
): void {
  sums.fill(0, 0, k * d);
  sizes.fill(0);
  for (let i = 0; i < n; i++) {
    const label = labels[i];
    sizes[label]++;
    const a = i * d;
    const b = label * d;
    for (let f = 0; f < d; f++) sums[b + f] += points[a + f];
  }
}

/** An empty cluster takes the point farthest from its centre (from a cluster that can spare one). */
function relocateEmptyClusters(
  points: Float64Array,
  n: number,
  d: number,
  k: number,
  labels: Int32Array,
  upper: Float64Array,
  lower: Float64Array,
  centroids: Float64Array,
  sums: Float64Array,
  sizes: Int32Array,
): void {
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
    // The point now sits on its own centre; a zero lower bound makes the next pass re-check it.
    upper[farthest] = 0;
    lower[farthest] = 0;
  }
}
