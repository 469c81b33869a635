/**
 * Seeded randomness. Every random choice in core draws from a generator made here, so the same seed
 * gives the same segments on every runtime (Apps Script, Node, browser).
 */

/** A source of uniform numbers in [0, 1). */
export type Random = () => number;

/**
 * A fast 32-bit generator (mulberry32) from an integer seed.
 * @param seed any integer; equal seeds give equal sequences
 * @example createRandom(1)() // 0.1896772885…
 */
export function createRandom(seed: number): Random {
  let state = (Math.trunc(seed) ^ 0x9e3779b9) >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A whole number in [0, bound).
 * @example randomInt(createRandom(1), 10) // 1
 */
export function randomInt(random: Random, bound: number): number {
  return Math.floor(random() * bound);
}

/**
 * A standard normal draw (Box–Muller).
 * @example randomNormal(createRandom(1)) // -0.7533659309…
 */
export function randomNormal(random: Random): number {
  let u = 0;
  while (u === 0) u = random();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
}

/**
 * `count` distinct indices from [0, n), in increasing order (Floyd's algorithm: O(count) memory).
 * @example sampleIndices(createRandom(1), 10, 3) // [1, 2, 7]
 */
export function sampleIndices(random: Random, n: number, count: number): number[] {
  if (count >= n) return Array.from({ length: n }, (_, i) => i);
  const chosen = new Set<number>();
  for (let j = n - count; j < n; j++) {
    const t = randomInt(random, j + 1);
    chosen.add(chosen.has(t) ? j : t);
  }
  return [...chosen].sort((a, b) => a - b);
}

/**
 * A seed for the next sub-task, so restarts and candidates do not share a stream.
 * @example deriveSeed(1, 0) // -1112920659
 */
export function deriveSeed(seed: number, salt: number): number {
  return (Math.imul(seed ^ 0x5bd1e995, 0x01000193) + Math.imul(salt + 1, 0x9e3779b1)) | 0;
}
