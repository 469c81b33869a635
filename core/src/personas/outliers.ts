/**
 * Tiny segments are outliers, not market segments: a customer with an income of 666,666 should not
 * get a playbook persona or be targeted first.
 */
import type { Feature, ProfileEntry } from '../schema/run';
import { readableHeader } from '../table/header-words';

/**
 * Smallest segment that is a market segment: max(5, 1% of the customers).
 * @example outlierThreshold(2240) // 23
 */
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
 * @example outlierNote([{ feature: 'Income', kind: 'numeric', mean: 666666, level: 'high', zScore: 30 }], new Map([['Income', 52247]])) // 'Income 666,666 vs 52,247 on average'
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

/**
 * Levels against the customers outside outlier segments: one customer with an income of 666,666
 * must not make every other segment "average". The population mean and sd of each numeric feature
 * are recomputed without the outlier segments (their spread within themselves is ignored, which
 * slightly overstates the sd), and every numeric profile entry gets its z-score and level again.
 * Without outlier segments the profiles come back unchanged.
 * @example relevelWithoutOutliers(features, profiles)[0].profile[0].level // 'average' — the Mall run has no outlier segment
 */
export function relevelWithoutOutliers<T extends { size: number; profile: ProfileEntry[] }>(
  features: Feature[],
  segments: T[],
): T[] {
  const customers = segments.reduce((sum, segment) => sum + segment.size, 0);
  const outliers = segments.filter((segment) => isOutlierSegment(segment.size, customers));
  if (outliers.length === 0) return segments;
  const rest = customers - outliers.reduce((sum, segment) => sum + segment.size, 0);
  const stats = new Map<string, { mean: number; std: number }>();
  for (const feature of features) {
    if (feature.kind !== 'numeric' || feature.mean === undefined || feature.std === undefined) continue;
    const mu = feature.mean;
    let sumSquares = customers * feature.std ** 2;
    let sum = customers * mu;
    for (const segment of outliers) {
      const entry = segment.profile.find((candidate) => candidate.feature === feature.name);
      if (entry?.kind !== 'numeric') continue;
      sumSquares -= segment.size * (entry.mean - mu) ** 2;
      sum -= segment.size * entry.mean;
    }
    const mean = sum / rest;
    const variance = Math.max(0, (sumSquares - rest * (mean - mu) ** 2) / rest);
    stats.set(feature.name, { mean, std: Math.sqrt(variance) });
  }
  return segments.map((segment) => ({
    ...segment,
    profile: segment.profile.map((entry) => {
      const population = stats.get(entry.feature);
      if (entry.kind !== 'numeric' || !population) return entry;
      const zScore = population.std > 0 ? (entry.mean - population.mean) / population.std : 0;
      return { ...entry, zScore: Math.round(zScore * 1000) / 1000, level: levelOfZ(zScore) };
    }),
  }));
}

function levelOfZ(zScore: number): 'low' | 'average' | 'high' {
  return zScore > 0.5 ? 'high' : zScore < -0.5 ? 'low' : 'average';
}
