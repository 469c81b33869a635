import type { Feature } from '@segments/core';
import { levelOf, namePersonas, profileSegment, rankSegments } from '@segments/core';
import { describe, expect, it } from 'vitest';

const income: Feature = { name: 'Annual Income (k$)', kind: 'numeric', role: 'income', mean: 60, std: 20 };
const spending: Feature = {
  name: 'Spending Score (1-100)',
  kind: 'numeric',
  role: 'spending',
  mean: 50,
  std: 20,
};
const age: Feature = { name: 'Age', kind: 'numeric', role: 'age', mean: 40, std: 10 };

function segmentsFor(features: Feature[], means: number[][], sizes: number[]) {
  const total = sizes.reduce((sum, size) => sum + size, 0);
  return means.map((numericMeans, index) => {
    const facts = {
      index,
      size: sizes[index],
      share: sizes[index] / total,
      numericMeans,
      categoricalTops: [],
    };
    return { index, size: sizes[index], share: facts.share, profile: profileSegment(features, facts) };
  });
}

describe('levelOf', () => {
  it('calls a segment average within half a standard deviation of the population mean', () => {
    expect([levelOf(0.51), levelOf(0.5), levelOf(-0.5), levelOf(-0.51)]).toEqual([
      'high',
      'average',
      'average',
      'low',
    ]);
  });
});

describe('namePersonas', () => {
  it('names the five income/spending shapes from the playbook', () => {
    const segments = segmentsFor(
      [income, spending],
      [
        [85, 80],
        [85, 20],
        [30, 80],
        [30, 20],
        [60, 50],
      ],
      [40, 35, 22, 23, 80],
    );
    expect(namePersonas([income, spending], segments).map((persona) => persona.name)).toEqual([
      'Premium Shoppers (VIP)',
      'Cautious Spenders',
      'Impulse Buyers',
      'Budget Shoppers',
      'Potential Loyalists (Standard)',
    ]);
  });

  it('ranks high-value segments first for targeting, and gives each a strategy', () => {
    const segments = segmentsFor(
      [income, spending],
      [
        [85, 80],
        [30, 20],
        [60, 50],
      ],
      [40, 40, 80],
    );
    const personas = namePersonas([income, spending], segments);
    const ranked = rankSegments(
      [income, spending],
      segments.map((segment, i) => ({ ...segment, centroid: {}, persona: personas[i] })),
    );
    expect(ranked.map((segment) => segment.persona.priority)).toEqual([1, 3, 2]);
    expect(personas[0].strategy).toMatch(/Exclusive offers and memberships/);
    expect(personas[1].strategy).toMatch(/Cost-effective promotions/);
  });

  it('calls young, high-spending customers Young Enthusiasts when income is not known', () => {
    const personas = namePersonas([age, spending], segmentsFor([age, spending], [[25, 85]], [10]));
    expect(personas[0]).toMatchObject({ name: 'Young Enthusiasts', key: 'young' });
    expect(personas[0].strategy).toMatch(/Social and trend-led/);
  });

  it('gives plain-word descriptive names to shapes the playbook does not know, strongest trait first', () => {
    const tenure: Feature = { name: 'Work_Experience', kind: 'numeric', mean: 5, std: 2 };
    const personas = namePersonas([age, tenure], segmentsFor([age, tenure], [[60, 3]], [10]));
    expect(personas[0]).toMatchObject({ name: 'Older, low work experience customers', key: 'custom' });
  });

  it('keeps names unique within a run', () => {
    const segments = segmentsFor(
      [income, spending, age],
      [
        [30, 20, 25],
        [30, 20, 60],
      ],
      [10, 10],
    );
    const names = namePersonas([income, spending, age], segments).map((persona) => persona.name);
    expect(names[0]).toBe('Budget Shoppers');
    expect(names[1]).toMatch(/^Budget Shoppers · /);
    expect(new Set(names).size).toBe(2);
  });

  it('summarises size, share and each feature level in original units', () => {
    const [persona] = namePersonas([income, spending], segmentsFor([income, spending], [[85, 80]], [39]));
    expect(persona.summary).toBe(
      '39 customers (100.0%): high Annual Income (avg 85), high Spending Score (avg 80).',
    );
  });
});
