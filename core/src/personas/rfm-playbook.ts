/**
 * RFM personas: the standard segment map of recency against frequency-and-monetary scores (1–5
 * each), as CRM tools draw it, with a strategy per segment.
 *
 *   R \ FM   1            2–3                   4            5
 *   5        New          Potential Loyalists   Champions    Champions
 *   4        Promising    Potential Loyalists   Loyal        Loyal
 *   3        About to Sleep (FM 1–2), Need Attention (FM 3), Loyal (FM 4–5)
 *   1–2      Lost (R1 FM1), Hibernating (FM 1–2), At Risk (FM 3–4), Can't Lose Them (FM 5)
 *
 * FM is the rounded mean of the F and M scores: spending and frequency move together for most shops,
 * and one axis keeps the map readable.
 */
import type { PersonaKey } from '../schema/run';

export type RfmPersonaKey = Extract<PersonaKey, `rfm-${string}`>;

export interface RfmPlaybookEntry {
  name: string;
  /** What the segment is, in a sentence. */
  summary: string;
  strategy: string;
  /** Targeting order among RFM personas: 1 first (the most value to keep or grow). */
  rank: number;
  /** A high-value segment (Champions, Loyal, Can't Lose Them, At Risk). */
  highValue: boolean;
}

export const RFM_PLAYBOOK: Record<RfmPersonaKey, RfmPlaybookEntry> = {
  'rfm-champions': {
    name: 'Champions',
    summary: 'Bought recently, buy often and spend the most.',
    strategy:
      'Reward and VIP treatment: early access, loyalty perks and referral asks; they are your advocates, so never discount them by default.',
    rank: 1,
    highValue: true,
  },
  'rfm-loyal': {
    name: 'Loyal Customers',
    summary: 'Buy regularly and spend well; responsive to promotions.',
    strategy: 'Upsell and cross-sell: higher-value products, bundles and membership tiers; ask for reviews.',
    rank: 2,
    highValue: true,
  },
  'rfm-cant-lose': {
    name: "Can't Lose Them",
    summary: 'Used to buy often and spend the most, but have not come back for a long time.',
    strategy:
      'Win back with urgency: a personal call or e-mail, their favourite products and a strong time-limited offer before a competitor wins them.',
    rank: 3,
    highValue: true,
  },
  'rfm-at-risk': {
    name: 'At Risk',
    summary: 'Spent and bought well in the past, but not recently.',
    strategy:
      'Win-back campaign with urgency: personalised reminders, renewals and a time-limited offer; ask what went wrong.',
    rank: 4,
    highValue: true,
  },
  'rfm-potential-loyalists': {
    name: 'Potential Loyalists',
    summary: 'Recent customers with an average number of orders and spend.',
    strategy: 'Nurture into loyalty: a membership or points programme and personalised recommendations.',
    rank: 5,
    highValue: false,
  },
  'rfm-new': {
    name: 'New Customers',
    summary: 'Bought very recently, for the first time or nearly.',
    strategy: 'Onboarding: a welcome series, help with the product and a reason to order a second time.',
    rank: 6,
    highValue: false,
  },
  'rfm-promising': {
    name: 'Promising',
    summary: 'Recent shoppers who have not bought much yet.',
    strategy: 'Build the habit: brand awareness, free trials and a small incentive for the next order.',
    rank: 7,
    highValue: false,
  },
  'rfm-need-attention': {
    name: 'Need Attention',
    summary: 'Average recency, frequency and spend; may be slipping.',
    strategy: 'Re-engage: limited-time offers and recommendations based on past purchases.',
    rank: 8,
    highValue: false,
  },
  'rfm-about-to-sleep': {
    name: 'About to Sleep',
    summary: 'Below average recency and frequency; will be lost without a nudge.',
    strategy: 'Reactivation: popular products and a discount to bring them back before they go quiet.',
    rank: 9,
    highValue: false,
  },
  'rfm-hibernating': {
    name: 'Hibernating',
    summary: 'Last bought long ago, with few orders and low spend.',
    strategy: 'Low-cost reactivation: relevant offers by e-mail only; keep them out of expensive channels.',
    rank: 10,
    highValue: false,
  },
  'rfm-lost': {
    name: 'Lost',
    summary: 'Lowest recency, frequency and spend.',
    strategy:
      'Suppress from paid media: at most one low-cost win-back message, then stop spending to reach them.',
    rank: 11,
    highValue: false,
  },
};

/**
 * The persona of a score pair on the RFM map.
 * @param r recency score 1..5 (5 = most recent)
 * @param fm rounded mean of frequency and monetary scores 1..5
 * @example rfmPersonaKey(5, 5) // 'rfm-champions'
 */
export function rfmPersonaKey(r: number, fm: number): RfmPersonaKey {
  if (r <= 2) {
    if (r <= 1 && fm <= 1) return 'rfm-lost';
    if (fm <= 2) return 'rfm-hibernating';
    if (fm <= 4) return 'rfm-at-risk';
    return 'rfm-cant-lose';
  }
  if (r === 3) {
    if (fm <= 2) return 'rfm-about-to-sleep';
    if (fm === 3) return 'rfm-need-attention';
    return 'rfm-loyal';
  }
  if (fm >= 4) return r === 5 ? 'rfm-champions' : 'rfm-loyal';
  if (fm >= 2) return 'rfm-potential-loyalists';
  return r === 5 ? 'rfm-new' : 'rfm-promising';
}

/**
 * True for the RFM persona keys.
 * @example [isRfmKey('rfm-champions'), isRfmKey('high-value')] // [true, false]
 */
export function isRfmKey(key: string | undefined): key is RfmPersonaKey {
  return key !== undefined && key in RFM_PLAYBOOK;
}
