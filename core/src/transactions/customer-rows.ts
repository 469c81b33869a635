/**
 * The per-customer output of an RFM run: one row per customer with the key, Recency (days),
 * Frequency, Monetary, First order, Segment (1-based, as in the Segment column) and Persona.
 */
import type { Run } from '../schema/run';
import { isoDate } from '../table/dates';
import { type CustomerRollup, ROLLUP_HEADERS } from './roll-up';

/**
 * Header and one row per customer, in order of first appearance in the orders.
 * @example customerRows(rfmRun, rollup, customerSegments)[1] // ['ann@shop.io', 0, 2, 230, '2024-01-05', 2, 'Champions']
 */
export function customerRows(
  run: Run,
  rollup: CustomerRollup,
  customerSegments: Int32Array,
): (string | number)[][] {
  const rows: (string | number)[][] = [
    [
      rollup.keyColumn,
      ROLLUP_HEADERS.recency,
      ROLLUP_HEADERS.frequency,
      ROLLUP_HEADERS.monetary,
      ROLLUP_HEADERS.firstOrder,
      'Segment',
      'Persona',
    ],
  ];
  for (let i = 0; i < rollup.keys.length; i++) {
    const segment = run.segments[customerSegments[i]];
    rows.push([
      rollup.keys[i],
      rollup.recency[i],
      rollup.frequency[i],
      rollup.monetary[i],
      isoDate(rollup.firstOrder[i]),
      customerSegments[i] + 1,
      segment?.persona.name ?? '',
    ]);
  }
  return rows;
}
