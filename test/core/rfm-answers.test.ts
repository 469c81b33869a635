import { readFileSync } from 'node:fs';
import {
  type Answer,
  answerQuestion,
  parseDelimited,
  type RunSummary,
  segmentOrders,
  toPublishableSummary,
  toRunSummary,
} from '@segments/core';
import { describe, expect, it } from 'vitest';
import { makeRun, type SegmentSpec } from '../helpers/make-run';

/**
 * A hand-made RFM run of 100 customers (centroids in original units: days, orders, money):
 *   Champions        10  R 5    F 8  M 500  → 5,000
 *   Loyal Customers  20  R 20   F 4  M 200  → 4,000
 *   At Risk          30  R 90   F 3  M 100  → 3,000
 *   Can't Lose Them   5  R 120  F 6  M 400  → 2,000
 *   Hibernating      35  R 150  F 1  M 20   →   700
 * Revenue 14,700 (mean 147); recency mean 90 days. Priorities follow the RFM playbook.
 */
const R = 'Recency (days)';
const F = 'Frequency';
const M = 'Monetary';
const rfmSegment = (
  name: string,
  key: SegmentSpec['key'],
  size: number,
  priority: number,
  [r, f, m]: number[],
): SegmentSpec => ({
  name,
  key,
  size,
  priority,
  strategy: `${name} strategy.`,
  centroid: { [R]: r, [F]: f, [M]: m },
});
const RFM_SEGMENTS = [
  rfmSegment('Champions', 'rfm-champions', 10, 1, [5, 8, 500]),
  rfmSegment('Loyal Customers', 'rfm-loyal', 20, 2, [20, 4, 200]),
  rfmSegment('At Risk', 'rfm-at-risk', 30, 4, [90, 3, 100]),
  rfmSegment("Can't Lose Them", 'rfm-cant-lose', 5, 3, [120, 6, 400]),
  rfmSegment('Hibernating', 'rfm-hibernating', 35, 5, [150, 1, 20]),
];
const rfmRun = (segments: SegmentSpec[] = RFM_SEGMENTS, id = 'orders-1'): RunSummary => {
  const total = segments.reduce((sum, segment) => sum + segment.size, 0);
  const mean = (column: string) =>
    segments.reduce((sum, segment) => sum + (segment.centroid?.[column] as number) * segment.size, 0) / total;
  return toRunSummary(
    makeRun({
      id,
      name: 'Orders May',
      source: { kind: 'transactions', rowCount: 1200, fileName: 'orders.csv' },
      features: [
        { name: R, kind: 'numeric', role: 'recency', mean: mean(R), std: 50 },
        { name: F, kind: 'numeric', role: 'frequency', mean: mean(F), std: 2 },
        { name: M, kind: 'numeric', role: 'spending', mean: mean(M), std: 100 },
      ],
      preprocessing: {
        rowsUsed: total,
        rowsDropped: 0,
        imputed: 0,
        missingByColumn: {},
        droppedExamples: [],
        notes: [],
      },
      segments,
    }),
  );
};
const mallRun = toRunSummary(makeRun({ id: 'mall', name: 'Mall' }));
const ask = (question: string, runs: RunSummary[] = [rfmRun()], surface: 'cli' | 'slack' = 'slack') =>
  answerQuestion(question, { runs, surface });

