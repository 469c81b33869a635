import { readFileSync } from 'node:fs';
import {
  checkRunConsistency,
  isSegmentationError,
  PUBLISH_LIMITS,
  parseDelimited,
  parseRun,
  type Run,
  type RunSummary,
  segmentOrders,
  segmentTable,
  tableFromCells,
  toPublishableSummary,
  WITHHELD_SEGMENT_TEXT,
} from '@segments/core';
import { describe, expect, it } from 'vitest';
import { threeGroupOrders } from '../helpers/make-orders';
import { makeRun } from '../helpers/make-run';

const NOW = new Date('2026-01-15T12:00:00.000Z');

/** The field a rejected run names, or the thrown value when it is not a SegmentationError. */
function rejectedField(input: unknown): string | undefined {
  try {
    toPublishableSummary(input, { now: NOW });
  } catch (error) {
    if (isSegmentationError(error)) return error.location.field;
    throw error;
  }
  throw new Error('the run was accepted');
}

describe('toPublishableSummary', () => {
  it('drops every field outside the summary contract, at every level', () => {
    const run = makeRun() as Record<string, unknown> & ReturnType<typeof makeRun>;
    const hostile = {
      ...run,
      customers: [{ email: 'ann@example.com' }],
      assignments: [0, 1, 2],
      source: { ...run.source, rows: [['ann@example.com', 15, 39]] },
      features: run.features.map((feature) => ({ ...feature, values: [15, 16, 17], min: 15, max: 137 })),
      segments: run.segments.map((segment) => ({
        ...segment,
        members: ['ann@example.com'],
        persona: { ...segment.persona, emails: ['ann@example.com'] },
      })),
    };
    const summary = toPublishableSummary(hostile, { now: NOW });
    const text = JSON.stringify(summary);
    expect(text).not.toContain('ann@example.com');
    expect(text).not.toContain('"values"');
    expect(summary).not.toHaveProperty('assignments');
    expect(summary).not.toHaveProperty('customers');
    for (const feature of summary.features) {
      expect(feature).not.toHaveProperty('min');
      expect(feature).not.toHaveProperty('max');
      expect(feature.mean).toBeTypeOf('number');
    }
    // What is left is still a valid run, and publishing it again changes nothing.
    expect(parseRun(summary).segments).toHaveLength(5);
    expect(toPublishableSummary(summary, { now: NOW })).toEqual(summary);
  });

  it('publishes a segment under 5 customers with its size and share only', () => {
    const run = makeRun({
      segments: [
        { name: 'Premium Shoppers (VIP)', key: 'vip', size: 196 },
        { name: 'Cautious Spenders', key: 'cautious', size: 4, centroid: { Income: 137, Spending: 1 } },
      ],
    });
    const summary = toPublishableSummary(run, { now: NOW });
    const small = summary.segments[1];
    expect(small).toMatchObject({ index: 1, size: 4, share: 0.02, centroid: {}, profile: [] });
    expect(small.persona.summary).toBe(WITHHELD_SEGMENT_TEXT);
    expect(small.persona.strategy).toBe(WITHHELD_SEGMENT_TEXT);
    expect(JSON.stringify(small)).not.toMatch(/137/);
    // The large segment keeps its values.
    expect(summary.segments[0].centroid).toEqual(run.segments[0].centroid);
    expect(summary.segments[0].profile).toHaveLength(2);
    expect(PUBLISH_LIMITS.minSegmentSizeForValues).toBe(5);
  });

  it('keeps a segment of exactly 5 customers whole', () => {
    const run = makeRun({
      segments: [
        { name: 'A', size: 195 },
        { name: 'B', size: 5 },
      ],
    });
    expect(toPublishableSummary(run, { now: NOW }).segments[1].profile).toHaveLength(2);
  });

  it.each([
    ['k that differs from the number of segments', { k: 2 }, 'k'],
    ['a createdAt far in the future', { createdAt: '9999-12-31T00:00:00.000Z' }, 'createdAt'],
    ['a control character in the name', { name: 'Mall\u0000run' }, 'name'],
    ['a newline in the name', { name: 'Mall\nrun' }, 'name'],
  ])('rejects %s, naming the field', (_what, override, field) => {
    expect(rejectedField({ ...makeRun(), ...override })).toBe(field);
  });

  it('accepts a createdAt up to 5 minutes ahead of the clock (skew), not 6', () => {
    const ahead = (minutes: number) => new Date(NOW.getTime() + minutes * 60_000).toISOString();
    expect(() => toPublishableSummary(makeRun({ createdAt: ahead(4) }), { now: NOW })).not.toThrow();
    expect(rejectedField(makeRun({ createdAt: ahead(6) }))).toBe('createdAt');
  });

  it('rejects sizes that do not add up to the rows used, and shares that do not match sizes', () => {
    const run = makeRun();
    const huge = structuredClone(run);
    huge.segments[0].size = 1e15;
    expect(rejectedField(huge)).toBe('segments[0].size');
    const uneven = structuredClone(run);
    uneven.segments[0].size += 1;
    expect(rejectedField(uneven)).toBe('segments');
    const shares = structuredClone(run);
    shares.segments[2].share = 0.9;
    expect(rejectedField(shares)).toBe('segments[2].share');
  });

  it('rejects numbers past the sane bounds and NUL anywhere, by path', () => {
    const run = makeRun();
    expect(rejectedField({ ...run, quality: { inertia: 1e300 } })).toBe('quality.inertia');
    expect(rejectedField({ ...run, preprocessing: { ...run.preprocessing, notes: ['a\u0000b'] } })).toBe(
      'preprocessing.notes[0]',
    );
  });

  it('accepts a real run from segmentTable unchanged but for the dropped examples', () => {
    const mall = parseDelimited(
      readFileSync(new URL('../fixtures/mall_customers.csv', import.meta.url), 'utf8'),
      { source: 'mall_customers.csv' },
    );
    const run = segmentTable(mall, {
      columns: ['Annual Income (k$)', 'Spending Score (1-100)'],
      k: 'auto',
      seed: 1,
      source: { kind: 'csv', fileName: 'mall_customers.csv' },
    });
    expect(() => checkRunConsistency(run)).not.toThrow();
    const summary = toPublishableSummary(run);
    expect(summary.segments.map((segment) => segment.size)).toEqual(run.segments.map((s) => s.size));
    expect(summary).not.toHaveProperty('assignments');
  });
});

describe('toPublishableSummary on an RFM run', () => {
  // 20, 10 and 3 customers (see the helper).
  const run = segmentOrders(tableFromCells(threeGroupOrders()), { k: 3, seed: 1 })?.run as Run;
  const published = toPublishableSummary(run).segments as (RunSummary['segments'][number] & {
    rfmScore?: string;
    rfm?: Record<string, unknown>;
  })[];

  it("keeps each segment's RFM score and per-customer means, so Slack can show R5 F4 M4", () => {
    expect(published.map((segment) => segment.size)).toEqual([20, 10, 3]);
    expect(published[1].rfmScore).toBe('R5 F4 M4');
    // The ten customers ordered 10 times, 100 each: 1,000 per customer, 10,000 in all.
    expect(published[1].rfm).toMatchObject({
      score: 'R5 F4 M4',
      orders: 10,
      monetary: 1000,
      revenue: 10_000,
    });
  });

  it('withholds the score and means of the 3-customer segment', () => {
    expect(published[2].rfmScore).toBeUndefined();
    expect(published[2].rfm).toBeUndefined();
  });
});
