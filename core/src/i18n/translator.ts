/**
 * One object per language with everything a sentence builder needs: the message catalogue, the
 * playbook personas and number formatting in that language's style.
 */
import { PLAYBOOK } from '../personas/personas';
import { RFM_PLAYBOOK } from '../personas/rfm-playbook';
import type { Lang } from './lang';
import { MESSAGES_EN, type Messages } from './messages-en';
import { MESSAGES_ID } from './messages-id';
import { formatCount, formatFixed, formatNumberIn, formatPercent } from './number-format';
import { PERSONAS_ID, type PersonaText, type PlaybookPersonaKey } from './personas-id';

/** What {@link createTranslator} returns. */
export interface Translator {
  lang: Lang;
  /** The message catalogue. */
  m: Messages;
  /** The playbook persona of a key: name, strategy and (RFM) summary. */
  persona: (key: PlaybookPersonaKey) => PersonaText;
  /** 86.54 → "86.5" / "86,5"; 1234.5 → "1,235" / "1.235". */
  number: (value: number) => string;
  /** 12345 → "12,345" / "12.345". */
  count: (value: number) => string;
  /** 0.195 → "19.5%" / "19,5%". */
  percent: (share: number, digits?: number) => string;
  /** A number with fixed decimals: 0.5123, 2 → "0.51" / "0,51". */
  fixed: (value: number, digits: number) => string;
}

/** The English persona of a key, from the playbooks the pipeline names segments with. */
function englishPersona(key: PlaybookPersonaKey): PersonaText {
  const entry = PLAYBOOK[key];
  const rfm = key in RFM_PLAYBOOK ? RFM_PLAYBOOK[key as keyof typeof RFM_PLAYBOOK] : undefined;
  return { name: entry.name, strategy: entry.strategy, ...(rfm ? { summary: rfm.summary } : {}) };
}

/** Every language's run catalogue (a Record, so a new language without one fails the typecheck). */
const CATALOGUES: Record<Lang, Messages> = { en: MESSAGES_EN, id: MESSAGES_ID };

/**
 * The translator of a language.
 * @example createTranslator('id').percent(0.195) // '19,5%'
 */
export function createTranslator(lang: Lang): Translator {
  return {
    lang,
    m: CATALOGUES[lang],
    persona: (key) => (lang === 'id' ? PERSONAS_ID[key] : englishPersona(key)),
    number: (value) => formatNumberIn(value, lang),
    count: (value) => formatCount(value, lang),
    percent: (share, digits = 1) => formatPercent(share, lang, digits),
    fixed: (value, digits) => formatFixed(value, digits, lang),
  };
}
