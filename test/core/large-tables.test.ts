/**
 * Tables past the ~125,000 values a spread call (`Math.max(...values)`) can take: every former spread
 * site, at 1,000,000 elements, through the functions the add-on and the Sheets API path call.
 */
import {
  customerTable,
  encodeAssignmentColumns,
  encodeSummaryForTable,
  indexOfMax,
  inferColumns,
  maxOf,
  minOf,
  segmentTable,
  tableFromCells,
  widestRow,
} from '@segments/core';
import { describe, expect, it } from 'vitest';

const MILLION = 1_000_000;

/** Rows of [row number, spend, visits] in two well-separated groups (seeded by position). */
function customerCells(rows: number): (string | number)[][] {
  const cells: (string | number)[][] = [['No', 'Spend', 'Visits']];
  for (let i = 0; i < rows; i++) {
    const group = i % 2;
    cells.push([i + 1, group * 100 + (i % 7), group * 50 + (i % 5)]);
  }
  return cells;
}

describe('extent helpers', () => {
  it('find the largest and smallest of a million values without overflowing the stack', () => {
    const values = new Float64Array(MILLION);
    for (let i = 0; i < MILLION; i++) values[i] = (i * 7919) % MILLION;
    expect(maxOf(values)).toBe(MILLION - 1);
    expect(minOf(values)).toBe(0);
    expect(maxOf(new Set(values), -1)).toBe(MILLION - 1);
    expect(maxOf([], 7)).toBe(7);
  });

  it('find the widest of a million rows and the index of the largest of a million counts', () => {
    const rows = Array.from({ length: MILLION }, (_, i) => (i === 654_321 ? [1, 2, 3] : [1]));
    expect(widestRow(rows)).toBe(3);
    const counts = Array.from({ length: MILLION }, (_, i) => (i === 999_998 ? 5 : 1));
    expect(indexOfMax(counts)).toBe(999_998);
  });
});

describe('a million-row sheet with a row-number column', () => {
  it('becomes a table whose row-number column is recognised as an id', () => {
    const table = tableFromCells(customerCells(MILLION));
    expect(table.rows).toHaveLength(MILLION);
    const kinds = inferColumns(table).map((column) => column.kind);
    expect(kinds).toEqual(['id', 'numeric', 'numeric']);
  });

  for (const rows of [150_000, MILLION]) {
    it(`segments ${rows.toLocaleString('en')} rows through the add-on's path (customerTable → segmentTable → sheet columns and summary)`, () => {
      const table = customerTable({
        values: customerCells(rows),
        headerIndex: 0,
        firstRow: 1,
        firstColumn: 1,
        ownColumns: [],
        source: 'Sheet "Customers"',
      });
      const run = segmentTable(table, { k: 2, restarts: 1, seed: 1 });
      expect(run.features.map((feature) => feature.name)).toEqual(['Spend', 'Visits']);
      expect(run.segments.map((segment) => segment.size)).toEqual([rows / 2, rows / 2]);
      const columns = encodeAssignmentColumns(run, table.rows.length);
      expect(columns).toHaveLength(rows + 1);
      const summary = encodeSummaryForTable(run, table);
      expect(summary.values.length).toBeGreaterThan(2);
    });
  }
});
