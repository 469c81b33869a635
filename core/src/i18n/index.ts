/**
 * Languages: English and Bahasa Indonesia from one typed message catalogue, numbers per locale,
 * Indonesian personas by key, runs and answers worded in either language, Indonesian question words.
 */

export * from './conversation-messages-en';
export * from './conversation-messages-id';
export * from './conversation-translator';
export * from './detect-language';
export * from './lang';
export * from './localize-run';
export * from './messages-en';
export * from './messages-id';
export * from './number-format';
export * from './personas-id';
export * from './question-words-id';
export * from './reword-answer';
export * from './sidebar-strings';
export * from './sidebar-strings-en';
export * from './sidebar-strings-id';
export * from './translator';
