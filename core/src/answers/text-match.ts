/**
 * Small, pure helpers for matching what people type in chat against names: normalisation, word
 * tokens, a light plural stemmer and Damerau-Levenshtein distance with a length-scaled tolerance.
 */

/** One word of a text: as typed, normalised (lower case, no accents or apostrophes) and stemmed. */
export interface Token {
  raw: string;
  norm: string;
  stem: string;
}

/**
 * Lower-cases, strips accents and apostrophes, and turns every run of other punctuation into one space.
 * @example normalizeText("What's the VIP-share?") // 'whats the vip share'
 */
export function normalizeText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['’`]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * Drops a plural "s" so "shoppers" meets "shopper"; leaves "careless", "cautious", "analysis" alone.
 * Works on normalised words.
 * @example stemWord('buyers') // 'buyer'
 */
export function stemWord(word: string): string {
  if (word.length > 4 && word.endsWith('s') && !/(ss|us|is)$/.test(word)) return word.slice(0, -1);
  return word;
}

/**
 * Splits a text into word tokens (letters and digits; "what's" stays one word).
 * @example tokenize('Impulse Buyers (segment 3)').map((t) => t.stem) // ['impulse', 'buyer', 'segment', '3']
 */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const match of text.matchAll(/[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu)) {
    const norm = normalizeText(match[0]).replace(/ /g, '');
    if (norm) tokens.push({ raw: match[0], norm, stem: stemWord(norm) });
  }
  return tokens;
}

/**
 * Damerau-Levenshtein distance in its optimal-string-alignment form: insertions, deletions,
 * substitutions and transpositions of two adjacent letters each cost 1 ("impluse" → "impulse" is 1).
 * @example damerauLevenshtein('impluse', 'impulse') // 1
 */
export function damerauLevenshtein(a: string, b: string): number {
  if (a === b) return 0;
  if (!a.length) return b.length;
  if (!b.length) return a.length;
  const width = b.length + 1;
  // Three rolling rows are enough: a transposition looks back two rows.
  let twoBack = new Array<number>(width).fill(0);
  let previous = Array.from({ length: width }, (_, j) => j);
  let current = new Array<number>(width).fill(0);
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        best = Math.min(best, twoBack[j - 2] + 1);
      current[j] = best;
    }
    [twoBack, previous, current] = [previous, current, twoBack];
  }
  return previous[b.length];
}

/**
 * How many typos a word of this length may carry and still count as meant: none up to 3 letters
 * ("vip" must be exact), 1 up to 5 letters, 2 from 6 letters on.
 * @example allowedTypos(7) // 2
 */
export function allowedTypos(length: number): number {
  if (length <= 3) return 0;
  if (length <= 5) return 1;
  return 2;
}

/**
 * True when `typed` is within {@link allowedTypos} of `known` (scaled by the shorter of the two).
 * @example isCloseMatch('impluse', 'impulse') // true
 */
export function isCloseMatch(typed: string, known: string): boolean {
  const limit = allowedTypos(Math.min(typed.length, known.length));
  if (Math.abs(typed.length - known.length) > limit) return false;
  return damerauLevenshtein(typed, known) <= limit;
}

/**
 * Where `needle` occurs as a contiguous run inside `haystack` (word lists), or -1.
 * @example findSequence(['how', 'big', 'is', 'impulse', 'buyer'], ['impulse', 'buyer']) // 3
 */
export function findSequence(haystack: readonly string[], needle: readonly string[], from = 0): number {
  if (!needle.length) return -1;
  outer: for (let start = from; start + needle.length <= haystack.length; start++) {
    for (let offset = 0; offset < needle.length; offset++) {
      if (haystack[start + offset] !== needle[offset]) continue outer;
    }
    return start;
  }
  return -1;
}
