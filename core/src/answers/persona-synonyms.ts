/**
 * The playbook personas as people name them in chat: each persona key's name and synonyms, and the
 * key of a segment (from `persona.key`, or recognised from a playbook name).
 */
import type { PersonaKey, Segment } from '../schema/run';
import { normalizeText } from './text-match';

/** The playbook personas (every persona key except `custom`). */
export type PlaybookKey = Exclude<PersonaKey, 'custom'>;

/**
 * The playbook's persona names and the words people use for them in chat (the seeds' names Miser,
 * Careless, Sensible, Standard, VIP among them). Synonyms are lower case; several words allowed.
 */
export const PERSONA_SYNONYMS: Readonly<Record<PlaybookKey, { name: string; synonyms: readonly string[] }>> =
  {
    vip: {
      name: 'Premium Shoppers (VIP)',
      synonyms: [
        'vip',
        'premium',
        'high value',
        'big spenders',
        'high spenders',
        'premium shoppers',
        'high rollers',
        'top customers',
      ],
    },
    cautious: {
      name: 'Cautious Spenders',
      synonyms: ['miser', 'cautious', 'careful', 'careful spenders', 'savers', 'rich but frugal'],
    },
    impulse: {
      name: 'Impulse Buyers',
      synonyms: [
        'careless',
        'impulse',
        'impulsive',
        'bargain hunters',
        'deal hunters',
        'deal seekers',
        'shopaholics',
      ],
    },
    budget: {
      name: 'Budget Shoppers',
      synonyms: [
        'sensible',
        'budget',
        'frugal',
        'low spenders',
        'thrifty',
        'penny pinchers',
        'price sensitive',
      ],
    },
    standard: {
      name: 'Potential Loyalists (Standard)',
      synonyms: ['standard', 'average', 'loyalists', 'potential loyalists', 'regulars'],
    },
    young: { name: 'Young Enthusiasts', synonyms: ['young', 'youth', 'young enthusiasts', 'gen z'] },
    // Customer-table personas (personas/customer-playbook): value, engagement, recency, tenure, mix.
    champions: { name: 'Champions', synonyms: ['champions', 'best customers', 'top customers'] },
    'big-spenders': { name: 'Big Spenders', synonyms: ['whales', 'heavy spenders'] },
    'at-risk': { name: 'At-Risk Big Spenders', synonyms: ['at risk', 'slipping'] },
    lapsed: { name: 'Lapsed Customers', synonyms: ['lapsed', 'lost', 'dormant', 'inactive customers'] },
    new: { name: 'New Customers', synonyms: ['new customers', 'newcomers', 'recent signups'] },
    occasional: { name: 'Occasional Buyers', synonyms: ['occasional', 'infrequent', 'one off'] },
    'category-fans': { name: 'Category Fans', synonyms: ['lovers', 'fans'] },
    outlier: { name: 'Outliers', synonyms: ['outliers', 'outlier', 'unusual'] },
    // RFM personas (personas/rfm-playbook), for customers rolled up from orders.
    'rfm-champions': {
      name: 'Champions',
      synonyms: ['champions', 'champion', 'best customers', 'top customers'],
    },
    'rfm-loyal': { name: 'Loyal Customers', synonyms: ['loyal', 'loyal customers', 'regulars'] },
    'rfm-potential-loyalists': {
      name: 'Potential Loyalists',
      synonyms: ['potential loyalists', 'loyalists'],
    },
    'rfm-new': { name: 'New Customers', synonyms: ['new customers', 'newcomers', 'first time buyers'] },
    'rfm-promising': { name: 'Promising', synonyms: ['promising'] },
    'rfm-need-attention': { name: 'Need Attention', synonyms: ['need attention', 'needs attention'] },
    'rfm-about-to-sleep': { name: 'About to Sleep', synonyms: ['about to sleep', 'sleeping', 'drifting'] },
    'rfm-at-risk': { name: 'At Risk', synonyms: ['at risk', 'slipping', 'churning'] },
    'rfm-cant-lose': { name: "Can't Lose Them", synonyms: ['cant lose', 'cannot lose', 'cant lose them'] },
    'rfm-hibernating': { name: 'Hibernating', synonyms: ['hibernating', 'dormant', 'inactive'] },
    'rfm-lost': { name: 'Lost', synonyms: ['lost', 'lost customers', 'gone'] },
  };

export const PLAYBOOK_KEYS = Object.keys(PERSONA_SYNONYMS) as PlaybookKey[];

/**
 * The playbook key of a segment: `persona.key` when set, else recognised from a playbook name.
 * @example personaKeyOf(run.segments[1]) // 'vip'
 */
export function personaKeyOf(segment: Segment): PlaybookKey | undefined {
  const key = segment.persona.key;
  if (key && key !== 'custom') return key;
  if (key === 'custom') return undefined;
  const name = normalizeText(segment.persona.name);
  return PLAYBOOK_KEYS.find((candidate) => {
    const playbookName = PERSONA_SYNONYMS[candidate].name;
    return name === normalizeText(playbookName) || name === normalizeText(withoutParenthesis(playbookName));
  });
}

/** "Premium Shoppers (VIP)" → "Premium Shoppers": names as people shorten them. */
export function withoutParenthesis(name: string): string {
  return name.replace(/\s*\([^)]*\)\s*/g, ' ').trim() || name;
}
