import {
  autoKCandidates,
  chooseK,
  createRandom,
  elbowK,
  kmeans,
  randomNormal,
  recommendK,
} from '@segments/core';
import { describe, expect, it } from 'vitest';

/** Three tight blobs of 40 points in 2-D, far apart. */
function threeBlobs(): { points: Float64Array; n: number } {
  const random = createRandom(11);
  const centres = [
    [0, 0],
    [20, 0],
    [10, 20],
  ];
  const n = 120;
  const points = new Float64Array(n * 2);
  for (let i = 0; i < n; i++) {
    const [x, y] = centres[i % 3];
    points[i * 2] = x + randomNormal(random);
    points[i * 2 + 1] = y + randomNormal(random);
  }
  return { points, n };
}

describe('autoKCandidates', () => {
  it('tries 2..10, bounded by the number of rows', () => {
    expect(autoKCandidates(500)).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(autoKCandidates(5)).toEqual([2, 3, 4]);
    expect(autoKCandidates(2)).toEqual([]);
  });
});

describe('elbowK', () => {
  it('finds the bend of an inertia curve that flattens after k = 5', () => {
    const inertias = [1000, 600, 300, 100, 90, 82, 76, 71, 67];
    const rows = inertias.map((inertia, index) => ({ k: index + 2, inertia, silhouette: null }));
    expect(elbowK(rows)).toBe(5);
  });

  it('returns the only candidate when there is one', () => {
    expect(elbowK([{ k: 2, inertia: 5, silhouette: null }])).toBe(2);
  });
});

describe('recommendK', () => {
  it('prefers the smaller k on a near tie of silhouettes', () => {
    const result = recommendK(
      [
        { k: 2, inertia: 100, silhouette: 0.6 },
        { k: 3, inertia: 50, silhouette: 0.603 },
        { k: 4, inertia: 45, silhouette: 0.4 },
      ],
      300,
    );
    expect(result.recommendedK).toBe(2);
  });

  it('falls back to the elbow and says so when no silhouette could be computed', () => {
    const result = recommendK(
      [
        { k: 2, inertia: 100, silhouette: null },
        { k: 3, inertia: 20, silhouette: null },
        { k: 4, inertia: 15, silhouette: null },
      ],
      4,
    );
    expect(result.recommendedK).toBe(3);
    expect(result.reason).toContain('elbow');
  });
});

describe('chooseK', () => {
  it('recommends 3 segments for three clear blobs and explains it with the silhouette', () => {
    const { points, n } = threeBlobs();
    const { result, clusterings } = chooseK(
      n,
      (k) => kmeans(points, n, 2, k, { seed: 1 }),
      { kind: 'euclidean', points, d: 2 },
      { seed: 1 },
    );
    expect(result.recommendedK).toBe(3);
    expect(result.reason).toContain('silhouette');
    expect(result.reason).toContain('clearly');
    expect(result.candidates.map((row) => row.k)).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(clusterings.get(3)?.inertia).toBe(result.candidates[1].inertia);
  });

  it('agrees between a distance function and the equivalent described space', () => {
    const { points, n } = threeBlobs();
    const cluster = (k: number) => kmeans(points, n, 2, k, { seed: 2, restarts: 2 });
    const byFunction = chooseK(n, cluster, (i, j) =>
      Math.hypot(points[i * 2] - points[j * 2], points[i * 2 + 1] - points[j * 2 + 1]),
    );
    const bySpace = chooseK(n, cluster, { kind: 'euclidean', points, d: 2 });
    expect(bySpace.result.candidates).toEqual(byFunction.result.candidates);
  });

  it('refines only the winner and keeps the better clustering, rescoring its row', () => {
    const { points, n } = threeBlobs();
    const refined: number[] = [];
    const { result, clusterings } = chooseK(
      n,
      (k) => kmeans(points, n, 2, k, { seed: 4, restarts: 1 }),
      { kind: 'euclidean', points, d: 2 },
      {
        refineWinner: (k) => {
          refined.push(k);
          return kmeans(points, n, 2, k, { seed: 4, restarts: 9, firstRestart: 1 });
        },
      },
    );
    expect(refined).toEqual([3]);
    const full = kmeans(points, n, 2, 3, { seed: 4, restarts: 10 });
    expect(clusterings.get(3)?.inertia).toBe(full.inertia);
    expect(result.candidates.find((row) => row.k === 3)?.inertia).toBe(full.inertia);
  });

  it('reports each candidate as it finishes', () => {
    const { points, n } = threeBlobs();
    const seen: string[] = [];
    chooseK(
      n,
      (k) => kmeans(points, n, 2, k, { restarts: 1 }),
      { kind: 'euclidean', points, d: 2 },
      {
        candidates: [2, 3, 4],
        onCandidate: (k, finished, total) => seen.push(`${k}:${finished}/${total}`),
      },
    );
    expect(seen).toEqual(['2:1/3', '3:2/3', '4:3/3']);
  });
});
