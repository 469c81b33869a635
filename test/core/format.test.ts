import { formatNumber, round } from '@segments/core';
import { describe, expect, it } from 'vitest';

describe('round', () => {
  it('rounds to the given number of decimals, halves up', () => {
    expect(round(25.347, 2)).toBe(25.35);
    expect(round(0.55539, 4)).toBe(0.5554);
    expect(round(2.5, 0)).toBe(3);
    expect(round(-2.5, 0)).toBe(-2);
  });
});

describe('formatNumber', () => {
  it('says numbers below 1,000 with at most one decimal and no trailing zero', () => {
    expect(formatNumber(25.34)).toBe('25.3');
    expect(formatNumber(25.02)).toBe('25');
    expect(formatNumber(-0.26)).toBe('-0.3');
  });

  it('says numbers from 1,000 on as whole numbers with thousands separators', () => {
    expect(formatNumber(1234.56)).toBe('1,235');
    expect(formatNumber(-66_666.4)).toBe('-66,666');
  });
});
