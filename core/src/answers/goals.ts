/**
 * Campaign goals the target question understands (discount, loyalty, premium launch, …), the
 * persona keys suited to each, and finding the goal a question names.
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
    keys: ['vip', 'champions', 'big-spenders', 'cautious'],
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
    keys: ['vip', 'big-spenders', 'champions', 'cautious'],
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
    keys: ['impulse', 'budget', 'occasional'],
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
    keys: ['standard', 'vip', 'champions', 'new'],
    words: ['loyalty', 'membership', 'reward', 'points', 'referral'],
  },
  {
    goal: 'retention',
    phrase: 'retention',
    keys: ['at-risk', 'vip', 'champions', 'standard'],
    words: ['retention', 'retain', 'retaining', 'churn', 'churning', 'keep'],
  },
  {
    goal: 'reactivation',
    phrase: 'reactivation',
    keys: ['lapsed', 'at-risk', 'cautious', 'budget'],
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
    keys: ['young', 'impulse'],
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
