/**
 * One feature's average for a segment ("average income of the VIP segment"), or for every segment.
 */
import { formatNumber } from '../format';
import type { Answer } from '../schema/answer';
import type { Feature, RunSummary, Segment } from '../schema/run';
import { capitalise, runFacts, segmentFacts, segmentLabel } from './wording';

function meanOf(segment: Segment, feature: Feature): { mean: number; level: string } | undefined {
  const entry = segment.profile.find((candidate) => candidate.feature === feature.name);
  return entry?.kind === 'numeric' ? { mean: entry.mean, level: entry.level } : undefined;
}

/**
 * "The average Annual Income (k$) of Premium Shoppers (VIP) (segment 1) is 86.5, high against 60.6
 * for all customers." Without a segment: every segment's average, in segment order.
 */
export function factAnswer(run: RunSummary, feature: Feature, segment?: Segment): Answer {
  const population = feature.mean;
  const against = population === undefined ? '' : ` against ${formatNumber(population)} for all customers`;
  if (segment) {
    const value = meanOf(segment, feature);
    if (!value) {
      return {
        intent: 'fact',
        ...segmentFacts(run, segment),
        text: `${capitalise(segmentLabel(segment))} has no published average for ${feature.name} (segments under 5 customers are published without their values).`,
      };
    }
    return {
      intent: 'fact',
      ...segmentFacts(run, segment),
      fact: {
        feature: feature.name,
        ...(population === undefined ? {} : { populationMean: population }),
        values: [{ index: segment.index, name: segment.persona.name, mean: value.mean, level: value.level }],
      },
      text: `The average ${feature.name} of ${segmentLabel(segment)} is ${formatNumber(value.mean)}${value.level === 'average' ? ', about average,' : `, ${value.level},`}${against} (run ${run.name}).`,
    };
  }
  const values = run.segments.flatMap((candidate) => {
    const value = meanOf(candidate, feature);
    return value
      ? [{ index: candidate.index, name: candidate.persona.name, mean: value.mean, level: value.level }]
      : [];
  });
  const parts = values.map((value) => `segment ${value.index + 1} ${value.name} ${formatNumber(value.mean)}`);
  return {
    intent: 'fact',
    ...runFacts(run),
    fact: {
      feature: feature.name,
      ...(population === undefined ? {} : { populationMean: population }),
      values,
    },
    text: `Average ${feature.name} by segment in run ${run.name}${against ? `,${against}` : ''}: ${parts.join('; ')}.`,
  };
}
