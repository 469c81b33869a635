/**
 * Numbers and percentages as each language writes them: English `1,234.5` and `19.5%`, Indonesian
 * `1.234,5` and `19,5%`. Written out by hand rather than with `toLocaleString`, whose Indonesian data
 * is not available in every runtime the core runs in (Apps Script among them).
 */
import { round } from '../format';
import type { Lang } from './lang';

function separators(lang: Lang): { group: string; decimal: string } {
  return lang === 'id' ? { group: '.', decimal: ',' } : { group: ',', decimal: '.' };
}

/**
 * A number with `digits` fixed decimals and thousands separators in the language's style.
 * @example formatFixed(1234.5, 1, 'id') // '1.234,5'
 */
export function formatFixed(value: number, digits: number, lang: Lang): string {
  const { group, decimal } = separators(lang);
  const text = Math.abs(value).toFixed(digits);
  const [whole, fraction] = text.split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, group);
  const negative = value < 0 && Number(text) !== 0;
  return `${negative ? '-' : ''}${grouped}${fraction ? `${decimal}${fraction}` : ''}`;
}

/**
 * A number as a sentence says it (like core's `formatNumber`): whole with thousands separators from
 * 1,000 on, else at most one decimal without a trailing zero.
 * @example formatNumberIn(86.54, 'id') // '86,5'
 */
export function formatNumberIn(value: number, lang: Lang): string {
  if (Math.abs(value) >= 1000) return formatFixed(Math.round(value), 0, lang);
  const rounded = round(value, 1);
  return formatFixed(rounded, Number.isInteger(rounded) ? 0 : 1, lang);
}

/**
 * A whole count with thousands separators.
 * @example formatCount(12345, 'id') // '12.345'
 */
export function formatCount(value: number, lang: Lang): string {
  return formatFixed(Math.round(value), 0, lang);
}

/**
 * A share 0..1 as a percentage with `digits` decimals.
 * @example formatPercent(0.195, 'id') // '19,5%'
 */
export function formatPercent(share: number, lang: Lang, digits = 1): string {
  return `${formatFixed(share * 100, digits, lang)}%`;
}
