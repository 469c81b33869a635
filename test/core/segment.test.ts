import { readFileSync } from 'node:fs';
import {
  assignTable,
  isSegmentationError,
  newRecordId,
  type Progress,
  parseDelimited,
  parseRun,
  type Run,
  segmentTable,
  toRunSummary,
} from '@segments/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { hasSharedData, sharedDataPath } from '../helpers/shared-data';

const mall = parseDelimited(
  readFileSync(new URL('../fixtures/mall_customers.csv', import.meta.url), 'utf8'),
  { source: 'mall_customers.csv' },
);
const incomeAndSpending = ['Annual Income (k$)', 'Spending Score (1-100)'];
const AUTOMOBILE = hasSharedData('automobile_train.csv', 'automobile_new_customers.csv');
const sharedData = sharedDataPath;

describe('segmentTable on the Mall customers', () => {
  let run: Run;
  beforeAll(() => {
    run = segmentTable(mall, {
      columns: incomeAndSpending,
      k: 5,
      scaling: 'none',
      seed: 1,
      source: { kind: 'csv', fileName: 'mall_customers.csv' },
    });
  });

  it('finds the five textbook segments with scikit-learn-level inertia', () => {
    expect(run.segments.map((segment) => segment.size)).toEqual([81, 39, 35, 23, 22]);
    expect(run.quality.inertia).toBeLessThanOrEqual(44_449);
  });

  it('names them with the playbook personas', () => {
    const names = Object.fromEntries(run.segments.map((segment) => [segment.size, segment.persona.name]));
    expect(names).toEqual({
      81: 'Potential Loyalists (Standard)',
      39: 'Premium Shoppers (VIP)',
      35: 'Cautious Spenders',
      23: 'Budget Shoppers',
      22: 'Impulse Buyers',
    });
  });

  it('puts the VIP segment first for targeting', () => {
    expect(run.segments.find((segment) => segment.persona.priority === 1)?.persona.key).toBe('vip');
  });

  it('produces a Run that passes its own schema, with centroids in original units', () => {
    expect(() => parseRun(JSON.parse(JSON.stringify(run)))).not.toThrow();
    const vip = run.segments.find((segment) => segment.persona.key === 'vip');
    expect(vip?.centroid['Annual Income (k$)']).toBeCloseTo(86.54, 1);
    expect(run).toMatchObject({
      schemaVersion: 1,
      k: 5,
      algorithm: 'kmeans',
      source: { kind: 'csv', rowCount: 200 },
    });
  });

  it('assigns every row, and its segment sizes add up to the assignments', () => {
    expect(run.assignments).toHaveLength(200);
    const counts = run.segments.map(
      (segment) => run.assignments?.filter((index) => index === segment.index).length,
    );
    expect(counts).toEqual(run.segments.map((segment) => segment.size));
  });

  it('gives the same segments for the same seed', () => {
    const again = segmentTable(mall, { columns: incomeAndSpending, k: 5, scaling: 'none', seed: 1 });
    expect(again.assignments).toEqual(run.assignments);
  });

  it('leaves per-row assignments out of the summary that may be published', () => {
    expect('assignments' in toRunSummary(run)).toBe(false);
  });
});

describe('segmentTable with k = auto', () => {
  it('recommends 5 Mall segments and cites the silhouette in its reason', () => {
    const run = segmentTable(mall, { columns: incomeAndSpending, k: 'auto', scaling: 'none', seed: 1 });
    expect(run.chooseK?.recommendedK).toBe(5);
    expect(run.k).toBe(5);
    expect(run.chooseK?.reason).toMatch(/silhouette/);
    expect(run.chooseK?.candidates.map((candidate) => candidate.k)).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });

  it('reports its phases through onProgress, ending at done', () => {
    const phases: Progress[] = [];
    segmentTable(mall, { columns: incomeAndSpending, onProgress: (progress) => phases.push(progress) });
    expect(phases[0].phase).toBe('prepare');
    expect(phases.some((progress) => progress.phase === 'choose-k')).toBe(true);
    expect(phases.filter((progress) => progress.phase === 'choose-k')).toHaveLength(9);
    const fractions = phases.map((progress) => progress.fraction);
    expect(fractions).toEqual([...fractions].sort((a, b) => a - b));
    expect(phases.at(-1)).toMatchObject({ phase: 'done', fraction: 1 });
  });
});

