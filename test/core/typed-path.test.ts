/**
 * The typed CSV path (segmentCsvText → segmentTypedTable) must give users exactly what the general
 * path (parseDelimited → segmentOrders / segmentTable) gives: the same Run, or the same error. It is
 * taken only when column semantics, orders detection and the feature matrix provably read the same
 * cells; otherwise the general path runs (marketing: derived features; orders: RFM roll-up).
 */
import { readFileSync } from 'node:fs';
import {
  parseCsvColumns,
  parseDelimited,
  type Run,
  type SegmentOptions,
  sampleNeedsGeneralPath,
  segmentCsvText,
  segmentOrders,
  segmentTable,
  segmentTypedTable,
} from '@segments/core';
import { describe, expect, it } from 'vitest';
import { hasSharedData, sharedDataPath } from '../helpers/shared-data';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8');
const NOW = new Date('2026-01-01T00:00:00Z');

/** The general path as the CLI ran it before the typed path: orders first, then the customer table. */
function generalRun(text: string, options: SegmentOptions): Run {
  const table = parseDelimited(text);
  return segmentOrders(table, options)?.run ?? segmentTable(table, { ...options, transactions: false });
}

/** A Run, or the message of the error thrown instead. */
function outcome(compute: () => Run): Run | string {
  try {
    return compute();
  } catch (error) {
    return `${(error as Error).name}: ${(error as Error).message}`;
  }
}

/** Option sets a user passes: defaults, a fixed k, named columns, impute, k-means only. */
function optionSets(columns: string[]): SegmentOptions[] {
  const base = { id: 'run', now: NOW, seed: 3 };
  return [
    { ...base },
    { ...base, k: 3, restarts: 4, lang: 'id' },
    { ...base, k: 2, columns, missing: 'impute', scaling: 'minmax' },
    { ...base, k: 'auto', algorithm: 'kmeans', restarts: 3 },
  ];
}

/** Both paths on every option set; returns the path segmentCsvText took with default options. */
function expectSameRuns(text: string, columns: string[], sets = optionSets(columns)): 'typed' | 'general' {
  let path: 'typed' | 'general' = 'general';
  sets.forEach((options, index) => {
    const expected = outcome(() => generalRun(text, options));
    const chosen = outcome(() => {
      const result = segmentCsvText(text, options);
      if (index === 0) path = result.path;
      return result.run;
    });
    expect(chosen).toEqual(expected);
    // The typed path alone, when it accepts the file, gives the same Run too.
    const typed = outcome(
      () => segmentTypedTable(parseCsvColumns(text, { exactText: true }), options) as Run,
    );
    if (typed !== undefined) expect(typed).toEqual(expected);
  });
  return path;
}

describe('segmentCsvText', () => {
  const fixtures: [name: string, columns: string[], path: 'typed' | 'general'][] = [
    ['mall_customers.csv', ['Age', 'Annual Income (k$)'], 'typed'],
    ['dqlab_customers.tsv', ['Umur', 'NilaiBelanjaSetahun'], 'typed'],
    ['skewed_two_metrics.csv', ['Visits'], 'typed'],
    // Birth years, dates and money families: derived features need the general path.
    ['store_customers.csv', ['Income'], 'general'],
    ['pelanggan_toko.csv', ['Pendapatan'], 'general'],
    // Orders tables are rolled up per customer (RFM) by the general path.
    ['orders_small.csv', [], 'general'],
    ['order_lines_small.csv', [], 'general'],
  ];
  for (const [name, columns, path] of fixtures) {
    it(`gives the general path's Run (or error) on ${name}, taking the ${path} path by default`, () => {
      expect(expectSameRuns(fixture(name), columns)).toBe(path);
    });
  }

  it('falls back to the general path when a cell past the first rows breaks plain numbers', () => {
    // Plain for 1,200 rows (past the sample); the last Income cell is written with a currency and
    // comma decimals, so the plan reads the column in a local format and the typed path must not run.
    const rows = Array.from(
      { length: 1200 },
      (_, i) => `${20 + (i % 40)},${30 + ((i * 7) % 90)},${(i * 13) % 100}`,
    );
    const text = `Age,Income,Spending Score\n${rows.join('\n')}\n41,"€ 55,50",60\n`;
    const options = { id: 'run', now: NOW, k: 3 };
    expect(sampleNeedsGeneralPath(text, options)).toBe(false);
    expect(segmentCsvText(text, options).path).toBe('general');
    expect(segmentCsvText(text, options).run).toEqual(generalRun(text, options));
    const plain = `Age,Income,Spending Score\n${rows.join('\n')}\n41,55.5,60\n`;
    expect(segmentCsvText(plain, options).path).toBe('typed');
    expect(segmentCsvText(plain, options).run).toEqual(generalRun(plain, options));
  });

  it('keeps a number column written with trailing zeros or leading zeros as text, with the same Run', () => {
    const rows = Array.from(
      { length: 60 },
      (_, i) => `${String(i + 1).padStart(4, '0')},${(i % 9) + 1}.50,${(i * 7) % 31}`,
    );
    const text = `Member,Spend,Visits\n${rows.join('\n')}\n`;
    const typed = parseCsvColumns(text, { exactText: true });
    expect(typed.columns.map((column) => column.kind)).toEqual(['coded', 'coded', 'number']);
    const options = { id: 'run', now: NOW, k: 2 };
    expect(segmentCsvText(text, options).run).toEqual(generalRun(text, options));
  });

  it('detects an orders log whose customer key repeats only after the first rows', () => {
    const first = Array.from(
      { length: 250 },
      (_, i) => `C${i},2024-01-${String((i % 28) + 1).padStart(2, '0')},${10 + (i % 17)}`,
    );
    const again = Array.from(
      { length: 250 },
      (_, i) => `C${i},2024-02-${String((i % 28) + 1).padStart(2, '0')},${12 + (i % 13)}`,
    );
    const text = `Customer ID,Order Date,Amount\n${[...first, ...again].join('\n')}\n`;
    const options = { id: 'run', now: NOW, k: 3 };
    const result = segmentCsvText(text, options);
    expect(result.path).toBe('general');
    expect(result.run.source.kind).toBe('transactions');
    expect(result.run).toEqual(generalRun(text, options));
  });
});

