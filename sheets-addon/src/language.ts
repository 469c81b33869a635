/**
 * The add-on's language: Bahasa Indonesia under an Indonesian spreadsheet locale (`in_ID`, `id_ID`,
 * File › Settings › Locale), else English; a per-user setting overrides the locale either way.
 */
import { isLang, type Lang, langFromLocale } from '@segments/core';
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

/** For the sidebar: the setting, the language in effect and the spreadsheet locale behind 'auto'. */
export function getLanguage() {
  return serve(() => ({
    setting: readLanguageSetting(),
    lang: addonLang(),
    locale: SpreadsheetApp.getActiveSpreadsheet().getSpreadsheetLocale(),
  }));
}

/**
 * Saves the language setting: 'auto' (follow the spreadsheet locale), 'en' or 'id'.
 * @example saveLanguage('id')
 */
export function saveLanguage(input?: unknown) {
  return serve(() => {
    if (input !== 'auto' && !isLang(input))
      throw new AddonUserError(`The language must be auto, en or id; got ${String(input)}`);
    const properties = PropertiesService.getUserProperties();
    if (input === 'auto') properties.deleteProperty(LANGUAGE_KEY);
    else properties.setProperty(LANGUAGE_KEY, input);
    return { setting: input as LanguageSetting, lang: addonLang() };
  });
}
