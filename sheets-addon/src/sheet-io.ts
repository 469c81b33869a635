import type { Run } from '@segments/core';
import {
  type Cell,
  type ColumnMetadata,
  columnLetter,
  customerTable,
  encodeRunRows,
  findOutputColumns,
  findPredictionColumns,
  METADATA_KEYS,
  type OutputColumnKind,
  type OutputColumnPlan,
  type OutputColumns,
  type PredictionColumnKind,
  type PredictionColumnPlan,
  type PredictionColumns,
  RUNS_SHEET_HEADERS,
  RUNS_SHEET_NAME,
  type SheetValue,
  SUMMARY_SHEET_NAME,
  type SummarySheetLayout,
  type Table,
} from '@segments/core';
import { AddonUserError } from './result';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** The customer sheet as read once: the values, where they sit, and the add-on's own columns. */
export interface SheetSnapshot {
  spreadsheet: Spreadsheet;
  sheet: Sheet;
  sheetName: string;
  /** Every cell of the read range (the data range, or the user's multi-row selection). */
  values: Cell[][];
  /** 1-based sheet row and column of values[0][0]. */
  firstRow: number;
  firstColumn: number;
  /** Index in `values` of the header row (the first non-empty row). */
  headerIndex: number;
  /** Sheet-absolute 0-based columns of the add-on's Segment/Persona columns, when present. */
  output: OutputColumns;
  /** Sheet-absolute 0-based columns of the add-on's Predicted segment/Confidence columns, when present. */
  prediction: PredictionColumns;
  /** Number of columns in use in the sheet (1-based last column). */
  usedWidth: number;
  /** A1 notation of the range read, for the run's source. */
  rangeA1: string;
}

/**
 * Reads the active sheet in one `getValues()` call: the data range, or the selection when it spans
 * more than one row. Finds the add-on's own columns by developer metadata or header.
 * @throws AddonUserError when the sheet is the add-on's own summary or runs sheet, or is empty
 */
export function readActiveSheet(): SheetSnapshot {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const sheet = spreadsheet.getActiveSheet();
  const sheetName = sheet.getName();
  const isOurs =
    sheetName === RUNS_SHEET_NAME ||
    sheet.getDeveloperMetadata().some((metadata) => metadata.getKey() === METADATA_KEYS.summarySheet);
  if (isOurs) {
    throw new AddonUserError(
      `"${sheetName}" is where Customer Segments writes its results; open the sheet with your customers and try again.`,
    );
  }
  // The selection counts when it is on this sheet and spans more than one row (a header and rows).
  const selection = spreadsheet.getActiveRange();
  const useSelection =
    selection !== null &&
    selection.getSheet().getSheetId() === sheet.getSheetId() &&
    selection.getNumRows() > 1;
  const range = useSelection ? selection : sheet.getDataRange();
  const values = range.getValues() as Cell[][];
  const firstRow = range.getRow();
  const firstColumn = range.getColumn();
  const headerIndex = values.findIndex((row) => row.some((cell) => cell !== '' && cell !== null));
  if (headerIndex < 0) {
    throw new AddonUserError(
      `"${sheetName}" is empty: put a header row and customer rows in it, then try again.`,
    );
  }
  const headers = values[headerIndex];
  const metadata = [
    ...readColumnMetadata(sheet, METADATA_KEYS.column),
    ...readColumnMetadata(sheet, METADATA_KEYS.predictionColumn),
  ].map((entry) => ({ ...entry, column: entry.column - (firstColumn - 1) }));
  const relative = findOutputColumns(headers, metadata);
  const predictionRelative = findPredictionColumns(headers, metadata);
  const absolute = (column: number | undefined) =>
    column === undefined ? undefined : column + firstColumn - 1;
  return {
    spreadsheet,
    sheet,
    sheetName,
    values,
    firstRow,
    firstColumn,
    headerIndex,
    output: { segment: absolute(relative.segment), persona: absolute(relative.persona) },
    prediction: {
      predictedSegment: absolute(predictionRelative.predictedSegment),
      confidence: absolute(predictionRelative.confidence),
    },
    usedWidth: Math.max(sheet.getLastColumn(), firstColumn - 1 + (values[0]?.length ?? 0)),
    rangeA1: range.getA1Notation(),
  };
}

/**
 * The customers as a core Table: the add-on's own Segment/Persona and Predicted segment/Confidence
 * columns left out, so a re-run never segments or trains on a previous answer.
 * @throws SegmentationError from tableFromCells (empty sheet, duplicate headers, no rows)
 */
export function snapshotTable(snapshot: SheetSnapshot): Table {
  return customerTable({
    values: snapshot.values,
    headerIndex: snapshot.headerIndex,
    firstRow: snapshot.firstRow,
    firstColumn: snapshot.firstColumn,
    ownColumns: [
      snapshot.output.segment,
      snapshot.output.persona,
      snapshot.prediction.predictedSegment,
      snapshot.prediction.confidence,
    ],
    source: `Sheet "${snapshot.sheetName}"`,
  });
}

