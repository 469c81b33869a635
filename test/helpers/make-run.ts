/**
 * Builds small, valid Run objects by hand for tests. Every run it returns passes `parseRun`.
 *
 *   makeRun({ id: 'r1', name: 'mall-2026', segments: [{ name: 'Premium Shoppers (VIP)', key: 'vip', size: 39 }] })
 *
 * Segments get their index from their position, share = size / total, priority = position + 1 unless
 * given, and a playbook centroid, profile and strategy from their key (or neutral ones without a key).
 */
import type { PersonaKey, Run, Segment } from '@segments/core';
import { parseRun, personaKeySchema } from '@segments/core';

/** A segment as a test describes it; everything but name and size has a default. */
export interface SegmentSpec {
  name: string;
  key?: PersonaKey;
  size: number;
  strategy?: string;
  priority?: number;
  centroid?: Record<string, number | string>;
}

export type MakeRunOverrides = Omit<Partial<Run>, 'segments'> & { segments?: SegmentSpec[] };

const RFM_KEYS = personaKeySchema.options.filter((key) => key.startsWith('rfm-'));

const INCOME = 'Annual Income (k$)';
const SPENDING = 'Spending Score (1-100)';
const POPULATION = { [INCOME]: { mean: 60, std: 26 }, [SPENDING]: { mean: 50, std: 26 } };

/** Centroids (income, spending) typical of each playbook persona. */
const CENTROIDS: Record<PersonaKey, Record<string, number>> = {
  vip: { [INCOME]: 87, [SPENDING]: 82 },
  cautious: { [INCOME]: 88, [SPENDING]: 17 },
  impulse: { [INCOME]: 26, [SPENDING]: 79 },
  budget: { [INCOME]: 26, [SPENDING]: 21 },
  standard: { [INCOME]: 55, [SPENDING]: 50 },
  young: { [INCOME]: 45, [SPENDING]: 75 },
  custom: { [INCOME]: 60, [SPENDING]: 50 },
  champions: { [INCOME]: 80, [SPENDING]: 90 },
  'big-spenders': { [INCOME]: 70, [SPENDING]: 85 },
  'at-risk': { [INCOME]: 70, [SPENDING]: 80 },
  lapsed: { [INCOME]: 50, [SPENDING]: 30 },
  new: { [INCOME]: 55, [SPENDING]: 45 },
  occasional: { [INCOME]: 50, [SPENDING]: 25 },
  'category-fans': { [INCOME]: 60, [SPENDING]: 55 },
  outlier: { [INCOME]: 140, [SPENDING]: 10 },
  ...Object.fromEntries(RFM_KEYS.map((key) => [key, { [INCOME]: 60, [SPENDING]: 50 }])),
} as unknown as Record<PersonaKey, Record<string, number>>;

const STRATEGIES: Record<PersonaKey, string> = {
  vip: 'Exclusive offers and memberships',
  cautious: 'Loyalty incentives that reward each visit',
  impulse: 'Flash sales and discounts; mind credit risk',
  budget: 'Cost-effective promotions',
  standard: 'Nurture and engagement',
  young: 'Social and trend-led campaigns',
  custom: 'Test offers and watch the response',
  champions: 'Reward and involve',
  'big-spenders': 'Grow share of wallet',
  'at-risk': 'Win them back before they go',
  lapsed: 'Low-cost reactivation',
  new: 'Onboarding',
  occasional: 'Build frequency cheaply',
  'category-fans': 'Category-led offers',
  outlier: 'Review by hand',
  ...Object.fromEntries(RFM_KEYS.map((key) => [key, 'RFM playbook'])),
} as unknown as Record<PersonaKey, string>;

export const DEFAULT_SEGMENTS: SegmentSpec[] = [
  { name: 'Premium Shoppers (VIP)', key: 'vip', size: 39 },
  { name: 'Cautious Spenders', key: 'cautious', size: 35 },
  { name: 'Impulse Buyers', key: 'impulse', size: 22 },
  { name: 'Budget Shoppers', key: 'budget', size: 23 },
  { name: 'Potential Loyalists (Standard)', key: 'standard', size: 81 },
];

function levelOf(value: number, mean: number, std: number): 'low' | 'average' | 'high' {
  if (value > mean + 0.5 * std) return 'high';
  if (value < mean - 0.5 * std) return 'low';
  return 'average';
}

function toSegment(spec: SegmentSpec, index: number, total: number): Segment {
  const key = spec.key ?? 'custom';
  const centroid = spec.centroid ?? CENTROIDS[key];
  const profile: Segment['profile'] = [];
  for (const [feature, value] of Object.entries(centroid)) {
    const population = POPULATION[feature as keyof typeof POPULATION];
    if (typeof value !== 'number' || !population) continue;
    profile.push({
      feature,
      kind: 'numeric',
      mean: value,
      level: levelOf(value, population.mean, population.std),
      zScore: (value - population.mean) / population.std,
    });
  }
  return {
    index,
    size: spec.size,
    share: total ? spec.size / total : 0,
    centroid,
    profile,
    persona: {
      name: spec.name,
      ...(spec.key ? { key: spec.key } : {}),
      summary: `${spec.name}: a test segment.`,
      strategy: spec.strategy ?? STRATEGIES[key],
      priority: spec.priority ?? index + 1,
    },
  };
}

/**
 * A valid Run: the defaults describe a mall-like run of 200 customers in five playbook segments.
 * @example makeRun({ id: 'r2', segments: [{ name: 'D', size: 10 }] })
 */
export function makeRun(overrides: MakeRunOverrides = {}): Run {
  const { segments: specs = DEFAULT_SEGMENTS, ...rest } = overrides;
  const total = specs.reduce((sum, spec) => sum + spec.size, 0);
  const run: Run = {
    schemaVersion: 1,
    id: 'run-1',
    name: 'Test run',
    createdAt: '2026-01-15T10:00:00.000Z',
    source: { kind: 'csv', rowCount: total, fileName: 'customers.csv' },
    options: {
      k: specs.length,
      algorithm: 'auto',
      scaling: 'zscore',
      seed: 1,
      restarts: 10,
      missing: 'drop',
    },
    features: [
      { name: INCOME, kind: 'numeric', role: 'income', ...POPULATION[INCOME] },
      { name: SPENDING, kind: 'numeric', role: 'spending', ...POPULATION[SPENDING] },
    ],
    preprocessing: {
      rowsUsed: total,
      rowsDropped: 0,
      imputed: 0,
      missingByColumn: { [INCOME]: 0, [SPENDING]: 0 },
      droppedExamples: [],
      notes: [],
    },
    k: specs.length,
    algorithm: 'kmeans',
    segments: specs.map((spec, index) => toSegment(spec, index, total)),
    quality: { inertia: 100 },
    ...rest,
  };
  return parseRun(run, 'test run');
}
