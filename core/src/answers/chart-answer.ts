/**
 * A chart asked for in words ("show a chart of the segment sizes"): which chart, and its text twin
 * (the numbers the chart shows, for the CLI and for notifications).
 */
import type { Answer, ChartKind } from '../schema/answer';
import type { Feature, RunSummary } from '../schema/run';
import { fmtCount, fmtShare, runFacts, segmentLabel } from './wording';

/**
 * The chart a question asks for: choosing k (elbow, silhouette), the two main features (scatter,
 * "income against spending"), a comparison with the previous run, or segment sizes by default.
 * @example chartKindOf('plot income against spending') // 'features'
 */
export function chartKindOf(norm: string): ChartKind {
  if (/\b(elbow|silhouette|choose k|choosing k|chosen k|choice of k|number of segments|k)\b/.test(norm))
    return 'choose-k';
  if (/\b(compare\w*|change\w*|since|before|previous|versus|vs|evolution|over time)\b/.test(norm))
    return 'compare';
  if (/\b(scatter|against|features?|income|spending|age|traits?|centroids?|profiles?|where)\b/.test(norm))
    return 'features';
  return 'sizes';
}

/**
 * The two features a scatter shows: income and spending when the run has them, else the two numeric
 * features whose segment averages differ most (largest spread of profile z-scores).
 * @example mainFeatures(run).map((feature) => feature.role) // ['income', 'spending']
 */
export function mainFeatures(run: RunSummary): Feature[] {
  const numeric = run.features.filter((feature) => feature.kind === 'numeric');
  const spread = (feature: Feature) => {
    let sum = 0;
    for (const segment of run.segments) {
      const entry = segment.profile.find((candidate) => candidate.feature === feature.name);
      if (entry?.kind === 'numeric') sum += entry.zScore * entry.zScore * segment.share;
    }
    return sum;
  };
  const byRole = ['income', 'spending'].flatMap((role) =>
    numeric.filter((feature) => feature.role === role).slice(0, 1),
  );
  const rest = numeric.filter((feature) => !byRole.includes(feature)).sort((a, b) => spread(b) - spread(a));
  return [...byRole, ...rest].slice(0, 2);
}

/** The chart of a run, with what it shows in words; falls back to sizes when the run cannot draw it. */
export function chartAnswer(run: RunSummary, previous: RunSummary | undefined, norm: string): Answer {
  let kind = chartKindOf(norm);
  let note = '';
  if (kind === 'choose-k' && !run.chooseK) {
    kind = 'sizes';
    note = ` Run ${run.name} used a fixed k of ${run.k}, so there is no elbow chart; here are the segment sizes.`;
  }
  if (kind === 'compare' && !previous) {
    kind = 'sizes';
    note = ` There is no earlier run to compare ${run.name} with; here are its segment sizes.`;
  }
  const numeric = mainFeatures(run);
  if (kind === 'features' && numeric.length < 2) {
    kind = 'sizes';
    note = ` Run ${run.name} has fewer than two numeric features to plot; here are its segment sizes.`;
  }
  const sizes = run.segments
    .map((segment) => `${segmentLabel(segment)} ${fmtCount(segment.size)} (${fmtShare(segment.share)})`)
    .join(', ');
  const what: Record<ChartKind, string> = {
    sizes: `Segment sizes in run ${run.name}: ${sizes}.`,
    features: `Segments of run ${run.name} by ${numeric[0]?.name} and ${numeric[1]?.name}: each segment's centre and spread.`,
    'choose-k': `How k was chosen in run ${run.name}: ${run.chooseK?.reason ?? `k = ${run.k}`}`,
    compare: `Segment sizes in run ${previous?.name} and run ${run.name}.`,
  };
  return { intent: 'chart', ...runFacts(run), chart: { kind }, text: `${what[kind]}${note}`.trim() };
}
