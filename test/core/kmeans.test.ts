import { readFileSync } from 'node:fs';
import {
  createRandom,
  isSegmentationError,
  kmeans,
  kmeansPlusPlus,
  parseDelimited,
  segmentTable,
} from '@segments/core';
import { kmeans as mlKMeans } from 'ml-kmeans';
import { describe, expect, it } from 'vitest';

const mallTable = parseDelimited(
  readFileSync(new URL('../fixtures/mall_customers.csv', import.meta.url), 'utf8'),
  { source: 'mall_customers.csv' },
);
const incomeAndSpending = ['Annual Income (k$)', 'Spending Score (1-100)'];

/** Mall income and spending score as an n × 2 flat array, unscaled (as the textbook example). */
function mallPoints(): { points: Float64Array; rows: number[][] } {
  const income = mallTable.headers.indexOf(incomeAndSpending[0]);
  const spending = mallTable.headers.indexOf(incomeAndSpending[1]);
  const rows = mallTable.rows.map((row) => [Number(row[income]), Number(row[spending])]);
  return { points: Float64Array.from(rows.flat()), rows };
}

function inertiaOf(rows: number[][], labels: ArrayLike<number>, centroids: number[][]): number {
  let total = 0;
  rows.forEach((row, i) => {
    for (let f = 0; f < row.length; f++) total += (row[f] - centroids[labels[i]][f]) ** 2;
  });
  return total;
}

describe('kmeans on the Mall customers (income, spending score)', () => {
  const { points, rows } = mallPoints();
  const n = rows.length;

  it('matches or beats scikit-learn inertia for every k from 1 to 10 (0.5% tolerance)', () => {
    const sklearnInertias = [269981, 181364, 106348, 73680, 44448, 37266, 30260, 25096, 21830, 20737];
    sklearnInertias.forEach((reference, index) => {
      const result = kmeans(points, n, 2, index + 1, { seed: 1 });
      expect(result.inertia, `k = ${index + 1}`).toBeLessThanOrEqual(reference * 1.005);
    });
  });

  it('keeps the five textbook segments through segmentTable (sizes 81, 39, 35, 23, 22)', () => {
    const run = segmentTable(mallTable, { columns: incomeAndSpending, k: 5, scaling: 'none', seed: 1 });
    expect(run.segments.map((segment) => segment.size)).toEqual([81, 39, 35, 23, 22]);
    expect(run.quality.inertia).toBeLessThanOrEqual(44_449);
  });

  it('is at least as good as ml-kmeans, the independent cross-check, at k = 5', () => {
    const ours = kmeans(points, n, 2, 5, { seed: 1 });
    const theirs = [1, 2, 3, 4, 5].map((seed) => {
      const result = mlKMeans(rows, 5, { seed, initialization: 'kmeans++' });
      return inertiaOf(rows, result.clusters, result.centroids);
    });
    expect(ours.inertia).toBeLessThanOrEqual(Math.min(...theirs) * (1 + 1e-6));
  });

  it('returns centres that are the means of their points and an inertia that adds up', () => {
    const result = kmeans(points, n, 2, 5, { seed: 3 });
    const centroids = [0, 1, 2, 3, 4].map((j) => [result.centroids[j * 2], result.centroids[j * 2 + 1]]);
    expect(result.inertia).toBeCloseTo(inertiaOf(rows, result.labels, centroids), 6);
    for (let j = 0; j < 5; j++) {
      const members = rows.filter((_, i) => result.labels[i] === j);
      expect(members.length).toBe(result.sizes[j]);
      expect(centroids[j][0]).toBeCloseTo(members.reduce((sum, row) => sum + row[0], 0) / members.length, 9);
    }
  });

  it('gives the same segments for the same seed', () => {
    const first = kmeans(points, n, 2, 6, { seed: 7, restarts: 3 });
    const second = kmeans(points, n, 2, 6, { seed: 7, restarts: 3 });
    expect(Array.from(second.labels)).toEqual(Array.from(first.labels));
    expect(second.inertia).toBe(first.inertia);
  });

  it('splits restarts without changing the result: 3 then 7 from restart 3 equals 10', () => {
    const full = kmeans(points, n, 2, 7, { seed: 2, restarts: 10 });
    const first = kmeans(points, n, 2, 7, { seed: 2, restarts: 3 });
    const rest = kmeans(points, n, 2, 7, { seed: 2, restarts: 7, firstRestart: 3 });
    expect(Math.min(first.inertia, rest.inertia)).toBe(full.inertia);
  });
});

