/**
 * Finding the feature a question is about ("average income", "mean age", "spending score") in a
 * run: by the feature's role (income, spending, age…) or by a distinctive word of its name.
 */
import type { Feature, RunSummary } from '../schema/run';
import { FILLER_WORDS } from './segment-resolution';
import { isCloseMatch, type Token, tokenize } from './text-match';

/** Everyday words for a column role; the role comes from the header (any language core knows). */
const ROLE_WORDS: Readonly<Record<string, readonly string[]>> = {
  income: ['income', 'incomes', 'salary', 'salaries', 'earning', 'earnings', 'wage', 'wages', 'revenue'],
  spending: ['spending', 'spend', 'spent', 'score', 'purchase', 'purchases', 'expenditure'],
  age: ['age', 'ages', 'old'],
  tenure: ['tenure', 'seniority'],
  frequency: ['frequency', 'frequent', 'visits', 'orders'],
  recency: ['recency', 'recent'],
};

/** Words that name no feature even when a header contains them ("Spending Score (1-100)" has "1", "100"). */
const NOT_FEATURE_WORDS = new Set(['k', 'usd', 'idr', 'rp', 'per', 'year', 'annual']);

/** A numeric feature found in the question, and the token positions that named it. */
export interface FeatureMention {
  feature: Feature;
  positions: number[];
}

/**
 * The numeric feature a question names, by role word first ("income" → the income column) and then
 * by a word of the header itself ("Umur", "tenure", typos of two letters allowed from 6 letters).
 */
export function findFeature(run: RunSummary, tokens: readonly Token[]): FeatureMention | undefined {
  const numeric = run.features.filter((feature) => feature.kind === 'numeric');
  for (let i = 0; i < tokens.length; i++) {
    for (const feature of numeric) {
      const words = feature.role ? (ROLE_WORDS[feature.role] ?? []) : [];
      if (words.includes(tokens[i].norm)) return { feature, positions: [i] };
    }
  }
  for (let i = 0; i < tokens.length; i++) {
    const word = tokens[i].stem;
    if (word.length < 3 || FILLER_WORDS.has(word) || FILLER_WORDS.has(tokens[i].norm)) continue;
    for (const feature of numeric) {
      const nameWords = tokenize(feature.name)
        .map((token) => token.stem)
        .filter((stem) => !/^\d+$/.test(stem) && !NOT_FEATURE_WORDS.has(stem) && stem.length >= 3);
      if (nameWords.some((known) => known === word || (word.length >= 6 && isCloseMatch(word, known)))) {
        return { feature, positions: [i] };
      }
    }
  }
  return undefined;
}
