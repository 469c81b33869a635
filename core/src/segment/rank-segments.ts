/**
 * The ranking stage: targeting priority by expected value — size × value per customer (spending, or
 * income where no spending exists) × responsiveness where an outcome column says so. Outlier
 * segments rank last; a segment below average value is never first (see `rankByValue`).
 */
import { DEFAULT_LANG, type Lang } from '../i18n/lang';
import type { PersonaSegment, UnrankedPersona } from '../personas/personas';
import { rankByValue } from '../personas/value-ranking';
import type { Feature, Segment } from '../schema/run';
import { isResponseOutcome } from '../table/feature-plan';

/** A named segment waiting for its priority. */
export interface NamedSegment {
  index: number;
  size: number;
  share: number;
  centroid: Segment['centroid'];
  profile: Segment['profile'];
  persona: UnrankedPersona;
  outcomes?: PersonaSegment['outcomes'];
  descriptors?: { column: string; top: string; topShare: number }[];
}

/**
 * Gives each named segment its targeting priority (1 = target first) and the reason, with numbers,
 * in `lang` (default English).
 * @example rankSegments(features, namedSegments).map((s) => s.persona.priority) // [3, 1, 4, 5, 2] — VIP (39) first, the Standard 81 third
 */
export function rankSegments(
  features: Feature[],
  segments: NamedSegment[],
  lang: Lang = DEFAULT_LANG,
): Segment[] {
  const spending = features.find((feature) => feature.kind === 'numeric' && feature.role === 'spending');
  const income = features.find((feature) => feature.kind === 'numeric' && feature.role === 'income');
  const valueFeature = spending ?? income;
  const ranks = rankByValue(
    segments.map((segment) => {
      const entry = valueFeature
        ? segment.profile.find((candidate) => candidate.feature === valueFeature.name)
        : undefined;
      return {
        size: segment.size,
        value: entry?.kind === 'numeric' ? entry.mean : undefined,
        response: responseOf(segment.outcomes),
        outlier: segment.persona.key === 'outlier',
      };
    }),
    valueFeature ? (valueFeature === spending ? 'spending' : 'income') : undefined,
    lang,
  );
  return segments.map((segment, i) => ({
    ...segment,
    persona: { ...segment.persona, priority: ranks[i].priority, reason: ranks[i].reason },
  }));
}

/** The response-like outcome rates of a segment, averaged (response, accepted, converted). */
function responseOf(outcomes: PersonaSegment['outcomes']): { rate: number; overall: number } | undefined {
  const response = (outcomes ?? []).filter((outcome) => isResponseOutcome(outcome.column));
  if (response.length === 0) return undefined;
  const rate = response.reduce((sum, outcome) => sum + outcome.rate, 0) / response.length;
  const overall = response.reduce((sum, outcome) => sum + outcome.overall, 0) / response.length;
  return { rate, overall };
}
