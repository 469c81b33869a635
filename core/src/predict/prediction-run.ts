/**
 * A prediction as a record without per-row data (safe to publish to Slack): the size, profile and
 * confidence of each predicted segment, and a sentence ranking them.
 */
import { round } from '../format';
import { newRecordId } from '../schema/ids';
import {
  MODEL_SCHEMA_VERSION,
  type PredictedSegment,
  type PredictionModel,
  type PredictionRun,
} from '../schema/model';
import type { ProfileEntry, RunSource } from '../schema/run';
import { isMissingCell, parseNumberCell } from '../table/columns';
import { cellText, type Table } from '../table/table';
import type { PredictionResult } from './predict';

/** Options for {@link toPredictionRun}. */
export interface PredictionRunOptions {
  id?: string;
  name?: string;
  now?: Date;
  source?: Partial<RunSource>;
}

/**
 * The prediction as a record without per-row data, safe to publish to Slack.
 * @example toPredictionRun(model, result, { source: { fileName: 'mall.csv' } }).name // 'Segment of mall.csv'
 */
export function toPredictionRun(
  model: PredictionModel,
  result: PredictionResult,
  options: PredictionRunOptions = {},
): PredictionRun {
  const now = options.now ?? new Date();
  const rowCount = result.predictions.length;
  const sourceName = options.source?.fileName ?? options.source?.spreadsheetName ?? 'new customers';
  return {
    schemaVersion: MODEL_SCHEMA_VERSION,
    kind: 'prediction',
    id: options.id ?? newRecordId('prediction', now),
    name: options.name ?? `${model.label} of ${sourceName}`,
    createdAt: now.toISOString(),
    modelId: model.id,
    modelName: model.name,
    label: model.label,
    source: { kind: 'csv', ...options.source, rowCount },
    rowCount,
    segments: result.segments,
    ranking: result.ranking,
    notes: result.notes,
  };
}

/**
 * "Segment D" for short codes; a label that is already a name ("VIP") stays as it is.
 * @example segmentDisplayName('D') // 'Segment D'
 */
export function segmentDisplayName(label: string): string {
  return label.length <= 3 ? `Segment ${label}` : label;
}

/** Size, share, rank, mean confidence and profile of each predicted segment. */
export function profilePredictedSegments(
  table: Table,
  model: PredictionModel,
  columnIndexes: number[],
  predicted: Uint16Array,
  confidences: number[],
): PredictedSegment[] {
  const classCount = model.classes.length;
  const n = predicted.length;
  const sizes = new Array<number>(classCount).fill(0);
  const confidenceSums = new Array<number>(classCount).fill(0);
  predicted.forEach((k, i) => {
    sizes[k]++;
    confidenceSums[k] += confidences[i];
  });
  const profiles: ProfileEntry[][] = Array.from({ length: classCount }, () => []);
  model.features.forEach((feature, f) => {
    const column = columnIndexes[f];
    if (feature.kind === 'numeric') {
      const sums = new Array<number>(classCount).fill(0);
      const counts = new Array<number>(classCount).fill(0);
      const all: number[] = [];
      for (let i = 0; i < n; i++) {
        const parsed = parseNumberCell(table.rows[i][column]);
        if (parsed.kind !== 'number') continue;
        sums[predicted[i]] += parsed.value;
        counts[predicted[i]]++;
        all.push(parsed.value);
      }
      if (all.length === 0) return;
      const mean = all.reduce((a, b) => a + b, 0) / all.length;
      const std = Math.sqrt(all.reduce((a, v) => a + (v - mean) ** 2, 0) / all.length);
      for (let k = 0; k < classCount; k++) {
        if (counts[k] === 0) continue;
        const segmentMean = sums[k] / counts[k];
        const zScore = std === 0 ? 0 : (segmentMean - mean) / std;
        // Same bands as personas: high above mean + 0.5·sd, low below mean − 0.5·sd.
        const level = zScore > 0.5 ? 'high' : zScore < -0.5 ? 'low' : 'average';
        profiles[k].push({
          feature: feature.name,
          kind: 'numeric',
          mean: round(segmentMean, 4),
          level,
          zScore: round(zScore, 4),
        });
      }
      return;
    }
    const tallies: Array<Map<string, number>> = Array.from({ length: classCount }, () => new Map());
    for (let i = 0; i < n; i++) {
      if (isMissingCell(table.rows[i][column])) continue;
      const category = cellText(table.rows[i][column]);
      const tally = tallies[predicted[i]];
      tally.set(category, (tally.get(category) ?? 0) + 1);
    }
    for (let k = 0; k < classCount; k++) {
      let top: string | undefined;
      let topCount = 0;
      for (const [category, count] of tallies[k]) {
        if (count > topCount) {
          top = category;
          topCount = count;
        }
      }
      if (top !== undefined)
        profiles[k].push({
          feature: feature.name,
          kind: 'categorical',
          top,
          topShare: round(topCount / sizes[k], 4),
        });
    }
  });
  const order = sizes.map((size, k) => ({ size, k })).sort((a, b) => b.size - a.size || a.k - b.k);
  const rankOf = new Array<number>(classCount);
  order.forEach(({ k }, position) => {
    rankOf[k] = position + 1;
  });
  return model.classes.map((label, k) => ({
    label,
    name: segmentDisplayName(label),
    size: sizes[k],
    share: n === 0 ? 0 : sizes[k] / n,
    rank: rankOf[k],
    meanConfidence: sizes[k] === 0 ? 0 : round(confidenceSums[k] / sizes[k], 4),
    profile: profiles[k],
  }));
}

/** Which predicted segment dominates and which is smallest, as a sentence. */
export function rankingSentence(segments: PredictedSegment[], rowCount: number): string {
  if (rowCount === 0) return 'No rows to predict.';
  const bySize = segments.slice().sort((a, b) => a.rank - b.rank);
  const largest = bySize[0];
  const smallest = bySize[bySize.length - 1];
  const pct = (share: number) => `${Math.round(share * 100)}%`;
  const evenShare = 1 / segments.length;
  const lead =
    largest.share >= evenShare * 1.25
      ? `${largest.name} dominates with ${largest.size} of ${rowCount} customers (${pct(largest.share)})`
      : `${largest.name} is the largest with ${largest.size} of ${rowCount} customers (${pct(largest.share)}), but no segment dominates`;
  const tail =
    smallest.size === 0
      ? `; no customer falls in ${smallest.name}.`
      : `; ${smallest.name} is the smallest with ${smallest.size} (${pct(smallest.share)}).`;
  return lead + tail;
}
