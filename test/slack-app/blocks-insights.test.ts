import { readFileSync } from 'node:fs';
import { parseDelimited, segmentTable, toRunSummary } from '@segments/core';
import { renderRunSummary } from '@segments/slack-app';
import { describe, expect, it } from 'vitest';

const store = parseDelimited(
  readFileSync(new URL('../fixtures/store_customers.csv', import.meta.url), 'utf8'),
);

describe('renderRunSummary for a run with outcomes, derived features and left-out columns', () => {
  const run = toRunSummary(segmentTable(store, { k: 2, seed: 1 }));
  const text = JSON.stringify(renderRunSummary(run));

  it('shows outcome rates per segment and why the first target ranks first', () => {
    expect(text).toMatch(/Outcomes: (Churned|Newsletter) \d+\.\d% \(\d+\.\d% overall\)/);
    expect(text).toMatch(/Why first:_ \d+% of customers, \d+% of total spending/);
  });

  it('lists derived features and the columns left out with their reasons', () => {
    expect(text).toContain('Derived: Age (from BirthYear)');
    expect(text).toContain('Churned (an outcome, not a trait: shown per segment as a rate)');
  });
});
