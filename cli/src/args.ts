/**
 * Flag parsing shared by every command: node:util's parseArgs (strict, positionals allowed) with its
 * errors turned into usage errors (exit 2), and readers for the flag values several commands take.
 */
import { type ParseArgsConfig, parseArgs } from 'node:util';
import { isLang, type Lang, langFromEnv, type TransactionOverrides } from '@segments/core';
import { asUsageError } from './errors';
import { UsageError } from './io';

type FlagOptions = NonNullable<ParseArgsConfig['options']>;

/**
 * Parses a command's argv (after the command name).
 * @throws UsageError for an unknown flag or a flag without its value
 * @example const { values, positionals } = parseFlags(argv, { json: { type: 'boolean' } })
 */
export function parseFlags<const Options extends FlagOptions>(argv: string[], options: Options) {
  try {
    return parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (error) {
    return asUsageError(error);
  }
}

/**
 * A whole-number flag value, or undefined when the flag is absent.
 * @throws UsageError naming the flag when the text is not a whole number
 * @example wholeNumberFlag('seed', '42') // 42
 */
export function wholeNumberFlag(flag: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (!/^-?\d+$/.test(text.trim()) || !Number.isSafeInteger(value)) {
    throw new UsageError(`--${flag} takes a whole number; got "${text}"`);
  }
  return value;
}

/**
 * `--columns "A, B,C"` as a list of names; undefined when absent.
 * @example columnsFlag('Age, Income') // ['Age', 'Income']
 */
export function columnsFlag(text: string | undefined): string[] | undefined {
  return text
    ?.split(',')
    .map((name) => name.trim())
    .filter((name) => name !== '');
}

/** The orders flags of `segment`, as parseFlags options. */
export const TRANSACTION_FLAGS = {
  customer: { type: 'string' },
  date: { type: 'string' },
  amount: { type: 'string' },
  quantity: { type: 'string' },
  price: { type: 'string' },
  order: { type: 'string' },
  'as-of': { type: 'string' },
  'no-transactions': { type: 'boolean' },
} as const;

/**
 * `--customer/--date/--amount` (or `--quantity/--price`), `--order` and `--as-of` as core's
 * transaction overrides; false with `--no-transactions` (cluster the rows as they are).
 * @throws UsageError when --as-of is not a YYYY-MM-DD date
 * @example transactionFlags({ customer: 'Email', 'as-of': '2024-01-31' }) // { customer: 'Email', asOf: '2024-01-31' }
 */
export function transactionFlags(values: {
  customer?: string;
  date?: string;
  amount?: string;
  quantity?: string;
  price?: string;
  order?: string;
  'as-of'?: string;
  'no-transactions'?: boolean;
}): TransactionOverrides | false {
  if (values['no-transactions']) return false;
  const asOf = values['as-of']?.trim();
  if (asOf !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(asOf))
    throw new UsageError(`--as-of takes a date as YYYY-MM-DD; got "${values['as-of']}"`);
  const overrides: TransactionOverrides = {};
  for (const key of ['customer', 'date', 'amount', 'quantity', 'price', 'order'] as const)
    if (values[key] !== undefined) overrides[key] = values[key];
  if (asOf !== undefined) overrides.asOf = asOf;
  return overrides;
}

/**
 * `--lang en|id`, else the language of `LC_ALL`/`LC_MESSAGES`/`LANG`, else English.
 * @throws UsageError when the flag names another language
 * @example langFlag(undefined, { LANG: 'id_ID.UTF-8' }) // 'id'
 */
export function langFlag(text: string | undefined, env: Record<string, string | undefined>): Lang {
  if (text === undefined) return langFromEnv(env);
  const lang = text.trim().toLowerCase();
  if (!isLang(lang)) throw new UsageError(`--lang takes en or id; got "${text}"`);
  return lang;
}
