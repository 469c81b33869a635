/**
 * The add-on on an orders sheet (RFM): the Customers sheet beside the Segment/Persona columns, written
 * all or nothing with the rest, replaced on a re-run, never over a user's own "Customers" sheet.
 */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { buildAddon } from '../../scripts/build-addon.mjs';
import { threeGroupOrders } from '../helpers/make-orders';
import { type Cell, StandinRange, type StandinSpreadsheet } from '../standins/apps-script/spreadsheet';
import { createSpreadsheet, loadAddon, readValues, snapshotSpreadsheet } from './load-addon';

type Reply = {
  ok: boolean;
  error?: string;
  code?: string;
  k: number;
  notes: string[];
  detected?: string;
  customersSheet?: string;
  orders?: string;
};

// test/fixtures/orders_small.csv: 10 lines, 6 orders of 4 customers after a cancelled order, a
// refund line and a line without a customer.
const ORDERS: Cell[][] = [
  ['Order ID', 'Email', 'Created at', 'Total', 'Status'],
  [1001, 'ann@shop.io', '2024-01-05', 100, 'paid'],
  [1001, 'ann@shop.io', '2024-01-05', 50, 'paid'],
  [1002, 'ann@shop.io', '2024-03-01', 80, 'paid'],
  [1003, 'bob@shop.io', '2024-02-10', 40, 'paid'],
  [1004, 'bob@shop.io', '2024-02-25', -10, 'paid'],
  [1005, 'cara@shop.io', '2024-02-01', 60, 'Cancelled'],
  [1006, 'cara@shop.io', '2024-02-15', 25, 'paid'],
  [1007, '', '2024-03-05', 99, 'paid'],
  [1008, 'dan@shop.io', '2024-01-20', 20, 'paid'],
  [1009, 'dan@shop.io', '2024-01-25', 20, 'paid'],
];
const DETECTED =
  'Transactions detected: 6 orders of 4 customers (Email), dates from Created at, amounts from Total';
const CUSTOMERS_HEADER = [
  'Email',
  'Recency (days)',
  'Frequency',
  'Monetary',
  'First order',
  'Segment',
  'Persona',
];

let codePath: string;
beforeAll(async () => {
  codePath = (await buildAddon({ outDir: await mkdtemp(path.join(tmpdir(), 'addon-orders-')), quiet: true }))
    .codePath;
});

function shop(extra: Record<string, Cell[][]> = {}) {
  return createSpreadsheet({
    name: 'Shop',
    id: 'shop-id',
    sheets: { Orders: ORDERS.map((row) => [...row]), ...extra },
  });
}
const load = (spreadsheet: StandinSpreadsheet) => loadAddon({ codePath, spreadsheet });
const run = (addon: ReturnType<typeof load>, options: object = {}) =>
  addon.runFromSidebar('runSegmentation', { k: 2, seed: 1, transactions: true, ...options }) as Reply;
const values = (spreadsheet: StandinSpreadsheet, name: string) =>
  readValues(spreadsheet.getSheetByName(name)!);

/** Every order line's Segment and Persona must be its customer's on the Customers sheet. */
function expectOrdersFollowCustomers(spreadsheet: StandinSpreadsheet, customersName: string) {
  const customers = values(spreadsheet, customersName);
  const byEmail = new Map(customers.slice(1).map((row) => [row[0], [row[5], row[6]]]));
  const orders = values(spreadsheet, 'Orders');
  expect(orders[0].slice(5, 7)).toEqual(['Segment', 'Persona']);
  for (const row of orders.slice(1)) {
    expect(row.slice(5, 7)).toEqual(row[1] === '' ? ['', ''] : byEmail.get(row[1]));
  }
}

