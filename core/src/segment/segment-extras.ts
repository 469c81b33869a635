/**
 * What a marketer wants next to each segment besides its features: outcome rates (response, churn,
 * complaints) from columns kept out of clustering, the spend mix across a family of money columns,
 * and the most common value of descriptive categories (channel, region) left out of the features.
 */

import { type CellGrid, gridOfTable } from '../table/cell-grid';
import { categoryLabels } from '../table/derive-features';
import type { ColumnPlan, FeaturePlan } from '../table/feature-plan';
import { type Cell, isEmptyCell } from '../table/table';

export interface SegmentExtras {
  outcomes: { column: string; rate: number; overall: number }[];
  mix: { label: string; share: number; overall: number }[];
  descriptors: { column: string; top: string; topShare: number }[];
}

/**
 * Per cluster label (0..k−1), its outcome rates, spend mix and descriptor categories. The cells are
 * read from `grid` (default: the plan's table; the typed CSV path passes its columns).
 * @example segmentExtras(planFeatures(mall), matrix.rowIndex, clustering.labels, 5)[0].outcomes // [] — the Mall file has no outcome column
 */
export function segmentExtras(
  plan: FeaturePlan | (ColumnPlan & { table?: undefined }),
  rowIndex: Int32Array,
  labels: Int32Array,
  k: number,
  grid: CellGrid | undefined = plan.table ? gridOfTable(plan.table) : undefined,
): SegmentExtras[] {
  const n = rowIndex.length;
  const sizes = new Float64Array(k);
  for (let i = 0; i < n; i++) sizes[labels[i]]++;
  const extras: SegmentExtras[] = Array.from({ length: k }, () => ({
    outcomes: [],
    mix: [],
    descriptors: [],
  }));
  const cellAt = (row: number, column: number): Cell => (grid as CellGrid).cellAt(row, column);
  for (const outcome of plan.outcomes) {
    const hits = new Float64Array(k);
    const seen = new Float64Array(k);
    let totalHits = 0;
    let totalSeen = 0;
    for (let i = 0; i < n; i++) {
      const cell = cellAt(rowIndex[i], outcome.index);
      if (isEmptyCell(cell)) continue;
      const hit = isPositive(cell, outcome.positive) ? 1 : 0;
      hits[labels[i]] += hit;
      seen[labels[i]]++;
      totalHits += hit;
      totalSeen++;
    }
    if (totalSeen === 0) continue;
    for (let label = 0; label < k; label++)
      extras[label].outcomes.push({
        column: outcome.column,
        rate: round(seen[label] ? hits[label] / seen[label] : 0),
        overall: round(totalHits / totalSeen),
      });
  }
  const family = plan.columns.filter((column) => column.role === 'category-spend' && column.numbers);
  if (family.length >= 2) {
    const labelsOf = categoryLabels(family);
    const sums = family.map(() => new Float64Array(k));
    const totals = new Float64Array(k);
    const overall = new Float64Array(family.length);
    let grand = 0;
    family.forEach((column, f) => {
      const values = column.numbers?.values as Float64Array;
      for (let i = 0; i < n; i++) {
        const value = values[rowIndex[i]];
        if (Number.isNaN(value)) continue;
        sums[f][labels[i]] += value;
        totals[labels[i]] += value;
        overall[f] += value;
        grand += value;
      }
    });
    for (let label = 0; label < k; label++)
      extras[label].mix = family.map((_, f) => ({
        label: labelsOf[f],
        share: round(totals[label] ? sums[f][label] / totals[label] : 0),
        overall: round(grand ? overall[f] / grand : 0),
      }));
  }
  for (const descriptor of plan.descriptors) {
    const counts = Array.from({ length: k }, () => new Map<string, number>());
    for (let i = 0; i < n; i++) {
      const cell = cellAt(rowIndex[i], descriptor.index);
      if (isEmptyCell(cell)) continue;
      const text = String(cell).trim();
      const map = counts[labels[i]];
      map.set(text, (map.get(text) ?? 0) + 1);
    }
    for (let label = 0; label < k; label++) {
      let top = '';
      let best = 0;
      for (const [value, count] of counts[label])
        if (count > best || (count === best && value < top)) {
          top = value;
          best = count;
        }
      if (best > 0)
        extras[label].descriptors.push({
          column: descriptor.column,
          top,
          topShare: round(sizes[label] ? best / sizes[label] : 0),
        });
    }
  }
  return extras;
}

function isPositive(cell: Cell, positive: string): boolean {
  if (typeof cell === 'number') return String(cell) === positive;
  if (typeof cell === 'boolean') return (cell ? 'true' : 'false') === positive;
  return String(cell).trim().toLowerCase() === positive;
}

function round(value: number): number {
  return Math.round(value * 10_000) / 10_000;
}
