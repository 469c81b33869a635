import {
  isOutlierSegment,
  outlierThreshold,
  parseDelimited,
  rankByValue,
  segmentTable,
} from '@segments/core';
import { describe, expect, it } from 'vitest';

describe('outlierThreshold', () => {
  it('is max(5, 1% of the customers)', () => {
    expect(outlierThreshold(200)).toBe(5);
    expect(outlierThreshold(2240)).toBe(23);
  });

  it('marks a segment below the threshold only when enough customers are outside it', () => {
    expect(isOutlierSegment(3, 2000)).toBe(true);
    expect(isOutlierSegment(25, 2240)).toBe(false);
    expect(isOutlierSegment(4, 12)).toBe(false); // 12 customers: 4 is a third of them, not an outlier
  });
});

describe('segmentTable with two extreme customers', () => {
  // 29 modest and 29 well-off customers, plus two with income 666 and spend 900.
  const rows = [
    ...Array.from({ length: 29 }, (_, i) => `${40 + (i % 5)},${30 + (i % 7)}`),
    ...Array.from({ length: 29 }, (_, i) => `${80 + (i % 5)},${70 + (i % 7)}`),
    '666,900',
    '666,880',
  ];
  const table = parseDelimited(`Yearly Income,Amount Spent\n${rows.join('\n')}\n`);
  const run = segmentTable(table, { k: 3, seed: 1 });
  const outliers = run.segments.find((segment) => segment.size === 2);

  it('names the tiny segment "Outliers (2 customers)" with key outlier and says what is unusual', () => {
    expect(outliers?.persona).toMatchObject({ key: 'outlier', name: 'Outliers (2 customers)' });
    expect(outliers?.persona.summary).toMatch(/Unusual: Amount Spent 890 vs 80\.8 on average/);
  });

  it('compares the other segments with the customers outside the outliers', () => {
    expect(run.segments.map((segment) => segment.persona.name).sort()).toEqual([
      'Budget Shoppers',
      'Outliers (2 customers)',
      'Premium Shoppers (VIP)',
    ]);
  });

  it('never targets outliers first, even with the highest spend per customer', () => {
    expect(outliers?.persona.priority).toBe(3);
    const first = run.segments.find((segment) => segment.persona.priority === 1);
    expect(first?.persona.key).not.toBe('outlier');
    expect(first?.centroid['Amount Spent']).toBeGreaterThan(60);
  });
});

describe('rankByValue', () => {
  it('ranks by size × value and names the numbers', () => {
    const ranks = rankByValue(
      [
        { size: 30, value: 1200 },
        { size: 70, value: 400 },
      ],
      'spending',
    );
    expect(ranks.map((rank) => rank.priority)).toEqual([1, 2]);
    expect(ranks[0].reason).toBe(
      '30.0% of customers, 56.3% of total spending; 1,200 spending per customer vs 640 on average: the highest expected value (size × spending).',
    );
  });

  it('never puts a below-average segment first, however large', () => {
    const ranks = rankByValue(
      [
        { size: 80, value: 500 },
        { size: 20, value: 900 },
      ],
      'spending',
    );
    expect(ranks.map((rank) => rank.priority)).toEqual([2, 1]);
    expect(ranks[0].reason).toMatch(/below-average spending per customer, so not a first target/);
  });

  it('weighs value by response when a response outcome exists', () => {
    const ranks = rankByValue(
      [
        { size: 50, value: 900, response: { rate: 0.05, overall: 0.15 } },
        { size: 50, value: 800, response: { rate: 0.3, overall: 0.15 } },
        { size: 100, value: 100 },
      ],
      'spending',
    );
    expect(ranks.map((rank) => rank.priority)).toEqual([2, 1, 3]);
    expect(ranks[1].reason).toMatch(/response rate 30.0% vs 15.0% overall/);
  });
});
