import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
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
    const { writeFileSync } = await import('node:fs');
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
