import { readFileSync } from 'node:fs';
import {
  assignTable,
  customerRows,
  detectTransactions,
  isSegmentationError,
  parseDelimited,
  quintiles,
  rfmAutoKCandidates,
  rfmPersonaKey,
  rollUpTransactions,
  segmentOrders,
  segmentTable,
  type Table,
} from '@segments/core';
import { describe, expect, it } from 'vitest';
import { hasSharedData, sharedDataPath } from '../helpers/shared-data';

const fixture = (name: string) =>
  parseDelimited(readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8'), { source: name });
const shared = (name: string) => parseDelimited(readFileSync(sharedDataPath(name), 'utf8'), { source: name });
const byKey = (table: Table, asOf?: string) => {
  const columns = detectTransactions(table);
  if (!columns) throw new Error('not detected');
  const rollup = rollUpTransactions(table, columns, asOf);
  return { rollup, at: (key: string) => rollup.keys.indexOf(key) };
};
function errorOf(run: () => unknown) {
  try {
    run();
  } catch (error) {
    if (isSegmentationError(error)) return error;
    throw error;
  }
  throw new Error('expected a SegmentationError');
}

describe('detectTransactions', () => {
  it('finds the customer, date, amount, order id and status columns of an orders export', () => {
    const table = fixture('orders_small.csv');
    const columns = detectTransactions(table);
    expect(columns && table.headers[columns.customer]).toBe('Email');
    expect(columns && table.headers[columns.date]).toBe('Created at');
    expect(columns?.amount !== undefined && table.headers[columns.amount]).toBe('Total');
    expect(columns?.order !== undefined && table.headers[columns.order]).toBe('Order ID');
    expect(columns?.status !== undefined && table.headers[columns.status]).toBe('Status');
  });

  it('reads the amount as quantity × unit price when there is no amount column', () => {
    const table = fixture('order_lines_small.csv');
    const columns = detectTransactions(table);
    expect(columns && table.headers[columns.customer]).toBe('CustomerID');
    expect(columns?.quantity !== undefined && table.headers[columns.quantity]).toBe('Quantity');
    expect(columns?.price !== undefined && table.headers[columns.price]).toBe('UnitPrice');
  });

  it('does not detect a customer table whose key never repeats', () => {
    const table = parseDelimited(
      'CustomerID,Signup date,Total spend\n1,2024-01-01,10\n2,2024-01-02,20\n3,2024-02-01,30\n',
    );
    expect(detectTransactions(table)).toBeUndefined();
  });

  it.skipIf(!hasSharedData('mall_customers.csv', 'marketing_campaign.csv', 'wholesale_customers.csv'))(
    'does not detect the Mall, marketing or wholesale customer tables',
    () => {
      for (const name of ['mall_customers.csv', 'marketing_campaign.csv', 'wholesale_customers.csv'])
        expect(detectTransactions(shared(name)), name).toBeUndefined();
    },
  );

  it('uses the columns the user names and says which one does not exist', () => {
    const table = fixture('orders_small.csv');
    expect(detectTransactions(table, { amount: 'total' })?.amount).toBe(3);
    const error = errorOf(() => detectTransactions(table, { customer: 'Mail' }, 'orders.csv'));
    expect(error.code).toBe('UNKNOWN_COLUMN');
    expect(error.message).toContain('"Mail"');
  });
});

describe('rollUpTransactions', () => {
  it('counts an order of several lines once and nets returns out of monetary', () => {
    const { rollup, at } = byKey(fixture('orders_small.csv'));
    expect(rollup.frequency[at('ann@shop.io')]).toBe(2);
    expect(rollup.monetary[at('ann@shop.io')]).toBe(230);
    expect(rollup.frequency[at('bob@shop.io')]).toBe(1);
    expect(rollup.monetary[at('bob@shop.io')]).toBe(30);
    expect(rollup.stats.returnLines).toBe(1);
  });

  it('leaves out orders cancelled by status and lines without a customer, and counts them', () => {
    const { rollup, at } = byKey(fixture('orders_small.csv'));
    expect(rollup.monetary[at('cara@shop.io')]).toBe(25);
    expect(rollup.stats.cancelledLines).toBe(1);
    expect(rollup.stats.blankKeyLines).toBe(1);
    expect(rollup.keys).toHaveLength(4);
  });

  it('counts recency in days to the newest order date, or to the as-of date', () => {
    const { rollup, at } = byKey(fixture('orders_small.csv'));
    // Newest purchase with a customer: 2024-03-01 (2024 is a leap year: 29 days in February).
    expect(rollup.recency[at('ann@shop.io')]).toBe(0);
    expect(rollup.recency[at('bob@shop.io')]).toBe(20);
    expect(rollup.recency[at('dan@shop.io')]).toBe(36);
    const later = byKey(fixture('orders_small.csv'), '2024-03-11');
    expect(later.rollup.recency[later.at('bob@shop.io')]).toBe(30);
  });

  it('treats "C" invoices as returns and reads month-first dates with times', () => {
    const { rollup, at } = byKey(fixture('order_lines_small.csv'));
    // 102 bought 10 × 1.50 and returned 2 × 1.50 on C502.
    expect(rollup.monetary[at('102')]).toBe(12);
    expect(rollup.frequency[at('102')]).toBe(1);
    // 101: invoice 500 (2 × 1.50 + 1 × 4.00) and 503 (3 × 4.00); last order 12/14 is the newest date.
    expect(rollup.monetary[at('101')]).toBe(19);
    expect(rollup.frequency[at('101')]).toBe(2);
    expect(rollup.recency[at('101')]).toBe(0);
    expect(rollup.recency[at('103')]).toBe(10);
    expect(rollup.stats.blankKeyLines).toBe(1);
  });

  it('names the row and column of a date that cannot be read', () => {
    const table = parseDelimited(
      'Email,Order date,Total\na@x.io,2024-01-02,10\na@x.io,yesterday,12\nb@x.io,2024-01-05,3\nb@x.io,2024-01-06,4\n',
    );
    const error = errorOf(() =>
      segmentOrders(table, {
        transactions: { customer: 'Email', date: 'Order date', amount: 'Total' },
        source: { fileName: 'o.csv' },
      }),
    );
    expect(error.message).toBe(
      'o.csv row 3, column "Order date": "yesterday" is not a date (expected a date such as 2024-01-31 or 31/01/2024)',
    );
    expect(error.location).toEqual({ row: 3, column: 'Order date' });
  });

  it('names the row and column of an amount that is text', () => {
    const table = parseDelimited(
      'Email,Order date,Total\na@x.io,2024-01-02,10\na@x.io,2024-01-03,ten\nb@x.io,2024-01-05,3\nb@x.io,2024-01-06,4\n',
    );
    const error = errorOf(() =>
      segmentOrders(table, {
        transactions: { customer: 'Email', date: 'Order date', amount: 'Total' },
        source: { fileName: 'o.csv' },
      }),
    );
    expect(error.location).toEqual({ row: 3, column: 'Total' });
    expect(error.message).toContain('"ten" is not an amount');
  });

  it('says the customer column is empty', () => {
    const table = parseDelimited(
      'Customer,Order date,Total\n,2024-01-02,10\n,2024-01-03,11\n,2024-01-05,3\n',
    );
    const error = errorOf(() =>
      segmentOrders(table, { transactions: { customer: 'Customer' }, source: { fileName: 'o.csv' } }),
    );
    expect(error.location.column).toBe('Customer');
    expect(error.message).toContain('is empty on every row');
  });
});

describe('RFM scores and personas', () => {
  it('scores quintiles 1–5, ties sharing a score, fewer recency days scoring higher', () => {
    expect(Array.from(quintiles(Float64Array.of(10, 20, 30, 40, 50), true))).toEqual([1, 2, 3, 4, 5]);
    expect(Array.from(quintiles(Float64Array.of(10, 20, 30, 40, 50), false))).toEqual([5, 4, 3, 2, 1]);
    expect(Array.from(quintiles(Float64Array.of(1, 1, 1, 1, 9), true))).toEqual([3, 3, 3, 3, 5]);
  });

  it('compares 4 to 8 segments on auto-k, or 2 to n − 1 when there are too few customers for four', () => {
    expect(rfmAutoKCandidates(885)).toEqual([4, 5, 6, 7, 8]);
    expect(rfmAutoKCandidates(7)).toEqual([4, 5, 6]);
    expect(rfmAutoKCandidates(4)).toEqual([2, 3]);
    const small = segmentOrders(fixture('orders_small.csv'), { source: { fileName: 'orders_small.csv' } });
    expect(small?.run.chooseK?.candidates.map((row) => row.k)).toEqual([2, 3]);
    expect(small?.run.chooseK?.reason).not.toContain('An RFM run compares');
  });

  it('places every score pair on the standard RFM map', () => {
    const cases: [number, number, string][] = [
      [5, 5, 'rfm-champions'],
      [5, 4, 'rfm-champions'],
      [4, 5, 'rfm-loyal'],
      [3, 4, 'rfm-loyal'],
      [5, 3, 'rfm-potential-loyalists'],
      [4, 2, 'rfm-potential-loyalists'],
      [5, 1, 'rfm-new'],
      [4, 1, 'rfm-promising'],
      [3, 3, 'rfm-need-attention'],
      [3, 2, 'rfm-about-to-sleep'],
      [2, 4, 'rfm-at-risk'],
      [1, 3, 'rfm-at-risk'],
      [2, 5, 'rfm-cant-lose'],
      [2, 2, 'rfm-hibernating'],
      [2, 1, 'rfm-hibernating'],
      [1, 1, 'rfm-lost'],
    ];
    for (const [r, fm, key] of cases) expect(rfmPersonaKey(r, fm), `R${r} FM${fm}`).toBe(key);
  });
});

describe('segmentTable on orders', () => {
  it('segments the customers of an orders table with RFM personas and one row per customer', () => {
    const table = fixture('orders_small.csv');
    const result = segmentOrders(table, {
      k: 2,
      source: { fileName: 'orders_small.csv' },
      now: new Date('2024-04-01'),
    });
    expect(result?.detected).toBe(
      'Transactions detected: 6 orders of 4 customers (Email), dates from Created at, amounts from Total',
    );
    const run = result?.run;
    expect(run?.source.kind).toBe('transactions');
    expect(run?.segments.reduce((sum, segment) => sum + segment.size, 0)).toBe(4);
    expect(run?.segments.every((segment) => segment.persona.key?.startsWith('rfm-'))).toBe(true);
    expect(run?.segments[0].rfmScore).toMatch(/^R[1-5] F[1-5] M[1-5]$/);
    // Each order line carries its customer's segment; the blank-key line none.
    expect(run?.assignments?.[7]).toBe(-1);
    expect(run?.assignments?.[0]).toBe(run?.assignments?.[2]);
    const rows = result ? customerRows(result.run, result.rollup, result.customerSegments) : [];
    expect(rows[0]).toEqual([
      'Email',
      'Recency (days)',
      'Frequency',
      'Monetary',
      'First order',
      'Segment',
      'Persona',
    ]);
    expect(rows[1].slice(0, 5)).toEqual(['ann@shop.io', 0, 2, 230, '2024-01-05']);
    // segmentTable gives the same Run.
    expect(
      segmentTable(table, { k: 2, now: new Date('2024-04-01'), id: run?.id }).segments.map((s) => s.size),
    ).toEqual(run?.segments.map((s) => s.size));
  });

  it('refuses to assign new rows to an RFM run, saying to segment the new orders again', () => {
    const table = fixture('orders_small.csv');
    const run = segmentOrders(table, { k: 2, name: 'Orders' })?.run;
    if (!run) throw new Error('not detected');
    const error = errorOf(() => assignTable(run, table, { source: 'new.csv' }));
    expect(error.code).toBe('INVALID_OPTION');
    expect(error.message).toContain('Run "Orders" segments customers rolled up from orders (RFM');
    expect(error.message).toContain('Segment the new orders file again');
  });

  it.skipIf(!hasSharedData('online_retail_2010-12.csv'))(
    'rolls the UCI online retail lines up to 885 customers and targets a high-value segment first',
    () => {
      const result = segmentOrders(shared('online_retail_2010-12.csv'), {
        source: { fileName: 'retail.csv' },
      });
      expect(result?.rollup.keys).toHaveLength(885);
      expect(result?.rollup.stats.blankKeyLines).toBe(15_631);
      const first = result?.run.segments.find((segment) => segment.persona.priority === 1);
      expect(['rfm-champions', 'rfm-loyal', 'rfm-cant-lose', 'rfm-at-risk']).toContain(first?.persona.key);
      // Auto-k compares 4..8 for RFM: several RFM personas, not "Loyal" against "Need Attention".
      const run = result?.run;
      expect(run?.chooseK?.candidates.map((row) => row.k)).toEqual([4, 5, 6, 7, 8]);
      expect(new Set(run?.segments.map((segment) => segment.persona.key)).size).toBeGreaterThanOrEqual(4);
      // The reason quotes the winner's silhouette, which is the best of the ks it names.
      const best = Math.max(...(run?.chooseK?.candidates.map((row) => row.silhouette ?? -1) ?? []));
      const winner = run?.chooseK?.candidates.find((row) => row.k === run.k);
      expect(winner?.silhouette).toBe(best);
      expect(run?.chooseK?.reason).toContain(`the best silhouette of k = 4–8 (${best.toFixed(2)}`);
      expect(run?.chooseK?.reason).toContain('An RFM run compares 4–8 segments, not 2 or 3');
    },
  );
});
