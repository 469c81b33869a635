import { readFileSync } from 'node:fs';
import { createContext, runInContext } from 'node:vm';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCore } from '../../scripts/build-core.mjs';

interface CoreBundle {
  tableFromCells: (cells: unknown[][]) => unknown;
  segmentTable: (
    table: unknown,
    options: object,
  ) => { segments: { size: number; persona: { name: string } }[] };
}

// The Mall file as Sheets' getValues() returns it: numbers as numbers.
const cells = readFileSync(new URL('../fixtures/mall_customers.csv', import.meta.url), 'utf8')
  .trim()
  .split(/\r?\n/)
  .map((line, row) => line.split(',').map((cell) => (row > 0 && /^\d+$/.test(cell) ? Number(cell) : cell)));

describe('the core bundle', () => {
  let source: string;
  beforeAll(async () => {
    const { outfile } = await buildCore({
      outfile: new URL('../../dist/test/segments-core.js', import.meta.url).pathname,
    });
    source = readFileSync(outfile, 'utf8');
  });

  it('runs in a bare V8 context with no require, process, Buffer or timers, as Apps Script does', () => {
    const context = createContext({});
    runInContext(`${source}\nthis.SegmentsCore = SegmentsCore;`, context);
    const probe = runInContext(
      '[typeof require, typeof process, typeof Buffer, typeof setTimeout].join()',
      context,
    );
    expect(probe).toBe('undefined,undefined,undefined,undefined');
    const core = (context as { SegmentsCore: CoreBundle }).SegmentsCore;
    const run = core.segmentTable(core.tableFromCells(cells), {
      columns: ['Annual Income (k$)', 'Spending Score (1-100)'],
      k: 5,
      scaling: 'none',
      seed: 1,
    });
    expect(run.segments.map((segment) => segment.size)).toEqual([81, 39, 35, 23, 22]);
    expect(run.segments[1].persona.name).toBe('Premium Shoppers (VIP)');
  });

  it('contains no Node built-in imports', () => {
    expect(source).not.toMatch(/require\(["'](node:|fs|path|crypto)/);
  });
});
