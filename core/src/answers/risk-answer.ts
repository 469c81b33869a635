/**
 * "Which customers are at risk?": the segments whose persona says they are slipping away — first the
 * valuable ones (At Risk, Can't Lose Them; At-Risk Big Spenders in a customer table), then the
 * lower-value ones going quiet (About to Sleep, Need Attention, Hibernating; Lapsed) — with how long
 * since their last order and their revenue when the run has them. Lost customers are not "at risk":
 * they are gone (their playbook says suppress).
 */
import { formatNumber } from '../format';
import type { Answer } from '../schema/answer';
import type { RunSummary, Segment } from '../schema/run';
import { type PlaybookKey, personaKeyOf } from './persona-synonyms';
import { rankedByPriority } from './ranking';
import { meanOfRole, moneyTotal, overallMeanOfRole, segmentMoney } from './rfm-facts';
import { customers, fmtCount, fmtShare, runFacts, segmentLabel, sentence, totalOf } from './wording';

/** Valuable customers slipping away: win them back first. */
export const AT_RISK_KEYS: readonly PlaybookKey[] = ['rfm-cant-lose', 'rfm-at-risk', 'at-risk'];
/** Lower-value customers going quiet. */
export const SLIPPING_KEYS: readonly PlaybookKey[] = [
  'rfm-about-to-sleep',
  'rfm-need-attention',
  'rfm-hibernating',
  'lapsed',
];

const RISK_WORDS =
  /\b(at risk|risky|risk of|churn\w*|slipping|lapsing|about to (leave|churn|lapse|go)|might (leave|churn)|likely to (leave|churn))\b/;

/**
 * True when a normalised question asks who is at risk (not the size or strategy of a segment).
 */
export function isRiskQuestion(norm: string): boolean {
  return RISK_WORDS.test(norm) && /\b(which|who|whom|what customers|list|show|find|any)\b/.test(norm);
}

/** One segment's line: size, days since the last order against the run's, and its revenue. */
function segmentLine(run: RunSummary, segment: Segment): string {
  const parts = [customers(segment.size)];
  const days = meanOfRole(run, segment, 'recency');
  const overall = overallMeanOfRole(run, 'recency');
  if (days !== undefined)
    parts.push(
      `last order ${formatNumber(days)} days ago on average${overall !== undefined ? ` (${formatNumber(overall)} overall)` : ''}`,
    );
  const money = segmentMoney(run, segment);
  const total = moneyTotal(run);
  if (money !== undefined && total !== undefined && total > 0)
    parts.push(`${formatNumber(money)} spent, ${fmtShare(money / total)} of revenue`);
  return `${segmentLabel(segment)}: ${parts.join(', ')}`;
}

/** The at-risk segments of a run and what to do about them. */
export function riskAnswer(run: RunSummary): Answer {
  const ranked = rankedByPriority(run);
  const ofKeys = (keys: readonly PlaybookKey[]) =>
    ranked.filter((segment) => keys.includes(personaKeyOf(segment) as PlaybookKey));
  const atRisk = ofKeys(AT_RISK_KEYS);
  const slipping = ofKeys(SLIPPING_KEYS);
  const listed = atRisk.length ? atRisk : slipping;
  const list =
    '\nThe customer list stays with you: filter the Persona column of the customers file or sheet.';
  if (!listed.length) {
    const byRecency = [...run.segments]
      .filter((segment) => meanOfRole(run, segment, 'recency') !== undefined)
      .sort((a, b) => (meanOfRole(run, b, 'recency') ?? 0) - (meanOfRole(run, a, 'recency') ?? 0));
    const names = run.segments.map((segment) => segment.persona.name).join(', ');
    const longest = byRecency[0]
      ? ` The segment whose last order is longest ago is ${segmentLine(run, byRecency[0])}.`
      : '';
    return {
      intent: 'risk',
      ...runFacts(run),
      text: `No segment of run ${run.name} is at risk by its persona (${names}).${longest}`,
    };
  }
  const size = listed.reduce((sum, segment) => sum + segment.size, 0);
  const first = listed[0];
  const lead = atRisk.length
    ? `At risk in run ${run.name}: ${fmtCount(size)} of the ${fmtCount(totalOf(run))} customers (${fmtShare(size / Math.max(1, totalOf(run)))}) who used to buy well have gone quiet.`
    : `No segment of run ${run.name} is At Risk or Can't Lose Them; these are slipping: ${fmtCount(size)} of the ${fmtCount(totalOf(run))} customers (${fmtShare(size / Math.max(1, totalOf(run)))}).`;
  const others =
    atRisk.length && slipping.length
      ? `\nAlso going quiet (lower value): ${slipping.map((segment) => `${segmentLabel(segment)}, ${customers(segment.size)}`).join('; ')}.`
      : '';
  return {
    intent: 'risk',
    ...runFacts(run),
    segment: { index: first.index, name: first.persona.name },
    size: first.size,
    share: first.share,
    strategy: first.persona.strategy,
    text: `${lead}\n${listed.map((segment) => `• ${segmentLine(run, segment)}`).join('\n')}\nFirst: ${segmentLabel(first)}. ${sentence(first.persona.strategy)}${others}${list}`,
  };
}
