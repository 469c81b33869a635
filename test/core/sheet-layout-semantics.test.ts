import { readFileSync } from 'node:fs';
import { encodeSummarySheet, parseDelimited, segmentTable } from '@segments/core';
import { describe, expect, it } from 'vitest';

const store = parseDelimited(
  readFileSync(new URL('../fixtures/store_customers.csv', import.meta.url), 'utf8'),
);

describe('encodeSummarySheet for a run with derived features, outcomes and left-out columns', () => {
  const run = segmentTable(store, { k: 2, seed: 1, now: new Date('2026-01-01T00:00:00Z') });
  const layout = encodeSummarySheet(run);
  const { row, numRows, numColumns } = layout.segmentTable;
  const header = layout.values[row - 1].slice(0, numColumns);

  it('adds the target rank, its reason, outcome rates and descriptive categories to each segment row', () => {
    expect(header.slice(-5)).toEqual([
      'Target rank',
      'Why this rank',
      'Churned (rate)',
      'Newsletter (rate)',
      'Store Region (most common)',
    ]);
    const rows = layout.values.slice(row, row - 1 + numRows);
    const churnColumn = header.indexOf('Churned (rate)');
    const churned = rows.reduce((sum, r) => sum + Math.round(Number(r[churnColumn]) * Number(r[2])), 0);
    expect(churned).toBe(3); // 3 of the 10 customers churned
    expect(rows.map((r) => r[header.indexOf('Target rank')]).sort()).toEqual([1, 2]);
    // The row after the segments gives the overall rates.
    expect(layout.values[row - 1 + numRows][1]).toBe('All customers');
    expect(layout.values[row - 1 + numRows][churnColumn]).toBe(0.3);
  });

  it('lists derived features with their sources, and every left-out column with its reason', () => {
    const lines = layout.values.filter((r) => r[0] === 'Derived feature' || r[0] === 'Left out');
    expect(lines).toContainEqual(expect.arrayContaining(['Derived feature', 'Age', 'from BirthYear']));
    expect(lines).toContainEqual(
      expect.arrayContaining(['Left out', 'Churned', 'an outcome, not a trait: shown per segment as a rate']),
    );
    expect(lines.filter((r) => r[0] === 'Left out')).toHaveLength(
      run.preprocessing.excludedColumns?.length ?? -1,
    );
  });
});
