/**
 * Ids for the records core creates (runs, models, predictions): sortable by time and unique across
 * machines, so saving is idempotent by id without two records ever sharing one by accident.
 */

/**
 * `<kind>-<UTC timestamp>-<6 random base-36 characters>`. The randomness is not the seed: a seed
 * repeats on purpose across runs, an id must not.
 * @example newRecordId('run', new Date('2026-11-22T06:30:51Z')) // 'run-20261122T063051Z-…' — then 6 random characters
 */
export function newRecordId(kind: 'run' | 'model' | 'prediction', now: Date): string {
  const stamp = now
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
  const random = Math.floor(Math.random() * 36 ** 6)
    .toString(36)
    .padStart(6, '0');
  return `${kind}-${stamp}-${random}`;
}
