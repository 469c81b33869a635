/**
 * Campaign goals the target question understands (discount, loyalty, premium launch, …), the
 * persona keys suited to each, and finding the goal a question names. A run's personas come from one
 * playbook (customer table or RFM), so each goal lists the keys of both; order counts within each.
 */
import type { PlaybookKey } from './persona-synonyms';
import { findSequence, stemWord, type Token } from './text-match';

/** Campaign goals the target question understands. */
export type Goal =
  | 'discount'
  | 'loyalty'
  | 'premium launch'
  | 'upsell'
  | 'retention'
  | 'reactivation'
  | 'social';

export interface GoalRule {
  goal: Goal;
  /** How the goal reads in a sentence: "For a discount campaign, …". */
  phrase: string;
  /** Persona keys suited to the goal, best first. */
  keys: readonly PlaybookKey[];
  /** Word sequences (normalised, stemmed) that name the goal. */
  words: readonly string[];
}

/** Goals, the persona keys suited to each (best first) and the words that name them. */
export const GOAL_RULES: readonly GoalRule[] = [
  {
    goal: 'premium launch',
    phrase: 'a premium launch',
    keys: ['vip', 'champions', 'big-spenders', 'cautious', 'rfm-champions', 'rfm-loyal'],
    words: [
      'premium launch',
      'product launch',
      'launch',
      'launches',
      'launching',
      'new product',
      'luxury',
      'exclusive',
    ],
  },
  {
    goal: 'upsell',
    phrase: 'upselling',
    keys: [
      'vip',
      'big-spenders',
      'champions',
      'cautious',
      'rfm-loyal',
      'rfm-champions',
      'rfm-potential-loyalists',
    ],
    words: [
      'upsell',
      'upselling',
      'up sell',
      'up selling',
      'cross sell',
      'cross selling',
      'upgrade',
      'upgrades',
    ],
  },
  {
    goal: 'discount',
    phrase: 'a discount campaign',
    keys: ['impulse', 'budget', 'occasional', 'rfm-need-attention', 'rfm-about-to-sleep', 'rfm-promising'],
    words: [
      'discount',
      'discounts',
      'discounted',
      'sale',
      'coupon',
      'promo',
      'promotion',
      'deal',
      'clearance',
      'markdown',
      'voucher',
      'bargain',
      'black friday',
    ],
  },
  {
    goal: 'loyalty',
    phrase: 'a loyalty programme',
    keys: [
      'standard',
      'vip',
      'champions',
      'new',
      'rfm-potential-loyalists',
      'rfm-loyal',
      'rfm-new',
      'rfm-champions',
    ],
    words: ['loyalty', 'membership', 'reward', 'points', 'referral'],
  },
  {
    goal: 'retention',
    phrase: 'retention',
    keys: [
      'at-risk',
      'vip',
      'champions',
      'standard',
      'rfm-cant-lose',
      'rfm-at-risk',
      'rfm-champions',
      'rfm-loyal',
    ],
    words: ['retention', 'retain', 'retaining', 'churn', 'churning', 'keep'],
  },
  {
    goal: 'reactivation',
    phrase: 'reactivation',
    keys: [
      'lapsed',
      'at-risk',
      'cautious',
      'budget',
      // RFM: the valuable ones first (win back with urgency), then those going quiet; Lost is suppressed.
      'rfm-cant-lose',
      'rfm-at-risk',
      'rfm-about-to-sleep',
      'rfm-hibernating',
      'rfm-need-attention',
    ],
    words: [
      'reactivation',
      'reactivate',
      'reactivating',
      're activate',
      're activation',
      'win back',
      'winback',
      're engage',
      'reengage',
      'reengagement',
      'dormant',
      'lapsed',
      'inactive',
    ],
  },
  {
    goal: 'social',
    phrase: 'a social media campaign',
    keys: ['young', 'impulse', 'rfm-new', 'rfm-promising'],
    words: ['social', 'social media', 'influencer', 'tiktok', 'instagram', 'viral'],
  },
];

interface GoalMention {
  rule: GoalRule;
  start: number;
  length: number;
}

/** The campaign goal a question names, earliest first; marks its words used. */
export function findGoal(tokens: readonly Token[], used: boolean[]): GoalMention | undefined {
  const stems = tokens.map((token) => token.stem);
  let found: GoalMention | undefined;
  for (const rule of GOAL_RULES) {
    for (const phrase of rule.words) {
      const words = phrase.split(' ').map(stemWord);
      const start = findSequence(stems, words);
      if (start < 0 || used[start]) continue;
      if (!found || start < found.start || (start === found.start && words.length > found.length)) {
        found = { rule, start, length: words.length };
      }
    }
  }
  if (found) for (let i = found.start; i < found.start + found.length; i++) used[i] = true;
  return found;
}
