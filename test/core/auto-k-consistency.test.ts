import { readFileSync } from 'node:fs';
import { chooseK, kmeans, parseDelimited, recommendK, segmentTable, silhouette } from '@segments/core';
import { describe, expect, it } from 'vitest';

// 80 customers on two skewed (log-normal) measures: most are small, a few are far out. With seed 3,
// three k-means++ restarts at k = 4 all land in a poor split (silhouette 0.49); ten find 0.76. Auto-k
// used to quote the 0.49 for k = 4 (only the winner got the full restarts).
const table = parseDelimited(
  readFileSync(new URL('../fixtures/skewed_two_metrics.csv', import.meta.url), 'utf8'),
);
const n = table.rows.length;
const points = new Float64Array(n * 2);
table.rows.forEach((row, i) => {
  points[i * 2] = Number(row[0]);
  points[i * 2 + 1] = Number(row[1]);
});
const space = { kind: 'euclidean' as const, points, d: 2 };

describe('auto-k on a table where few restarts land in a poor local optimum', () => {
  it('has the poor optimum this fixture is for: 3 restarts score k = 4 far below 10 restarts', () => {
    const few = kmeans(points, n, 2, 4, { seed: 3, restarts: 3 });
    const full = kmeans(points, n, 2, 4, { seed: 3, restarts: 10 });
    const fewScore = silhouette(n, few.labels, 4, space, { seed: 3 }) ?? 0;
    const fullScore = silhouette(n, full.labels, 4, space, { seed: 3 }) ?? 0;
    expect(fullScore - fewScore).toBeGreaterThan(0.1);
  });

  it('quotes for every candidate k the silhouette a full run at that k scores (within 0.03)', () => {
    const auto = segmentTable(table, { k: 'auto', scaling: 'none', seed: 3 });
    for (const candidate of auto.chooseK?.candidates ?? []) {
      const full = segmentTable(table, { k: candidate.k, scaling: 'none', seed: 3 });
      expect(Math.abs((candidate.silhouette ?? 0) - (full.quality.silhouette ?? 0))).toBeLessThanOrEqual(
        0.03,
      );
    }
    expect(auto.chooseK?.recommendedK).toBe(3);
    expect(auto.chooseK?.reason).toMatch(/the best silhouette of k = 2–10 \(0\.79/);
  });

  it('re-runs the three best candidates at full restarts when candidates used few (large tables)', () => {
    const { result } = chooseK(n, (k) => kmeans(points, n, 2, k, { seed: 3, restarts: 3 }), space, {
      seed: 3,
      refineTop: 3,
      refineWinner: (k) => kmeans(points, n, 2, k, { seed: 3, restarts: 7, firstRestart: 3 }),
    });
    // On 3 restarts the best are k = 3, 2 and 7; their rows now hold what a full run scores.
    for (const k of [2, 3, 7]) {
      const full = kmeans(points, n, 2, k, { seed: 3, restarts: 10 });
      const fullScore = silhouette(n, full.labels, k, space, { seed: 3 }) ?? 0;
      expect(result.candidates.find((row) => row.k === k)?.silhouette).toBeCloseTo(fullScore, 3);
    }
    expect(result.recommendedK).toBe(3);
  });
});

describe('recommendK reason', () => {
  it('says "near tie, fewer segments preferred" when a larger k scored as high', () => {
    const result = recommendK(
      [
        { k: 2, inertia: 100, silhouette: 0.6 },
        { k: 3, inertia: 50, silhouette: 0.603 },
        { k: 4, inertia: 45, silhouette: 0.4 },
      ],
      300,
    );
    expect(result.recommendedK).toBe(2);
    expect(result.reason).toMatch(
      /near tie on silhouette with k = 3 \(0\.60 vs 0\.60.*fewer segments preferred/,
    );
    expect(result.reason).not.toMatch(/the best silhouette/);
  });

  it('explains a candidate without a silhouette', () => {
    const result = recommendK(
      [
        { k: 2, inertia: 100, silhouette: 0.7 },
        { k: 3, inertia: 50, silhouette: null },
      ],
      5,
    );
    expect(result.reason).toMatch(/k = 3 has no silhouette: /);
  });
});
