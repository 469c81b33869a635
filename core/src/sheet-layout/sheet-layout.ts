/**
 * The one definition of what Customer Segments writes into a spreadsheet: the Segment and Persona
 * columns, the "Segments" summary sheet (values and chart specs) and the hidden sheet that keeps runs
 * as JSON chunks. The Apps Script add-on and the Sheets REST path (server/CLI) both encode and decode
 * through here, so a sheet looks the same whichever path wrote it and either path reads the other's.
 *
 * Values are typed as Sheets holds them (numbers as numbers, '' for empty) and are meant to be written
 * with user-entered semantics (what `Range.setValues` does; `valueInputOption=USER_ENTERED` in REST).
 * Text that Sheets would read as a formula is prefixed with an apostrophe, and JSON chunks carry a
 * prefix so that no chunk can be mistaken for a number, date, boolean or formula.
 */

import { SegmentationError } from '../schema/errors';
import { parseRun, type Run } from '../schema/run';
import { parseNumberCell } from '../table/columns';
import { widestRow } from '../table/extent';
import { type Cell, columnLetter, type Table, tableFromCells } from '../table/table';

/** Header of the column holding the 1-based segment number of each customer. */
export const SEGMENT_HEADER = 'Segment';
/** Header of the column holding the persona name of each customer's segment. */
export const PERSONA_HEADER = 'Persona';
/** Header of the column holding the segment a classifier predicted for a customer without a label. */
export const PREDICTED_SEGMENT_HEADER = 'Predicted segment';
/** Header of the column holding the probability the classifier gives its prediction (0..1). */
export const CONFIDENCE_HEADER = 'Confidence';
/** Name of the summary sheet (one per spreadsheet, replaced on every run). */
export const SUMMARY_SHEET_NAME = 'Segments';
/** Name of the hidden sheet that keeps runs as JSON chunks. */
export const RUNS_SHEET_NAME = '_segments_runs';
/** Header row of the kept-runs sheet. */
export const RUNS_SHEET_HEADERS = ['Run id', 'Created at', 'Name', 'Chunk', 'Chunks', 'JSON'] as const;
/** A Sheets cell holds at most 50,000 characters. */
export const MAX_CELL_CHARS = 50_000;
/** Characters of run JSON per cell; with {@link CHUNK_PREFIX} well under {@link MAX_CELL_CHARS}. */
export const RUN_CHUNK_CHARS = 45_000;
/** Starts every JSON chunk cell: keeps Sheets from parsing a chunk such as `123,4` as a number. */
export const CHUNK_PREFIX = 'json:';

/**
 * Developer metadata the add-on attaches (COLUMN location, so it follows the column when the user
 * inserts, deletes or moves columns). Value of {@link METADATA_KEYS.column}: 'segment' | 'persona'.
 */
export const METADATA_KEYS = {
  /** On the Segment and Persona columns of the data sheet. */
  column: 'customerSegments.column',
  /** On the summary sheet (SHEET location), so a user's own sheet named "Segments" is never taken for it. */
  summarySheet: 'customerSegments.summarySheet',
  /**
   * On the Predicted segment and Confidence columns (COLUMN location); value:
   * {@link PredictionColumnKind}. A key of its own so readers of Segment/Persona never see them.
   */
  predictionColumn: 'customerSegments.predictionColumn',
} as const;

/** Which output column a piece of developer metadata marks. */
export type OutputColumnKind = 'segment' | 'persona';

/** A cell value as written: Sheets keeps numbers and strings; '' is an empty cell. */
export type SheetValue = string | number;

/** A rectangle of cells, 1-based as `Sheet.getRange(row, column, numRows, numColumns)` takes it. */
export interface SheetRange {
  row: number;
  column: number;
  numRows: number;
  numColumns: number;
  /** The same rectangle in A1 notation, without a sheet name, e.g. `A5:C11`. */
  a1: string;
}

/**
 * A native chart, described neutrally: the Apps Script path builds it with `sheet.newChart()`, the
 * REST path with an `addChart` request. `ranges[0]` is the domain (x axis); the others are series.
 * Every range includes its header row, so series take their names from it.
 */
