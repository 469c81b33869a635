/**
 * The Segment and Persona columns written beside the customers: their values, and finding or placing
 * them on a re-run (by developer metadata first, then by header) so a re-run overwrites its own
 * columns and never the user's.
 */
import { SegmentationError } from '../schema/errors';
import type { Run } from '../schema/run';
import { type ColumnMetadata, headerText, METADATA_KEYS, plainText, type SheetValue } from './sheet-values';

/** Header of the column holding the 1-based segment number of each customer. */
export const SEGMENT_HEADER = 'Segment';

/** Header of the column holding the persona name of each customer's segment. */
export const PERSONA_HEADER = 'Persona';

/** Which output column a piece of developer metadata marks. */
export type OutputColumnKind = 'segment' | 'persona';

/** Options for {@link encodeAssignmentColumns}. */
export interface AssignmentColumnsOptions {
  /** Segment index per table row (-1: not assigned); default `run.assignments`. */
  assignments?: readonly number[];
  /**
   * For each assignment, its row position below the header (1 = the row right under it). Default
   * i + 1. Sheets tables skip blank rows, so the add-on passes `rowNumbers[i] - headerRowNumber`.
   */
  rowPositions?: readonly number[];
  /** Values already in the columns (rows below the header); rows not assigned here (-1) keep them. */
  existing?: readonly (readonly [SheetValue, SheetValue])[];
}

/**
 * The Segment and Persona columns: a header row, then one row per data row below the header. Segment
 * is the 1-based segment number (a number, so it sorts and filters), Persona the persona name; rows
 * that were dropped or could not be assigned get '' in both.
 * @param run the run whose segments name the rows
 * @param rowCount number of rows below the header the columns cover
 * @throws SegmentationError INVALID_RUN when an assignment names a segment the run does not have
 * @example encodeAssignmentColumns(run, 3) // [['Segment', 'Persona'], [4, 'Budget Shoppers'], [5, 'Impulse Buyers'], [4, 'Budget Shoppers']]
 */
export function encodeAssignmentColumns(
  run: Run,
  rowCount: number,
  options: AssignmentColumnsOptions = {},
): SheetValue[][] {
  const assignments = options.assignments ?? run.assignments ?? [];
  const values: SheetValue[][] = [[SEGMENT_HEADER, PERSONA_HEADER]];
  for (let r = 0; r < rowCount; r++) {
    const kept = options.existing?.[r];
    values.push(kept ? [kept[0], kept[1]] : ['', '']);
  }
  for (let i = 0; i < assignments.length; i++) {
    const segmentIndex = assignments[i];
    if (segmentIndex < 0) continue;
    const segment = run.segments[segmentIndex];
    if (!segment) {
      throw new SegmentationError(
        'INVALID_RUN',
        `Row ${i + 1} is assigned to segment ${segmentIndex + 1}, but run "${run.name}" has ${run.segments.length} segments`,
        { field: 'assignments' },
      );
    }
    const position = options.rowPositions ? options.rowPositions[i] : i + 1;
    if (position >= 1 && position <= rowCount)
      values[position] = [segmentIndex + 1, plainText(segment.persona.name)];
  }
  return values;
}

/** 0-based columns of the add-on's own Segment and Persona columns, when they exist. */
export interface OutputColumns {
  segment?: number;
  persona?: number;
}

/**
 * Locates the add-on's own columns again: by developer metadata first (it follows columns the user
 * moved), else by header — but only a "Segment" header immediately followed by "Persona", so a user's
 * own lone "Segment" column is never taken for ours.
 * @param headers the header row as read (0-based columns)
 * @param metadata COLUMN developer metadata of the sheet
 * @example findOutputColumns(['Age', 'Segment', 'Persona'], []) // { segment: 1, persona: 2 }
 */
export function findOutputColumns(
  headers: readonly unknown[],
  metadata: readonly ColumnMetadata[] = [],
): OutputColumns {
  const found: OutputColumns = {};
  for (const entry of metadata) {
    if (entry.key !== METADATA_KEYS.column) continue;
    if (entry.value === 'segment' && found.segment === undefined) found.segment = entry.column;
    if (entry.value === 'persona' && found.persona === undefined) found.persona = entry.column;
  }
  if (found.segment !== undefined || found.persona !== undefined) return found;
  for (let c = 0; c + 1 < headers.length; c++) {
    if (headerText(headers[c]) === SEGMENT_HEADER && headerText(headers[c + 1]) === PERSONA_HEADER) {
      return { segment: c, persona: c + 1 };
    }
  }
  return {};
}

/** Where to write the two columns: existing ones are reused, missing ones go right of the data. */
export interface OutputColumnPlan {
  /** 0-based target columns. */
  segment: number;
  persona: number;
  /** True when the two are side by side (segment then persona), so one write covers both. */
  adjacent: boolean;
  /** Columns newly added (they need developer metadata). */
  created: OutputColumnKind[];
}

/**
 * Decides the target columns for a run: reuses the add-on's own columns where found, and puts missing
 * ones after the last used column.
 * @param existing what {@link findOutputColumns} found
 * @param usedWidth number of columns in use in the sheet (its last column, 1-based)
 * @example planOutputColumns({}, 5) // { segment: 5, persona: 6, adjacent: true, created: ['segment', 'persona'] }
 */
export function planOutputColumns(existing: OutputColumns, usedWidth: number): OutputColumnPlan {
  let next = usedWidth;
  const created: OutputColumnKind[] = [];
  const place = (kind: OutputColumnKind, found: number | undefined): number => {
    if (found !== undefined) return found;
    created.push(kind);
    return next++;
  };
  const segment = place('segment', existing.segment);
  const persona = place('persona', existing.persona);
  return { segment, persona, adjacent: persona === segment + 1, created };
}

/**
 * True when a 0-based column is one of the add-on's output columns (so readers skip it as input).
 * @example isOutputColumn({ segment: 5, persona: 6 }, 6) // true
 */
export function isOutputColumn(columns: OutputColumns, column: number): boolean {
  return column === columns.segment || column === columns.persona;
}
