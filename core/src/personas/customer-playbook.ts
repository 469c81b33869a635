/**
 * Personas for customer tables beyond the income × spending plane: value, engagement (frequency),
 * recency (active / lapsing), tenure (new / established) and the dominant category of spend. Each has
 * a strategy that says channel, offer, message and what to avoid. Traits are said in plain words
 * ("older", "high-income", "lapsing"), never as raw headers.
 */

import { MESSAGES_EN } from '../i18n/messages-en';
import type { Level, PersonaKey, Role } from '../schema/run';
import { readableHeader } from '../table/header-words';

export type CustomerKey = Extract<
  PersonaKey,
  'champions' | 'big-spenders' | 'at-risk' | 'lapsed' | 'new' | 'occasional' | 'category-fans' | 'outlier'
>;

/** Names and strategies of the customer-table personas. */
export const CUSTOMER_PLAYBOOK: Record<CustomerKey, { name: string; strategy: string }> = {
  champions: {
    name: 'Champions',
    strategy:
      'Reward and involve: early access, referral rewards and premium bundles by email and app; the message is appreciation and exclusivity; avoid blanket discounts on what they already buy at full price.',
  },
  'big-spenders': {
    name: 'Big Spenders',
    strategy:
      'Grow share of wallet: personal recommendations and premium cross-sells through email or an account manager; the message is quality and convenience; avoid heavy discounting.',
  },
  'at-risk': {
    name: 'At-Risk Big Spenders',
    strategy:
      'Win them back before they go: a personal check-in and a tailored offer on what they used to buy, by email or phone; the message is what is new since their last visit; avoid generic mass mailings.',
  },
  lapsed: {
    name: 'Lapsed Customers',
    strategy:
      'Low-cost reactivation: one clear come-back offer by email or retargeting, then stop if there is no response; avoid spending premium budget on them.',
  },
  new: {
    name: 'New Customers',
    strategy:
      'Onboarding: a welcome series, a second-purchase incentive and product guidance in the first weeks; the message is getting started; avoid pushing premium upgrades too early.',
  },
  occasional: {
    name: 'Occasional Buyers',
    strategy:
      'Build frequency cheaply: reminders, bundles and small time-limited incentives by email and social; the message is everyday value; avoid costly one-to-one contact.',
  },
  'category-fans': {
    name: 'Category Fans',
    strategy:
      'Category-led offers: lead with their favourite category and cross-sell its neighbours; the message is expertise and range in that category; avoid generic catalogue mailings.',
  },
  outlier: {
    name: 'Outliers',
    strategy:
      'Review by hand: too few customers to market to as a segment; check the data behind them and treat them one by one.',
  },
};

/** A segment's levels by role (the first feature of each role). */
export type RoleLevels = Partial<Record<Role, Level>>;

/**
 * The customer-table persona a segment's levels fit, if any.
 * @example customerKey({ spending: 'high', recency: 'high' }) // 'at-risk'
 */
export function customerKey(levels: RoleLevels): CustomerKey | undefined {
  const spending = levels.spending;
  const lapsing = levels.recency === 'high';
  if (spending === 'high') {
    if (lapsing) return 'at-risk';
    if (levels.frequency === 'high' || levels.recency === 'low') return 'champions';
    return 'big-spenders';
  }
  if (lapsing && spending !== undefined) return 'lapsed';
  if (levels.tenure === 'low' && spending !== 'low') return 'new';
  if (spending === 'low' || levels.frequency === 'low') return 'occasional';
  return undefined;
}

/**
 * A trait in plain words for a feature's role and level ("older", "high-income", "lapsing").
 * @example plainTrait('income', 'high', 'Annual Income (k$)') // 'high-income'
 */
export function plainTrait(role: Role | undefined, level: Level, header: string): string {
  const label = readableHeader(header)
    .replace(/^(num|number of|no\.? of|jumlah)\s+/i, '')
    .toLowerCase();
  // The English wording lives in the message catalogue, beside its Indonesian counterpart.
  return MESSAGES_EN.trait(role, level === 'high', label);
}

/**
 * "Wines" → "Wine Lovers"; several words stay as they are ("Meat Products Lovers").
 * @example categoryFanName('Wines') // 'Wine Lovers'
 */
export function categoryFanName(label: string): string {
  const single = !label.includes(' ') && /[^s]s$/i.test(label) && label.length > 4;
  return `${single ? label.slice(0, -1) : label} Lovers`;
}
