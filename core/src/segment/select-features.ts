/**
 * Which columns become features, and so which algorithm runs: the columns the user named (checked
 * one by one), or the suggested ones. 'auto' resolves here, once: k-prototypes when a categorical
 * feature is chosen, else k-means.
 */
import { SegmentationError } from '../schema/errors';
import type { Algorithm } from '../schema/run';
import { type ColumnProfile, defaultFeatureColumns } from '../table/columns';
import type { AlgorithmChoice } from './options';

/** The chosen feature columns, numeric first, and what follows from the choice. */
export interface FeatureSelection {
  numeric: ColumnProfile[];
  categorical: ColumnProfile[];
  /** The algorithm that runs ('auto' resolved). */
  algorithm: Algorithm;
  /** True when the user named the columns: a useless named column is an error, not a silent skip. */
  chosenByUser: boolean;
  /** Sentences for the Run's notes (the columns left out by default, and why). */
  notes: string[];
}

/**
 * Chooses the feature columns and resolves the algorithm.
 * @param names columns the user named (any case); empty for the suggested columns
 * @param planned the default columns of the semantic plan, when there is one
 * @throws SegmentationError UNKNOWN_COLUMN, INVALID_VALUE (a text or id column), INVALID_OPTION
 *   (a categorical column under k-means), NO_FEATURES
 * @example selectFeatures(inferColumns(parseDelimited(mallCsv)), ['age'], 'auto', 'mall.csv').numeric[0].name // 'Age'
 */
export function selectFeatures(
  columns: ColumnProfile[],
  names: readonly string[],
  algorithm: AlgorithmChoice,
  source: string,
  planned?: readonly string[],
): FeatureSelection {
  const notes: string[] = [];
  const chosenByUser = names.length > 0;
  // The semantic plan's default (table/feature-plan) reports what it leaves out itself.
  const chosen = chosenByUser
    ? resolveColumns(columns, names, algorithm, source)
    : planned
      ? columns.filter((column) => planned.includes(column.name))
      : defaultFeatureColumns(columns, algorithm);
  if (!chosenByUser && !planned) {
    const skipped = columns.filter((column) => !chosen.includes(column));
    if (skipped.length > 0)
      notes.push(
        `Not used: ${skipped.map((column) => `${column.name} (${column.note ?? column.kind})`).join('; ')}.`,
      );
  }
  if (chosen.length === 0) {
    throw new SegmentationError(
      'NO_FEATURES',
      `${source} has no column to segment on: a feature must be a number (income, age, spend…) or a category with a few values. Columns found: ${columns.map((column) => `${column.name} (${column.note ?? column.kind})`).join(', ')}`,
      { field: 'columns' },
    );
  }
  const numeric = chosen.filter((column) => column.kind === 'numeric');
  const categorical = chosen.filter((column) => column.kind !== 'numeric');
  return {
    numeric,
    categorical,
    algorithm: algorithm === 'auto' ? (categorical.length > 0 ? 'kprototypes' : 'kmeans') : algorithm,
    chosenByUser,
    notes,
  };
}

function resolveColumns(
  columns: ColumnProfile[],
  names: readonly string[],
  algorithm: AlgorithmChoice,
  source: string,
): ColumnProfile[] {
  const find = (name: string) =>
    columns.find((candidate) => candidate.name === name) ??
    columns.find((candidate) => candidate.name.toLowerCase() === name.toLowerCase());
  // Unknown names first: a typo is the likeliest mistake, and the list of real columns fixes it.
  const unknown = names.map((raw) => raw.trim()).filter((name) => !find(name));
  if (unknown.length > 0) {
    throw new SegmentationError(
      'UNKNOWN_COLUMN',
      `${source} has no column ${unknown.map((name) => `"${name}"`).join(' or ')}. Columns: ${columns.map((candidate) => `"${candidate.name}"`).join(', ')}`,
      { column: unknown[0], field: 'columns' },
    );
  }
  const chosen: ColumnProfile[] = [];
  for (const raw of names) {
    const column = find(raw.trim()) as ColumnProfile;
    if (chosen.includes(column)) continue;
    if (column.kind === 'text' || column.kind === 'id') {
      throw new SegmentationError(
        'INVALID_VALUE',
        `${source}: column "${column.name}" cannot be a feature: ${column.note ?? `it is ${column.kind}`}`,
        { column: column.name, field: 'columns' },
      );
    }
    if (column.kind === 'categorical' && algorithm === 'kmeans') {
      throw new SegmentationError(
        'INVALID_OPTION',
        `Column "${column.name}" holds categories, which k-means cannot use; choose algorithm auto or kprototypes, or leave it out`,
        { column: column.name, field: 'algorithm' },
      );
    }
    chosen.push(column);
  }
  return chosen;
}
