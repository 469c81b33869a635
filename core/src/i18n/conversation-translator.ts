/**
 * The translator for conversations (answers, Slack, the CLI): the run catalogue plus the conversation
 * catalogue in one `m`. Only code that talks to people imports it, so the Sheets add-on's bundle
 * leaves the conversation sentences out.
 */
import { CONVERSATION_MESSAGES_EN, type ConversationMessages } from './conversation-messages-en';
import { CONVERSATION_MESSAGES_ID } from './conversation-messages-id';
import type { Lang } from './lang';
import type { Messages } from './messages-en';
import { createTranslator, type Translator } from './translator';

/** Every sentence of one language: the run catalogue and the conversation catalogue. */
export type AllMessages = Messages & ConversationMessages;

/** What {@link createConversationTranslator} returns: a {@link Translator} whose catalogue has both parts. */
export interface ConversationTranslator extends Omit<Translator, 'm'> {
  m: AllMessages;
}

/** Every language's conversation catalogue. */
const CONVERSATION_CATALOGUES: Record<Lang, ConversationMessages> = {
  en: CONVERSATION_MESSAGES_EN,
  id: CONVERSATION_MESSAGES_ID,
};

// One merged catalogue per language, built on first use.
const merged = new Map<Lang, AllMessages>();

/**
 * The conversation translator of a language.
 * @example createConversationTranslator('id').m.noRunnerUp() // ' Tidak ada pilihan kedua: run ini hanya punya satu segmen.'
 */
export function createConversationTranslator(lang: Lang): ConversationTranslator {
  const t = createTranslator(lang);
  let m = merged.get(lang);
  if (!m) {
    m = { ...t.m, ...CONVERSATION_CATALOGUES[lang] };
    merged.set(lang, m);
  }
  return { ...t, m };
}
