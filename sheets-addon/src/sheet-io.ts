import type { Run } from '@segments/core';
import {
  blockingProtection,
  type Cell,
  CHART_DATA_SHEET_NAME,
  type ColumnMetadata,
  columnLetter,
  customersSheetName,
  customerTable,
  type DataRegion,
  decodeRunRows,
  encodeRunRows,
  findDataRegion,
  findOutputColumns,
  findPredictionColumns,
  type GridRect,
  type KeptRunListing,
  listKeptRuns,
  METADATA_KEYS,
  type OutputColumnKind,
  type OutputColumnPlan,
  type OutputColumns,
  type PredictionColumnKind,
  type PredictionColumnPlan,
  type PredictionColumns,
  type ProtectionInfo,
  plainText,
  RUNS_SHEET_HEADERS,
  RUNS_SHEET_NAME,
  runListing,
  runsToTrim,
  type SheetValue,
  SUMMARY_SHEET_NAME,
  type SummarySheetLayout,
  type Table,
  type WriteTarget,
} from '@segments/core';
import { addonLang, addonMessages } from './language';
import { AddonUserError } from './result';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** The customer sheet as read once: the values, where they sit, and the add-on's own columns. */
export interface SheetSnapshot {
  spreadsheet: Spreadsheet;
  sheet: Sheet;
  sheetName: string;
  /** The sheet's id: the server checks the sheet it writes is the one the sidebar profiled. */
  sheetId: number;
  /** The table's header row then its data rows (rows left out — filtered, not selected — are blank). */
  values: Cell[][];
  /** 1-based sheet row and column of values[0][0] (the header's first cell). */
  firstRow: number;
  firstColumn: number;
  /** Index in `values` of the header row (always 0: the region starts at the header). */
  headerIndex: number;
  /** Sheet-absolute 0-based columns of the add-on's Segment/Persona columns, when present. */
  output: OutputColumns;
  /** Sheet-absolute 0-based columns of the add-on's Predicted segment/Confidence columns, when present. */
  prediction: PredictionColumns;
  /** Number of columns in use in the sheet (1-based last column). */
  usedWidth: number;
  /** A1 notation of the table (header included), for the run's source and the sidebar. */
  rangeA1: string;
  /** What was found and skipped: title rows, notes, merged cells, filtered or unselected rows. */
  region: DataRegion;
}

/** How to read the table; both default to false. */
export interface ReadOptions {
  /** Segment only the data rows inside the selection ("Only the selected rows"). */
  onlySelected?: boolean;
  /** Segment rows a filter hides as well. */
  includeFiltered?: boolean;
}

/**
 * Reads the table that contains the active cell of the active sheet: one `getValues()` of the data
 * range, its merged blocks, and (only when the sheet has a filter) which rows the filter hides; core's
 * findDataRegion finds the header below any title rows and leaves notes out. Finds the add-on's own
 * columns by developer metadata or header.
 * @throws AddonUserError when the sheet is the add-on's own summary or runs sheet, or is empty
 */
