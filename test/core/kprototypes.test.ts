import {
  createRandom,
  defaultGamma,
  isSegmentationError,
  kprototypes,
  type MixedData,
  mixedCost,
} from '@segments/core';
import { describe, expect, it } from 'vitest';

/** Six customers: (spend, channel code). Two obvious groups: low spend online, high spend in store. */
function toyData(): MixedData {
  const spend = [1, 1.2, 0.8, 9, 9.2, 8.8];
  const channel = [0, 0, 0, 1, 1, 1];
  return {
    n: 6,
    numeric: Float64Array.from(spend),
    numericCount: 1,
    categorical: Int32Array.from(channel),
    categoricalCount: 1,
    categoryCounts: [2],
  };
}

describe('defaultGamma', () => {
  it('is half the mean standard deviation of the numeric features', () => {
    // Feature 1: values 0, 2 (sd 1); feature 2: values 0, 6 (sd 3): mean sd 2, gamma 1.
    const data: MixedData = {
      n: 2,
      numeric: Float64Array.from([0, 0, 2, 6]),
      numericCount: 2,
      categorical: new Int32Array(0),
      categoricalCount: 0,
      categoryCounts: [],
    };
    expect(defaultGamma(data)).toBeCloseTo(1, 12);
  });

  it('is 1 for purely categorical data, so a mismatch still costs something', () => {
    const data: MixedData = {
      n: 2,
      numeric: new Float64Array(0),
      numericCount: 0,
      categorical: Int32Array.from([0, 1]),
      categoricalCount: 1,
      categoryCounts: [2],
    };
    expect(defaultGamma(data)).toBe(1);
  });
});

describe('kprototypes', () => {
  it('separates low-spend online customers from high-spend in-store customers', () => {
    const result = kprototypes(toyData(), 2, { seed: 1 });
    const [a, b, c, d, e, f] = Array.from(result.labels);
    expect([a, b, c]).toEqual([a, a, a]);
    expect([d, e, f]).toEqual([d, d, d]);
    expect(a).not.toBe(d);
    expect(Array.from(result.sizes).sort()).toEqual([3, 3]);
    // Means 1 and 9, modes match every point: cost = 2 × (0.04 + 0 + 0.04).
    expect(result.cost).toBeCloseTo(0.16, 12);
  });

  it('uses numeric means and categorical modes as prototypes', () => {
    const result = kprototypes(toyData(), 2, { seed: 2 });
    const high = result.labels[3];
    expect(result.numericCentroids[high]).toBeCloseTo(9, 12);
    expect(result.categoricalCentroids[high]).toBe(1);
  });

  it('reports a cost equal to the sum of each point against its prototype', () => {
    const data = toyData();
    const result = kprototypes(data, 3, { seed: 3, gamma: 0.7 });
    let total = 0;
    for (let i = 0; i < data.n; i++)
      total += mixedCost(
        data,
        i,
        result.numericCentroids,
        result.categoricalCentroids,
        result.labels[i],
        0.7,
      );
    expect(result.cost).toBeCloseTo(total, 12);
    expect(result.gamma).toBe(0.7);
  });

  it('lets the categorical feature decide when numbers are equal', () => {
    const data: MixedData = {
      n: 4,
      numeric: Float64Array.from([5, 5, 5, 5]),
      numericCount: 1,
      categorical: Int32Array.from([0, 0, 2, 2]),
      categoricalCount: 1,
      categoryCounts: [3],
    };
    const result = kprototypes(data, 2, { seed: 1, gamma: 1 });
    expect(result.labels[0]).toBe(result.labels[1]);
    expect(result.labels[2]).toBe(result.labels[3]);
    expect(result.labels[0]).not.toBe(result.labels[2]);
    expect(result.cost).toBe(0);
  });

  it('gives the same result for the same seed, and splitting restarts changes nothing', () => {
    const spend: number[] = [];
    const codes: number[] = [];
    for (let i = 0; i < 60; i++) {
      spend.push((i * 37) % 17, (i * 11) % 7);
      codes.push(i % 3, (i * 5) % 4);
    }
    const data: MixedData = {
      n: 60,
      numeric: Float64Array.from(spend),
      numericCount: 2,
      categorical: Int32Array.from(codes),
      categoricalCount: 2,
      categoryCounts: [3, 4],
    };
    const full = kprototypes(data, 4, { seed: 5, restarts: 10 });
    const again = kprototypes(data, 4, { seed: 5, restarts: 10 });
    expect(Array.from(again.labels)).toEqual(Array.from(full.labels));
    const first = kprototypes(data, 4, { seed: 5, restarts: 3 });
    const rest = kprototypes(data, 4, { seed: 5, restarts: 7, firstRestart: 3 });
    expect(Math.min(first.cost, rest.cost)).toBe(full.cost);
  });

  it('leaves every point with its cheapest prototype (the bounds skip nothing they should not)', () => {
    const random = createRandom(8);
    const n = 300;
    const numeric = new Float64Array(n * 2);
    const categorical = new Int32Array(n * 3);
    for (let i = 0; i < n; i++) {
      const group = i % 4;
      numeric[i * 2] = group * 1.5 + random();
      numeric[i * 2 + 1] = random() * 2;
      categorical[i * 3] = random() < 0.7 ? group : Math.floor(random() * 4);
      categorical[i * 3 + 1] = Math.floor(random() * 3);
      categorical[i * 3 + 2] = Math.floor(random() * 5);
    }
    const data: MixedData = {
      n,
      numeric,
      numericCount: 2,
      categorical,
      categoricalCount: 3,
      categoryCounts: [4, 3, 5],
    };
    for (const k of [3, 6]) {
      const result = kprototypes(data, k, { seed: k, restarts: 2 });
      const gamma = result.gamma;
      for (let i = 0; i < n; i++) {
        const own = mixedCost(
          data,
          i,
          result.numericCentroids,
          result.categoricalCentroids,
          result.labels[i],
          gamma,
        );
        for (let j = 0; j < k; j++) {
          const other = mixedCost(data, i, result.numericCentroids, result.categoricalCentroids, j, gamma);
          expect(own, `point ${i}, prototype ${j}`).toBeLessThanOrEqual(other + 1e-9);
        }
      }
    }
  });

  it('rejects k larger than the number of rows', () => {
    try {
      kprototypes(toyData(), 7);
      expect.unreachable();
    } catch (error) {
      expect(isSegmentationError(error) && error.code).toBe('INVALID_OPTION');
      expect((error as Error).message).toContain('from 1 to 6');
    }
  });
});
