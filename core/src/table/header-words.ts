/**
 * Headers as words: "NumWebPurchases", "Year_Birth", "Dt Customer", "no_of_children" and
 * "Tanggal-Bergabung" all become lower-case word lists, so role rules match words instead of
 * spellings (case, underscores, camel case and punctuation do not matter).
 */

/**
 * Splits a header into lower-case words: camel case, underscores, dashes, dots, brackets and digits
 * all separate words.
 * @example headerWords('NumWebVisitsMonth') // ['num', 'web', 'visits', 'month']
 */
export function headerWords(header: string): string[] {
  return header
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .replace(/([A-Za-z])(\d)/g, '$1 $2')
    .replace(/(\d)([A-Za-z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9\u00c0-\uffff]+/)
    .filter((word) => word !== '');
}

/**
 * True when any of the header's words is in the list (whole words; a trailing "s" is ignored).
 * @example hasWord(['num', 'purchases'], new Set(['purchase'])) // true
 */
export function hasWord(words: readonly string[], list: ReadonlySet<string>): boolean {
  return words.some((word) => list.has(word) || (word.endsWith('s') && list.has(word.slice(0, -1))));
}

/**
 * True when the words contain the phrase's words in a row ("days since", "tahun lahir").
 * @example hasPhrase(headerWords('Days_Since_Last_Order'), 'days since') // true
 */
export function hasPhrase(words: readonly string[], phrase: string): boolean {
  const parts = phrase.split(' ');
  for (let i = 0; i + parts.length <= words.length; i++)
    if (parts.every((part, j) => words[i + j] === part)) return true;
  return false;
}

/**
 * A header as a person would read it: words separated, first letters kept, units in brackets removed.
 * @example readableHeader('Detergents_Paper') // 'Detergents Paper'
 */
export function readableHeader(header: string): string {
  return header
    .replace(/\([^)]*\)/g, '')
    .replace(/[_]+/g, ' ')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/\s+/g, ' ')
    .trim();
}