describe('answerQuestion on an RFM run', () => {
  const table: [string, Partial<Answer>, string[]][] = [
    [
      'which customers are at risk?',
      { intent: 'risk', segment: { index: 3, name: "Can't Lose Them" }, size: 5 },
      [
        'At risk in run Orders May: 35 of the 100 customers (35.0%) who used to buy well have gone quiet.',
        "• Can't Lose Them (segment 4): 5 customers, last order 120 days ago on average (90 overall), 2,000 spent, 13.6% of revenue",
        '• At Risk (segment 3): 30 customers, last order 90 days ago on average (90 overall), 3,000 spent, 20.4% of revenue',
        "First: Can't Lose Them (segment 4). Can't Lose Them strategy.",
        'Also going quiet (lower value): Hibernating (segment 5), 35 customers.',
      ],
    ],
    [
      'how many champions do we have?',
      { intent: 'size', segment: { index: 0, name: 'Champions' }, size: 10 },
      ['Champions (segment 1) has 10 customers, 10.0% of the 100 in run Orders May.'],
    ],
    [
      'who should get a win-back campaign?',
      {
        intent: 'target',
        goal: 'reactivation',
        segment: { index: 3, name: "Can't Lose Them" },
        runnerUp: { index: 2, name: 'At Risk' },
      },
      ["For reactivation, target Can't Lose Them (segment 4)", 'Its persona suits reactivation best'],
    ],
    [
      'how much revenue comes from champions?',
      { intent: 'revenue', segment: { index: 0, name: 'Champions' }, size: 10 },
      [
        'Champions (segment 1) brings 5,000 of the 14,700 revenue (net of returns) in run Orders May: 34.0% from 10 customers (10.0% of the 100), 500 per customer against 147 overall.',
      ],
    ],
    [
      'what share of sales comes from each segment?',
      { intent: 'revenue', segment: { index: 0, name: 'Champions' } },
      [
        "Revenue (net of returns) in run Orders May, 14,700, by segment: Champions (segment 1) 5,000 (34.0%), Loyal Customers (segment 2) 4,000 (27.2%), At Risk (segment 3) 3,000 (20.4%), Can't Lose Them (segment 4) 2,000 (13.6%), Hibernating (segment 5) 700 (4.8%).",
      ],
    ],
    [
      'how do I do RFM segmentation?',
      { intent: 'help' },
      ['RFM segmentation groups customers by recency', 'Extensions › Customer Segments › Segment customers…'],
    ],
    // Questions that look alike keep their old meaning.
    [
      'how big is the at risk segment?',
      { intent: 'size', segment: { index: 2, name: 'At Risk' } },
      ['At Risk (segment 3) has 30 customers'],
    ],
    [
      "what's the strategy for hibernating?",
      { intent: 'strategy', segment: { index: 4, name: 'Hibernating' } },
      ['Hibernating strategy.'],
    ],
  ];
  for (const [question, fields, texts] of table) {
    it(`answers "${question}"`, () => {
      const answer = ask(question);
      expect(answer).toMatchObject(fields);
      for (const text of texts) expect(answer.text).toContain(text);
    });
  }

  it('explains RFM from the CLI with the segment command, even before any run exists', () => {
    const answer = ask('how do I do RFM segmentation?', [], 'cli');
    expect(answer.intent).toBe('help');
    expect(answer.text).toContain('segments segment orders.csv');
    expect(answer.examples).toContain('which customers are at risk?');
  });

  it('counts every segment of a persona when a run has two of them', () => {
    const run = rfmRun([
      rfmSegment('Champions (R5 F5 M5)', 'rfm-champions', 10, 1, [5, 8, 500]),
      rfmSegment('Champions (R5 F4 M4)', 'rfm-champions', 15, 2, [8, 5, 300]),
      rfmSegment('Hibernating', 'rfm-hibernating', 75, 3, [150, 1, 20]),
    ]);
    const size = ask('how many champions do we have?', [run]);
    expect(size).toMatchObject({ intent: 'size', size: 25, share: 0.25 });
    expect(size.text).toContain('Champions has 25 customers in 2 segments');
    // 5,000 + 4,500 of 11,000.
    const revenue = ask('how much revenue comes from champions?', [run]);
    expect(revenue.text).toContain('Champions (2 segments) brings 9,500 of the 11,000 revenue');
    // Named with its score, one segment only.
    expect(ask('how many customers are in Champions (R5 F4 M4)?', [run]).size).toBe(15);
  });

  it("names the slipping segments when no segment is At Risk or Can't Lose Them", () => {
    const run = rfmRun([
      rfmSegment('Champions', 'rfm-champions', 40, 1, [5, 8, 500]),
      rfmSegment('Hibernating', 'rfm-hibernating', 60, 2, [150, 1, 20]),
    ]);
    const answer = ask('which customers are at risk?', [run]);
    expect(answer).toMatchObject({ intent: 'risk', segment: { index: 1, name: 'Hibernating' } });
    expect(answer.text).toContain(
      "No segment of run Orders May is At Risk or Can't Lose Them; these are slipping",
    );
  });

  it('withholds the revenue of a published segment under 5 customers', () => {
    const run = makeRun({
      ...rfmRun(),
      segments: RFM_SEGMENTS.map((segment) =>
        segment.key === 'rfm-cant-lose' ? { ...segment, size: 4 } : segment,
      ),
    });
    const published = toPublishableSummary(
      { ...run, preprocessing: { ...run.preprocessing, rowsUsed: 99 } },
      { now: new Date('2026-06-01') },
    );
    const answer = ask("how much revenue comes from can't lose them?", [published]);
    expect(answer.text).toContain('its revenue is not shown (privacy)');
    expect(answer.text).not.toContain('2,000');
  });

  it('says a customer table without money has no revenue, and finds no persona at risk', () => {
    expect(ask('how much revenue comes from VIP?', [mallRun]).text).toContain(
      'has no amount spent per customer (it was clustered on Annual Income (k$), Spending Score (1-100))',
    );
    expect(ask('which customers are at risk?', [mallRun]).text).toContain(
      'No segment of run Mall is at risk by its persona',
    );
  });

  it('quotes the revenue a real roll-up gives (orders_small.csv: ann 230 of 325)', () => {
    const table = parseDelimited(
      readFileSync(new URL('../fixtures/orders_small.csv', import.meta.url), 'utf8'),
    );
    const result = segmentOrders(table, { k: 2, id: 'small', name: 'Small orders' });
    const answer = ask('how much revenue comes from champions?', [toRunSummary(result?.run as never)]);
    expect(answer.text).toContain('brings 230 of the 325 revenue (net of returns)');
  });
});
