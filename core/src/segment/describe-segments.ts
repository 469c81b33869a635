/**
 * The segments of a run as a marketer reads them: persona, size, share, the share of the total value
 * the segment brings, the two or three traits that set it apart in words, and the strategy. The
 * add-on's results and the Segments sheet read the same sentences.
 */
import type { Lang } from '../i18n/lang';
import { createTranslator } from '../i18n/translator';
import type { Run, Segment } from '../schema/run';
import { segmentRfmView } from './name-rfm-segments';

/** One segment in words. */
export interface SegmentDigest {
  /** 0-based segment index (Segment column = index + 1). */
  index: number;
  name: string;
  size: number;
  share: number;
  /** Share of the total of the value column (size × segment mean / total); undefined without one. */
  valueShare?: number;
  /** Two or three traits that set the segment apart, e.g. "High Annual Income (k$) (avg 87)". */
  traits: string[];
  strategy: string;
  summary: string;
}

/** Roles whose column is money the customer brings; the first one chosen gives the value share. */
export const VALUE_ROLES = ['spending'] as const;

/**
 * The numeric feature whose total the value share divides: the first chosen feature with a value role.
 * @example valueFeatureOf(run) // 'Spending Score (1-100)'
 */
export function valueFeatureOf(run: Pick<Run, 'features'>): string | undefined {
  return run.features.find(
    (feature) =>
      feature.kind === 'numeric' && (VALUE_ROLES as readonly string[]).includes(feature.role ?? ''),
  )?.name;
}

/**
 * Up to `maxTraits` traits of a segment, strongest first: numeric columns far from the average (by
 * |z|), then categories that most of the segment shares. When nothing stands out, the averages
 * themselves ("Average Annual Income (k$) (avg 55.3)"): a segment in the middle is a finding too.
 * Worded in `lang` (default English), numbers as that language writes them. An RFM segment gives its
 * score view, its average customer's last order, and orders and spend instead.
 * @example segmentTraits(run.segments[1]) // ['High Spending Score (1-100) (avg 82.1)', 'High Annual Income (k$) (avg 86.5)']
 */
export function segmentTraits(segment: Pick<Segment, 'profile'>, maxTraits = 3, lang: Lang = 'en'): string[] {
  const t = createTranslator(lang);
  // An RFM segment reads best as its score view and what its average customer did.
  const rfm = segmentRfmView(segment);
  if (rfm) {
    return [
      rfm.score,
      t.m.traitLastOrder(t.number(rfm.recencyDays)),
      t.m.traitOrdersAndSpend(t.number(rfm.orders), t.number(rfm.monetary)),
    ].slice(0, maxTraits);
  }
  const scored: { score: number; text: string }[] = [];
  for (const entry of segment.profile) {
    if (entry.kind === 'numeric') {
      if (entry.level === 'average') continue;
      scored.push({
        score: Math.abs(entry.zScore),
        text: t.m.traitLevel(entry.level === 'high', entry.feature, t.number(entry.mean)),
      });
    } else if (entry.topShare >= 0.6) {
      scored.push({
        score: (entry.topShare - 0.5) * 2,
        text: t.m.traitMostly(entry.top, t.percent(entry.topShare, 0), entry.feature),
      });
    }
  }
  scored.sort((a, b) => b.score - a.score);
  if (scored.length > 0) return scored.slice(0, maxTraits).map((trait) => trait.text);
  const averages = segment.profile.flatMap((entry) =>
    entry.kind === 'numeric' ? [t.m.traitAverage(entry.feature, t.number(entry.mean))] : [],
  );
  return averages.length > 0 ? averages.slice(0, maxTraits) : [t.m.traitCloseToAverage()];
}

/**
 * Every segment of a run in words, in segment order; traits in `lang` (default English).
 * @example round(describeSegments(run)[0].valueShare ?? 0, 2) // 0.4
 */
export function describeSegments(
  run: Pick<Run, 'features' | 'segments'>,
  lang: Lang = 'en',
): SegmentDigest[] {
  const valueFeature = valueFeatureOf(run);
  const values = run.segments.map((segment) => {
    if (!valueFeature) return undefined;
    const entry = segment.profile.find((candidate) => candidate.feature === valueFeature);
    const mean = entry?.kind === 'numeric' ? entry.mean : segment.centroid[valueFeature];
    return typeof mean === 'number' ? Math.max(0, mean) * segment.size : undefined;
  });
  let total = 0;
  for (const value of values) total += value ?? 0;
  return run.segments.map((segment, s) => {
    const value = values[s];
    return {
      index: segment.index,
      name: segment.persona.name,
      size: segment.size,
      share: segment.share,
      ...(value !== undefined && total > 0 ? { valueShare: value / total } : {}),
      traits: segmentTraits(segment, 3, lang),
      strategy: segment.persona.strategy,
      summary: segment.persona.summary,
    };
  });
}
