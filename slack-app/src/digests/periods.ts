/**
 * Digest periods: a daily digest's period is a UTC day, a weekly one's an ISO week, each starting
 * at {@link DIGEST_HOUR_UTC}:00 UTC (Monday for weekly). The period key is what a firing claims in
 * the store, so each period posts once however many replicas tick.
 */

/** Digests go out from this hour (UTC) of the day, or of Monday for weekly ones. */
export const DIGEST_HOUR_UTC = 9;

/**
 * The period `now` falls in: "daily:2026-02-02", or "weekly:2026-W06".
 * @example periodKey('weekly', new Date('2026-02-02T09:00:00Z')) // → 'weekly:2026-W06'
 */
export function periodKey(cadence: 'daily' | 'weekly', now: Date): string {
  // Shift so a period starts at DIGEST_HOUR_UTC: 08:59 still belongs to the previous day.
  const shifted = new Date(now.getTime() - DIGEST_HOUR_UTC * 3600_000);
  if (cadence === 'daily') return `daily:${shifted.toISOString().slice(0, 10)}`;
  // ISO week: the week of the Thursday of this week.
  const day = (shifted.getUTCDay() + 6) % 7;
  const thursday = new Date(
    Date.UTC(shifted.getUTCFullYear(), shifted.getUTCMonth(), shifted.getUTCDate() - day + 3),
  );
  const yearStart = Date.UTC(thursday.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((thursday.getTime() - yearStart) / 86400_000 + 1) / 7);
  return `weekly:${thursday.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}
