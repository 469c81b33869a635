/**
 * Targeting by value: expected value = size × value per customer (spending, or income where no
 * spending is known) × responsiveness (when a response outcome says how segments answered campaigns).
 * A segment below average value per customer is never first, and outliers come last.
 */

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
 * @example rankByValue([{ size: 31, value: 1200 }, { size: 69, value: 400 }], 'spending')[0].reason // '31% of customers, 57% of total spending; …'
 */
export function rankByValue(inputs: ValueInput[], valueLabel?: string): ValueRank[] {
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
    const parts = [`${pct(share)} of customers`];
    if (valueShare !== undefined) parts[0] += `, ${pct(valueShare)} of total ${valueLabel}`;
    if (hasValue)
      parts.push(
        `${fmt(input.value ?? 0)} ${valueLabel} per customer vs ${fmt(average)} on average${regular.length < inputs.length ? ' (outliers aside)' : ''}`,
      );
    if (input.response)
      parts.push(`response rate ${pct(input.response.rate)} vs ${pct(input.response.overall)} overall`);
    const tier = scored[i].tier;
    const verdict =
      tier === 2
        ? 'outliers: too few customers to target as a segment'
        : tier === 1
          ? `below-average ${valueLabel} per customer, so not a first target`
          : priority === 1
            ? hasValue
              ? `the highest expected value (size × ${valueLabel}${input.response ? ' × response' : ''})`
              : 'the largest segment (no spending or income column to weigh value)'
            : `ranks ${priority} by expected value`;
    return { priority, valueShare, reason: `${parts.join('; ')}: ${verdict}.` };
  });
}

function pct(value: number): string {
  return `${(value * 100).toFixed(value < 0.1 ? 1 : 0)}%`;
}

function fmt(value: number): string {
  return Math.abs(value) >= 1000
    ? Math.round(value).toLocaleString('en-US')
    : String(Math.round(value * 10) / 10);
}
