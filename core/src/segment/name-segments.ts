/**
 * The persona stage: every profiled segment gets its persona (name, summary, strategy, targeting
 * priority) from the personas playbook.
 */
import { namePersonas } from '../personas/personas';
import type { Feature, Segment } from '../schema/run';
import type { SegmentProfile } from './profile-segments';

/**
 * Gives each segment its persona.
 * @example nameSegments(matrix.features, profiles)[0].persona.name // 'Potential Loyalists (Standard)'
 */
export function nameSegments(features: Feature[], profiles: SegmentProfile[]): Segment[] {
  const personas = namePersonas(features, profiles);
  return profiles.map((profile, i) => ({ ...profile, persona: personas[i] }));
}
