import { readFileSync } from 'node:fs';
import { assignTable, parseDelimited, planFeatures, segmentTable, tableFromCells } from '@segments/core';
import { describe, expect, it } from 'vitest';

const fixture = (name: string) =>
  parseDelimited(readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8'), { source: name });
const store = fixture('store_customers.csv');
const toko = fixture('pelanggan_toko.csv');

describe('planFeatures: derived features', () => {
  const plan = planFeatures(store);
  const derived = Object.fromEntries(plan.derived.map((feature) => [feature.name, feature]));

  it('derives age from a birth year as of the newest date in the file (2024-06-30)', () => {
    expect(derived.Age.derivedFrom).toEqual(['BirthYear']);
    expect(derived.Age.derivation).toEqual({ kind: 'age-from-birth-year', asOf: '2024-06-30' });
    expect(Array.from(derived.Age.values).slice(0, 3)).toEqual([44, 49, 34]);
  });

  it('derives tenure in months from the signup date and recency in days from the last order', () => {
    // 2020-01-15 → 2024-06-30 is 1,628 days = 53.5 months; 28/06/2024 → 2 days.
    expect(derived['Tenure (months)'].values[0]).toBe(53.5);
    expect(derived['Tenure (months)'].derivedFrom).toEqual(['JoinDate']);
    expect(Array.from(derived['Recency (days)'].values).slice(0, 2)).toEqual([2, 59]);
    expect(derived['Recency (days)'].derivedFrom).toEqual(['last_order_date']);
  });

  it('sums a money family into total spending and purchase counts into total purchases', () => {
    expect(Array.from(derived['Total spending'].values).slice(0, 2)).toEqual([160, 245]);
    expect(derived['Total spending'].derivedFrom).toEqual(['Spend_Shoes', 'Spend_Bags', 'Spend_Hats']);
    expect(Array.from(derived['Total purchases'].values).slice(0, 2)).toEqual([4, 5]);
    expect(derived['Shoes share'].values[0]).toBeCloseTo(120 / 160, 10);
  });

  it('uses behaviour and value by default and lists every other column with a reason', () => {
    expect(plan.defaultColumns).toEqual([
      'Age',
      'Tenure (months)',
      'Recency (days)',
      'Total spending',
      'Total purchases',
    ]);
    const reasons = Object.fromEntries(plan.excluded.map((entry) => [entry.column, entry.reason]));
    expect(reasons.customer_no).toMatch(/id/);
    expect(reasons.Churned).toBe('an outcome, not a trait: shown per segment as a rate');
    expect(reasons.Newsletter).toBe('a yes/no flag: shown per segment as a rate');
    expect(reasons.Currency).toBe('the same value in every row');
    expect(reasons.Segment).toBe('an existing segment label, not a customer trait');
    expect(reasons.BirthYear).toBe('replaced by Age');
    expect(reasons.Spend_Bags).toBe('summed into Total spending');
    expect(reasons['Store Region']).toMatch(/descriptive category/);
    // Every source column is either replaced by a derived feature or left out with a reason.
    expect(Object.keys(reasons)).toHaveLength(store.headers.length);
  });
});

describe('planFeatures on the Indonesian fixture', () => {
  it('derives tenure from "Tgl Daftar" and total spending from the Belanja family, and reports comma decimals', () => {
    const plan = planFeatures(toko);
    expect(plan.defaultColumns).toEqual([
      'Umur',
      'Pendapatan Bulanan',
      'Jumlah Kunjungan',
      'Hari Sejak Belanja Terakhir',
      'Tenure (months)',
      'Total spending',
    ]);
    expect(plan.checks).toContain(
      'Belanja Makanan: comma decimals ("0,5" = 0.5), read for the whole column.',
    );
    expect(plan.checks).toContain('Pendapatan Bulanan: currency Rp read as amounts.');
    const total = plan.derived.find((feature) => feature.name === 'Total spending');
    expect(total?.values[0]).toBeCloseTo(165.75, 10);
  });
});

describe('segmentTable with the semantic plan', () => {
  it('records derived features with derivedFrom, excluded columns with reasons, and outcome rates per segment', () => {
    const run = segmentTable(store, { k: 2, seed: 1 });
    const spending = run.features.find((feature) => feature.name === 'Total spending');
    expect(spending).toMatchObject({
      role: 'spending',
      derivedFrom: ['Spend_Shoes', 'Spend_Bags', 'Spend_Hats'],
    });
    expect(run.preprocessing.excludedColumns?.map((entry) => entry.column)).toContain('Churned');
    const churn = run.segments.map((segment) =>
      segment.outcomes?.find((outcome) => outcome.column === 'Churned'),
    );
    // Overall churn is 3 of 10; each segment's rate is its churned share.
    expect(churn.every((outcome) => outcome?.overall === 0.3)).toBe(true);
    const churned = run.segments.reduce(
      (sum, segment, i) => sum + Math.round((churn[i]?.rate ?? 0) * segment.size),
      0,
    );
    expect(churned).toBe(3);
    expect(run.preprocessing.columnRoles).toHaveLength(store.headers.length);
  });

  it('reads comma-decimal money for clustering without an error', () => {
    const run = segmentTable(toko, { k: 2, seed: 1 });
    expect(run.preprocessing.rowsUsed).toBe(6);
    expect(run.features.find((feature) => feature.name === 'Total spending')?.mean).toBeCloseTo(
      (165.75 + 405.1 + 105.75 + 230.4 + 145.6 + 186.05) / 6,
      6,
    );
  });

  it('skips a helper column of spreadsheet errors when the user did not choose it, and says so', () => {
    const rows = Array.from(
      { length: 12 },
      (_, i) => `${20 + i},${(i * 37) % 100},${i % 3 === 0 ? i / 10 : '#DIV/0!'},#REF!`,
    );
    const table = parseDelimited(`Age,Spending Score,Ratio,Lookup\n${rows.join('\n')}\n`);
    const run = segmentTable(table, { k: 2 });
    expect(run.features.map((feature) => feature.name)).toEqual(['Age', 'Spending Score']);
    expect(run.preprocessing.excludedColumns).toContainEqual({
      column: 'Ratio',
      reason: expect.stringMatching(/^8 spreadsheet errors \(#DIV\/0!\)/),
    });
    expect(run.preprocessing.excludedColumns).toContainEqual({
      column: 'Lookup',
      reason: 'every cell is a spreadsheet error (#REF!) → a helper column that failed, left out',
    });
  });

  it('assigns new rows by deriving age, tenure and totals again from their source columns', () => {
    const run = segmentTable(toko, { k: 2, seed: 1 });
    expect(assignTable(run, toko).assignments).toEqual(run.assignments);
    const storeRun = segmentTable(store, { k: 3, seed: 2 });
    expect(assignTable(storeRun, store).assignments).toEqual(storeRun.assignments);
  });
});

describe('segmentTable with a date column the user named', () => {
  // Four customers: signup dates one year apart, visit dates a month apart; the newest date is 2024-04-01.
  const table = {
    headers: ['Spend', 'Joined', 'Visit'],
    rows: [
      [100, new Date(Date.UTC(2020, 3, 1)), new Date(Date.UTC(2024, 0, 1))],
      [120, new Date(Date.UTC(2021, 3, 1)), new Date(Date.UTC(2024, 1, 1))],
      [900, new Date(Date.UTC(2022, 3, 1)), new Date(Date.UTC(2024, 2, 1))],
      [950, new Date(Date.UTC(2023, 3, 1)), new Date(Date.UTC(2024, 3, 1))],
    ],
    rowNumbers: [2, 3, 4, 5],
    headerRowNumber: 1,
  };
  const run = segmentTable(table, { columns: ['Spend', 'joined', 'Visit'], k: 2, seed: 1 });
  const feature = (name: string) => run.features.find((candidate) => candidate.name === name);

  it('segments a signup date as tenure in months, never as a day number since 1970', () => {
    expect(run.features.map((candidate) => candidate.name)).toEqual([
      'Spend',
      'Tenure (months)',
      'Days since Visit',
    ]);
    expect(feature('Tenure (months)')).toMatchObject({ role: 'tenure', derivedFrom: ['Joined'] });
    // 48, 36, 24 and 12 months before 2024-04-01 (to a tenth of a month): mean 30.
    expect(feature('Tenure (months)')?.mean).toBeCloseTo(30, 0);
  });

  it('segments a date with no known meaning as days since it, and says so in the notes', () => {
    // 91, 60, 31 and 0 days before 2024-04-01.
    expect(feature('Days since Visit')).toMatchObject({
      mean: 45.5,
      min: 0,
      max: 91,
      derivedFrom: ['Visit'],
    });
    expect(run.preprocessing.notes).toContain('Derived Days since Visit: days from Visit to 2024-04-01.');
    expect(run.segments.map((segment) => segment.persona.summary).join(' ')).not.toMatch(/1[89],\d\d\d/);
  });
});

describe('planFeatures: implausible ages', () => {
  it('says how many birth years give ages over 100, and passes plausible ones without a word', () => {
    // The newest date is 2014-06-30, so 1900 gives 114 and 1890 gives 124.
    const table = tableFromCells([
      ['Year_Birth', 'Joined', 'Spend'],
      [1980, '2014-01-15', 10],
      [1900, '2013-05-01', 20],
      [1890, '2014-06-30', 30],
      [1975, '2012-02-02', 40],
    ]);
    expect(planFeatures(table).checks).toContain(
      'Age: 2 ages are implausible (over 100 or below 0: from 114 to 124), derived from Year_Birth; check those values.',
    );
    expect(planFeatures(store).checks.join(' ')).not.toMatch(/implausible/);
  });
});
