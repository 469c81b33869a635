import { readFileSync } from 'node:fs';
import {
  buildFeatureMatrix,
  buildTypedFeatureMatrix,
  inferColumns,
  inferTypedColumns,
  parseCsvColumns,
  parseDelimited,
  segmentTable,
  segmentTypedTable,
  selectFeatures,
  tableFromTyped,
} from '@segments/core';
import { describe, expect, it } from 'vitest';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8');

/** Small files covering the dialect: quotes, CRLF, blank lines, missing markers, ids, text, $ and %. */
const EDGE_CASES: Record<string, string> = {
  quotes: 'Name,Spend,Region\n"Smith, J",10,North\n"O""Neil",20,"South"\nLee,,North\n',
  crlfAndBlankLines: '\r\nId,Age,Plan\r\n1,30,Gold\r\n\r\n2,41,Silver\r\n3,,Gold\r\n4,52,NA',
  moneyAndPercent: 'Spend,Share,Tier\n$5,10%,a\n$7,12%,b\n"1,234",15%,a\nN/A,9%,b\n',
  mixedNumberColumn: 'Score,Group\n1,x\n2,y\nthree,x\n4,y\n5,x\n6,y\n',
  ids: 'Code,Visits,Age\nC-001,3,20\nC-002,5,31\nC-003,3,44\nC-004,8,25\n',
  rowNumbers: 'No,Spend\n1,3.5\n2,4.25\n3,1e2\n4,-0.5\n',
  errors: 'Spend,Visits\n#N/A,3\n12,4\n13,NaN\n14,5\n',
  leadingZeros: 'Zip,Spend\n0101,1\n0202,2\n0303,3\n',
  tooLarge: 'Spend,Visits\n1,2\n1e308,3\n4,5\n',
};

describe('parseCsvColumns', () => {
  it('keeps plain numbers as a Float64Array with NaN for missing cells, and codes other columns', () => {
    const typed = parseCsvColumns(EDGE_CASES.quotes);
    expect(typed.headers).toEqual(['Name', 'Spend', 'Region']);
    expect(typed.columns[1]).toEqual({
      kind: 'number',
      values: new Float64Array([10, 20, Number.NaN]),
      canonical: true,
    });
    expect(typed.columns[0]).toMatchObject({ kind: 'coded', dictionary: ['Smith, J', 'O"Neil', 'Lee'] });
    expect(Array.from(typed.rowNumbers)).toEqual([2, 3, 4]);
  });

  it('remembers where each record sits in the text, so its line can be copied unchanged', () => {
    const typed = parseCsvColumns(EDGE_CASES.crlfAndBlankLines);
    const lines = Array.from(typed.recordStart, (start, r) => typed.text.slice(start, typed.recordEnd[r]));
    expect(lines).toEqual(['1,30,Gold', '2,41,Silver', '3,,Gold', '4,52,NA']);
    expect(Array.from(typed.rowNumbers)).toEqual([3, 5, 6, 7]);
  });

  it('reads the same numbers as Number() does, including long and exponent forms', () => {
    const cells = ['0.1', '-2.5', '1e-7', '123456789012345678', '0.30000000000000004', '+4', '7.', '.5'];
    const typed = parseCsvColumns(`x\n${cells.join('\n')}\n`);
    expect(Array.from((typed.columns[0] as { values: Float64Array }).values)).toEqual(cells.map(Number));
  });

  it('fails like parseDelimited on a ragged row, an unclosed quote and a duplicate header', () => {
    for (const text of ['a,b\n1,2\n3\n', 'a,b\n"1,2\n', 'a,A\n1,2\n', '', 'a,b\n']) {
      expect(() => parseCsvColumns(text, { source: 'f.csv' })).toThrow(
        (() => {
          try {
            parseDelimited(text, { source: 'f.csv' });
          } catch (error) {
            return (error as Error).message;
          }
          return 'no error';
        })(),
      );
    }
  });

  it('gives back the same Table as parseDelimited for the general path', () => {
    for (const text of [...Object.values(EDGE_CASES), fixture('mall_customers.csv')]) {
      expect(tableFromTyped(parseCsvColumns(text))).toEqual(parseDelimited(text));
    }
  });
});

describe('inferTypedColumns and buildTypedFeatureMatrix', () => {
  const cases = { ...EDGE_CASES, mall: fixture('mall_customers.csv'), dqlab: fixture('dqlab_customers.tsv') };
  for (const [name, text] of Object.entries(cases)) {
    it(`profile the columns and prepare the features as the Table path does (${name})`, () => {
      const table = parseDelimited(text);
      const typed = parseCsvColumns(text);
      expect(inferTypedColumns(typed)).toEqual(inferColumns(table));
      for (const missing of ['drop', 'impute'] as const) {
        const policy = { missing, scaling: 'zscore' as const };
        const outcome = (build: () => unknown) => {
          try {
            return build();
          } catch (error) {
            return (error as Error).message;
          }
        };
        const expected = outcome(() =>
          buildFeatureMatrix(table, selectFeatures(inferColumns(table), [], 'auto', 't'), policy, 't'),
        );
        const actual = outcome(() =>
          buildTypedFeatureMatrix(
            typed,
            selectFeatures(inferTypedColumns(typed), [], 'auto', 't'),
            policy,
            't',
          ),
        );
        expect(actual).toEqual(expected);
      }
    });
  }

  it('segment the Mall file into the same run as segmentTable', () => {
    const text = fixture('mall_customers.csv');
    const typed = parseCsvColumns(text, { exactText: true });
    const options = { k: 5, seed: 1, id: 'r', now: new Date('2026-01-01T00:00:00Z') };
    const run = segmentTypedTable(typed, options);
    expect(run).toBeDefined();
    expect(run).toEqual(segmentTable(parseDelimited(text), options));
  });
});