export interface ChartSpec {
  id: 'elbow' | 'scatter' | 'sizes';
  type: 'line' | 'scatter' | 'column';
  title: string;
  xAxisTitle: string;
  yAxisTitle: string;
  ranges: SheetRange[];
  /** Number of header rows in each range (always 1). */
  headerRows: 1;
  /** Top-left cell the chart is anchored at (1-based). */
  anchor: { row: number; column: number };
  width: number;
  height: number;
}

/** What the summary sheet holds: a rectangle of values starting at A1, its charts, and where things are. */
export interface SummarySheetLayout {
  /** Rectangular (every row has the same length) so it is written in one call. */
  values: SheetValue[][];
  charts: ChartSpec[];
  /** Where the per-segment table is (header included). */
  segmentTable: SheetRange;
  /** Where the k table is (header included). */
  kTable: SheetRange;
  /** Where the scatter table is (header included), when the run has two numeric features. */
  scatterTable?: SheetRange;
}

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
 * @example encodeAssignmentColumns(run, 3) // [['Segment','Persona'],[2,'Impulse Buyers'],['',''],[1,'Budget Shoppers']]
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

/**
 * The Segments summary sheet: a title, one row per segment (number, persona, size, share, profile per
 * feature in original units, strategy, summary), the k table (inertia and silhouette per candidate k),
 * the reason for k, a scatter table (two numeric features, one y column per segment so each segment
 * is its own coloured series) and chart specs over those ranges (elbow line, scatter, sizes column).
 * @param run the run to summarise
 * @param points optional per-customer [x, y] values of the scatter features, aligned with
 *   `run.assignments`; without them the scatter shows the segment centres only. At most
 *   `maxScatterPoints` (default 2,000) are kept, evenly spaced, so the sheet stays small.
 * @example const { values, charts } = encodeSummarySheet(run)
 */
