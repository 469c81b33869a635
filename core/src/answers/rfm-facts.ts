/**
 * The numbers RFM-style answers quote, read from a run summary alone (what Slack has): a segment's
 * money total is its mean monetary value (the centroid, in original units) × its size; the run's
 * total is the feature's population mean × the customers clustered. A segment published without its
 * values (fewer than 5 customers) has no centroid, so its money is unknown, never guessed.
 */
import type { Feature, RunSummary, Segment } from '../schema/run';

/** Money-like names; a spending *score* (1–100) or rank is not money. */
const NOT_MONEY = /score|rank|index|rating|\(1\s*-\s*100\)|percent|%/i;

/**
 * The feature whose per-customer mean is money spent: Monetary in an RFM run, else a spending
 * feature that is not a score; undefined when the run has none.
 */
export function moneyFeature(run: RunSummary): Feature | undefined {
  const numeric = run.features.filter((feature) => feature.kind === 'numeric');
  return (
    numeric.find((feature) => run.source.kind === 'transactions' && feature.role === 'spending') ??
    numeric.find(
      (feature) => (feature.role === 'spending' || feature.role === 'money') && !NOT_MONEY.test(feature.name),
    )
  );
}

/**
 * The run's money total (population mean × customers clustered), or undefined.
 */
export function moneyTotal(run: RunSummary): number | undefined {
  const feature = moneyFeature(run);
  if (!feature || typeof feature.mean !== 'number') return undefined;
  return feature.mean * run.preprocessing.rowsUsed;
}

/**
 * A segment's money total (mean × size), or undefined when its values were withheld.
 */
export function segmentMoney(run: RunSummary, segment: Segment): number | undefined {
  const feature = moneyFeature(run);
  const mean = feature ? segment.centroid[feature.name] : undefined;
  return typeof mean === 'number' ? mean * segment.size : undefined;
}

/**
 * A segment's mean of the feature with a role (recency days, orders), or undefined.
 */
export function meanOfRole(run: RunSummary, segment: Segment, role: Feature['role']): number | undefined {
  const feature = run.features.find((candidate) => candidate.role === role && candidate.kind === 'numeric');
  const mean = feature ? segment.centroid[feature.name] : undefined;
  return typeof mean === 'number' ? mean : undefined;
}

/**
 * The population mean of the feature with a role, or undefined.
 */
export function overallMeanOfRole(run: RunSummary, role: Feature['role']): number | undefined {
  const feature = run.features.find((candidate) => candidate.role === role && candidate.kind === 'numeric');
  return typeof feature?.mean === 'number' ? feature.mean : undefined;
}
