/**
 * Targeting by value: expected value = size × value per customer (spending, or income where no
 * spending is known) × responsiveness (when a response outcome says how segments answered campaigns).
 * A segment below average value per customer is never first, and outliers come last.
 */
import { DEFAULT_LANG, type Lang } from '../i18n/lang';
import { createTranslator, type Translator } from '../i18n/translator';

export interface ValueInput {
  size: number;
  /** Mean value per customer in the segment (spending or income), when known. */
  value?: number;
  /** Response rate in the segment and overall (0..1), when a response outcome exists. */
  response?: { rate: number; overall: number };
  outlier?: boolean;
}

export interface ValueRank {
  /** 1 = target first. */
  priority: number;
  /** Share of the run's total value, 0..1 (undefined without a value measure). */
  valueShare?: number;
  reason: string;
}

/**
 * Ranks segments for targeting and says why with numbers.
 * @param valueLabel what the value is ("spending", "income")
 * @param lang the language of the reasons (default English)
 * @example rankByValue([{ size: 31, value: 1200 }, { size: 69, value: 400 }], 'spending')[0].reason // '31.0% of customers, 57.4% of total spending; …'
 */
export function rankByValue(
  inputs: ValueInput[],
  valueLabel?: 'spending' | 'income',
  lang: Lang = DEFAULT_LANG,
): ValueRank[] {
  const t = createTranslator(lang);
  const label = valueLabel === undefined ? '' : t.m.valueLabel(valueLabel);
  const pct = (value: number) => pctIn(t, value);
  const customers = inputs.reduce((sum, input) => sum + input.size, 0) || 1;
  const hasValue = valueLabel !== undefined && inputs.every((input) => input.value !== undefined);
  const totalValue = hasValue ? inputs.reduce((sum, input) => sum + input.size * (input.value ?? 0), 0) : 0;
  // The average a segment is compared with leaves outliers out: one huge spender would make every
  // market segment look below average.
  const regular = inputs.filter((input) => !input.outlier);
  const regularCustomers = regular.reduce((sum, input) => sum + input.size, 0);
  const average =
    hasValue && regularCustomers > 0
      ? regular.reduce((sum, input) => sum + input.size * (input.value ?? 0), 0) / regularCustomers
      : 0;
  const scored = inputs.map((input, i) => {
    const responsiveness =
      input.response && input.response.overall > 0
        ? 0.5 + 0.5 * (input.response.rate / input.response.overall)
        : 1;
    const expected = (hasValue ? input.size * (input.value ?? 0) : input.size) * responsiveness;
    const aboveAverage = !hasValue || (input.value ?? 0) > average;
    const tier = input.outlier ? 2 : aboveAverage ? 0 : 1;
    return { i, expected, tier };
  });
  const order = [...scored].sort((a, b) => a.tier - b.tier || b.expected - a.expected || a.i - b.i);
  return inputs.map((input, i) => {
    const priority = order.findIndex((entry) => entry.i === i) + 1;
    const share = input.size / customers;
    const valueShare =
      hasValue && totalValue !== 0 ? (input.size * (input.value ?? 0)) / totalValue : undefined;
    const parts = [t.m.reasonCustomers(pct(share))];
    if (valueShare !== undefined) parts[0] += t.m.reasonValueShare(pct(valueShare), label);
    if (hasValue)
      parts.push(
        t.m.reasonPerCustomer(
          t.number(input.value ?? 0),
          label,
          t.number(average),
          regular.length < inputs.length,
        ),
      );
    if (input.response) parts.push(t.m.reasonResponse(pct(input.response.rate), pct(input.response.overall)));
    const tier = scored[i].tier;
    const verdict =
      tier === 2
        ? t.m.verdictOutliers()
        : tier === 1
          ? t.m.verdictBelowAverage(label)
          : priority === 1
            ? hasValue
              ? t.m.verdictBest(label, input.response !== undefined)
              : t.m.verdictLargest()
            : t.m.verdictRank(priority);
    return { priority, valueShare, reason: t.m.reason(parts, verdict) };
  });
}

/** Shares with one decimal, as the tables and answers write them ("19.5% of customers"). */
function pctIn(t: Translator, value: number): string {
  return t.percent(value, 1);
}