describe('kmeans on tiny hand-checkable data', () => {
  it('separates two obvious blobs', () => {
    const points = Float64Array.from([0, 0, 0, 1, 1, 0, 10, 10, 10, 11, 11, 10]);
    const result = kmeans(points, 6, 2, 2, { seed: 1 });
    expect(result.labels[0]).toBe(result.labels[1]);
    expect(result.labels[0]).toBe(result.labels[2]);
    expect(result.labels[3]).toBe(result.labels[4]);
    expect(result.labels[0]).not.toBe(result.labels[3]);
    // Each blob: three points around its mean (1/3, 1/3) or (31/3, 31/3): 4 × (1/9 + 1/9) + … = 4/3 per blob.
    expect(result.inertia).toBeCloseTo(8 / 3, 10);
  });

  it('puts every point in one cluster at its mean when k = 1', () => {
    const points = Float64Array.from([1, 2, 3, 6]);
    const result = kmeans(points, 4, 1, 1);
    expect(Array.from(result.labels)).toEqual([0, 0, 0, 0]);
    expect(result.centroids[0]).toBe(3);
    expect(result.inertia).toBe(4 + 1 + 0 + 9);
  });

  it('gives every point its own cluster with zero inertia when k = n', () => {
    const points = Float64Array.from([5, 1, 9, 3, 7]);
    const result = kmeans(points, 5, 1, 5, { seed: 4 });
    expect(new Set(result.labels).size).toBe(5);
    expect(Array.from(result.sizes)).toEqual([1, 1, 1, 1, 1]);
    expect(result.inertia).toBe(0);
  });

  it('copes with fewer distinct points than clusters (duplicates) and leaves no cluster empty', () => {
    // Once 2 and 8 are centres every point is covered, so the third centre duplicates one of them
    // and starts empty: the relocation gives it a point (any of the coinciding ones).
    const points = Float64Array.from([2, 2, 2, 2, 8, 8]);
    for (let seed = 1; seed <= 5; seed++) {
      const result = kmeans(points, 6, 1, 3, { seed, restarts: 1 });
      expect(result.inertia).toBe(0);
      expect(Array.from(result.sizes).every((size) => size > 0)).toBe(true);
      expect(result.sizes.reduce((sum, size) => sum + size, 0)).toBe(6);
    }
  });

  it('leaves a far outlier alone in its own cluster whatever the seed', () => {
    const points = Float64Array.from([0, 0.1, 0.2, 5, 5.1, 5.2, 100]);
    for (let seed = 1; seed <= 20; seed++) {
      const result = kmeans(points, 7, 1, 3, { seed, restarts: 1 });
      expect(Array.from(result.sizes).sort()).toEqual([1, 3, 3]);
    }
  });

  it('rejects k outside 1..n with a message naming k', () => {
    const points = Float64Array.from([1, 2, 3]);
    for (const k of [0, 4, 1.5]) {
      try {
        kmeans(points, 3, 1, k);
        expect.unreachable();
      } catch (error) {
        expect(isSegmentationError(error) && error.code).toBe('INVALID_OPTION');
        expect((error as Error).message).toContain(`got ${k}`);
      }
    }
  });
});

/**
 * Textbook greedy k-means++ (scikit-learn's algorithm), written naively: every distance computed,
 * the cumulative sum materialised. The kernel's pruning must not change which centres it picks.
 */
function naiveGreedyKMeansPlusPlus(points: Float64Array, n: number, d: number, k: number, seed: number) {
  const random = createRandom(seed);
  const distance = (i: number, j: number) => {
    let sum = 0;
    for (let f = 0; f < d; f++) sum += (points[i * d + f] - points[j * d + f]) ** 2;
    return sum;
  };
  const chosen = [Math.floor(random() * n)];
  let closest = Array.from({ length: n }, (_, i) => distance(i, chosen[0]));
  const trials = 2 + Math.floor(Math.log(k));
  for (let c = 1; c < k; c++) {
    const total = closest.reduce((sum, value) => sum + value, 0);
    const targets = Array.from({ length: trials }, () => random() * total);
    const candidates = targets.map((target) => {
      let running = 0;
      for (let i = 0; i < n; i++) {
        running += closest[i];
        if (running > target) return i;
      }
      return n - 1;
    });
    let best: number[] = [];
    let bestPotential = Number.POSITIVE_INFINITY;
    let bestCandidate = -1;
    for (const candidate of candidates) {
      const updated = closest.map((value, i) => Math.min(value, distance(i, candidate)));
      const potential = updated.reduce((sum, value) => sum + value, 0);
      if (potential < bestPotential) {
        bestPotential = potential;
        best = updated;
        bestCandidate = candidate;
      }
    }
    chosen.push(bestCandidate);
    closest = best;
  }
  return chosen;
}

describe('kmeansPlusPlus', () => {
  it('picks the same centres as a naive greedy k-means++ with the same random draws', () => {
    const random = createRandom(99);
    const n = 400;
    const d = 3;
    const points = new Float64Array(n * d);
    for (let i = 0; i < n; i++)
      for (let f = 0; f < d; f++) points[i * d + f] = (i % 6) * 4 + random() * 3 - f;
    for (const k of [2, 5, 8, 12, 25]) {
      for (let seed = 1; seed <= 3; seed++) {
        const centres = kmeansPlusPlus(points, n, d, k, createRandom(seed));
        const expected = naiveGreedyKMeansPlusPlus(points, n, d, k, seed).flatMap((i) =>
          Array.from(points.subarray(i * d, i * d + d)),
        );
        expect(Array.from(centres), `k = ${k}, seed ${seed}`).toEqual(expected);
      }
    }
  });

  it('picks k distinct data points as initial centres', () => {
    const points = Float64Array.from([0, 0, 10, 10, 20, 20, 30, 30]);
    const centres = kmeansPlusPlus(points, 4, 2, 4, createRandom(1));
    const picked = new Set<string>();
    for (let j = 0; j < 4; j++) picked.add(`${centres[j * 2]},${centres[j * 2 + 1]}`);
    expect(picked).toEqual(new Set(['0,0', '10,10', '20,20', '30,30']));
  });

  it('never picks a point that already coincides with a centre while others are uncovered', () => {
    const points = Float64Array.from([0, 0, 0, 0, 50]);
    for (let seed = 1; seed <= 10; seed++) {
      const centres = kmeansPlusPlus(points, 5, 1, 2, createRandom(seed));
      expect(new Set(centres)).toEqual(new Set([0, 50]));
    }
  });
});
