import { readFileSync } from 'node:fs';
import {
  parseDelimited,
  segmentOrders,
  segmentTable,
  tableFromCells,
  toPublishableSummary,
  toRunSummary,
} from '@segments/core';
import { renderRunSummary } from '@segments/slack-app';
import { describe, expect, it } from 'vitest';
import { threeGroupOrders } from '../helpers/make-orders';

const store = parseDelimited(
  readFileSync(new URL('../fixtures/store_customers.csv', import.meta.url), 'utf8'),
);

describe('renderRunSummary for a run with outcomes, derived features and left-out columns', () => {
  const run = toRunSummary(segmentTable(store, { k: 2, seed: 1 }));
  const text = JSON.stringify(renderRunSummary(run));

  it('shows outcome rates per segment and why the first target ranks first', () => {
    expect(text).toMatch(/Outcomes: (Churned|Newsletter) \d+\.\d% \(\d+\.\d% overall\)/);
    expect(text).toMatch(/Why first:_ \d+\.\d% of customers, \d+\.\d% of total spending/);
  });

  it('lists derived features and the columns left out with their reasons', () => {
    expect(text).toContain('Derived: Age (from BirthYear)');
    expect(text).toContain('Churned (an outcome, not a trait: shown per segment as a rate)');
  });
});

describe('renderRunSummary for a published RFM run', () => {
  it("shows each segment's RFM score, and none for a segment under 5 customers", () => {
    const run = segmentOrders(tableFromCells(threeGroupOrders()), { k: 3, seed: 1 })?.run;
    const text = JSON.stringify(renderRunSummary(toPublishableSummary(run)));
    expect(text).toContain('— 10 customers (30.3%) · R5 F4 M4 ·');
    expect(text).toContain('— 20 customers (60.6%) · R2 F2 M2 ·');
    expect(text).not.toMatch(/3 customers \(9\.1%\) · R\d/);
  });
});