export function readActiveSheet(options: ReadOptions = {}): SheetSnapshot {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const sheet = spreadsheet.getActiveSheet();
  const sheetName = sheet.getName();
  const isOurs =
    sheetName === RUNS_SHEET_NAME ||
    sheet
      .getDeveloperMetadata()
      .some(
        (metadata) =>
          metadata.getKey() === METADATA_KEYS.summarySheet ||
          metadata.getKey() === METADATA_KEYS.chartDataSheet ||
          metadata.getKey() === METADATA_KEYS.customersSheet,
      );
  if (isOurs) {
    throw new AddonUserError(addonMessages().addonSheetIsOutput(sheetName));
  }
  const dataRange = sheet.getDataRange();
  const values = dataRange.getValues() as Cell[][];
  const merges = dataRange.getMergedRanges().map(rectOf);
  // The selection and current cell count only when they are on this sheet.
  const selection = spreadsheet.getActiveRange();
  const onSheet = selection !== null && selection.getSheet().getSheetId() === sheet.getSheetId();
  const current = onSheet ? (spreadsheet.getCurrentCell() ?? selection) : null;
  const region = findDataRegion({
    values,
    firstRow: dataRange.getRow(),
    firstColumn: dataRange.getColumn(),
    active: current ? { row: current.getRow(), column: current.getColumn() } : undefined,
    selection: onSheet && selection ? rectOf(selection) : undefined,
    onlySelected: options.onlySelected,
    merges,
    filteredRows: filteredRows(sheet),
    includeFiltered: options.includeFiltered,
    lang: addonLang(),
  });
  if (!region) throw new AddonUserError(addonMessages().addonSheetEmpty(sheetName));
  const firstColumn = region.firstColumn;
  const headers = region.values[0];
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
    sheetId: sheet.getSheetId(),
    values: region.values,
    firstRow: region.headerRow,
    firstColumn,
    headerIndex: 0,
    output: { segment: absolute(relative.segment), persona: absolute(relative.persona) },
    prediction: {
      predictedSegment: absolute(predictionRelative.predictedSegment),
      confidence: absolute(predictionRelative.confidence),
    },
    usedWidth: Math.max(sheet.getLastColumn(), firstColumn - 1 + region.width),
    rangeA1: region.a1,
    region,
  };
}

function rectOf(range: GoogleAppsScript.Spreadsheet.Range): GridRect {
  return {
    row: range.getRow(),
    column: range.getColumn(),
    numRows: range.getNumRows(),
    numColumns: range.getNumColumns(),
  };
}

/**
 * The 1-based rows the sheet's filter hides. Apps Script answers this one row at a time, so it is
 * asked only when the sheet has a filter, and only for the filter's rows.
 */