describe('segmentTable with no options', () => {
  it('uses the numeric and categorical columns of the Mall file, leaving out the id, with k-prototypes', () => {
    const run = segmentTable(mall, { k: 4 });
    expect(run.algorithm).toBe('kprototypes');
    expect(run.features.map((feature) => feature.name)).toEqual([
      'Age',
      'Annual Income (k$)',
      'Spending Score (1-100)',
      'Genre',
    ]);
    expect(run.preprocessing.notes[0]).toMatch(/Not used: CustomerID/);
    expect(run.options.gamma).toBeCloseTo(0.5, 6);
  });

  it.skipIf(!AUTOMOBILE)(
    'runs k-prototypes on the automobile data and drops the 1,403 rows with missing values',
    () => {
      const automobile = parseDelimited(readFileSync(sharedData('automobile_train.csv'), 'utf8'));
      const run = segmentTable(automobile, { k: 4 });
      expect(run.algorithm).toBe('kprototypes');
      expect(run.features.map((feature) => feature.name)).not.toContain('ID');
      expect(run.features.map((feature) => feature.name)).not.toContain('Segmentation');
      expect(run.preprocessing).toMatchObject({ rowsUsed: 6665, rowsDropped: 1403 });
      expect(run.preprocessing.droppedExamples.length).toBeGreaterThan(0);
    },
  );
});

describe('segmentTable options', () => {
  it.each([
    [{ k: 0 }, /k must be "auto" or a whole number from 1 to 50; got 0/],
    [{ k: 1.5 }, /got 1.5/],
    [{ k: 300 }, /got 300/],
    [{ scaling: 'log' }, /scaling must be one of zscore, minmax, none; got log/],
    [{ restarts: 0 }, /restarts must be a whole number from 1 to 1000/],
  ])('rejects %j naming the option', (options, message) => {
    let caught: unknown;
    try {
      segmentTable(mall, { columns: incomeAndSpending, ...(options as object) });
    } catch (error) {
      caught = error;
    }
    expect(isSegmentationError(caught)).toBe(true);
    expect((caught as Error).message).toMatch(message);
  });

  it('refuses more segments than rows left after dropping empty cells', () => {
    const small = parseDelimited('Age,Spend\n20,1\n30,2\n40,3\n,4\n50,\n');
    expect(() => segmentTable(small, { k: 4 })).toThrow(
      /k = 4 asks for more segments than there are usable rows \(3\)/,
    );
  });
});

describe('assignTable', () => {
  it('puts the training rows back into the segments they were built into', () => {
    const run = segmentTable(mall, { columns: incomeAndSpending, k: 5, seed: 1 });
    expect(assignTable(run, mall).assignments).toEqual(run.assignments);
  });

  it.skipIf(!AUTOMOBILE)(
    'assigns every one of the 2,627 new automobile customers, filling empty cells from the run',
    () => {
      const train = parseDelimited(readFileSync(sharedData('automobile_train.csv'), 'utf8'));
      const fresh = parseDelimited(readFileSync(sharedData('automobile_new_customers.csv'), 'utf8'));
      const run = segmentTable(train, { k: 4, restarts: 2 });
      const result = assignTable(run, fresh);
      expect(result.assignments).toHaveLength(2627);
      expect(result.assignments.every((index) => index >= 0 && index < 4)).toBe(true);
      expect(result.counts.reduce((sum, count) => sum + count, 0)).toBe(2627);
      expect(result.imputed).toBeGreaterThan(0);
    },
  );

  it('ignores a category the run never saw and says so', () => {
    const run = segmentTable(mall, { columns: ['Genre', 'Annual Income (k$)'], k: 2 });
    const fresh = parseDelimited('Genre,Annual Income (k$)\nOther,50\nFemale,\n');
    const result = assignTable(run, fresh, { source: 'new.csv' });
    expect(result.unseen).toEqual([{ column: 'Genre', value: 'Other', count: 1 }]);
    expect(result.notes.join(' ')).toMatch(/"Other" in Genre \(1 row\) was not in the original data/);
    expect(result.imputed).toBe(1);
  });

  it('names a feature column the new table lacks', () => {
    const run = segmentTable(mall, { columns: incomeAndSpending, k: 2 });
    expect(() => assignTable(run, parseDelimited('Annual Income (k$)\n5\n'), { source: 'new.csv' })).toThrow(
      /new\.csv has no column "Spending Score \(1-100\)"/,
    );
  });
});

describe('newRecordId', () => {
  it('gives distinct, time-sortable ids even within the same millisecond', () => {
    const now = new Date('2026-11-22T06:30:51.123Z');
    const ids = new Set(Array.from({ length: 200 }, () => newRecordId('prediction', now)));
    expect(ids.size).toBe(200);
    expect([...ids][0]).toMatch(/^prediction-20261122T063051Z-[0-9a-z]{6}$/);
  });
});
