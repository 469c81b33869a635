import { readFileSync } from 'node:fs';
import {
  defaultFeatureColumns,
  inferColumns,
  parseDelimited,
  parseNumberCell,
  roleFromHeader,
  tableFromCells,
} from '@segments/core';
import { describe, expect, it } from 'vitest';

const fixture = (name: string) =>
  parseDelimited(readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8'));

describe('parseNumberCell', () => {
  it.each([
    [42, 42],
    ['1.0', 1],
    ['1,234', 1234],
    ['1,234,567.5', 1234567.5],
    [' -3.5e2 ', -350],
    ['$5', 5],
    ['12%', 12],
  ])('reads %j as the number %d', (cell, value) => {
    expect(parseNumberCell(cell)).toEqual({ kind: 'number', value });
  });

  it.each(['', '   ', 'NA', 'N/A', 'null', null])('treats %j as a missing value', (cell) => {
    expect(parseNumberCell(cell)).toEqual({ kind: 'missing' });
  });

  it.each([
    ['#N/A', /spreadsheet error/],
    ['#DIV/0!', /spreadsheet error/],
    ['NaN', /not a finite number/],
    ['-Infinity', /not a finite number/],
    ['1e308', /too large/],
    ['twelve', /is not a number/],
    ['1,23', /is not a number/],
  ])('rejects %j with a reason', (cell, reason) => {
    const parsed = parseNumberCell(cell);
    expect(parsed.kind).toBe('invalid');
    expect(parsed.kind === 'invalid' && parsed.reason).toMatch(reason);
  });
});

describe('roleFromHeader', () => {
  it.each([
    ['Annual Income (k$)', 'income'],
    ['Spending Score (1-100)', 'spending'],
    ['NilaiBelanjaSetahun', 'spending'],
    ['Umur', 'age'],
    ['Jenis Kelamin', 'gender'],
    ['CustomerID', 'id'],
    ['Customer_ID', 'id'],
    ['Segmentation', 'label'],
  ])('recognises %s as %s', (header, role) => {
    expect(roleFromHeader(header)).toBe(role);
  });

  it('does not mistake words ending in "id" for ids', () => {
    expect(roleFromHeader('Paid')).toBeUndefined();
    expect(roleFromHeader('Android users')).toBeUndefined();
  });
});

describe('inferColumns', () => {
  it('profiles the Mall file: id excluded, gender categorical, three numeric features', () => {
    const columns = inferColumns(fixture('mall_customers.csv'));
    expect(columns.map((column) => [column.name, column.kind, column.suggested])).toEqual([
      ['CustomerID', 'id', false],
      ['Genre', 'categorical', true],
      ['Age', 'numeric', true],
      ['Annual Income (k$)', 'numeric', true],
      ['Spending Score (1-100)', 'numeric', true],
    ]);
  });

  it('treats unique names as free text and unique codes as ids in the DQLab file', () => {
    const byName = Object.fromEntries(
      inferColumns(fixture('dqlab_customers.tsv')).map((column) => [column.name, column.kind]),
    );
    expect(byName).toMatchObject({
      Customer_ID: 'id',
      'Nama Pelanggan': 'text',
      Profesi: 'categorical',
      NilaiBelanjaSetahun: 'numeric',
    });
  });

  it('counts missing cells and keeps a numeric column numeric despite a stray spreadsheet error', () => {
    const table = tableFromCells([
      ['Age', 'Plan'],
      [30, 'A'],
      ['', 'B'],
      ['#N/A', 'A'],
      [41, ''],
      [50, 'B'],
    ]);
    const [age, plan] = inferColumns(table);
    expect(age).toMatchObject({ kind: 'numeric', missing: 1 });
    expect(plan).toMatchObject({ kind: 'categorical', missing: 1, distinct: 2 });
  });

  it('does not suggest a column that has one value in every row', () => {
    const table = tableFromCells([
      ['Age', 'Country'],
      [30, 'ID'],
      [40, 'ID'],
      [50, 'ID'],
    ]);
    expect(defaultFeatureColumns(inferColumns(table), 'auto').map((column) => column.name)).toEqual(['Age']);
  });

  it('treats consecutive unique whole numbers as an id but unique measurements as numeric', () => {
    const table = tableFromCells([
      ['Row', 'Weight'],
      [1, 61.2],
      [2, 70.4],
      [3, 55.1],
      [4, 80.3],
    ]);
    expect(inferColumns(table).map((column) => column.kind)).toEqual(['id', 'numeric']);
  });

  it('leaves categorical columns out of the defaults when the algorithm is k-means', () => {
    const columns = inferColumns(fixture('mall_customers.csv'));
    expect(defaultFeatureColumns(columns, 'kmeans').map((column) => column.name)).toEqual([
      'Age',
      'Annual Income (k$)',
      'Spending Score (1-100)',
    ]);
  });
});
