/**
 * The add-on's language: Bahasa Indonesia under an Indonesian spreadsheet locale (`in_ID`, `id_ID`,
 * File › Settings › Locale), else English; a per-user setting overrides the locale either way.
 */
import { createTranslator, isLang, type Lang, langFromLocale, type Messages } from '@segments/core';
import { AddonUserError, serve } from './result';

const LANGUAGE_KEY = 'customerSegments.language';

/** The user's choice: follow the spreadsheet locale, or always one language. */
export type LanguageSetting = 'auto' | Lang;

function readLanguageSetting(): LanguageSetting {
  const saved = PropertiesService.getUserProperties().getProperty(LANGUAGE_KEY);
  return isLang(saved) ? saved : 'auto';
}

/**
 * The language the add-on writes personas, strategies and the Segments sheet in.
 * @example addonLang() // 'id' in a spreadsheet whose locale is in_ID
 */
export function addonLang(): Lang {
  const setting = readLanguageSetting();
  return setting === 'auto'
    ? langFromLocale(SpreadsheetApp.getActiveSpreadsheet().getSpreadsheetLocale())
    : setting;
}

/**
 * The message catalogue in the add-on's language, for replies, errors, toasts and progress lines.
 * @example addonMessages().addonLockBusy()
 */
export function addonMessages(): Messages {
  return createTranslator(addonLang()).m;
}

/**
 * The setting, the language in effect and the spreadsheet locale behind 'auto'. The sidebar's texts
 * in both languages are written into Sidebar.html by the build; the sidebar picks them by `lang`.
 */
export function languageSnapshot() {
  return {
    setting: readLanguageSetting(),
    lang: addonLang(),
    locale: SpreadsheetApp.getActiveSpreadsheet().getSpreadsheetLocale(),
  };
}

/**
 * For the sidebar: the language setting, the language in effect and the spreadsheet locale.
 * @example getLanguage() // { ok: true, setting: 'auto', lang: 'id', locale: 'in_ID' }
 */
export function getLanguage() {
  return serve(languageSnapshot);
}

/**
 * Saves the language setting: 'auto' (follow the spreadsheet locale), 'en' or 'id'.
 * @example saveLanguage('id')
 */
export function saveLanguage(input?: unknown) {
  return serve(() => {
    if (input !== 'auto' && !isLang(input))
      throw new AddonUserError(addonMessages().addonLanguageInvalid(String(input)));
    const properties = PropertiesService.getUserProperties();
    if (input === 'auto') properties.deleteProperty(LANGUAGE_KEY);
    else properties.setProperty(LANGUAGE_KEY, input);
    return languageSnapshot();
  });
}
