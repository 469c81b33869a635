import { readFileSync } from 'node:fs';
import {
  customersSheetName,
  detectionSentence,
  encodeCustomersSheet,
  encodeSummarySheet,
  parseDelimited,
  segmentOrders,
} from '@segments/core';
import { describe, expect, it } from 'vitest';

const orders = () =>
  parseDelimited(readFileSync(new URL('../fixtures/orders_small.csv', import.meta.url), 'utf8'), {
    source: 'orders_small.csv',
  });
const rfm = () => {
  const result = segmentOrders(orders(), { k: 2, seed: 1, source: { fileName: 'orders_small.csv' } });
  if (!result) throw new Error('orders_small.csv should read as orders');
  return result;
};
const DETECTED =
  'Transactions detected: 6 orders of 4 customers (Email), dates from Created at, amounts from Total';

describe('encodeCustomersSheet', () => {
  it('writes the key column, Recency, Frequency, Monetary, First order, Segment and Persona, one row per customer', () => {
    const { run, rollup, customerSegments } = rfm();
    const values = encodeCustomersSheet(run, rollup, customerSegments);
    expect(values[0]).toEqual([
      'Email',
      'Recency (days)',
      'Frequency',
      'Monetary',
      'First order',
      'Segment',
      'Persona',
    ]);
    expect(values).toHaveLength(5);
    expect(values[1].slice(0, 5)).toEqual(['ann@shop.io', 0, 2, 230, '2024-01-05']);
    expect(values[1][6]).toBe(run.segments[(values[1][5] as number) - 1].persona.name);
  });

  it('keeps a customer key that looks like a formula as text', () => {
    const table = orders();
    table.rows = table.rows.map((row) =>
      row[1] === 'bob@shop.io' ? [row[0], '=bob', ...row.slice(2)] : row,
    );
    const result = segmentOrders(table, { k: 2, seed: 1 });
    const values = result ? encodeCustomersSheet(result.run, result.rollup, result.customerSegments) : [];
    expect(values.map((row) => row[0])).toContain("'=bob");
  });
});

describe('customersSheetName', () => {
  it('takes "Customers" when free and keeps the name of the product’s own sheet', () => {
    expect(customersSheetName(['Orders', 'Segments'])).toEqual({ name: 'Customers' });
    expect(customersSheetName(['Orders', 'Buyers'], 'Buyers')).toEqual({ name: 'Buyers' });
  });

  it('never takes a user’s sheet called "Customers" (in any case), and says where the rows went', () => {
    expect(customersSheetName(['Orders', 'customers'])).toEqual({
      name: 'Customers (segments)',
      note: 'Your sheet "Customers" was left alone; the one row per customer went to "Customers (segments)".',
    });
    expect(customersSheetName(['Customers', 'Customers (segments)']).name).toBe('Customers (segments) 2');
  });
});

describe('the Segments sheet of an RFM run', () => {
  it('states the detection sentence under the subtitle; a customer-table run has no such line', () => {
    const { run } = rfm();
    expect(detectionSentence(run)).toBe(DETECTED);
    expect(encodeSummarySheet(run).values[2][0]).toBe(DETECTED);
    const plain = { ...run, source: { kind: 'csv' as const, rowCount: 10 } };
    expect(detectionSentence(plain)).toBeUndefined();
    expect(encodeSummarySheet(plain).values[2][0]).toBe('');
  });
});