export function encodeSummarySheet(
  run: Run,
  points?: { x: readonly (number | null)[]; y: readonly (number | null)[] },
  maxScatterPoints = 2_000,
): SummarySheetLayout {
  const rows: SheetValue[][] = [];
  const formatNumber = (value: number, digits: number) => Number(value.toFixed(digits));

  rows.push([plainText(`Customer segments — ${run.name}`)]);
  rows.push([
    `Run ${run.id} · ${run.createdAt} · ${run.preprocessing.rowsUsed} customers · k = ${run.k} (${run.algorithm})`,
  ]);
  rows.push([]);

  // Per-segment table.
  const segmentTableRow = rows.length + 1;
  const profileHeaders = run.features.map((feature) =>
    plainText(feature.kind === 'numeric' ? `${feature.name} (average)` : `${feature.name} (most common)`),
  );
  rows.push(['Segment', 'Persona', 'Customers', 'Share', ...profileHeaders, 'Strategy', 'Summary']);
  for (const segment of run.segments) {
    const profile = run.features.map((feature): SheetValue => {
      const entry = segment.profile.find((candidate) => candidate.feature === feature.name);
      if (!entry) {
        const centre = segment.centroid[feature.name];
        return typeof centre === 'number' ? formatNumber(centre, 2) : (centre ?? '');
      }
      return entry.kind === 'numeric'
        ? formatNumber(entry.mean, 2)
        : plainText(`${entry.top} (${Math.round(entry.topShare * 100)}%)`);
    });
    rows.push([
      segment.index + 1,
      plainText(segment.persona.name),
      segment.size,
      formatNumber(segment.share, 4),
      ...profile,
      plainText(segment.persona.strategy),
      plainText(segment.persona.summary),
    ]);
  }
  const segmentTable = rangeOf(segmentTableRow, 1, run.segments.length + 1, 6 + run.features.length);
  rows.push([]);

  // k table: every candidate when k was chosen automatically, else the one k used.
  rows.push(['Choosing the number of segments']);
  const kTableRow = rows.length + 1;
  rows.push(['k', 'Inertia', 'Silhouette']);
  const candidates = run.chooseK?.candidates ?? [
    { k: run.k, inertia: run.quality.inertia, silhouette: run.quality.silhouette ?? null },
  ];
  for (const candidate of candidates) {
    rows.push([
      candidate.k,
      formatNumber(candidate.inertia, 4),
      candidate.silhouette === null ? '' : formatNumber(candidate.silhouette, 4),
    ]);
  }
  const kTable = rangeOf(kTableRow, 1, candidates.length + 1, 3);
  rows.push([
    plainText(
      run.chooseK
        ? `Why k = ${run.k}: ${run.chooseK.reason}`
        : `k = ${run.k} was set in the options (not chosen automatically).`,
    ),
  ]);
  rows.push([]);

  // Scatter table: x, then one column per segment holding y only on that segment's rows.
  const numeric = pickScatterFeatures(run);
  let scatterTable: SheetRange | undefined;
  if (numeric) {
    rows.push([`Customers by ${numeric.x} and ${numeric.y}`]);
    const scatterRow = rows.length + 1;
    rows.push([
      numeric.x,
      ...run.segments.map((segment) => `${segment.index + 1} · ${segment.persona.name}`),
    ]);
    const scatterPoints = collectScatterPoints(run, numeric, points, maxScatterPoints);
    for (const point of scatterPoints) {
      const row: SheetValue[] = [point.x];
      for (let s = 0; s < run.segments.length; s++) row.push(s === point.segment ? point.y : '');
      rows.push(row);
    }
    scatterTable = rangeOf(scatterRow, 1, scatterPoints.length + 1, 1 + run.segments.length);
  }

  const width = widestRow(rows);
  const values = rows.map((row) => [...row, ...Array<SheetValue>(width - row.length).fill('')]);

  const chartColumn = width + 2;
  const charts: ChartSpec[] = [
    {
      id: 'elbow',
      type: 'line',
      title: 'Elbow: inertia by number of segments',
      xAxisTitle: 'k (number of segments)',
      yAxisTitle: 'Inertia',
      ranges: [rangeOf(kTable.row, 1, kTable.numRows, 1), rangeOf(kTable.row, 2, kTable.numRows, 1)],
      headerRows: 1,
      anchor: { row: 1, column: chartColumn },
      width: 480,
      height: 300,
    },
    {
      id: 'sizes',
      type: 'column',
      title: 'Customers per segment',
      xAxisTitle: 'Persona',
      yAxisTitle: 'Customers',
      ranges: [
        rangeOf(segmentTable.row, 2, segmentTable.numRows, 1),
        rangeOf(segmentTable.row, 3, segmentTable.numRows, 1),
      ],
      headerRows: 1,
      anchor: { row: 17, column: chartColumn },
      width: 480,
      height: 300,
    },
  ];
  if (numeric && scatterTable) {
    charts.push({
      id: 'scatter',
      type: 'scatter',
      title: `${numeric.y} by ${numeric.x}, coloured by segment`,
      xAxisTitle: numeric.x,
      yAxisTitle: numeric.y,
      ranges: [scatterTable],
      headerRows: 1,
      anchor: { row: 33, column: chartColumn },
      width: 480,
      height: 360,
    });
  }
  return { values, charts, segmentTable, kTable, scatterTable };
}

/**
 * Rows for the kept-runs sheet, one per JSON chunk: [runId, createdAt, name, chunkIndex (0-based),
 * chunkCount, CHUNK_PREFIX + chunk]. The whole run is kept, assignments included (they never leave
 * the spreadsheet). Append them below {@link RUNS_SHEET_HEADERS}.
 * @example encodeRunRows(run)[0] // ['run-1', '2026-01-01T00:00:00.000Z', 'Mall', 0, 1, 'json:{"schemaVersion":1,…']
 */
export function encodeRunRows(run: Run): SheetValue[][] {
  const json = JSON.stringify(run);
  const chunkCount = Math.max(1, Math.ceil(json.length / RUN_CHUNK_CHARS));
  const rows: SheetValue[][] = [];
  for (let i = 0; i < chunkCount; i++) {
    rows.push([
      plainText(run.id),
      run.createdAt,
      plainText(run.name),
      i,
      chunkCount,
      CHUNK_PREFIX + json.slice(i * RUN_CHUNK_CHARS, (i + 1) * RUN_CHUNK_CHARS),
    ]);
  }
  return rows;
}

