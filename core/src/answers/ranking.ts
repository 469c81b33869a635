/**
 * Orders of a run's segments for targeting: by persona priority, or for a campaign goal.
 */
import type { RunSummary, Segment } from '../schema/run';
import { GOAL_RULES, type Goal } from './goals';
import { type PlaybookKey, personaKeyOf } from './persona-synonyms';

/**
 * Orders a run's segments for targeting: by persona priority (1 first), then larger first, then index.
 * @example rankedByPriority(run)[0].persona.name // 'Premium Shoppers (VIP)'
 */
export function rankedByPriority(run: RunSummary): Segment[] {
  return [...run.segments].sort(
    (a, b) => a.persona.priority - b.persona.priority || b.size - a.size || a.index - b.index,
  );
}

/**
 * Orders a run's segments for a campaign goal: segments whose persona key suits the goal first, in
 * the goal's order of keys (discount: impulse, then budget), ties by priority; the rest by priority.
 * @example rankedForGoal(run, 'discount')[0].persona.key // 'impulse'
 */
export function rankedForGoal(run: RunSummary, goal: Goal): Segment[] {
  const rule = GOAL_RULES.find((candidate) => candidate.goal === goal);
  const keys: readonly PlaybookKey[] = rule?.keys ?? [];
  const goalFit = (segment: Segment) => {
    // Outliers are never a campaign's target, whatever the goal.
    if (segment.persona.key === 'outlier') return keys.length + 1;
    const key = personaKeyOf(segment);
    const position = key ? keys.indexOf(key) : -1;
    return position < 0 ? keys.length : position;
  };
  return rankedByPriority(run).sort((a, b) => goalFit(a) - goalFit(b));
}
