/**
 * Which segment to target first, overall or for a campaign goal, with the runner-up.
 */
import { formatNumber } from '../format';
import type { Answer } from '../schema/answer';
import type { RunSummary, Segment } from '../schema/run';
import type { GoalRule } from './goals';
import { PERSONA_SYNONYMS, type PlaybookKey, personaKeyOf } from './persona-synonyms';
import { rankedByPriority, rankedForGoal } from './ranking';

import { customers, fmtCount, fmtShare, runFacts, segmentLabel, sentence, totalOf } from './wording';

/** The segment to target first, overall (by priority) or for a campaign goal, with the runner-up and why. */
export function targetAnswer(run: RunSummary, rule: GoalRule | undefined): Answer {
  const ranked = rule ? rankedForGoal(run, rule.goal) : rankedByPriority(run);
  const [best, runnerUp] = ranked;
  const total = totalOf(run);
  const suited = rule ? rule.keys.includes(personaKeyOf(best) as PlaybookKey) : false;
  const facts = `${customers(best.size)}, ${fmtShare(best.share)} of the ${fmtCount(total)}${valueClause(run, best)}`;
  let why: string;
  if (!rule) {
    // The ranking's own reason names the numbers (share of customers and of spending, response).
    const reason = typeof best.persona.reason === 'string' ? ` Why: ${best.persona.reason}` : '';
    why = `Target ${segmentLabel(best)} first in run ${run.name}: ${facts}. It ranks first for targeting (size × value).${reason}`;
  } else if (suited) {
    why = `For ${rule.phrase}, target ${segmentLabel(best)} in run ${run.name}: ${facts}. Its persona suits ${rule.phrase} best in this run.`;
  } else {
    const fitting = rule.keys.map((key) => PERSONA_SYNONYMS[key].name).join(' or ');
    why = `For ${rule.phrase}, target ${segmentLabel(best)} in run ${run.name}: ${facts}. No segment in this run is a typical fit (${fitting}), so this is the first priority overall.`;
  }
  const strategy = ` Strategy: ${sentence(best.persona.strategy)}`;
  const second = runnerUp
    ? ` Runner-up: ${segmentLabel(runnerUp)}, ${customers(runnerUp.size)}, ${fmtShare(runnerUp.share)}.`
    : ' There is no runner-up: the run has one segment.';
  return {
    intent: 'target',
    ...runFacts(run),
    segment: { index: best.index, name: best.persona.name },
    size: best.size,
    share: best.share,
    strategy: best.persona.strategy,
    ...(rule ? { goal: rule.goal } : {}),
    ...(runnerUp ? { runnerUp: { index: runnerUp.index, name: runnerUp.persona.name } } : {}),
    text: why + strategy + second,
  };
}

/** ", with high Spending Score (82 on average)": the value side of size × value, from income and spending roles. */
function valueClause(run: RunSummary, segment: Segment): string {
  const valued = run.features.filter((feature) => feature.role === 'spending' || feature.role === 'income');
  const parts: string[] = [];
  for (const feature of valued) {
    const entry = segment.profile.find((candidate) => candidate.feature === feature.name);
    if (entry?.kind === 'numeric' && entry.level !== 'average') {
      parts.push(`${entry.level} ${feature.name} (${formatNumber(entry.mean)} on average)`);
    }
  }
  return parts.length ? `, with ${parts.join(' and ')}` : '';
}