/** What {@link decodeRunRows} found besides the valid runs. */
export interface DecodedRuns {
  /** Valid runs, newest first. */
  runs: Run[];
  /** Why a kept run could not be read (incomplete chunks, bad JSON, invalid run), one line each. */
  problems: string[];
}

/**
 * Reads the kept-runs sheet's values (header row optional, rows in any order, other writers' rows
 * tolerated): groups chunks by run id, joins them in chunk order, validates each run with parseRun.
 * Runs that are incomplete or invalid are skipped and reported in `problems`.
 * @example decodeRunRows(sheet.getDataRange().getValues()).runs[0] // the newest run
 */
export function decodeRunRows(values: readonly (readonly unknown[])[]): DecodedRuns {
  const groups = new Map<string, { count: number; chunks: Map<number, string> }>();
  const problems: string[] = [];
  for (const row of values) {
    const id = row[0] === undefined || row[0] === null ? '' : stripApostrophe(String(row[0]));
    const index = toWholeNumber(row[3]);
    const count = toWholeNumber(row[4]);
    const cell = row[5];
    if (id === '' || index === null || count === null || typeof cell !== 'string') continue; // header, blank or foreign row
    if (!cell.startsWith(CHUNK_PREFIX) || index >= count) continue;
    let group = groups.get(id);
    if (!group) {
      group = { count, chunks: new Map() };
      groups.set(id, group);
    }
    group.count = Math.max(group.count, count);
    group.chunks.set(index, cell.slice(CHUNK_PREFIX.length));
  }
  const runs: Run[] = [];
  for (const [id, group] of groups) {
    const parts: string[] = [];
    for (let i = 0; i < group.count; i++) {
      const part = group.chunks.get(i);
      if (part === undefined) break;
      parts.push(part);
    }
    if (parts.length !== group.count) {
      problems.push(`Run ${id} is incomplete: ${parts.length} of ${group.count} chunks are in the sheet`);
      continue;
    }
    try {
      runs.push(parseRun(JSON.parse(parts.join('')), `kept run ${id}`));
    } catch (error) {
      problems.push(error instanceof Error ? error.message.split('\n')[0] : `Run ${id} could not be read`);
    }
  }
  runs.sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt) || (a.id < b.id ? 1 : -1));
  return { runs, problems };
}

