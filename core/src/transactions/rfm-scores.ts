/**
 * The classic RFM score view: each customer gets 1–5 per dimension by quintile of the population
 * (5 = best: most recent, most frequent, highest spending). Ties share a score (the quintile of their
 * average rank), so 600 customers with one order all get the same F score.
 */

/** Scores 1..5 per customer and dimension. */
export interface RfmScores {
  r: Uint8Array;
  f: Uint8Array;
  m: Uint8Array;
}

/**
 * Quintile scores of R, F and M (recency: fewer days scores higher).
 * @example rfmScores(rollup.recency, rollup.frequency, rollup.monetary).r // Uint8Array [5, 2, 4, 1] — ann, bob, cara, dan: fewer days score higher
 */
export function rfmScores(recency: Float64Array, frequency: Float64Array, monetary: Float64Array): RfmScores {
  return {
    r: quintiles(recency, false),
    f: quintiles(frequency, true),
    m: quintiles(monetary, true),
  };
}

/**
 * 1..5 by the quintile of each value's (tie-averaged) rank.
 * @example quintiles(Float64Array.of(10, 20, 30, 40, 50), true) // Uint8Array [1, 2, 3, 4, 5]
 */
export function quintiles(values: Float64Array, higherIsBetter: boolean): Uint8Array {
  const n = values.length;
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  order.sort((a, b) => values[a] - values[b]);
  const scores = new Uint8Array(n);
  let start = 0;
  while (start < n) {
    let end = start + 1;
    while (end < n && values[order[end]] === values[order[start]]) end++;
    const averageRank = (start + end - 1) / 2;
    const quintile = Math.min(5, 1 + Math.floor((5 * (averageRank + 0.5)) / n));
    const score = higherIsBetter ? quintile : 6 - quintile;
    for (let j = start; j < end; j++) scores[order[j]] = score;
    start = end;
  }
  return scores;
}

/**
 * A score triple as people write it.
 * @example scoreLabel(5, 4, 5) // 'R5 F4 M5'
 */
export function scoreLabel(r: number, f: number, m: number): string {
  return `R${r} F${f} M${m}`;
}