/** Header row in the sheet (1-based) and number of rows below it that the output columns cover. */
export function outputRowSpan(snapshot: SheetSnapshot): { headerRow: number; rowCount: number } {
  return {
    headerRow: snapshot.firstRow + snapshot.headerIndex,
    rowCount: snapshot.values.length - snapshot.headerIndex - 1,
  };
}

/** The current values of the add-on's columns below the header, from the snapshot (no extra read). */
export function existingOutputValues(snapshot: SheetSnapshot): [SheetValue, SheetValue][] {
  const pick = (row: Cell[], column: number | undefined): SheetValue => {
    if (column === undefined) return '';
    const cell = row[column - (snapshot.firstColumn - 1)];
    return typeof cell === 'number' || typeof cell === 'string' ? cell : '';
  };
  return snapshot.values
    .slice(snapshot.headerIndex + 1)
    .map((row) => [pick(row, snapshot.output.segment), pick(row, snapshot.output.persona)]);
}

/**
 * Writes the Segment/Persona columns (header + rows) where the plan says: one `setValues()` when
 * they are side by side, two otherwise. New columns get COLUMN developer metadata so they are found
 * again after the user moves or inserts columns.
 */
export function writeOutputColumns(
  snapshot: SheetSnapshot,
  plan: OutputColumnPlan,
  values: SheetValue[][],
): void {
  const { sheet } = snapshot;
  const { headerRow } = outputRowSpan(snapshot);
  const lastNeeded = Math.max(plan.segment, plan.persona) + 1;
  const maxColumns = sheet.getMaxColumns();
  if (lastNeeded > maxColumns) sheet.insertColumnsAfter(maxColumns, lastNeeded - maxColumns);
  if (plan.adjacent) {
    sheet.getRange(headerRow, plan.segment + 1, values.length, 2).setValues(values);
  } else {
    sheet.getRange(headerRow, plan.segment + 1, values.length, 1).setValues(values.map((row) => [row[0]]));
    sheet.getRange(headerRow, plan.persona + 1, values.length, 1).setValues(values.map((row) => [row[1]]));
  }
  sheet.getRange(headerRow, plan.segment + 1, 1, 1).setFontWeight('bold');
  sheet.getRange(headerRow, plan.persona + 1, 1, 1).setFontWeight('bold');
  for (const kind of plan.created) {
    const letter = columnLetter(kind === 'segment' ? plan.segment : plan.persona);
    sheet
      .getRange(`${letter}:${letter}`)
      .addDeveloperMetadata(METADATA_KEYS.column, kind satisfies OutputColumnKind);
  }
}

/**
 * Writes the Predicted segment/Confidence columns (header + rows) where the plan says: one
 * `setValues()` when they are side by side, two otherwise; Confidence shows as a percentage. New
 * columns get COLUMN developer metadata so a re-run finds and replaces them.
 */
export function writePredictionColumns(
  snapshot: SheetSnapshot,
  plan: PredictionColumnPlan,
  values: SheetValue[][],
): void {
  const { sheet } = snapshot;
  const { headerRow } = outputRowSpan(snapshot);
  const lastNeeded = Math.max(plan.predictedSegment, plan.confidence) + 1;
  const maxColumns = sheet.getMaxColumns();
  if (lastNeeded > maxColumns) sheet.insertColumnsAfter(maxColumns, lastNeeded - maxColumns);
  if (plan.adjacent) {
    sheet.getRange(headerRow, plan.predictedSegment + 1, values.length, 2).setValues(values);
  } else {
    sheet
      .getRange(headerRow, plan.predictedSegment + 1, values.length, 1)
      .setValues(values.map((row) => [row[0]]));
    sheet.getRange(headerRow, plan.confidence + 1, values.length, 1).setValues(values.map((row) => [row[1]]));
  }
  sheet.getRange(headerRow, plan.predictedSegment + 1, 1, 1).setFontWeight('bold');
  sheet.getRange(headerRow, plan.confidence + 1, 1, 1).setFontWeight('bold');
  if (values.length > 1) {
    sheet.getRange(headerRow + 1, plan.confidence + 1, values.length - 1, 1).setNumberFormat('0%');
  }
  for (const kind of plan.created) {
    const letter = columnLetter(kind === 'predicted-segment' ? plan.predictedSegment : plan.confidence);
    sheet
      .getRange(`${letter}:${letter}`)
      .addDeveloperMetadata(METADATA_KEYS.predictionColumn, kind satisfies PredictionColumnKind);
  }
}

/**
 * Replaces the Segments summary sheet: values in one `setValues()`, then native charts from the
 * layout's chart specs.
 */
