import {
  type DistanceSpace,
  distanceOf,
  euclideanPairDistance,
  silhouette,
  silhouetteScorer,
} from '@segments/core';
import { describe, expect, it } from 'vitest';

describe('silhouette', () => {
  // Points 0, 1, 4, 5 on a line, clusters {0, 1} and {4, 5}.
  // Point 0: a = 1, b = (4 + 5) / 2 = 4.5, s = 3.5 / 4.5. Point 1: a = 1, b = 3.5, s = 2.5 / 3.5.
  // By symmetry points 5 and 4 score the same: mean = (7/9 + 5/7) / 2.
  const xs = [0, 1, 4, 5];
  const labels = Int32Array.from([0, 0, 1, 1]);
  const expected = (7 / 9 + 5 / 7) / 2;

  it('matches the hand-computed value on four points', () => {
    expect(silhouette(4, labels, 2, (i, j) => Math.abs(xs[i] - xs[j]))).toBeCloseTo(expected, 12);
  });

  it('gives the same value through the Euclidean space kernel', () => {
    const space: DistanceSpace = { kind: 'euclidean', points: Float64Array.from(xs), d: 1 };
    expect(silhouette(4, labels, 2, space)).toBeCloseTo(expected, 12);
  });

  it('scores a point alone in its cluster as 0 (scikit-learn convention)', () => {
    // Clusters {0, 1} and {10}: point 10 scores 0; point 0: a = 1, b = 10; point 1: a = 1, b = 9.
    const points = Float64Array.from([0, 1, 10]);
    const value = silhouette(3, Int32Array.from([0, 0, 1]), 2, euclideanPairDistance(points, 1));
    expect(value).toBeCloseTo((9 / 10 + 8 / 9 + 0) / 3, 12);
  });

  it('is null for one cluster or too few points', () => {
    expect(silhouette(4, Int32Array.from([0, 0, 0, 0]), 1, (i, j) => Math.abs(i - j))).toBeNull();
    expect(silhouette(4, Int32Array.from([1, 1, 1, 1]), 2, (i, j) => Math.abs(i - j))).toBeNull();
    expect(silhouette(2, Int32Array.from([0, 1]), 2, (i, j) => Math.abs(i - j))).toBeNull();
  });

  it('uses gamma per categorical mismatch in the mixed space, as k-prototypes does', () => {
    // Numeric 0, 0, 3, 3 and categories a, b, a, b with gamma 16:
    // d(0,1) = √16 = 4, d(0,2) = √9 = 3, d(0,3) = √(9 + 16) = 5.
    const space: DistanceSpace = {
      kind: 'mixed',
      numeric: Float64Array.from([0, 0, 3, 3]),
      numericCount: 1,
      categorical: Int32Array.from([0, 1, 0, 1]),
      categoricalCount: 1,
      gamma: 16,
    };
    const pair = distanceOf(space);
    expect([pair(0, 1), pair(0, 2), pair(0, 3)]).toEqual([4, 3, 5]);
    const byCategory = Int32Array.from([0, 1, 0, 1]);
    // Each point: a = 3 (same category, other number), b = (4 + 5) / 2 = 4.5: s = 1.5 / 4.5 = 1/3.
    expect(silhouette(4, byCategory, 2, space)).toBeCloseTo(1 / 3, 12);
    expect(silhouette(4, byCategory, 2, pair)).toBeCloseTo(1 / 3, 12);
  });

  it('samples deterministically above the sample size, and close to the exact value', () => {
    const n = 600;
    const points = new Float64Array(n * 2);
    const labels = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      labels[i] = i % 3;
      points[i * 2] = labels[i] * 10 + ((i * 7) % 13) / 13;
      points[i * 2 + 1] = ((i * 5) % 11) / 11;
    }
    const space: DistanceSpace = { kind: 'euclidean', points, d: 2 };
    const exact = silhouette(n, labels, 3, space) as number;
    const sampled = silhouette(n, labels, 3, space, { sampleSize: 200, seed: 4 });
    expect(silhouette(n, labels, 3, space, { sampleSize: 200, seed: 4 })).toBe(sampled);
    expect(sampled).not.toBe(exact);
    expect(Math.abs((sampled as number) - exact)).toBeLessThan(0.02);
  });
});

describe('silhouetteScorer', () => {
  it('scores several labellings of the same points like silhouette does, from cached pairs', () => {
    const n = 40;
    const points = Float64Array.from({ length: n * 2 }, (_, i) => ((i * 37) % 23) / 3);
    const space: DistanceSpace = { kind: 'euclidean', points, d: 2 };
    const scorer = silhouetteScorer(n, space, { sampleSize: 30, seed: 2 });
    for (const k of [2, 3, 4]) {
      const labels = Int32Array.from({ length: n }, (_, i) => (i * 7) % k);
      const direct = silhouette(n, labels, k, space, { sampleSize: 30, seed: 2 }) as number;
      // The cache keeps distances as 32-bit floats.
      expect(scorer.score(labels, k)).toBeCloseTo(direct, 6);
    }
  });
});