function filteredRows(sheet: Sheet): number[] {
  const filter = sheet.getFilter();
  if (!filter) return [];
  const range = filter.getRange();
  const hidden: number[] = [];
  const last = range.getRow() + range.getNumRows() - 1;
  for (let row = range.getRow() + 1; row <= last; row++) if (sheet.isRowHiddenByFilter(row)) hidden.push(row);
  return hidden;
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

/** Google's cap on cells in one spreadsheet. */
const MAX_SPREADSHEET_CELLS = 10_000_000;

/** Everything one run writes, encoded before the first write. */
export interface RunWrites {
  plan: OutputColumnPlan;
  /** Segment/Persona columns, header included. */
  columns: SheetValue[][];
  summary: SummarySheetLayout;
  run: Run;
  /** An RFM run's Customers sheet values (header and one row per customer). */
  customers?: SheetValue[][];
}

/**
 * Writes a run all or nothing: checks protections and Google's 10-million-cell limit first (nothing
 * is written when either blocks, and the message names the protected range), then writes the new
 * Segments sheet (and its hidden chart-data sheet) beside the old ones, appends the kept run, writes
 * the Segment/Persona columns, and only then replaces the old Segments sheets. If Google refuses any write, the add-on's own cells are
 * put back as they were (columns restored, new sheet deleted, appended run rows cleared).
 * @throws AddonUserError PROTECTED, TOO_MANY_CELLS or WRITE_FAILED
 */
export function writeRunResult(
  snapshot: SheetSnapshot,
  writes: RunWrites,
): { summary: Sheet; customers: Sheet | null; note?: string } {
  const { spreadsheet, sheetName } = snapshot;
  const { plan, columns, summary, run, customers } = writes;
  const m = addonMessages();
  const { headerRow } = outputRowSpan(snapshot);
  const old = findSummarySheet(spreadsheet);
  const oldChartData = findOwnSheet(spreadsheet, METADATA_KEYS.chartDataSheet);
  const oldCustomers = customers ? findOwnSheet(spreadsheet, METADATA_KEYS.customersSheet) : null;
  const otherNames = spreadsheet.getSheets().map((sheet) => sheet.getName());
  const runs = runsSheet(spreadsheet, false);
  const runRows = encodeRunRows(run);
  const column = (index: number, what: string): WriteTarget => ({
    sheetName,
    rect: { row: headerRow, column: index + 1, numRows: columns.length, numColumns: 1 },
    what,
  });
  const targets: WriteTarget[] = [
    column(plan.segment, m.addonWhatSegmentColumn()),
    column(plan.persona, m.addonWhatPersonaColumn()),
  ];
  if (old) {
    targets.push({
      sheetName: old.getName(),
      rect: { row: 1, column: 1, numRows: old.getMaxRows(), numColumns: old.getMaxColumns() },
      what: m.addonWhatSummary(),
    });
  }
  if (oldChartData) {
    targets.push({
      sheetName: oldChartData.getName(),
      rect: {
        row: 1,
        column: 1,
        numRows: oldChartData.getMaxRows(),
        numColumns: oldChartData.getMaxColumns(),
      },
      what: m.addonWhatChartData(),
    });
  }
  if (oldCustomers) {
    targets.push({
      sheetName: oldCustomers.getName(),
      rect: {
        row: 1,
        column: 1,
        numRows: oldCustomers.getMaxRows(),
        numColumns: oldCustomers.getMaxColumns(),
      },
      what: m.addonWhatCustomers(),
    });
  }
  if (runs) {
    targets.push({
      sheetName: RUNS_SHEET_NAME,
      rect: {
        row: runs.getLastRow() + 1,
        column: 1,
        numRows: runRows.length,
        numColumns: RUNS_SHEET_HEADERS.length,
      },
      what: m.addonWhatKeptRun(),
    });
  }
  const blocked = blockingProtection(protectionInfos(spreadsheet), targets, m);
  if (blocked) throw new AddonUserError(blocked, 'PROTECTED');
  checkCellBudget(spreadsheet, snapshot, writes, runRows.length, runs === null);

  const previous = previousOutputValues(snapshot, plan, columns.length);
  let created: Sheet | null = null;
  let createdChartData: Sheet | null = null;
  let createdCustomers: Sheet | null = null;
  let appended: { sheet: Sheet; row: number; count: number } | null = null;
  let columnsTouched = false;
  try {
    created = writeNewSummarySheet(spreadsheet, summary, old);
    if (summary.chartData)
      createdChartData = writeNewChartDataSheet(spreadsheet, summary.chartData, oldChartData, created);
    addSummaryCharts(created, summary, createdChartData);
    if (customers) createdCustomers = writeNewCustomersSheet(spreadsheet, customers, oldCustomers);
    appended = appendRunRows(spreadsheet, runRows);
    columnsTouched = true;
    writeOutputColumns(snapshot, plan, columns);
    if (old) {
      const name = old.getName();
      spreadsheet.deleteSheet(old);
      created.setName(name);
    }
    // The old chart data belonged to the old Segments sheet: it goes even when this run has no scatter.
    if (oldChartData) {
      const name = oldChartData.getName();
      spreadsheet.deleteSheet(oldChartData);
      createdChartData?.setName(name);
    }
    if (createdCustomers && oldCustomers) {
      const name = oldCustomers.getName();
      spreadsheet.deleteSheet(oldCustomers);
      createdCustomers.setName(name);
    }
    // Said when a user's own "Customers" sheet made the add-on pick another name.
    const note = createdCustomers && !oldCustomers ? customersSheetName(otherNames).note : undefined;
    return { summary: created, customers: createdCustomers, ...(note ? { note } : {}) };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    // Put the add-on's own cells back; each step is tried on its own so one failure does not stop the rest.
    const undo = [
      () => {
        if (columnsTouched) restoreOutputValues(snapshot, plan, previous);
      },
      () => {
        if (appended)
          appended.sheet.getRange(appended.row, 1, appended.count, RUNS_SHEET_HEADERS.length).clearContent();
      },
      () => {
        if (created) spreadsheet.deleteSheet(created);
      },
      () => {
        if (createdChartData) spreadsheet.deleteSheet(createdChartData);
      },
      () => {
        if (createdCustomers) spreadsheet.deleteSheet(createdCustomers);
      },
    ];
    for (const step of undo) {
      try {
        step();
      } catch {
        // Best effort: the message below says what Google refused.
      }
    }
    throw new AddonUserError(m.addonWriteFailed(reason), 'WRITE_FAILED');
  }
}

/** Every protection in the spreadsheet, as core's blockingProtection reads them. */
function protectionInfos(spreadsheet: Spreadsheet): ProtectionInfo[] {
  const infos: ProtectionInfo[] = [];
  for (const type of [SpreadsheetApp.ProtectionType.RANGE, SpreadsheetApp.ProtectionType.SHEET]) {
    for (const protection of spreadsheet.getProtections(type)) {
      const range = protection.getRange();
      const isSheet = type === SpreadsheetApp.ProtectionType.SHEET;
      infos.push({
        sheetName: range.getSheet().getName(),
        ...(isSheet
          ? { unprotected: protection.getUnprotectedRanges().map(rectOf) }
          : { rect: rectOf(range) }),
        description: protection.getDescription(),
        canEdit: protection.canEdit(),
      });
    }
  }
  return infos;
}

/** Refuses a run that would take the spreadsheet past Google's 10 million cells. */
function checkCellBudget(
  spreadsheet: Spreadsheet,
  snapshot: SheetSnapshot,
  writes: RunWrites,
  runRowCount: number,
  newRunsSheet: boolean,
) {
  let cells = 0;
  for (const sheet of spreadsheet.getSheets()) cells += sheet.getMaxRows() * sheet.getMaxColumns();
  const { sheet } = snapshot;
  const extraColumns = Math.max(
    0,
    Math.max(writes.plan.segment, writes.plan.persona) + 1 - sheet.getMaxColumns(),
  );
  const summaryRows = Math.max(1000, writes.summary.values.length);
  const summaryColumns = Math.max(26, writes.summary.values[0]?.length ?? 0);
  const customers = writes.customers ? Math.max(1000, writes.customers.length) * 26 : 0;
  const chartData = writes.summary.chartData
    ? Math.max(1000, writes.summary.chartData.length) * Math.max(26, writes.summary.chartData[0].length)
    : 0;
  const added =
    extraColumns * sheet.getMaxRows() +
    summaryRows * summaryColumns +
    chartData +
    customers +
    (newRunsSheet ? 1000 * 26 : 0) +
    runRowCount * RUNS_SHEET_HEADERS.length;
  if (cells + added > MAX_SPREADSHEET_CELLS) {
    throw new AddonUserError(
      addonMessages().addonTooManyCells(cells.toLocaleString('en-US')),
      'TOO_MANY_CELLS',
    );
  }
}

/** The output columns' current values below and at the header, from the snapshot when it holds them. */
function previousOutputValues(
  snapshot: SheetSnapshot,
  plan: OutputColumnPlan,
  count: number,
): SheetValue[][][] {
  return [plan.segment, plan.persona].map((column) => {
    if (plan.created.includes(column === plan.segment ? 'segment' : 'persona')) {
      return Array.from({ length: count }, () => ['']);
    }
    const offset = column - (snapshot.firstColumn - 1);
    if (offset >= 0 && offset < snapshot.region.width) {
      return snapshot.values.slice(0, count).map((row) => [sheetValue(row[offset])]);
    }
    const { headerRow } = outputRowSpan(snapshot);
    return snapshot.sheet
      .getRange(headerRow, column + 1, count, 1)
      .getValues()
      .map((row) => [sheetValue(row[0] as Cell)]);
  });
}

function restoreOutputValues(snapshot: SheetSnapshot, plan: OutputColumnPlan, previous: SheetValue[][][]) {
  const { headerRow } = outputRowSpan(snapshot);
  const maxColumns = snapshot.sheet.getMaxColumns();
  [plan.segment, plan.persona].forEach((column, i) => {
    if (column + 1 > maxColumns) return;
    snapshot.sheet.getRange(headerRow, column + 1, previous[i].length, 1).setValues(previous[i]);
  });
}

function sheetValue(cell: Cell): SheetValue {
  if (typeof cell === 'number' || typeof cell === 'string') return cell;
  if (typeof cell === 'boolean') return cell ? 'TRUE' : 'FALSE';
  return '';
}

/**
 * Writes the scatter points into a new hidden sheet right after the Segments sheet `after` (the old
 * one, if any, is deleted by the caller once everything else is written), named like the old one plus
 * " (updating)" until then.
 */
function writeNewChartDataSheet(
  spreadsheet: Spreadsheet,
  values: SheetValue[][],
  old: Sheet | null,
  after: Sheet,
): Sheet {
  const base = old ? `${old.getName()} (updating)` : CHART_DATA_SHEET_NAME;
  let name = base;
  for (let n = 2; spreadsheet.getSheetByName(name); n++) name = `${base} ${n}`;
  // getIndex() is 1-based and insertSheet's index 0-based: this is the position right after it.
  const sheet = spreadsheet.insertSheet(name, after.getIndex());
  sheet.addDeveloperMetadata(METADATA_KEYS.chartDataSheet, 'true');
  writeFromA1(sheet, values);
  sheet.hideSheet();
  return sheet;
}

/**
 * Writes the Segments summary into a new sheet (next to the old one, which the caller deletes once
 * everything else is written): values in one `setValues()` and their formats; charts come after the
 * hidden chart-data sheet exists (addSummaryCharts).
 */
function writeNewSummarySheet(
  spreadsheet: Spreadsheet,
  layout: SummarySheetLayout,
  old: Sheet | null,
): Sheet {
  // A user's own sheet called "Segments" is left alone: ours gets the next free name.
  let name = SUMMARY_SHEET_NAME;
  if (old) name = `${old.getName()} (updating)`;
  for (let n = 2; spreadsheet.getSheetByName(name); n++)
    name = `${old ? `${old.getName()} (updating)` : SUMMARY_SHEET_NAME} ${n}`;
  const sheet = old ? spreadsheet.insertSheet(name, old.getIndex()) : spreadsheet.insertSheet(name);
  sheet.addDeveloperMetadata(METADATA_KEYS.summarySheet, 'true');
  writeFromA1(sheet, layout.values);
  sheet.getRange(1, 1, 1, 1).setFontWeight('bold');
  sheet.getRange(layout.segmentTable.row, 1, 1, layout.segmentTable.numColumns).setFontWeight('bold');
  sheet.getRange(layout.kTable.row, 1, 1, layout.kTable.numColumns).setFontWeight('bold');
  for (const { range, format } of layout.numberFormats) sheet.getRange(range.a1).setNumberFormat(format);
  return sheet;
}

/** Writes a rectangle of values from A1 in one `setValues()`, growing the sheet's grid first if needed. */
function writeFromA1(sheet: Sheet, values: SheetValue[][]): void {
  const rows = values.length;
  const columns = values[0].length;
  if (sheet.getMaxRows() < rows) sheet.insertRowsAfter(sheet.getMaxRows(), rows - sheet.getMaxRows());
  if (sheet.getMaxColumns() < columns) {
    sheet.insertColumnsAfter(sheet.getMaxColumns(), columns - sheet.getMaxColumns());
  }
  sheet.getRange(1, 1, rows, columns).setValues(values);
}

/** The layout's native charts on the Segments sheet, over its own ranges or the chart-data sheet's. */
function addSummaryCharts(sheet: Sheet, layout: SummarySheetLayout, chartData: Sheet | null) {
  for (const spec of layout.charts) {
    const source = spec.dataSheet === 'chart-data' ? chartData : sheet;
    if (!source) continue;
    let builder = sheet.newChart().setChartType(chartType(spec.type));
    for (const range of spec.ranges) builder = builder.addRange(source.getRange(range.a1));
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
}

/** The summary sheet the add-on made before (marked with sheet developer metadata), if any. */
export function findSummarySheet(spreadsheet: Spreadsheet): Sheet | null {
  return findOwnSheet(spreadsheet, METADATA_KEYS.summarySheet);
}

/** The add-on's own sheet carrying the developer-metadata `key`, never a user's sheet of the same name. */
function findOwnSheet(spreadsheet: Spreadsheet, key: string): Sheet | null {
  for (const sheet of spreadsheet.getSheets()) {
    if (sheet.getDeveloperMetadata().some((metadata) => metadata.getKey() === key)) return sheet;
  }
  return null;
}

/**
 * Writes an RFM run's Customers sheet into a new sheet (next to the old one, which the caller deletes
 * once everything else is written). Its name: the old one's, else "Customers" or, when a user's sheet
 * has that name, "Customers (segments)".
 */
function writeNewCustomersSheet(spreadsheet: Spreadsheet, values: SheetValue[][], old: Sheet | null): Sheet {
  const taken = spreadsheet.getSheets().map((sheet) => sheet.getName());
  const updating = old ? `${old.getName()} (updating)` : undefined;
  let name = customersSheetName(taken, updating).name;
  if (updating) for (let n = 2; spreadsheet.getSheetByName(name); n++) name = `${updating} ${n}`;
  const sheet = old ? spreadsheet.insertSheet(name, old.getIndex()) : spreadsheet.insertSheet(name);
  sheet.addDeveloperMetadata(METADATA_KEYS.customersSheet, 'true');
  writeFromA1(sheet, values);
  sheet.getRange(1, 1, 1, values[0].length).setFontWeight('bold');
  sheet.setFrozenRows(1);
  return sheet;
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

/** Appends JSON chunk rows to the hidden runs sheet (one `setValues()`); says where, for a rollback. */
function appendRunRows(
  spreadsheet: Spreadsheet,
  rows: SheetValue[][],
): { sheet: Sheet; row: number; count: number } {
  const sheet = runsSheet(spreadsheet, true)!;
  const firstFree = sheet.getLastRow() + 1;
  if (sheet.getMaxRows() < firstFree + rows.length - 1) {
    sheet.insertRowsAfter(sheet.getMaxRows(), firstFree + rows.length - 1 - sheet.getMaxRows());
  }
  sheet.getRange(firstFree, 1, rows.length, RUNS_SHEET_HEADERS.length).setValues(rows);
  return { sheet, row: firstFree, count: rows.length };
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

/**
 * Replaces a kept run's JSON chunks with `run` (same id): in place when the chunk count is the same,
 * else its rows are deleted and the new ones appended.
 */
export function rewriteKeptRun(spreadsheet: Spreadsheet, run: Run): void {
  const sheet = runsSheet(spreadsheet, false);
  if (!sheet) throw new AddonUserError('No run is kept in this spreadsheet yet.');
  const ids = sheet.getRange(1, 1, Math.max(1, sheet.getLastRow()), 1).getValues();
  const rows: number[] = [];
  ids.forEach((row, i) => {
    const id = String(row[0] ?? '').replace(/^'/, '');
    if (id === run.id) rows.push(i + 1);
  });
  const encoded = encodeRunRows(run);
  const contiguous = rows.length > 0 && rows[rows.length - 1] - rows[0] === rows.length - 1;
  if (contiguous && rows.length === encoded.length) {
    sheet.getRange(rows[0], 1, encoded.length, RUNS_SHEET_HEADERS.length).setValues(encoded);
    return;
  }
  for (let i = rows.length - 1; i >= 0; i--) sheet.deleteRow(rows[i]);
  appendRunRows(spreadsheet, encoded);
}

/**
 * Puts a segment's new persona name into the Persona column of the sheet a run was written to: only
 * the rows whose Segment is that segment and whose Persona is still the old name (rows the user
 * edited are left alone). One read and one write of the two columns. Returns how many rows changed.
 */
export function renamePersonaInColumns(
  spreadsheet: Spreadsheet,
  sheetName: string,
  segmentNumber: number,
  oldName: string,
  newName: string,
): number {
  const sheet = spreadsheet.getSheetByName(sheetName);
  if (!sheet) return 0;
  const found = findOutputColumns([], readColumnMetadata(sheet, METADATA_KEYS.column));
  if (found.segment === undefined || found.persona === undefined || sheet.getLastRow() < 2) return 0;
  const count = sheet.getLastRow();
  const segments = sheet.getRange(1, found.segment + 1, count, 1).getValues();
  const personas = sheet.getRange(1, found.persona + 1, count, 1).getValues();
  let changed = 0;
  const updated = personas.map((row, i) => {
    if (segments[i][0] === segmentNumber && row[0] === oldName) {
      changed++;
      return [plainText(newName)];
    }
    return [row[0] as SheetValue];
  });
  if (changed > 0) sheet.getRange(1, found.persona + 1, count, 1).setValues(updated);
  return changed;
}

/**
 * Renames a segment on the Segments sheet when it shows `runId`: cells holding the old persona name
 * (the segment table) or "n · old name" (the scatter's series headers on the hidden chart-data sheet)
 * get the new one.
 */
export function renamePersonaInSummary(
  spreadsheet: Spreadsheet,
  runId: string,
  segmentNumber: number,
  oldName: string,
  newName: string,
): boolean {
  const sheet = findSummarySheet(spreadsheet);
  if (!sheet || sheet.getLastRow() < 2) return false;
  const range = sheet.getRange(1, 1, sheet.getLastRow(), Math.max(1, sheet.getLastColumn()));
  const values = range.getValues() as SheetValue[][];
  if (!String(values[1]?.[0] ?? '').includes(`Run ${runId}`)) return false;
  const series = `${segmentNumber} · ${oldName}`;
  let changed = false;
  const updated = values.map((row, r) =>
    row.map((cell, c) => {
      const isName = cell === oldName && c === 1 && values[r][0] === segmentNumber;
      if (isName || cell === series) {
        changed = true;
        return plainText(isName ? newName : `${segmentNumber} · ${newName}`);
      }
      return cell;
    }),
  );
  if (changed) range.setValues(updated);
  const chartData = findOwnSheet(spreadsheet, METADATA_KEYS.chartDataSheet);
  if (chartData && chartData.getLastColumn() > 0) {
    const headers = chartData.getRange(1, 1, 1, chartData.getLastColumn());
    const row = (headers.getValues()[0] ?? []) as SheetValue[];
    const index = row.indexOf(series);
    if (index >= 0) {
      row[index] = plainText(`${segmentNumber} · ${newName}`);
      headers.setValues([row]);
      changed = true;
    }
  }
  return changed;
}

/**
 * The kept runs as a list, newest first, reading only the id, date, name, chunk and Summary columns
 * (never the JSON chunks), except for runs kept before the Summary column existed.
 */
export function readRunListing(spreadsheet: Spreadsheet): { runs: KeptRunListing[]; problems: string[] } {
  const sheet = runsSheet(spreadsheet, false);
  if (!sheet || sheet.getLastRow() < 1) return { runs: [], problems: [] };
  const count = sheet.getLastRow();
  const left = sheet.getRange(1, 1, count, 5).getValues();
  const summaries =
    sheet.getMaxColumns() >= RUNS_SHEET_HEADERS.length
      ? sheet.getRange(1, RUNS_SHEET_HEADERS.length, count, 1).getValues()
      : left.map(() => ['']);
  const listed = listKeptRuns(left.map((row, i) => [...row, '', summaries[i][0]]));
  if (listed.unlisted.length === 0) return { runs: listed.runs, problems: [] };
  // Runs kept by an older version: read them whole, once per listing.
  const older = decodeRunRows(keptRunRows(sheet, new Set(listed.unlisted)));
  const runs = [...listed.runs, ...older.runs.map(runListing)];
  runs.sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt) || (a.id < b.id ? 1 : -1));
  return { runs, problems: older.problems };
}

/** The rows of the runs sheet that belong to the given run ids (one read of those rows). */
function keptRunRows(sheet: Sheet, ids: ReadonlySet<string>): unknown[][] {
  const count = sheet.getLastRow();
  const idColumn = sheet.getRange(1, 1, count, 1).getValues();
  let first = -1;
  let last = -1;
  idColumn.forEach((row, i) => {
    if (ids.has(String(row[0] ?? '').replace(/^'/, ''))) {
      if (first < 0) first = i;
      last = i;
    }
  });
  if (first < 0) return [];
  return sheet.getRange(first + 1, 1, last - first + 1, RUNS_SHEET_HEADERS.length - 1).getValues();
}

/** One kept run, read from its own rows only; null when it is not kept (or cannot be read). */
export function readKeptRun(spreadsheet: Spreadsheet, runId: string): Run | null {
  const sheet = runsSheet(spreadsheet, false);
  if (!sheet || sheet.getLastRow() < 1) return null;
  return decodeRunRows(keptRunRows(sheet, new Set([runId]))).runs[0] ?? null;
}

/**
 * Drops the per-row assignments of all but the newest `keep` runs (their summaries stay): the
 * hidden sheet stops growing by a full copy of the customers with every run.
 * @returns how many runs were trimmed
 */
export function trimOldAssignments(spreadsheet: Spreadsheet, keep: number): number {
  // Each run takes at least one row below the header: with `keep` runs or fewer, nothing to read.
  const sheet = runsSheet(spreadsheet, false);
  if (!sheet || sheet.getLastRow() - 1 <= keep) return 0;
  const { runs } = readRunListing(spreadsheet);
  const ids = runsToTrim(runs, keep);
  for (const id of ids) {
    const run = readKeptRun(spreadsheet, id);
    if (!run) continue;
    const { assignments: _dropped, ...summary } = run;
    rewriteKeptRun(spreadsheet, summary as Run);
  }
  return ids.length;
}

/**
 * Copies one segment's customers to a new sheet (header and their rows, every column of the table,
 * in sheet order) for upload to an ad platform or CRM: one read of the source, one write. The new
 * sheet is deleted again if Google refuses the write.
 * @returns the new sheet's name and the number of rows copied
 */
export function exportSegmentRows(
  spreadsheet: Spreadsheet,
  sheetName: string,
  segmentNumber: number,
  personaName: string,
): { sheetName: string; rows: number } {
  const m = addonMessages();
  const source = spreadsheet.getSheetByName(sheetName);
  if (!source) throw new AddonUserError(m.addonExportSourceGone(sheetName));
  const found = findOutputColumns([], readColumnMetadata(source, METADATA_KEYS.column));
  if (found.segment === undefined) {
    throw new AddonUserError(m.addonExportNoSegmentColumn(sheetName));
  }
  const values = source.getDataRange().getValues() as Cell[][];
  const headerIndex = values.findIndex((row) => row[found.segment as number] === 'Segment');
  if (headerIndex < 0) throw new AddonUserError(m.addonExportLostHeader(sheetName));
  const picked = [values[headerIndex]];
  for (let r = headerIndex + 1; r < values.length; r++) {
    if (values[r][found.segment] === segmentNumber) picked.push(values[r]);
  }
  if (picked.length === 1) throw new AddonUserError(m.addonExportNoRows(sheetName, segmentNumber));
  const base = m
    .addonExportSheetName(segmentNumber, personaName)
    .replace(/[[\]*?:/\\]/g, ' ')
    .slice(0, 90);
  let name = base;
  for (let n = 2; spreadsheet.getSheetByName(name); n++) name = `${base} (${n})`;
  const sheet = spreadsheet.insertSheet(name);
  try {
    if (sheet.getMaxRows() < picked.length)
      sheet.insertRowsAfter(sheet.getMaxRows(), picked.length - sheet.getMaxRows());
    const width = picked[0].length;
    if (sheet.getMaxColumns() < width)
      sheet.insertColumnsAfter(sheet.getMaxColumns(), width - sheet.getMaxColumns());
    sheet.getRange(1, 1, picked.length, width).setValues(picked.map((row) => row.map(sheetValueOf)));
    sheet.getRange(1, 1, 1, width).setFontWeight('bold');
    sheet.setFrozenRows(1);
  } catch (error) {
    spreadsheet.deleteSheet(sheet);
    throw new AddonUserError(m.addonExportRefused(error instanceof Error ? error.message : String(error)));
  }
  return { sheetName: name, rows: picked.length - 1 };
}

/** A read cell as written back: Dates stay Dates (Sheets keeps them), other values as they are. */
function sheetValueOf(cell: Cell): SheetValue | Date {
  if (cell instanceof Date) return cell;
  return sheetValue(cell);
}
