import {
  type AlgorithmChoice,
  buildFeatureMatrix,
  DEFAULT_SEGMENT_OPTIONS,
  inferColumns,
  type MissingPolicy,
  type Scaling,
  selectFeatures,
  type Table,
  tableFromCells,
  validateSegmentOptions,
} from '@segments/core';
import { describe, expect, it } from 'vitest';

/** Feature selection then the matrix stage, as segmentTable runs them. */
function prepareFeatures(
  input: Table,
  options: { columns: string[]; algorithm?: AlgorithmChoice; scaling?: Scaling; missing?: MissingPolicy },
) {
  const selection = selectFeatures(
    inferColumns(input),
    options.columns,
    options.algorithm ?? 'auto',
    'the table',
  );
  return buildFeatureMatrix(
    input,
    selection,
    { missing: options.missing ?? 'drop', scaling: options.scaling ?? 'zscore' },
    'the table',
  );
}

// Ages 20, 30, 40 and a missing one; plans A, B, A, A.
const table = tableFromCells([
  ['Age', 'Plan', 'Income'],
  [20, 'A', 10],
  [30, 'B', 20],
  ['', 'A', 30],
  [40, 'A', 40],
]);

describe('selectFeatures and buildFeatureMatrix', () => {
  it('drops rows with an empty chosen cell by default and says which and why', () => {
    const data = prepareFeatures(table, { columns: ['Age', 'Income'] });
    expect(data.n).toBe(3);
    expect(Array.from(data.rowIndex)).toEqual([0, 1, 3]);
    expect(data.preprocessing).toMatchObject({
      rowsUsed: 3,
      rowsDropped: 1,
      imputed: 0,
      missingByColumn: { Age: 1, Income: 0 },
    });
    expect(data.preprocessing.droppedExamples).toEqual([{ row: 4, reason: 'Age is empty' }]);
    expect(data.preprocessing.notes.join(' ')).toMatch(/1 of 4 rows were left out .*Age 1/);
  });

  it('imputes the mean of the other rows when asked, keeping every row', () => {
    const data = prepareFeatures(table, { columns: ['Age'], missing: 'impute', scaling: 'none' });
    expect(data.n).toBe(4);
    expect(Array.from(data.numeric)).toEqual([20, 30, 30, 40]);
    expect(data.preprocessing.imputed).toBe(1);
  });

  it('z-scores with the population standard deviation', () => {
    const data = prepareFeatures(table, { columns: ['Income'] });
    const sd = Math.sqrt(125); // values 10..40: mean 25, population variance 125
    expect(Array.from(data.numeric).map((value) => value.toFixed(6))).toEqual(
      [-15 / sd, -5 / sd, 5 / sd, 15 / sd].map((value) => value.toFixed(6)),
    );
    expect(data.features[0]).toMatchObject({ name: 'Income', kind: 'numeric', mean: 25, min: 10, max: 40 });
  });

  it('min-max scales to 0..1 and leaves values alone with scaling none', () => {
    expect(Array.from(prepareFeatures(table, { columns: ['Income'], scaling: 'minmax' }).numeric)).toEqual([
      0,
      1 / 3,
      2 / 3,
      1,
    ]);
    expect(Array.from(prepareFeatures(table, { columns: ['Income'], scaling: 'none' }).numeric)).toEqual([
      10, 20, 30, 40,
    ]);
  });

  it('codes categories in first-seen order and puts numeric features first', () => {
    const data = prepareFeatures(table, { columns: ['Plan', 'Income'] });
    expect(data.features.map((feature) => feature.name)).toEqual(['Income', 'Plan']);
    expect(data.features[1].categories).toEqual(['A', 'B']);
    expect(Array.from(data.categorical)).toEqual([0, 1, 0, 0]);
  });

  it('matches column names without regard to case', () => {
    expect(prepareFeatures(table, { columns: ['income'] }).features[0].name).toBe('Income');
  });

  it('names the unknown column and lists the real ones', () => {
    expect(() => prepareFeatures(table, { columns: ['Salary'] })).toThrow(
      /no column "Salary". Columns: "Age", "Plan", "Income"/,
    );
  });

  it('refuses a categorical column under k-means, naming it', () => {
    expect(() => prepareFeatures(table, { columns: ['Plan'], algorithm: 'kmeans' })).toThrow(
      /Column "Plan" holds categories/,
    );
  });

  it('refuses a chosen column that has one value in every row', () => {
    const constant = tableFromCells([
      ['Age', 'Store'],
      [20, 7],
      [30, 7],
      [40, 7],
    ]);
    expect(() => prepareFeatures(constant, { columns: ['Age', 'Store'] })).toThrow(
      /"Store" has the same value \(7\) in every row/,
    );
  });

  it('names the row and column of text in a numeric column', () => {
    const bad = tableFromCells([['Age'], [20], [30], ['forty'], [50]]);
    expect(() => prepareFeatures(bad, { columns: ['Age'] })).toThrow(
      /row 4, column "Age": "forty" is not a number/,
    );
  });
});

describe('selectFeatures', () => {
  it('resolves algorithm auto to k-prototypes when a categorical column is chosen, else k-means', () => {
    const columns = inferColumns(table);
    expect(selectFeatures(columns, ['Plan', 'Income'], 'auto', 'the table').algorithm).toBe('kprototypes');
    expect(selectFeatures(columns, ['Income'], 'auto', 'the table').algorithm).toBe('kmeans');
  });

  it('leaves categorical columns out of the defaults under k-means and says what was not used', () => {
    const selection = selectFeatures(inferColumns(table), [], 'kmeans', 'the table');
    expect(selection.numeric.map((column) => column.name)).toEqual(['Age', 'Income']);
    expect(selection.categorical).toEqual([]);
    expect(selection.notes.join(' ')).toMatch(/Not used: Plan/);
  });
});

describe('validateSegmentOptions', () => {
  it('applies the documented defaults', () => {
    const settings = validateSegmentOptions({});
    expect(settings).toMatchObject({ ...DEFAULT_SEGMENT_OPTIONS, sourceName: 'the table' });
  });

  it('names the option that is out of range', () => {
    expect(() => validateSegmentOptions({ restarts: 0 })).toThrow(
      /restarts must be a whole number from 1 to 1000/,
    );
  });
});