export function writeSummarySheet(spreadsheet: Spreadsheet, layout: SummarySheetLayout): Sheet {
  let sheet = findSummarySheet(spreadsheet);
  if (sheet) {
    for (const chart of sheet.getCharts()) sheet.removeChart(chart);
    sheet.clear();
  } else {
    // A user's own sheet called "Segments" is left alone: ours gets the next free name.
    let name = SUMMARY_SHEET_NAME;
    for (let n = 2; spreadsheet.getSheetByName(name); n++) name = `${SUMMARY_SHEET_NAME} ${n}`;
    sheet = spreadsheet.insertSheet(name);
    sheet.addDeveloperMetadata(METADATA_KEYS.summarySheet, 'true');
  }
  const rows = layout.values.length;
  const columns = layout.values[0].length;
  if (sheet.getMaxRows() < rows) sheet.insertRowsAfter(sheet.getMaxRows(), rows - sheet.getMaxRows());
  if (sheet.getMaxColumns() < columns) {
    sheet.insertColumnsAfter(sheet.getMaxColumns(), columns - sheet.getMaxColumns());
  }
  sheet.getRange(1, 1, rows, columns).setValues(layout.values);
  sheet.getRange(1, 1, 1, 1).setFontWeight('bold');
  sheet.getRange(layout.segmentTable.row, 1, 1, layout.segmentTable.numColumns).setFontWeight('bold');
  sheet.getRange(layout.kTable.row, 1, 1, layout.kTable.numColumns).setFontWeight('bold');
  for (const spec of layout.charts) {
    let builder = sheet.newChart().setChartType(chartType(spec.type));
    for (const range of spec.ranges) builder = builder.addRange(sheet.getRange(range.a1));
    const chart = builder
      .setNumHeaders(spec.headerRows)
      .setPosition(spec.anchor.row, spec.anchor.column, 0, 0)
      .setOption('title', spec.title)
      .setOption('hAxis', { title: spec.xAxisTitle })
      .setOption('vAxis', { title: spec.yAxisTitle })
      .setOption('width', spec.width)
      .setOption('height', spec.height)
      .build();
    sheet.insertChart(chart);
  }
  return sheet;
}

/** The summary sheet the add-on made before (marked with sheet developer metadata), if any. */
export function findSummarySheet(spreadsheet: Spreadsheet): Sheet | null {
  for (const sheet of spreadsheet.getSheets()) {
    if (sheet.getDeveloperMetadata().some((metadata) => metadata.getKey() === METADATA_KEYS.summarySheet)) {
      return sheet;
    }
  }
  return null;
}

function chartType(type: 'line' | 'scatter' | 'column'): GoogleAppsScript.Charts.ChartType {
  switch (type) {
    case 'line':
      return Charts.ChartType.LINE;
    case 'scatter':
      return Charts.ChartType.SCATTER;
    case 'column':
      return Charts.ChartType.COLUMN;
  }
}

/** The hidden sheet that keeps runs, created (with its header row) on first use. */
function runsSheet(spreadsheet: Spreadsheet, create: boolean): Sheet | null {
  const existing = spreadsheet.getSheetByName(RUNS_SHEET_NAME);
  if (existing || !create) return existing;
  const sheet = spreadsheet.insertSheet(RUNS_SHEET_NAME);
  sheet.getRange(1, 1, 1, RUNS_SHEET_HEADERS.length).setValues([[...RUNS_SHEET_HEADERS]]);
  sheet.hideSheet();
  return sheet;
}

/** Appends the run's JSON chunks to the hidden runs sheet (one `setValues()`). */
export function keepRun(spreadsheet: Spreadsheet, run: Run): void {
  const sheet = runsSheet(spreadsheet, true)!;
  const rows = encodeRunRows(run);
  const firstFree = sheet.getLastRow() + 1;
  if (sheet.getMaxRows() < firstFree + rows.length - 1) {
    sheet.insertRowsAfter(sheet.getMaxRows(), firstFree + rows.length - 1 - sheet.getMaxRows());
  }
  sheet.getRange(firstFree, 1, rows.length, RUNS_SHEET_HEADERS.length).setValues(rows);
}

/** The values of the hidden runs sheet (empty when no run was kept yet). */
export function readKeptRunRows(spreadsheet: Spreadsheet): unknown[][] {
  const sheet = runsSheet(spreadsheet, false);
  return sheet ? sheet.getDataRange().getValues() : [];
}

/** The add-on's COLUMN developer metadata with `key` on a sheet, as 0-based sheet columns. */
function readColumnMetadata(sheet: Sheet, key: string): ColumnMetadata[] {
  const found = sheet.createDeveloperMetadataFinder().withKey(key).find();
  const entries: ColumnMetadata[] = [];
  for (const metadata of found) {
    const location = metadata.getLocation();
    const column = location.getColumn();
    if (location.getLocationType() !== SpreadsheetApp.DeveloperMetadataLocationType.COLUMN || !column)
      continue;
    entries.push({ key: metadata.getKey(), value: metadata.getValue(), column: column.getColumn() - 1 });
  }
  return entries;
}
