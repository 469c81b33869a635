/**
 * The persona stage: every profiled segment gets its persona (name, summary, strategy) from the
 * personas playbook; the ranking stage that follows gives each its targeting priority.
 */
import { namePersonas } from '../personas/personas';
import type { Feature } from '../schema/run';
import type { SegmentProfile } from './profile-segments';
import type { NamedSegment } from './rank-segments';
import type { SegmentExtras } from './segment-extras';

/**
 * Gives each segment its persona.
 * @example nameSegments(matrix.features, profiles)[0].persona.name // 'Potential Loyalists (Standard)'
 */
export function nameSegments(
  features: Feature[],
  profiles: (SegmentProfile & Partial<SegmentExtras>)[],
): NamedSegment[] {
  const personas = namePersonas(features, profiles);
  // The spend mix informs the persona; outcome rates and descriptors are shown with the segment.
  return profiles.map(({ mix: _mix, outcomes, descriptors, ...profile }, i) => ({
    ...profile,
    persona: personas[i],
    ...(outcomes?.length ? { outcomes } : {}),
    ...(descriptors?.length ? { descriptors } : {}),
  }));
}
