/**
 * "How much revenue comes from champions?": a segment's (or persona's) money total and share of the
 * run's, from the run summary alone (see rfm-facts); or every segment's revenue, largest first.
 */
import { formatNumber } from '../format';
import type { Answer } from '../schema/answer';
import type { RunSummary, Segment } from '../schema/run';
import { groupName } from './persona-group';
import { moneyFeature, moneyTotal, segmentMoney } from './rfm-facts';
import { customers, fmtCount, fmtShare, runFacts, segmentLabel, totalOf } from './wording';

/** Money words: a question with one of these and a size/amount wording asks about revenue. */
export const REVENUE_WORDS =
  /\b(revenue|revenues|sales|turnover|gmv|omzet|money|monetary|spend|spending|spent|earn\w*|income from|worth)\b/;

/** Words of a revenue question that never name a segment. */
export const REVENUE_FILLER = new Set(
  'revenue revenues sales turnover gmv omzet money monetary spend spending spent earn earns earned earning worth come comes coming bring brings brought generate generates generated make makes made each every per by income'.split(
    ' ',
  ),
);

/**
 * True when a normalised question asks how much money comes from segments.
 */
export function isRevenueQuestion(norm: string): boolean {
  return (
    REVENUE_WORDS.test(norm) &&
    /\b(how much|what share|share of|percent\w*|proportion|biggest|largest|most|total|comes? from|brings?|bring in|revenue (by|per))\b/.test(
      norm,
    )
  );
}

/** Why a run has no revenue to quote. */
function noMoneyText(run: RunSummary): string {
  const names = run.features.map((feature) => feature.name).join(', ');
  return `Run ${run.name} has no amount spent per customer (it was clustered on ${names}), so I can't tell revenue by segment. Segment an orders export (RFM) or a table with a spending amount to see it.`;
}

/** The revenue of a segment, or of every segment of one persona. */
export function revenueAnswer(run: RunSummary, segments: readonly Segment[]): Answer {
  const facts = {
    ...runFacts(run),
    segment: { index: segments[0].index, name: segments[0].persona.name },
    size: segments.reduce((sum, segment) => sum + segment.size, 0),
  };
  const share = facts.size / Math.max(1, totalOf(run));
  const label =
    segments.length > 1 ? `${groupName(segments)} (${segments.length} segments)` : segmentLabel(segments[0]);
  const feature = moneyFeature(run);
  const total = moneyTotal(run);
  if (!feature || total === undefined) return { intent: 'revenue', ...facts, share, text: noMoneyText(run) };
  const amounts = segments.map((segment) => segmentMoney(run, segment));
  if (amounts.some((amount) => amount === undefined)) {
    return {
      intent: 'revenue',
      ...facts,
      share,
      text: `${label} has ${customers(facts.size)}; fewer than 5 customers in a segment are published without their values, so its revenue is not shown (privacy).`,
    };
  }
  const money = amounts.reduce((sum: number, amount) => sum + (amount ?? 0), 0);
  const moneyShare = total > 0 ? money / total : 0;
  const perCustomer = money / Math.max(1, facts.size);
  const overall = total / Math.max(1, run.preprocessing.rowsUsed);
  const what = run.source.kind === 'transactions' ? 'revenue (net of returns)' : `${feature.name} in total`;
  return {
    intent: 'revenue',
    ...facts,
    share: moneyShare,
    text: `${label} brings ${formatNumber(money)} of the ${formatNumber(total)} ${what} in run ${run.name}: ${fmtShare(moneyShare)} from ${customers(facts.size)} (${fmtShare(share)} of the ${fmtCount(totalOf(run))}), ${formatNumber(perCustomer)} per customer against ${formatNumber(overall)} overall.`,
  };
}

/** Every segment's revenue and share, largest first; withheld segments last. */
export function revenueOverviewAnswer(run: RunSummary): Answer {
  const feature = moneyFeature(run);
  const total = moneyTotal(run);
  if (!feature || total === undefined) return { intent: 'revenue', ...runFacts(run), text: noMoneyText(run) };
  const rows = run.segments
    .map((segment) => ({ segment, money: segmentMoney(run, segment) }))
    .sort((a, b) => (b.money ?? -1) - (a.money ?? -1) || a.segment.index - b.segment.index);
  const parts = rows.map(({ segment, money }) =>
    money === undefined
      ? `${segmentLabel(segment)} not shown (fewer than 5 customers)`
      : `${segmentLabel(segment)} ${formatNumber(money)} (${fmtShare(total > 0 ? money / total : 0)})`,
  );
  const what = run.source.kind === 'transactions' ? 'Revenue (net of returns)' : `${feature.name} in total`;
  const top = rows[0];
  return {
    intent: 'revenue',
    ...runFacts(run),
    ...(top.money !== undefined
      ? { segment: { index: top.segment.index, name: top.segment.persona.name } }
      : {}),
    text: `${what} in run ${run.name}, ${formatNumber(total)}, by segment: ${parts.join(', ')}.`,
  };
}