/** Developer metadata as either path reads it: key, value and the 0-based column it sits on. */
export interface ColumnMetadata {
  key: string;
  value: string | null;
  /** 0-based column index in the sheet. */
  column: number;
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

/** Which prediction column a piece of developer metadata marks. */
export type PredictionColumnKind = 'predicted-segment' | 'confidence';

/** 0-based columns of the add-on's own Predicted segment and Confidence columns, when they exist. */
export interface PredictionColumns {
  predictedSegment?: number;
  confidence?: number;
}

/**
 * Locates the Predicted segment and Confidence columns again: by developer metadata first (it follows
 * moved columns), else by a "Predicted segment" header immediately followed by "Confidence", so a
 * user's own lone "Confidence" column is never taken for ours.
 * @param headers the header row as read (0-based columns)
 * @param metadata COLUMN developer metadata of the sheet (other keys are ignored)
 * @example findPredictionColumns(['Age', 'Predicted segment', 'Confidence'], []) // { predictedSegment: 1, confidence: 2 }
 */
export function findPredictionColumns(
  headers: readonly unknown[],
  metadata: readonly ColumnMetadata[] = [],
): PredictionColumns {
  const found: PredictionColumns = {};
  for (const entry of metadata) {
    if (entry.key !== METADATA_KEYS.predictionColumn) continue;
    if (entry.value === 'predicted-segment' && found.predictedSegment === undefined)
      found.predictedSegment = entry.column;
    if (entry.value === 'confidence' && found.confidence === undefined) found.confidence = entry.column;
  }
  if (found.predictedSegment !== undefined || found.confidence !== undefined) return found;
  for (let c = 0; c + 1 < headers.length; c++) {
    if (
      headerText(headers[c]) === PREDICTED_SEGMENT_HEADER &&
      headerText(headers[c + 1]) === CONFIDENCE_HEADER
    ) {
      return { predictedSegment: c, confidence: c + 1 };
    }
  }
  return {};
}

/** Where to write the prediction columns: existing ones are reused, missing ones go right of the data. */
export interface PredictionColumnPlan {
  /** 0-based target columns. */
  predictedSegment: number;
  confidence: number;
  /** True when the two are side by side (predicted segment then confidence): one write covers both. */
  adjacent: boolean;
  /** Columns newly added (they need developer metadata). */
  created: PredictionColumnKind[];
}

/**
 * Decides the target columns of a prediction: reuses the add-on's own columns where found, and puts
 * missing ones after the last used column.
 * @param existing what {@link findPredictionColumns} found
 * @param usedWidth number of columns in use in the sheet (its last column, 1-based)
 * @example planPredictionColumns({}, 5) // { predictedSegment: 5, confidence: 6, adjacent: true, created: ['predicted-segment', 'confidence'] }
 */
export function planPredictionColumns(existing: PredictionColumns, usedWidth: number): PredictionColumnPlan {
  let next = usedWidth;
  const created: PredictionColumnKind[] = [];
  const place = (kind: PredictionColumnKind, found: number | undefined): number => {
    if (found !== undefined) return found;
    created.push(kind);
    return next++;
  };
  const predictedSegment = place('predicted-segment', existing.predictedSegment);
  const confidence = place('confidence', existing.confidence);
  return { predictedSegment, confidence, adjacent: confidence === predictedSegment + 1, created };
}

/** One predicted row, placed below the header. */
export interface PlacedPrediction {
  /** Row position below the header (1 = the row right under it). */
  position: number;
  label: string;
  /** Probability of the predicted label, 0..1. */
  confidence: number;
}

/**
 * The Predicted segment and Confidence columns: a header row, then one row per data row below the
 * header. Rows without a prediction (they already have a label, or are blank) get '' in both, so a
 * re-run clears predictions of rows that were labelled since. Confidence is rounded to 4 decimals.
 * @param rowCount number of rows below the header the columns cover
 * @param predictions the predicted rows; positions outside 1..rowCount are ignored
 * @example encodePredictionColumns(2, [{ position: 2, label: 'D', confidence: 0.61234 }]) // [['Predicted segment','Confidence'],['',''],['D',0.6123]]
 */
export function encodePredictionColumns(
  rowCount: number,
  predictions: readonly PlacedPrediction[],
): SheetValue[][] {
  const values: SheetValue[][] = [[PREDICTED_SEGMENT_HEADER, CONFIDENCE_HEADER]];
  for (let r = 0; r < rowCount; r++) values.push(['', '']);
  for (const prediction of predictions) {
    if (prediction.position < 1 || prediction.position > rowCount) continue;
    values[prediction.position] = [plainText(prediction.label), Number(prediction.confidence.toFixed(4))];
  }
  return values;
}

/**
 * A 1-based rectangle with its A1 notation.
 * @example rangeOf(2, 1, 3, 2).a1 // 'A2:B4'
 */
export function rangeOf(row: number, column: number, numRows: number, numColumns: number): SheetRange {
  const a1 = `${columnLetter(column - 1)}${row}:${columnLetter(column + numColumns - 2)}${row + numRows - 1}`;
  return { row, column, numRows, numColumns, a1 };
}

/**
 * Text Sheets would read as a formula gets a leading apostrophe, so it stays text under user-entered
 * semantics (the apostrophe is not part of the cell's value).
 */
export function plainText(text: string): string {
  return /^[=+\-@]/.test(text) ? `'${text}` : text;
}

function stripApostrophe(text: string): string {
  return text.startsWith("'") ? text.slice(1) : text;
}

function headerText(cell: unknown): string {
  return typeof cell === 'string' ? cell.replace(/\s+/g, ' ').trim() : '';
}

function toWholeNumber(cell: unknown): number | null {
  const value =
    typeof cell === 'number' ? cell : typeof cell === 'string' && cell.trim() !== '' ? Number(cell) : NaN;
  return Number.isInteger(value) && value >= 0 ? value : null;
}

/**
 * The two numeric features the scatter chart plots: income against spending when both roles are
 * present (it reads best to marketers), else the first two numeric features; null with fewer than two.
 * @example pickScatterFeatures(run) // { x: 'Annual Income (k$)', y: 'Spending Score (1-100)' }
 */
export function pickScatterFeatures(run: Run): { x: string; y: string } | null {
  const numeric = run.features.filter((feature) => feature.kind === 'numeric');
  if (numeric.length < 2) return null;
  const income = numeric.find((feature) => feature.role === 'income');
  const spending = numeric.find((feature) => feature.role === 'spending');
  if (income && spending) return { x: income.name, y: spending.name };
  return { x: numeric[0].name, y: numeric[1].name };
}

function collectScatterPoints(
  run: Run,
  features: { x: string; y: string },
  points: { x: readonly (number | null)[]; y: readonly (number | null)[] } | undefined,
  maxPoints: number,
): { x: number; y: number; segment: number }[] {
  const assignments = run.assignments;
  if (points && assignments) {
    const usable: number[] = [];
    for (let i = 0; i < assignments.length; i++) {
      const x = points.x[i];
      const y = points.y[i];
      if (assignments[i] >= 0 && typeof x === 'number' && typeof y === 'number') usable.push(i);
    }
    const step = Math.max(1, usable.length / Math.max(1, maxPoints));
    const picked: { x: number; y: number; segment: number }[] = [];
    for (let p = 0; p < usable.length && picked.length < maxPoints; p += step) {
      const i = usable[Math.floor(p)];
      picked.push({ x: points.x[i] as number, y: points.y[i] as number, segment: assignments[i] });
    }
    return picked;
  }
  return run.segments.flatMap((segment) => {
    const x = segment.centroid[features.x];
    const y = segment.centroid[features.y];
    return typeof x === 'number' && typeof y === 'number'
      ? [{ x: Number(x.toFixed(2)), y: Number(y.toFixed(2)), segment: segment.index }]
      : [];
  });
}

/**
 * The summary layout with per-customer scatter points read from the table the run was built from,
 * so the add-on and the Sheets API path draw the same scatter.
 * @example encodeSummaryForTable(run, table).charts.length // 3
 */
export function encodeSummaryForTable(run: Run, table: Table): SummarySheetLayout {
  const features = pickScatterFeatures(run);
  if (!features) return encodeSummarySheet(run);
  const column = (name: string) => {
    const index = table.headers.indexOf(name);
    return table.rows.map((row) => {
      const parsed = parseNumberCell(row[index]);
      return parsed.kind === 'number' ? parsed.value : null;
    });
  };
  return encodeSummarySheet(run, { x: column(features.x), y: column(features.y) });
}

/** Where a block of sheet values sits, and which of its sheet columns the add-on wrote. */
export interface CustomerValues {
  /** The values read, first row = `firstRow` of the sheet, first column = `firstColumn`. */
  values: readonly (readonly Cell[])[];
  /** 0-based index of the header row within `values`. */
  headerIndex: number;
  /** 1-based sheet row and column of `values[0][0]`. */
  firstRow: number;
  firstColumn: number;
  /** 0-based sheet columns (A = 0) of the add-on's own columns: Segment, Persona, Predicted segment, Confidence. */
  ownColumns: readonly (number | undefined)[];
  /** Name for messages, e.g. 'Sheet "Customers"'. */
  source: string;
}

/**
 * The customers as a core Table, without the add-on's own columns, so a re-run never segments or
 * trains on a previous answer. The add-on and the Sheets API path both read sheets through it.
 * @throws SegmentationError from tableFromCells (empty sheet, duplicate headers, no rows)
 * @example customerTable({ values, headerIndex: 0, firstRow: 1, firstColumn: 1, ownColumns: [5, 6], source: 'Sheet "Customers"' }) // F and G left out
 */
export function customerTable(input: CustomerValues): Table {
  const own = new Set(input.ownColumns.filter((column): column is number => column !== undefined));
  const width = widestRow(input.values);
  const keep: number[] = [];
  for (let c = 0; c < width; c++) if (!own.has(input.firstColumn - 1 + c)) keep.push(c);
  return tableFromCells(
    input.values.map((row) => keep.map((c) => row[c] ?? '')),
    { headerRow: input.headerIndex, firstRowNumber: input.firstRow, source: input.source },
  );
}
