/**
 * Encoding table columns for the trees: quantile bins for numbers, category codes for categories, and
 * "missing" as a value of its own. Fitted once on the training rows and stored in the model, so new
 * rows are encoded exactly as the rows the model learned from.
 */
import type { ModelFeature } from '../schema/model';
import { type ColumnProfile, categoryOf, parseNumberCell } from '../table/columns';
import type { Table } from '../table/table';
import type { BinnedFeature } from './gradient-boosting';

export interface ChosenColumn {
  profile: ColumnProfile;
}

export interface Encoding {
  features: ModelFeature[];
  /** Table column index per feature. */
  columnIndexes: number[];
}

/** Most bins per numeric feature (codes fit in 16 bits; 255 is what histogram GBDTs use). */
const MAX_BINS = 255;

const NUMERIC_MISSING =
  'learned at each split: missing values go to the side that fits the training rows best';

const CATEGORICAL_MISSING = 'a category of its own; a category not seen in training is treated as missing';

/** Fits the encoding on the training rows: quantile bin edges per numeric column, categories per categorical one. */
export function fitEncoding(table: Table, chosen: ChosenColumn[], rows: number[]): Encoding {
  const features = chosen.map(({ profile }): ModelFeature => {
    if (profile.kind === 'numeric') {
      const values: number[] = [];
      let missingCount = 0;
      for (const r of rows) {
        const parsed = parseNumberCell(table.rows[r][profile.index]);
        if (parsed.kind === 'number') values.push(parsed.value);
        else missingCount++;
      }
      values.sort((a, b) => a - b);
      const mean = values.length === 0 ? 0 : values.reduce((a, b) => a + b, 0) / values.length;
      const variance =
        values.length === 0 ? 0 : values.reduce((a, v) => a + (v - mean) ** 2, 0) / values.length;
      return {
        name: profile.name,
        kind: 'numeric',
        encoding: 'quantile-bins',
        binEdges: quantileEdges(values, MAX_BINS),
        missingInTraining: missingCount,
        median: values.length === 0 ? 0 : values[Math.floor((values.length - 1) / 2)],
        mean,
        std: Math.sqrt(variance),
        missingHandling: NUMERIC_MISSING,
      };
    }
    const categories: string[] = [];
    const seen = new Set<string>();
    let missingCount = 0;
    for (const r of rows) {
      const category = categoryOf(table.rows[r][profile.index]);
      if (category === undefined) missingCount++;
      else if (!seen.has(category)) {
        seen.add(category);
        categories.push(category);
      }
    }
    return {
      name: profile.name,
      kind: 'categorical',
      encoding: 'category-codes',
      categories,
      missingInTraining: missingCount,
      missingHandling: CATEGORICAL_MISSING,
    };
  });
  return { features, columnIndexes: chosen.map(({ profile }) => profile.index) };
}

/**
 * Cut points between distinct values so each bin holds about the same number of rows; with fewer
 * distinct values than bins, every value gets its own bin (midpoints between neighbours).
 */
function quantileEdges(sorted: number[], maxBins: number): number[] {
  const distinct: number[] = [];
  const counts: number[] = [];
  for (const v of sorted) {
    if (distinct.length > 0 && distinct[distinct.length - 1] === v) counts[counts.length - 1]++;
    else {
      distinct.push(v);
      counts.push(1);
    }
  }
  const edges: number[] = [];
  if (distinct.length <= maxBins) {
    for (let i = 0; i + 1 < distinct.length; i++) edges.push((distinct[i] + distinct[i + 1]) / 2);
    return edges;
  }
  let cumulative = 0;
  let nextTarget = sorted.length / maxBins;
  for (let i = 0; i + 1 < distinct.length; i++) {
    cumulative += counts[i];
    if (cumulative >= nextTarget) {
      edges.push((distinct[i] + distinct[i + 1]) / 2);
      while (nextTarget <= cumulative) nextTarget += sorted.length / maxBins;
      if (edges.length === maxBins - 1) break;
    }
  }
  return edges;
}

/** 1 + the number of edges strictly below `value` (binary search). */
function binOf(edges: number[], value: number): number {
  let lo = 0;
  let hi = edges.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (edges[mid] < value) lo = mid + 1;
    else hi = mid;
  }
  return lo + 1;
}

interface EncodedRows {
  binned: BinnedFeature[];
  /** Per feature. */
  unseen: number[];
  missing: number[];
  /** [column, count] of cells in numeric columns that are not numbers. */
  invalidNumbers: Array<[string, number]>;
}

/** Encodes rows with a fitted encoding, counting unseen categories, missing cells and unreadable numbers. */
export function encodeRows(table: Table, encoding: Encoding, rows: number[]): EncodedRows {
  const unseen: number[] = [];
  const missing: number[] = [];
  const invalidNumbers: Array<[string, number]> = [];
  const binned = encoding.features.map((feature, f): BinnedFeature => {
    const column = encoding.columnIndexes[f];
    const codes = new Uint16Array(rows.length);
    let unseenCount = 0;
    let missingCount = 0;
    let invalidCount = 0;
    if (feature.kind === 'numeric') {
      const edges = feature.binEdges ?? [];
      rows.forEach((r, i) => {
        const parsed = parseNumberCell(table.rows[r][column]);
        if (parsed.kind === 'number') codes[i] = binOf(edges, parsed.value);
        else if (parsed.kind === 'missing') missingCount++;
        else invalidCount++;
      });
      if (invalidCount > 0) invalidNumbers.push([feature.name, invalidCount]);
      unseen.push(0);
      missing.push(missingCount);
      return { kind: 'numeric', codes, binCount: edges.length + 1 };
    }
    const categories = feature.categories ?? [];
    const codeOf = new Map(categories.map((category, c) => [category, c + 1]));
    rows.forEach((r, i) => {
      const category = categoryOf(table.rows[r][column]);
      if (category === undefined) {
        missingCount++;
        return;
      }
      const code = codeOf.get(category);
      if (code === undefined) unseenCount++;
      else codes[i] = code;
    });
    unseen.push(unseenCount);
    missing.push(missingCount);
    return { kind: 'categorical', codes, binCount: categories.length };
  });
  return { binned, unseen, missing, invalidNumbers };
}
