/**
 * Small, valid prediction records for tests: a prediction run built by hand (every one passes
 * `parsePredictionRun`) and a real model trained by core on 60 hand-made customers.
 *
 *   makePredictionRun({ id: 'p1', segments: [{ label: 'A', size: 10 }, { label: 'D', size: 30 }] })
 */
import {
  type Cell,
  MODEL_SCHEMA_VERSION,
  type PredictionModel,
  type PredictionRun,
  parsePredictionRun,
  segmentDisplayName,
  tableFromCells,
  trainClassifier,
} from '@segments/core';

export interface PredictedSegmentSpec {
  label: string;
  size: number;
}

export type MakePredictionOverrides = Omit<Partial<PredictionRun>, 'segments'> & {
  segments?: PredictedSegmentSpec[];
};

/** 2,627 new customers over A–D, as in the automobile seed; D is the largest. */
export const DEFAULT_PREDICTED_SEGMENTS: PredictedSegmentSpec[] = [
  { label: 'A', size: 700 },
  { label: 'B', size: 500 },
  { label: 'C', size: 815 },
  { label: 'D', size: 612 },
];

/**
 * A prediction run with hand-checkable sizes: share = size / total, rank 1 = the largest.
 * @example makePredictionRun({ name: 'Leads May' }).segments[3].size // 612
 */
export function makePredictionRun(overrides: MakePredictionOverrides = {}): PredictionRun {
  const specs = overrides.segments ?? DEFAULT_PREDICTED_SEGMENTS;
  const total = specs.reduce((sum, spec) => sum + spec.size, 0);
  const bySize = [...specs].sort((a, b) => b.size - a.size);
  const { segments: _segments, ...rest } = overrides;
  return parsePredictionRun({
    schemaVersion: MODEL_SCHEMA_VERSION,
    kind: 'prediction',
    id: 'prediction-1',
    name: 'Segmentation of new_customers.csv',
    createdAt: '2026-05-01T09:00:00Z',
    modelId: 'model-1',
    modelName: 'Predict Segmentation · train.csv',
    label: 'Segmentation',
    source: { kind: 'csv', fileName: 'new_customers.csv', rowCount: total },
    rowCount: total,
    segments: specs.map((spec) => ({
      label: spec.label,
      name: segmentDisplayName(spec.label),
      size: spec.size,
      share: total > 0 ? spec.size / total : 0,
      rank: bySize.indexOf(spec) + 1,
      meanConfidence: 0.6,
      profile: [],
    })),
    ranking: `${segmentDisplayName(bySize[0].label)} dominates.`,
    notes: [],
    ...rest,
  });
}

/** 60 customers: segment A is the young, C the older ones on the max plan, B the rest. */
export function labelledCells(): Cell[][] {
  const plans = ['basic', 'pro', 'max'];
  const rows: Cell[][] = [['Customer ID', 'Age', 'Plan', 'Segment']];
  for (let i = 0; i < 60; i++) {
    const age = 20 + ((i * 7) % 50);
    const plan = plans[i % 3];
    rows.push([`C-${1000 + i}`, age, plan, age < 35 ? 'A' : plan === 'max' ? 'C' : 'B']);
  }
  return rows;
}

/**
 * A real model trained by core on {@link labelledCells}, seeded and with a fixed clock.
 * @example makeModel({ id: 'm1', name: 'Plans' }).classes // ['A', 'B', 'C'] in first-seen order
 */
export function makeModel(options: { id?: string; name?: string; now?: Date } = {}): PredictionModel {
  return trainClassifier(tableFromCells(labelledCells(), { source: 'labelled.csv' }), {
    label: 'Segment',
    seed: 1,
    id: options.id ?? 'model-1',
    name: options.name ?? 'Plans model',
    now: options.now ?? new Date('2026-04-01T00:00:00Z'),
    source: { kind: 'csv', fileName: 'labelled.csv' },
  });
}
