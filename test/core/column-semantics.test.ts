import { readFileSync } from 'node:fs';
import { describeColumns, parseDelimited, type Table } from '@segments/core';
import { describe, expect, it } from 'vitest';

const fixture = (name: string) =>
  parseDelimited(readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8'), { source: name });
const rolesOf = (table: Table) =>
  Object.fromEntries(describeColumns(table).map((column) => [column.name, column.role]));
const explanationOf = (table: Table, name: string) =>
  describeColumns(table).find((column) => column.name === name)?.explanation;

describe('describeColumns on an English export with its own header spellings', () => {
  const table = fixture('store_customers.csv');

  it('gives every column a role from header words and value shapes', () => {
    expect(rolesOf(table)).toEqual({
      customer_no: 'id',
      'Full Name': 'name',
      'e-mail': 'email',
      BirthYear: 'birth-year',
      JoinDate: 'date',
      last_order_date: 'date',
      Spend_Shoes: 'category-spend',
      Spend_Bags: 'category-spend',
      Spend_Hats: 'category-spend',
      order_count_web: 'count',
      order_count_shop: 'count',
      Churned: 'outcome',
      Newsletter: 'flag',
      'Store Region': 'code',
      Currency: 'constant',
      Segment: 'label',
      Notes: 'text',
    });
  });

  it('explains each role in one line naming the column', () => {
    expect(explanationOf(table, 'Store Region')).toBe('Store Region: 3 distinct codes (1, 2, 3) → category');
    expect(explanationOf(table, 'JoinDate')).toBe(
      'JoinDate: ISO dates (YYYY-MM-DD) → a signup date (→ tenure)',
    );
    expect(explanationOf(table, 'last_order_date')).toBe(
      'last_order_date: day-first dates (DD-MM-YYYY) → a last-activity date (→ recency)',
    );
    expect(explanationOf(table, 'Churned')).toMatch(
      /^Churned: yes\/no outcome → left out, shown per segment/,
    );
    for (const column of describeColumns(table)) expect(column.explanation).not.toContain('\n');
  });
});

describe('describeColumns on an Indonesian export (semicolons, comma decimals, Rupiah, month names)', () => {
  const table = fixture('pelanggan_toko.csv');

  it('reads Indonesian header words and local number and date formats', () => {
    expect(rolesOf(table)).toEqual({
      'Kode Pelanggan': 'id',
      'Nama Lengkap': 'name',
      Umur: 'age',
      'Tgl Daftar': 'date',
      'Pendapatan Bulanan': 'income',
      'Belanja Makanan': 'category-spend',
      'Belanja Minuman': 'category-spend',
      'Jumlah Kunjungan': 'count',
      Komplain: 'outcome',
      'Jenis Kelamin': 'gender',
      'Hari Sejak Belanja Terakhir': 'recency',
    });
  });

  it('reads "Rp 4.500.000" as 4,500,000 and "125,50" as 125.5 for the whole column', () => {
    const columns = describeColumns(table);
    const income = columns.find((column) => column.name === 'Pendapatan Bulanan');
    const food = columns.find((column) => column.name === 'Belanja Makanan');
    expect(Array.from(income?.numbers?.values ?? []).slice(0, 2)).toEqual([4_500_000, 9_750_000]);
    expect(income?.numbers?.currency).toBe('Rp');
    expect(Array.from(food?.numbers?.values ?? []).slice(0, 3)).toEqual([125.5, 310, 45.75]);
    expect(food?.numbers?.decimalComma).toBe(true);
  });

  it('reads month names in Indonesian ("5 Mei 2023", "20-Agu-23") as signup dates', () => {
    const joined = describeColumns(table).find((column) => column.name === 'Tgl Daftar');
    expect(joined?.datePurpose).toBe('signup');
    expect(joined?.dates?.format).toBe('month-name');
    expect(joined?.dates?.parsed).toBe(6);
  });
});

describe('describeColumns value-shape rules', () => {
  const table = (header: string, values: string[]) => parseDelimited(`${header}\n${values.join('\n')}\n`);

  it('calls a 2-valued 1/2 column a code and a 0/1 column a flag, whatever the header says', () => {
    expect(rolesOf(table('Kanal', ['1', '2', '2', '1', '2', '1']))).toEqual({ Kanal: 'code' });
    expect(rolesOf(table('Opted In', ['0', '1', '1', '0', '0', '1']))).toEqual({ 'Opted In': 'flag' });
  });

  it('treats "No. of Children" as a household count, not an id', () => {
    expect(rolesOf(table('No. of Children', ['0', '2', '1', '3', '0', '1']))).toEqual({
      'No. of Children': 'family',
    });
  });

  it('finds a family of same-scale amount columns with no money words ("Bread", "Cheese", "Wine")', () => {
    const rows = Array.from({ length: 25 }, (_, i) => `${1000 + i * 137},${500 + i * 91},${2000 + i * 53}`);
    expect(rolesOf(parseDelimited(`Bread,Cheese,Wine\n${rows.join('\n')}\n`))).toEqual({
      Bread: 'category-spend',
      Cheese: 'category-spend',
      Wine: 'category-spend',
    });
  });

  it('leaves two unrelated measurements alone (no family from two columns)', () => {
    const rows = Array.from({ length: 25 }, (_, i) => `${1000 + i * 137},${500 + i * 91}`);
    expect(rolesOf(parseDelimited(`Height,Weight\n${rows.join('\n')}\n`))).toEqual({
      Height: 'number',
      Weight: 'number',
    });
  });

  it('reads ages, income and a spending score from the Mall headers as before', () => {
    expect(
      rolesOf(
        parseDelimited(
          'CustomerID,Genre,Age,Annual Income (k$),Spending Score (1-100)\n1,Male,19,15,39\n2,Male,21,15,81\n3,Female,20,16,6\n',
        ),
      ),
    ).toEqual({
      CustomerID: 'id',
      Genre: 'gender',
      Age: 'age',
      'Annual Income (k$)': 'income',
      'Spending Score (1-100)': 'spending',
    });
  });
});
