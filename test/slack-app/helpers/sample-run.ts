/**
 * Small, hand-checkable runs for the Slack app's tests: 200 mall customers in two or three
 * segments, validated by core's parseRun so the fixture cannot drift from the contract.
 */
import { parseRun, type Run } from '@segments/core';

export interface SampleSegment {
  name: string;
  key?: 'vip' | 'cautious' | 'impulse' | 'budget' | 'standard' | 'young' | 'custom';
  size: number;
  strategy: string;
  priority: number;
  income: number;
  spending: number;
}

export const VIP: SampleSegment = {
  name: 'Premium Shoppers (VIP)',
  key: 'vip',
  size: 40,
  strategy: 'Exclusive offers and memberships',
  priority: 1,
  income: 87,
  spending: 82,
};
export const STANDARD: SampleSegment = {
  name: 'Potential Loyalists (Standard)',
  key: 'standard',
  size: 100,
  strategy: 'Nurture and engagement',
  priority: 2,
  income: 55,
  spending: 50,
};
export const BUDGET: SampleSegment = {
  name: 'Budget Shoppers',
  key: 'budget',
  size: 60,
  strategy: 'Cost-effective promotions',
  priority: 3,
  income: 26,
  spending: 20,
};

/**
 * A valid Run over two numeric features with the given segments (sizes should add up to rowCount).
 * @example sampleRun({ id: 'run-1', segments: [VIP, STANDARD, BUDGET] })
 */
export function sampleRun(
  options: {
    id?: string;
    name?: string;
    createdAt?: string;
    segments?: SampleSegment[];
    assignments?: number[];
  } = {},
): Run {
  const segments = options.segments ?? [VIP, STANDARD, BUDGET];
  const rowCount = segments.reduce((sum, segment) => sum + segment.size, 0);
  const level = (value: number, mean: number) =>
    value > mean + 13 ? 'high' : value < mean - 13 ? 'low' : ('average' as const);
  return parseRun({
    schemaVersion: 1,
    id: options.id ?? 'run-1',
    name: options.name ?? 'Mall customers',
    createdAt: options.createdAt ?? '2026-01-10T09:00:00.000Z',
    source: { kind: 'csv', rowCount, fileName: 'mall_customers.csv' },
    options: {
      k: segments.length,
      algorithm: 'kmeans',
      scaling: 'zscore',
      seed: 1,
      restarts: 10,
      missing: 'drop',
    },
    features: [
      { name: 'Annual Income (k$)', kind: 'numeric', role: 'income', mean: 60, std: 26 },
      { name: 'Spending Score (1-100)', kind: 'numeric', role: 'spending', mean: 50, std: 26 },
    ],
    preprocessing: {
      rowsUsed: rowCount,
      rowsDropped: 0,
      imputed: 0,
      missingByColumn: {},
      droppedExamples: [],
      notes: [],
    },
    k: segments.length,
    algorithm: 'kmeans',
    segments: segments.map((segment, index) => ({
      index,
      size: segment.size,
      share: segment.size / rowCount,
      centroid: { 'Annual Income (k$)': segment.income, 'Spending Score (1-100)': segment.spending },
      profile: [
        {
          feature: 'Annual Income (k$)',
          kind: 'numeric',
          mean: segment.income,
          level: level(segment.income, 60),
          zScore: (segment.income - 60) / 26,
        },
        {
          feature: 'Spending Score (1-100)',
          kind: 'numeric',
          mean: segment.spending,
          level: level(segment.spending, 50),
          zScore: (segment.spending - 50) / 26,
        },
      ],
      persona: {
        name: segment.name,
        key: segment.key,
        summary: `${segment.name}: income about ${segment.income}k$, spending score about ${segment.spending}.`,
        strategy: segment.strategy,
        priority: segment.priority,
      },
    })),
    quality: { inertia: 42.5, silhouette: 0.55 },
    ...(options.assignments ? { assignments: options.assignments } : {}),
  });
}
