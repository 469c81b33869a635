/**
 * Seeded Gaussian blobs for the k-means bench: `clusters` centres drawn uniformly in [−10, 10]^d,
 * at least `minSeparation` apart (so one greedy k-means++ start finds the true clusters both here
 * and in scikit-learn, and inertias compare like for like), standard deviation 1, and values rounded
 * to 6 decimals so the CSV handed to scikit-learn holds exactly the numbers we cluster.
 */
import { closeSync, openSync, writeSync } from 'node:fs';
import { createRandom, randomNormal } from '@segments/core';

export interface Blobs {
  points: Float64Array;
  n: number;
  d: number;
}

/** n × d row-major blob data; equal arguments give equal data. */
export function gaussianBlobs(
  n: number,
  d: number,
  clusters: number,
  seed: number,
  minSeparation = 6,
): Blobs {
  const random = createRandom(seed);
  const centres = new Float64Array(clusters * d);
  for (let c = 0; c < clusters; c++) {
    for (let attempt = 0; ; attempt++) {
      for (let f = 0; f < d; f++) centres[c * d + f] = -10 + 20 * random();
      let nearest = Number.POSITIVE_INFINITY;
      for (let other = 0; other < c; other++) {
        let sum = 0;
        for (let f = 0; f < d; f++) sum += (centres[c * d + f] - centres[other * d + f]) ** 2;
        nearest = Math.min(nearest, sum);
      }
      if (Math.sqrt(nearest) >= minSeparation || attempt > 1000) break;
    }
  }
  const points = new Float64Array(n * d);
  for (let i = 0; i < n; i++) {
    const c = Math.floor(random() * clusters);
    for (let f = 0; f < d; f++)
      points[i * d + f] = Math.round((centres[c * d + f] + randomNormal(random)) * 1e6) / 1e6;
  }
  return { points, n, d };
}

/** Writes the blobs as a headerless CSV, in chunks (a 1M-row file never sits in memory whole). */
export function writeBlobsCsv(blobs: Blobs, path: string): void {
  const { points, n, d } = blobs;
  const file = openSync(path, 'w');
  try {
    const chunkRows = 50_000;
    for (let start = 0; start < n; start += chunkRows) {
      const lines: string[] = [];
      for (let i = start; i < Math.min(n, start + chunkRows); i++) {
        const cells: string[] = [];
        for (let f = 0; f < d; f++) cells.push(String(points[i * d + f]));
        lines.push(cells.join(','));
      }
      writeSync(file, `${lines.join('\n')}\n`);
    }
  } finally {
    closeSync(file);
  }
}