describe('segmentCsvText on the shared real files', () => {
  const files: [name: string, columns: string[]][] = [
    ['mall_customers.csv', ['Age', 'Spending Score (1-100)']],
    ['dqlab_customers.tsv', ['Umur']],
    ['wholesale_customers.csv', ['Fresh', 'Milk']],
    ['automobile_train.csv', ['Age', 'Work_Experience']],
    ['marketing_campaign.csv', ['Income', 'Recency']],
  ];
  for (const [name, columns] of files) {
    it.skipIf(!hasSharedData(name))(`gives the general path's Run on ${name}`, () => {
      // Two option sets (defaults with few restarts, named columns): the real files are larger.
      const sets = optionSets(columns);
      expectSameRuns(readFileSync(sharedDataPath(name), 'utf8'), columns, [
        { ...sets[0], restarts: 3 },
        sets[2],
      ]);
    });
  }

  it.skipIf(!hasSharedData('marketing_campaign.csv'))(
    'keeps the derived features of marketing_campaign.csv with default options (general path)',
    () => {
      const text = readFileSync(sharedDataPath('marketing_campaign.csv'), 'utf8');
      const result = segmentCsvText(text, { id: 'run', now: NOW });
      expect(sampleNeedsGeneralPath(text)).toBe(true);
      expect(result.path).toBe('general');
      const derived = result.run.features.filter((feature) => feature.derivedFrom);
      expect(derived.map((feature) => feature.derivedFrom?.[0])).toEqual(
        expect.arrayContaining(['Year_Birth', 'Dt_Customer']),
      );
      expect(result.run.preprocessing.excludedColumns?.map((entry) => entry.column)).toContain('Response');
    },
  );

  it.skipIf(!hasSharedData('online_retail_2010-12.csv'))(
    'rolls online_retail_2010-12.csv up per customer with default options (general path, orders)',
    () => {
      const text = readFileSync(sharedDataPath('online_retail_2010-12.csv'), 'utf8');
      const options = { id: 'run', now: NOW, k: 4, restarts: 3 };
      const result = segmentCsvText(text, options);
      expect(sampleNeedsGeneralPath(text, options)).toBe(true);
      expect(result.path).toBe('general');
      expect(result.path === 'general' && result.orders?.rollup.keyColumn).toBe('CustomerID');
      expect(result.run.source.kind).toBe('transactions');
      expect(result.run).toEqual(generalRun(text, options));
    },
  );
});

describe('parseCsvColumns exactText', () => {
  it('keeps numbers only where every cell is written as String(value) prints it', () => {
    const cells = ['1', '-2.5', '0.000001', '123456789012345', '0', '10.25', '-0.75'];
    for (const cell of cells) {
      const typed = parseCsvColumns(`x\n${cell}\n`, { exactText: true });
      expect(typed.columns[0]).toMatchObject({ kind: 'number', canonical: true });
      expect(String(Number(cell))).toBe(cell);
    }
    const others = [
      '1.50',
      '007',
      '+4',
      '1e3',
      '.5',
      '5.',
      '-0',
      '0.0000001',
      '1234567890123456',
      'NA',
      ' 3',
    ];
    for (const cell of others) {
      const typed = parseCsvColumns(`x\n${cell}\n2\n`, { exactText: true });
      expect(typed.columns[0].kind, cell).toBe('coded');
    }
  });

  it('never calls a spelling canonical that String() would print differently (seeded random cells)', () => {
    let state = 12345;
    const next = () => {
      state = (state * 1103515245 + 12345) % 2147483648;
      return state / 2147483648;
    };
    const alphabet = '0123456789.-e';
    for (let trial = 0; trial < 3000; trial++) {
      const length = 1 + Math.floor(next() * 18);
      let cell = '';
      for (let i = 0; i < length; i++) cell += alphabet[Math.floor(next() * alphabet.length)];
      const typed = parseCsvColumns(`x\n${cell}\n`);
      const column = typed.columns[0];
      if (column.kind === 'number' && column.canonical && !Number.isNaN(column.values[0]))
        expect(String(column.values[0])).toBe(cell);
    }
  });
});
