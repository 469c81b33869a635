import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { threeGroupOrders } from '../helpers/make-orders';
import { makeWorkspace, runCli } from './cli-harness';

const root = new URL('../..', import.meta.url).pathname;
const ordersPath = join(root, 'test/fixtures/orders_small.csv');

describe('segments segment on an orders table', () => {
  it('detects the orders, says so and writes one row per customer', async () => {
    const workspace = makeWorkspace();
    const result = await runCli(['segment', ordersPath, '--k', '2', '--no-save'], workspace.dir);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(
      'Transactions detected: 6 orders of 4 customers (Email), dates from Created at, amounts from Total',
    );
    const lines = readFileSync(join(workspace.dir, 'orders_small.customers.csv'), 'utf8')
      .trim()
      .split(/\r?\n/);
    expect(lines[0]).toBe('Email,Recency (days),Frequency,Monetary,First order,Segment,Persona');
    expect(lines).toHaveLength(5);
    expect(lines[1].startsWith('ann@shop.io,0,2,230,2024-01-05,')).toBe(true);
  });

  it("describes each RFM segment by its score and its average customer's last order, orders and spend", async () => {
    const workspace = makeWorkspace();
    const path = join(workspace.dir, 'three-groups.csv');
    writeFileSync(
      path,
      `${threeGroupOrders()
        .map((row) => row.join(','))
        .join('\n')}\n`,
    );
    const result = await runCli(['segment', path, '--k', '3', '--no-save'], workspace.dir);
    expect(result.code).toBe(0);
    // The 20 one-off buyers: one order of 20, on average 343.5 days before the newest order.
    expect(result.stdout).toMatch(/ 20 +60\.6% +R2 F2 M2: last order 343\.5 days ago, 1 order, 20 spent\n/);
    // The 10 regulars: ten orders of 100.
    expect(result.stdout).toMatch(
      / 10 +30\.3% +R5 F4 M4: last order 4\.5 days ago, 10 orders, 1,000 spent\n/,
    );
    expect(result.stdout).not.toContain('close to average on every feature');
  });

  it('takes the columns and the as-of date from flags', async () => {
    const workspace = makeWorkspace();
    const out = join(workspace.dir, 'c.csv');
    const result = await runCli(
      [
        'segment',
        ordersPath,
        '--customer',
        'Email',
        '--date',
        'Created at',
        '--amount',
        'Total',
        '--as-of',
        '2024-03-11',
        '--k',
        '2',
        '--no-save',
        '--out',
        out,
      ],
      workspace.dir,
    );
    expect(result.code).toBe(0);
    expect(readFileSync(out, 'utf8')).toContain('ann@shop.io,10,2,230,');
  });

  it('stops with one line naming the row and column of a text amount, writing nothing', async () => {
    const workspace = makeWorkspace();
    const out = join(workspace.dir, 'bad.customers.csv');
    const path = join(workspace.dir, 'bad.csv');
    writeFileSync(
      path,
      'Email,Order date,Total\na@x.io,2024-01-02,10\na@x.io,2024-01-03,ten\nb@x.io,2024-01-05,3\nb@x.io,2024-01-06,4\n',
    );
    const result = await runCli(['segment', path, '--no-save', '--out', out], workspace.dir);
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toContain('row 3, column "Total"');
    expect(existsSync(out)).toBe(false);
  });
});

describe('segments ask after segmenting an orders table', () => {
  it('answers who is at risk and how much revenue comes from champions', async () => {
    const workspace = makeWorkspace();
    const segmented = await runCli(
      ['segment', ordersPath, '--k', '2', '--name', 'Small orders'],
      workspace.dir,
    );
    expect(segmented.code).toBe(0);
    // orders_small.csv: ann (230, last order 2024-03-01) is the Champion; bob, cara and dan At Risk.
    const risk = await runCli(['ask', 'which customers are at risk?'], workspace.dir);
    expect(risk.code).toBe(0);
    expect(risk.stdout).toContain('At risk in run Small orders: 3 of the 4 customers (75.0%)');
    expect(risk.stdout).toContain('At Risk (segment 1): 3 customers, last order 23.7 days ago on average');
    const revenue = await runCli(['ask', 'how much revenue comes from champions?'], workspace.dir);
    expect(revenue.code).toBe(0);
    expect(revenue.stdout).toContain('Champions (segment 2) brings 230 of the 325 revenue (net of returns)');
  });
});

describe('segments segment summary on order lines', () => {
  it('says Monetary comes from quantity × unit price, not their sum', async () => {
    const workspace = makeWorkspace();
    const lines = join(root, 'test/fixtures/order_lines_small.csv');
    const result = await runCli(['segment', lines, '--k', '2', '--no-save'], workspace.dir);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Monetary (from Quantity × UnitPrice)');
    expect(result.stdout).not.toContain('Quantity + UnitPrice');
  });
});
