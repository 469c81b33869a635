/**
 * Flag parsing shared by every command: node:util's parseArgs (strict, positionals allowed) with its
 * errors turned into usage errors (exit 2), and readers for the flag values several commands take.
 */
import { type ParseArgsConfig, parseArgs } from 'node:util';
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
