import { readFileSync } from 'node:fs';
import { parseDelimited, type Run, segmentTable } from '@segments/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { hasSharedData, sharedDataPath } from '../helpers/shared-data';

const MARKETING = hasSharedData('marketing_campaign.csv');
const WHOLESALE = hasSharedData('wholesale_customers.csv');
const run = (name: string): Run =>
  segmentTable(parseDelimited(readFileSync(sharedDataPath(name), 'utf8'), { source: name }), {
    seed: 1,
    source: { kind: 'csv', fileName: name },
  });
const spendingPerCustomer = (segment: Run['segments'][number]) => {
  const entry = segment.profile.find((candidate) => candidate.feature === 'Total spending');
  return entry?.kind === 'numeric' ? entry.mean : Number.NaN;
};

describe.skipIf(!MARKETING)('segmentTable on the marketing-campaign export, no options', () => {
  let result: Run;
  beforeAll(() => {
    result = run('marketing_campaign.csv');
  });

  it('uses age, tenure, total spending, income, recency and purchases, derived from their sources', () => {
    const byName = Object.fromEntries(result.features.map((feature) => [feature.name, feature]));
    expect(byName.Age).toMatchObject({ role: 'age', derivedFrom: ['Year_Birth'] });
    expect(byName['Tenure (months)']).toMatchObject({ role: 'tenure', derivedFrom: ['Dt_Customer'] });
    expect(byName['Total spending'].derivedFrom).toHaveLength(6);
    expect(byName['Total spending'].derivedFrom?.every((name) => name.startsWith('Mnt'))).toBe(true);
    expect(byName.Income.role).toBe('income');
    expect(byName.Recency.role).toBe('recency');
    expect(byName['Total purchases']).toMatchObject({ role: 'frequency' });
  });

  it('flags the three birth years that would make customers 114 to 121 years old', () => {
    expect(result.preprocessing.checks).toContain(
      'Age: 3 ages are implausible (over 100 or below 0: from 114 to 121), derived from Year_Birth; check those values.',
    );
  });

  it('leaves out the id, the Z_ constants and the campaign outcomes, with reasons, and shows outcomes as rates', () => {
    const excluded = Object.fromEntries(
      (result.preprocessing.excludedColumns ?? []).map((entry) => [entry.column, entry.reason]),
    );
    for (const column of ['ID', 'Z_CostContact', 'Z_Revenue', 'Response', 'Complain'])
      expect(excluded[column]).toBeTruthy();
    for (let i = 1; i <= 5; i++) expect(excluded[`AcceptedCmp${i}`]).toMatch(/outcome/);
    const used = result.features.map((feature) => feature.name);
    expect(used).not.toContain('Response');
    for (const segment of result.segments)
      expect(segment.outcomes?.map((outcome) => outcome.column)).toContain('Response');
  });

  it('gives readable, unique persona names and targets an above-average spender first', () => {
    const names = result.segments.map((segment) => segment.persona.name);
    expect(new Set(names).size).toBe(names.length);
    for (const name of names) expect(name).not.toMatch(/_|Mnt|Num [A-Z]/);
    const first = result.segments.find(
      (segment) => segment.persona.priority === 1,
    ) as Run['segments'][number];
    const average = result.features.find((feature) => feature.name === 'Total spending')?.mean ?? 0;
    expect(spendingPerCustomer(first)).toBeGreaterThan(average);
    expect(first.persona.reason).toMatch(/\d+\.\d% of customers, \d+\.\d% of total spending/);
  });
});

describe.skipIf(!WHOLESALE)('segmentTable on the wholesale customers, no options', () => {
  let result: Run;
  beforeAll(() => {
    result = run('wholesale_customers.csv');
  });

  it('reads Channel and Region as category codes, not numbers to average', () => {
    const roles = Object.fromEntries(
      (result.preprocessing.columnRoles ?? []).map((entry) => [entry.column, entry.explanation]),
    );
    expect(roles.Channel).toBe('Channel: 2 distinct codes (1, 2) → category');
    expect(roles.Region).toBe('Region: 3 distinct codes (1, 2, 3) → category');
    for (const segment of result.segments)
      expect(segment.descriptors?.map((descriptor) => descriptor.column)).toEqual(['Channel', 'Region']);
  });

  it('names personas by their spend mix and targets an above-average spender first', () => {
    const categories = /Fresh|Milk|Grocery|Frozen|Detergents|Delicassen/;
    expect(result.segments.every((segment) => categories.test(segment.persona.name))).toBe(true);
    const first = result.segments.find(
      (segment) => segment.persona.priority === 1,
    ) as Run['segments'][number];
    const average = result.features.find((feature) => feature.name === 'Total spending')?.mean ?? 0;
    expect(spendingPerCustomer(first)).toBeGreaterThan(average);
  });
});
