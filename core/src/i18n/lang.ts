/**
 * The languages the product speaks and how a locale names one. English is the default everywhere;
 * Bahasa Indonesia is chosen by `--lang id`, an Indonesian spreadsheet locale (`in_ID`, `id_ID`) or a
 * question written in Indonesian.
 */

/** A language the product speaks: English or Bahasa Indonesia. */
export type Lang = 'en' | 'id';

/** Every language, the default first. */
export const LANGS: readonly Lang[] = ['en', 'id'];

/** The language used when nothing says otherwise. */
export const DEFAULT_LANG: Lang = 'en';

/**
 * True for a supported language code.
 * @example isLang('id') // true
 */
export function isLang(value: unknown): value is Lang {
  return value === 'en' || value === 'id';
}

/**
 * The language of a locale or language tag: `in_ID`, `id_ID`, `id-ID`, `id`, `in` (Java's old code,
 * which Sheets still reports) and `ind` are Indonesian; anything else is English. POSIX forms such as
 * `id_ID.UTF-8` count too.
 * @example langFromLocale('in_ID') // 'id'
 */
export function langFromLocale(locale: string | undefined | null): Lang {
  const language = (locale ?? '')
    .trim()
    .toLowerCase()
    .split(/[-_.@]/)[0];
  return language === 'id' || language === 'in' || language === 'ind' ? 'id' : 'en';
}

/**
 * The language of a process environment: `LC_ALL`, then `LC_MESSAGES`, then `LANG` (POSIX order);
 * English when none is set or it names another language.
 * @example langFromEnv({ LANG: 'id_ID.UTF-8' }) // 'id'
 */
export function langFromEnv(env: Record<string, string | undefined>): Lang {
  const locale = [env.LC_ALL, env.LC_MESSAGES, env.LANG].find((value) => value !== undefined && value !== '');
  return langFromLocale(locale);
}
