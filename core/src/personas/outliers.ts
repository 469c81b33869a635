/**
 * Tiny segments are outliers, not market segments: a customer with an income of 666,666 should not
 * get a playbook persona or be targeted first.
 */
import type { ProfileEntry } from '../schema/run';
import { readableHeader } from '../table/header-words';

/** Smallest segment that is a market segment: max(5, 1% of the customers). */
export function outlierThreshold(customers: number): number {
  return Math.max(5, Math.ceil(0.01 * customers));
}

/**
 * True for a segment of fewer than max(5, 1%) customers when the run has enough customers for that to
 * mean something (at least 2 × the threshold outside it).
 * @example isOutlierSegment(3, 2000) // true
 */
export function isOutlierSegment(size: number, customers: number): boolean {
  const threshold = outlierThreshold(customers);
  return size < threshold && customers - size >= 2 * threshold;
}

/**
 * What makes an outlier segment unusual: its most extreme features against the population.
 * @example outlierNote(profile, means) // 'Income 666,666 vs 52,247 on average'
 */
export function outlierNote(profile: ProfileEntry[], populationMeans: Map<string, number>): string {
  const extreme = profile
    .filter((entry): entry is Extract<ProfileEntry, { kind: 'numeric' }> => entry.kind === 'numeric')
    .sort((a, b) => Math.abs(b.zScore) - Math.abs(a.zScore))
    .slice(0, 2)
    .filter((entry) => Math.abs(entry.zScore) >= 1);
  if (extreme.length === 0) return 'a small group far from the others in the combination of features';
  return extreme
    .map(
      (entry) =>
        `${readableHeader(entry.feature)} ${format(entry.mean)} vs ${format(populationMeans.get(entry.feature) ?? 0)} on average`,
    )
    .join(', ');
}

function format(value: number): string {
  return Math.abs(value) >= 1000
    ? Math.round(value).toLocaleString('en-US')
    : String(Math.round(value * 10) / 10);
}
