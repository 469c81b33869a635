import { isoDate, readDateColumn, readNumberColumn } from '@segments/core';
import { describe, expect, it } from 'vitest';

const isoDates = (cells: (string | number | Date)[], serial = false) => {
  const column = readDateColumn(cells, serial);
  return column ? Array.from(column.days, (day) => (Number.isNaN(day) ? '' : isoDate(day))) : undefined;
};

describe('readDateColumn', () => {
  it('reads ISO dates, with or without a time', () => {
    expect(isoDates(['2024-01-31', '2023-12-05T10:30:00Z'])).toEqual(['2024-01-31', '2023-12-05']);
  });

  it('reads DD-MM-YYYY and DD/MM/YYYY day first', () => {
    expect(isoDates(['04-09-2012', '21-08-2013'])).toEqual(['2012-09-04', '2013-08-21']);
    expect(isoDates(['04/09/2012', '21/08/2013'])).toEqual(['2012-09-04', '2013-08-21']);
  });

  it('reads MM/DD/YYYY only when some day is above 12', () => {
    const column = readDateColumn(['04/09/2012', '08/21/2013']);
    expect(column?.format).toBe('month-day-year');
    expect(isoDates(['04/09/2012', '08/21/2013'])).toEqual(['2012-04-09', '2013-08-21']);
  });

  it('assumes day first and says so when no part is above 12', () => {
    const column = readDateColumn(['04/09/2012', '03/02/2013']);
    expect(column).toMatchObject({ format: 'day-month-year', ambiguous: true });
  });

  it('reads month names in English and Indonesian, with two-digit years', () => {
    expect(isoDates(['12-Jan-24', '5 Mei 2023', 'Mar 3, 2021', '1-Des-99'])).toEqual([
      '2024-01-12',
      '2023-05-05',
      '2021-03-03',
      '1999-12-01',
    ]);
  });

  it('reads spreadsheet serial numbers only when the header says date', () => {
    expect(isoDates([45_292, 45_000], true)).toEqual(['2024-01-01', '2023-03-15']);
    expect(readDateColumn([45_292, 45_000], false)).toBeUndefined();
  });

  it('refuses a column that is mostly not dates, and an impossible date', () => {
    expect(readDateColumn(['2024-01-31', 'soon', 'later'])).toBeUndefined();
    expect(
      isoDates([
        '31-02-2024',
        '01-03-2024',
        '02-03-2024',
        '03-03-2024',
        '04-03-2024',
        '05-03-2024',
        '06-03-2024',
        '07-03-2024',
        '08-03-2024',
        '09-03-2024',
      ])?.[0],
    ).toBe('');
  });
});

describe('readNumberColumn', () => {
  it('decides comma decimals for the whole column: "0,875" is a fraction, so "1,500" is 1.5', () => {
    const column = readNumberColumn(['0,875', '1,500', '2']);
    expect(Array.from(column.values)).toEqual([0.875, 1.5, 2]);
    expect(column.decimalComma).toBe(true);
  });

  it('keeps "1,234" as thousands in a column with no sign of comma decimals', () => {
    const column = readNumberColumn(['1,234', '56', '7,890.5']);
    expect(Array.from(column.values)).toEqual([1234, 56, 7890.5]);
    expect(column.decimalComma).toBe(false);
  });

  it('reads currency before or after the number and accounting negatives', () => {
    const column = readNumberColumn(['95,40 €', '€ 1.200,00', '(12,50) €', '-3,00 €']);
    expect(Array.from(column.values)).toEqual([95.4, 1200, -12.5, -3]);
    expect(column).toMatchObject({ currency: '€', negatives: 2, needsRewrite: true });
  });

  it('counts spreadsheet errors apart from text, and values that jump 1000× the median', () => {
    const column = readNumberColumn(['10', '12', '#DIV/0!', 'n/a', '11', '9', '13', '15000']);
    expect(column).toMatchObject({ errors: 1, texts: 0, numbers: 6, scaleJumps: 1, median: 12 });
  });
});
