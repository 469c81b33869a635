import { readFileSync } from 'node:fs';
import { columnLetter, parseDelimited, tableFromCells } from '@segments/core';
import { describe, expect, it } from 'vitest';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8');

describe('parseDelimited', () => {
  it('reads the Mall file with CRLF line endings and no final newline as 200 rows', () => {
    const table = parseDelimited(fixture('mall_customers.csv'));
    expect(table.headers).toEqual([
      'CustomerID',
      'Genre',
      'Age',
      'Annual Income (k$)',
      'Spending Score (1-100)',
    ]);
    expect(table.rows).toHaveLength(200);
    expect(table.rows[199]).toEqual(['0200', 'Male', '30', '137', '83']);
    expect(table.rowNumbers[0]).toBe(2);
  });

  it('reads the DQLab TSV without turning its trailing blank line into a 51st row, keeping "Cahyono, Agus" whole', () => {
    const table = parseDelimited(fixture('dqlab_customers.tsv'));
    expect(table.rows).toHaveLength(50);
    expect(table.headers).toContain('NilaiBelanjaSetahun');
    expect(table.rows.some((row) => row.includes('Cahyono, Agus'))).toBe(true);
  });

  it('strips a byte-order mark so the first header keeps its name', () => {
    expect(parseDelimited('\uFEFFCustomerID,Age\n1,30\n').headers[0]).toBe('CustomerID');
  });

  it('keeps commas, doubled quotes and newlines inside quoted fields', () => {
    const table = parseDelimited('name,note\n"Doe, Jane","said ""hi""\nthen left"\n');
    expect(table.rows[0]).toEqual(['Doe, Jane', 'said "hi"\nthen left']);
  });

  it('numbers rows by file line, counting lines inside quoted fields and skipping blank lines', () => {
    const table = parseDelimited('a,b\n"x\ny",1\n\n2,3\n');
    expect(table.rowNumbers).toEqual([2, 5]);
  });

  it('detects semicolons and tabs as separators from the header line', () => {
    expect(parseDelimited('a;b\n1;2').rows).toEqual([['1', '2']]);
    expect(parseDelimited('a\tb\n1\t2').rows).toEqual([['1', '2']]);
  });

  it('rejects a row with more or fewer fields than the header, naming the line', () => {
    expect(() => parseDelimited('a,b\n1,2\n3,4,5\n', { source: 'x.csv' })).toThrow(
      /x\.csv: line 3 has 3 fields but the header has 2/,
    );
    expect(() => parseDelimited('a,b\n1\n', { source: 'x.csv' })).toThrow(/line 2 has 1 fields/);
  });

  it('rejects duplicate headers, naming both columns', () => {
    expect(() => parseDelimited('Age,age\n1,2\n')).toThrow(/two columns named "age" \(columns A and B\)/);
  });

  it('rejects an empty file and a header without rows', () => {
    expect(() => parseDelimited('', { source: 'e.csv' })).toThrow(/e\.csv is empty/);
    expect(() => parseDelimited('a,b\r\n', { source: 'h.csv' })).toThrow(
      /h\.csv has a header but no customer rows/,
    );
  });

  it('rejects a quote that is never closed, naming the line', () => {
    expect(() => parseDelimited('a,b\n"1,2\n')).toThrow(/line 2 opens a quote/);
  });
});

describe('tableFromCells', () => {
  it('takes the header from the first non-empty row and numbers rows as the sheet does', () => {
    const table = tableFromCells([
      ['', ''],
      ['Age', 'Income'],
      [31, 40],
      ['', ''],
      [42, 55],
    ]);
    expect(table.headers).toEqual(['Age', 'Income']);
    expect(table.headerRowNumber).toBe(2);
    expect(table.rows).toEqual([
      [31, 40],
      [42, 55],
    ]);
    expect(table.rowNumbers).toEqual([3, 5]);
  });

  it('keeps numbers, booleans and Dates as getValues() returns them', () => {
    const date = new Date(Date.UTC(2024, 0, 2));
    expect(
      tableFromCells([
        ['n', 'b', 'd'],
        [1.5, true, date],
      ]).rows[0],
    ).toEqual([1.5, true, date]);
  });

  it('names a data column without a header by its letter and ignores empty trailing columns', () => {
    expect(
      tableFromCells([
        ['Age', '', ''],
        [31, 7, ''],
      ]).headers,
    ).toEqual(['Age', 'Column B']);
  });

  it('rejects a sheet with no rows below the header', () => {
    expect(() => tableFromCells([['Age']], { source: 'Sheet1' })).toThrow(
      /Sheet1 has a header \(row 1\) but no customer rows/,
    );
  });
});

describe('columnLetter', () => {
  it('counts like a spreadsheet: A, Z, AA, AZ, BA', () => {
    expect([0, 25, 26, 51, 52].map(columnLetter)).toEqual(['A', 'Z', 'AA', 'AZ', 'BA']);
  });
});