describe('runSegmentation on an orders sheet', () => {
  it('says it read an orders table before the run, and what it detected after', () => {
    const spreadsheet = shop();
    const addon = load(spreadsheet);
    const profile = addon.runFromSidebar('getSheetProfile') as Reply;
    expect(profile.orders).toBe(
      'Orders table: customers by Email, dates from Created at, amounts from Total.',
    );
    const reply = run(addon);
    expect(reply).toMatchObject({ ok: true, detected: DETECTED, customersSheet: 'Customers' });
    // The sentence has its own line, not repeated among the notes.
    expect(reply.notes).not.toContain(DETECTED);
    // The Segments sheet states it under the subtitle.
    expect(values(spreadsheet, 'Segments')[2][0]).toBe(DETECTED);
  });

  it("describes each RFM segment on its card by score, its average customer's last order, orders and spend", () => {
    const spreadsheet = createSpreadsheet({ name: 'Shop', sheets: { Orders: threeGroupOrders() } });
    const reply = load(spreadsheet).runFromSidebar('runSegmentation', {
      k: 3,
      seed: 1,
      transactions: true,
    }) as Reply & { segments: { size: number; traits: string[] }[] };
    expect(reply.ok).toBe(true);
    // The 10 regulars: ten orders of 100, the last 4.5 days before the newest order on average.
    expect(reply.segments.find((segment) => segment.size === 10)?.traits).toEqual([
      'R5 F4 M4',
      'Last order 4.5 days ago on average',
      '10 orders and 1,000 spent per customer',
    ]);
  });

  it('writes one row per customer on a Customers sheet and gives each order line its customer’s segment', () => {
    const spreadsheet = shop();
    expect(run(load(spreadsheet)).ok).toBe(true);
    const customers = values(spreadsheet, 'Customers');
    expect(customers[0]).toEqual(CUSTOMERS_HEADER);
    expect(customers.map((row) => row[0])).toEqual([
      'Email',
      'ann@shop.io',
      'bob@shop.io',
      'cara@shop.io',
      'dan@shop.io',
    ]);
    // ann: last order on the newest date, two orders (1001 has two lines), 100 + 50 + 80.
    expect(customers[1].slice(0, 4)).toEqual(['ann@shop.io', 0, 2, 230]);
    // bob: the −10 refund is netted and is not an order.
    expect(customers[2].slice(0, 4)).toEqual(['bob@shop.io', 20, 1, 30]);
    // First order is written as user-entered text, so Sheets keeps it as a real date.
    const firstOrders = customers.slice(1, 3).map((row) => (row[4] as Date).toISOString().slice(0, 10));
    expect(firstOrders).toEqual(['2024-01-05', '2024-02-10']);
    expect(customers.slice(1).every((row) => row[5] === 1 || row[5] === 2)).toBe(true);
    expectOrdersFollowCustomers(spreadsheet, 'Customers');
  });

  it('replaces its own Customers sheet on a re-run, in the same place', () => {
    const spreadsheet = shop();
    const addon = load(spreadsheet);
    expect(run(addon).ok).toBe(true);
    const names = spreadsheet.getSheets().map((sheet) => sheet.getName());
    const index = spreadsheet.getSheetByName('Customers')!.getIndex();
    expect(run(addon, { k: 3 })).toMatchObject({ ok: true, k: 3, customersSheet: 'Customers' });
    expect(spreadsheet.getSheets().map((sheet) => sheet.getName())).toEqual(names);
    expect(spreadsheet.getSheetByName('Customers')!.getIndex()).toBe(index);
    const segments = values(spreadsheet, 'Customers')
      .slice(1)
      .map((row) => row[5]);
    expect(new Set(segments)).toEqual(new Set([1, 2, 3]));
    expectOrdersFollowCustomers(spreadsheet, 'Customers');
  });

  it('leaves a user’s own "Customers" sheet alone, writes to "Customers (segments)" and says so', () => {
    const mine: Cell[][] = [
      ['Name', 'Notes'],
      ['Ann', 'VIP'],
    ];
    const spreadsheet = shop({ Customers: mine });
    const addon = load(spreadsheet);
    const reply = run(addon);
    expect(reply).toMatchObject({ ok: true, customersSheet: 'Customers (segments)' });
    expect(reply.notes).toContain(
      'Your sheet "Customers" was left alone; the one row per customer went to "Customers (segments)".',
    );
    expect(values(spreadsheet, 'Customers')).toEqual(mine);
    expect(values(spreadsheet, 'Customers (segments)')[0]).toEqual(CUSTOMERS_HEADER);
    // A re-run finds its own sheet again by its metadata, not by name.
    expect(run(addon, { k: 3 }).customersSheet).toBe('Customers (segments)');
    expect(values(spreadsheet, 'Customers')).toEqual(mine);
    expectOrdersFollowCustomers(spreadsheet, 'Customers (segments)');
  });

  it('stops the whole write when its Customers sheet is protected, naming it, and changes nothing', () => {
    const spreadsheet = shop();
    const addon = load(spreadsheet);
    expect(run(addon).ok).toBe(true);
    spreadsheet.getSheetByName('Customers')!.protect().setDescription('CRM import').lockForUser();
    const before = snapshotSpreadsheet(spreadsheet);
    const reply = run(addon, { k: 3 });
    expect(reply).toMatchObject({ ok: false, code: 'PROTECTED' });
    expect(reply.error).toContain('the sheet "Customers" ("CRM import") is protected');
    expect(reply.error).toContain('Customers sheet');
    expect(snapshotSpreadsheet(spreadsheet)).toBe(before);
  });

  it('deletes the Customers sheet it made when Google refuses a later write', () => {
    const spreadsheet = shop();
    const addon = load(spreadsheet);
    const original = StandinRange.prototype.setValues;
    // Google refuses the Segment/Persona columns, written after the Customers sheet.
    const refuse = vi.spyOn(StandinRange.prototype, 'setValues').mockImplementation(function (
      this: StandinRange,
      cells: unknown,
    ) {
      if (this.getSheet().getName() === 'Orders' && this.getColumn() === 6)
        throw new Error('Service Spreadsheets timed out');
      return original.call(this, cells);
    });
    try {
      expect(run(addon)).toMatchObject({ ok: false, code: 'WRITE_FAILED' });
    } finally {
      refuse.mockRestore();
    }
    expect(spreadsheet.getSheetByName('Customers')).toBeNull();
    expect(spreadsheet.getSheetByName('Segments')).toBeNull();
    expect(values(spreadsheet, 'Orders')).toEqual(ORDERS);
  });

  it('clusters the order lines as they are when the user turns RFM off', () => {
    const spreadsheet = shop();
    const reply = run(load(spreadsheet), { transactions: false, columns: ['Total'] });
    expect(reply.ok).toBe(true);
    expect(reply.detected).toBeUndefined();
    expect(spreadsheet.getSheetByName('Customers')).toBeNull();
  });
});
