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
