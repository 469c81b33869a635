/**
 * Rounding and number wording, shared by every part of core that writes numbers for people
 * (Run fields, persona summaries, answers, sheet cells), so a value reads the same everywhere.
 */

/**
 * Rounds to `digits` decimals, halves up (Math.round on value × 10^digits).
 * @example round(25.347, 2) // 25.35
 */
export function round(value: number, digits: number): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

/**
 * A number as a sentence says it: whole with thousands separators from 1,000 on, else at most one
 * decimal (no trailing zero).
 * @example formatNumber(1234.56) // '1,235'
 */
export function formatNumber(value: number): string {
  return Math.abs(value) >= 1000 ? Math.round(value).toLocaleString('en-US') : String(round(value, 1));
}
