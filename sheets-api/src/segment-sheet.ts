/**
 * Segmenting a Google Sheet through the REST API, writing exactly what the Apps Script add-on writes
 * (the layout is core's: sheet-layout.ts). Four requests whatever the sheet's size: one
 * spreadsheets.get (sheets, grid sizes, developer metadata), one values.batchGet (the customer sheet
 * and the kept-runs ids), one spreadsheets.batchUpdate (new columns' metadata, the summary sheet and
 * its charts, the hidden runs sheet) and one values.batchUpdate (Segment/Persona, the summary values
 * and, last, the kept run). Everything is computed and encoded before the first write, so bad input
 * leaves the spreadsheet untouched.
 */
import type { sheets_v4 } from '@googleapis/sheets';
import {
  type Cell,
  CHART_DATA_SHEET_NAME,
  type ChartSpec,
  type ColumnMetadata,
  columnLetter,
  customersSheetName,
  customerTable,
  detectionSentence,
  encodeAssignmentColumns,
  encodeCustomersSheet,
  encodeRunRows,
  encodeSummaryForTable,
  findOutputColumns,
  findPredictionColumns,
  METADATA_KEYS,
  maxOf,
  type OutputColumnPlan,
  type OutputColumns,
  planOutputColumns,
  RUNS_SHEET_HEADERS,
  RUNS_SHEET_NAME,
  type Run,
  SegmentationError,
  type SegmentOptions,
  type SheetRange,
  type SheetValue,
  SUMMARY_SHEET_NAME,
  segmentOrders,
  segmentTable,
  type Table,
  widestRow,
} from '@segments/core';
import { parseA1Range } from './a1';
import { explainSheetsError, quoteSheetName, type SheetsClient } from './client';

/** A sheet's identity and grid size as spreadsheets.get reports them. */
export interface SheetInfo {
  sheetId: number;
  title: string;
  index: number;
  hidden: boolean;
  rowCount: number;
  columnCount: number;
}

/** The customer sheet as read in two requests: values, where they sit, and the add-on's own columns. */
export interface SheetSnapshot {
  spreadsheetId: string;
  spreadsheetTitle: string;
  sheet: SheetInfo;
  /** Cells of the range read (the whole sheet, or the --range rectangle). */
  values: Cell[][];
  /** 1-based sheet row and column of values[0][0]. */
  firstRow: number;
  firstColumn: number;
  /** Index in `values` of the header row (the first non-empty row). */
  headerIndex: number;
  /** Sheet-absolute 0-based columns of the add-on's Segment/Persona columns, when present. */
  output: OutputColumns;
  /** The add-on's Predicted segment and Confidence columns (0-based sheet columns), when present. */
  predictionColumns: (number | undefined)[];
  /** Number of columns in use in the sheet (1-based last column). */
  usedWidth: number;
  /** A1 notation of the range read, without the sheet name. */
  rangeA1: string;
  /** The add-on's summary sheet (found by its developer metadata), if one exists. */
  summarySheet?: SheetInfo;
  /** The summary's hidden chart-data sheet (found by its developer metadata), if one exists. */
  chartDataSheet?: SheetInfo;
  /** The Customers sheet of an earlier RFM run (found by its developer metadata), if one exists. */
  customersSheet?: SheetInfo;
  /** The hidden kept-runs sheet, if it exists, and how many of its rows are in use. */
  runsSheet?: SheetInfo & { usedRows: number };
  /** Every sheet of the spreadsheet (to pick free ids and names). */
  sheets: SheetInfo[];
}

const SPREADSHEET_FIELDS =
  'spreadsheetId,properties.title,sheets(properties(sheetId,title,index,hidden,gridProperties(rowCount,columnCount)),developerMetadata,data.columnMetadata.developerMetadata)';

/**
 * Reads the customer sheet in two requests: spreadsheets.get (sheets and developer metadata, column
 * metadata included) and one values.batchGet (the whole sheet, plus column A of the kept-runs sheet).
 * @param range A1 range such as `Customers!A1:F`; default the first visible sheet that is not the
 *   add-on's own
 * @throws SheetsAccessError when the spreadsheet cannot be read; SegmentationError for a bad range
 *   or an empty sheet
 * @example const snapshot = await readCustomerSheet(client, '1AbC…', 'Customers!A1:F')
 */
export async function readCustomerSheet(
  client: SheetsClient,
  spreadsheetId: string,
  range?: string,
): Promise<SheetSnapshot> {
  const requested = range?.trim() ? parseA1Range(range) : undefined;
  let spreadsheet: sheets_v4.Schema$Spreadsheet;
  try {
    spreadsheet = (await client.api.spreadsheets.get({ spreadsheetId, fields: SPREADSHEET_FIELDS })).data;
  } catch (error) {
    throw explainSheetsError(error, client, spreadsheetId, 'read');
  }
  const sheetsData = spreadsheet.sheets ?? [];
  const sheets = sheetsData.map(sheetInfo);
  const spreadsheetTitle = spreadsheet.properties?.title ?? spreadsheetId;
  const summaryIndex = sheetsData.findIndex((sheet) =>
    (sheet.developerMetadata ?? []).some((entry) => entry.metadataKey === METADATA_KEYS.summarySheet),
  );
  const summarySheet = summaryIndex >= 0 ? sheets[summaryIndex] : undefined;
  const ownSheet = (key: string) => {
    const index = sheetsData.findIndex((sheet) =>
      (sheet.developerMetadata ?? []).some((entry) => entry.metadataKey === key),
    );
    return index >= 0 ? sheets[index] : undefined;
  };
  const chartDataSheet = ownSheet(METADATA_KEYS.chartDataSheet);
  const customersSheet = ownSheet(METADATA_KEYS.customersSheet);
  const runsInfo = sheets.find((sheet) => sheet.title === RUNS_SHEET_NAME);
  const isOurs = (sheet: SheetInfo) =>
    sheet.title === RUNS_SHEET_NAME ||
    sheet.sheetId === summarySheet?.sheetId ||
    sheet.sheetId === chartDataSheet?.sheetId ||
    sheet.sheetId === customersSheet?.sheetId;

  let target: SheetInfo | undefined;
  if (requested?.sheetName !== undefined) {
    target = sheets.find((sheet) => sheet.title === requested.sheetName);
    if (!target) {
      throw new SegmentationError(
        'NOT_FOUND',
        `Spreadsheet "${spreadsheetTitle}" has no sheet named "${requested.sheetName}"; its sheets are ${sheets
          .filter((sheet) => !isOurs(sheet))
          .map((sheet) => `"${sheet.title}"`)
          .join(', ')}`,
        { field: 'range' },
      );
    }
  } else {
    target = [...sheets].sort((a, b) => a.index - b.index).find((sheet) => !sheet.hidden && !isOurs(sheet));
    if (!target) {
      throw new SegmentationError(
        'EMPTY_TABLE',
        `Spreadsheet "${spreadsheetTitle}" has no sheet of customers; add one or name it with --range`,
      );
    }
  }
  if (isOurs(target)) {
    throw new SegmentationError(
      'INVALID_OPTION',
      `"${target.title}" is where Customer Segments writes its results; name the sheet with your customers in --range`,
      { field: 'range' },
    );
  }

  const ranges = [quoteSheetName(target.title)];
  if (runsInfo) ranges.push(`${quoteSheetName(RUNS_SHEET_NAME)}!A:A`);
  let valueRanges: sheets_v4.Schema$ValueRange[];
  try {
    valueRanges =
      (
        await client.api.spreadsheets.values.batchGet({
          spreadsheetId,
          ranges,
          majorDimension: 'ROWS',
          valueRenderOption: 'UNFORMATTED_VALUE',
          dateTimeRenderOption: 'FORMATTED_STRING',
        })
      ).data.valueRanges ?? [];
  } catch (error) {
    throw explainSheetsError(error, client, spreadsheetId, 'read');
  }
  // The values start at A1 of the sheet (the range asked for is the whole sheet).
  const sheetValues = (valueRanges[0]?.values ?? []) as Cell[][];
  const usedWidth = widestRow(sheetValues);
  const firstRow = requested?.startRow ?? 1;
  const firstColumn = requested?.startColumn ?? 1;
  const lastRow = Math.min(requested?.endRow ?? sheetValues.length, sheetValues.length);
  const lastColumn = Math.min(requested?.endColumn ?? usedWidth, usedWidth);
  const values: Cell[][] = [];
  for (let r = firstRow - 1; r < lastRow; r++) {
    values.push((sheetValues[r] ?? []).slice(firstColumn - 1, lastColumn));
  }
  const headerIndex = values.findIndex((row) =>
    row.some((cell) => cell !== '' && cell !== null && cell !== undefined),
  );
  if (headerIndex < 0) {
    const where = requested ? `Range ${range?.trim()}` : `Sheet "${target.title}"`;
    throw new SegmentationError(
      'EMPTY_TABLE',
      `${where} of spreadsheet "${spreadsheetTitle}" is empty: expected a header row and rows of customers`,
    );
  }

  const metadata = columnMetadataOf(sheetsData[sheets.indexOf(target)]);
  const relativeMetadata = metadata.map((entry) => ({ ...entry, column: entry.column - (firstColumn - 1) }));
  const relative = findOutputColumns(values[headerIndex], relativeMetadata);
  const prediction = findPredictionColumns(values[headerIndex], relativeMetadata);
  const absolute = (column: number | undefined) =>
    column === undefined ? undefined : column + firstColumn - 1;
  const width = widestRow(values, 1);
  return {
    spreadsheetId,
    spreadsheetTitle,
    sheet: target,
    values,
    firstRow,
    firstColumn,
    headerIndex,
    output: { segment: absolute(relative.segment), persona: absolute(relative.persona) },
    predictionColumns: [absolute(prediction.predictedSegment), absolute(prediction.confidence)],
    usedWidth: Math.max(usedWidth, metadataWidth(metadata)),
    rangeA1: `${columnLetter(firstColumn - 1)}${firstRow}:${columnLetter(firstColumn + width - 2)}${firstRow + values.length - 1}`,
    summarySheet,
    ...(chartDataSheet ? { chartDataSheet } : {}),
    customersSheet,
    runsSheet: runsInfo ? { ...runsInfo, usedRows: valueRanges[1]?.values?.length ?? 0 } : undefined,
    sheets,
  };
}

/** Our columns found by metadata count as used even when empty (a previous write that lost its values). */
function metadataWidth(metadata: ColumnMetadata[]): number {
  return maxOf(
    metadata.filter((entry) => entry.key === METADATA_KEYS.column).map((entry) => entry.column + 1),
    0,
  );
}

function sheetInfo(sheet: sheets_v4.Schema$Sheet): SheetInfo {
  const properties = sheet.properties ?? {};
  return {
    sheetId: properties.sheetId ?? 0,
    title: properties.title ?? '',
    index: properties.index ?? 0,
    hidden: properties.hidden === true,
    rowCount: properties.gridProperties?.rowCount ?? 0,
    columnCount: properties.gridProperties?.columnCount ?? 0,
  };
}

/** The add-on's COLUMN developer metadata of a sheet, as 0-based sheet columns. */
function columnMetadataOf(sheet: sheets_v4.Schema$Sheet | undefined): ColumnMetadata[] {
  const entries: ColumnMetadata[] = [];
  for (const grid of sheet?.data ?? []) {
    const start = grid.startColumn ?? 0;
    (grid.columnMetadata ?? []).forEach((column, offset) => {
      for (const metadata of column.developerMetadata ?? []) {
        const key = metadata.metadataKey;
        if (key !== METADATA_KEYS.column && key !== METADATA_KEYS.predictionColumn) continue;
        entries.push({
          key,
          value: metadata.metadataValue ?? null,
          column: start + offset,
        });
      }
    });
  }
  return entries;
}

/**
 * The customers as a core Table: the add-on's own Segment/Persona and Predicted segment/Confidence
 * columns left out, so a re-run never segments on a previous answer.
 * @throws SegmentationError from tableFromCells (duplicate headers, no rows)
 */
export function snapshotTable(snapshot: SheetSnapshot): Table {
  return customerTable({
    values: snapshot.values,
    headerIndex: snapshot.headerIndex,
    firstRow: snapshot.firstRow,
    firstColumn: snapshot.firstColumn,
    ownColumns: [snapshot.output.segment, snapshot.output.persona, ...snapshot.predictionColumns],
    source: `Sheet "${snapshot.sheet.title}"`,
  });
}

/** The two requests that write a run: structure first, then values (the kept run last among them). */
export interface SheetWritePlan {
  /** spreadsheets.batchUpdate requests (may be empty). */
  requests: sheets_v4.Schema$Request[];
  /** values.batchUpdate data, written with USER_ENTERED like the add-on's setValues. */
  data: sheets_v4.Schema$ValueRange[];
  /** Where things go, for the user's summary. */
  plan: OutputColumnPlan;
  summarySheetTitle: string;
  /** Where the Customers sheet of an RFM run goes. */
  customersSheetTitle?: string;
  /** Said when a user's own "Customers" sheet made the product pick another name. */
  note?: string;
}

/**
 * Encodes everything a run writes into the spreadsheet, without sending anything: new columns get
 * developer metadata, the summary sheet is replaced (deleted and added again, keeping its name and
 * place), charts are added, the hidden runs sheet is created on first use, and the run's JSON rows
 * are appended below the kept runs.
 * @example const { requests, data } = planSheetWrite(snapshot, run, table)
 */
export function planSheetWrite(
  snapshot: SheetSnapshot,
  run: Run,
  table: Table,
  customers?: SheetValue[][],
): SheetWritePlan {
  const requests: sheets_v4.Schema$Request[] = [];
  const data: sheets_v4.Schema$ValueRange[] = [];
  const { sheet } = snapshot;
  const takenIds = new Set(snapshot.sheets.map((candidate) => candidate.sheetId));
  const freeSheetId = () => {
    let id = maxOf(takenIds, 0) + 1;
    if (id > 2_147_483_647) for (id = 1; takenIds.has(id); id++);
    takenIds.add(id);
    return id;
  };

  // Segment and Persona columns.
  const headerRow = snapshot.firstRow + snapshot.headerIndex;
  const rowCount = snapshot.values.length - snapshot.headerIndex - 1;
  const rowPositions = table.rowNumbers.map((rowNumber) => rowNumber - headerRow);
  const columns = encodeAssignmentColumns(run, rowCount, { rowPositions });
  const plan = planOutputColumns(snapshot.output, snapshot.usedWidth);
  const lastNeeded = Math.max(plan.segment, plan.persona) + 1;
  if (lastNeeded > sheet.columnCount) {
    requests.push({
      appendDimension: {
        sheetId: sheet.sheetId,
        dimension: 'COLUMNS',
        length: lastNeeded - sheet.columnCount,
      },
    });
  }
  for (const kind of plan.created) {
    const column = kind === 'segment' ? plan.segment : plan.persona;
    requests.push({
      createDeveloperMetadata: {
        developerMetadata: {
          metadataKey: METADATA_KEYS.column,
          metadataValue: kind,
          visibility: 'DOCUMENT',
          location: {
            dimensionRange: {
              sheetId: sheet.sheetId,
              dimension: 'COLUMNS',
              startIndex: column,
              endIndex: column + 1,
            },
          },
        },
      },
    });
  }
  for (const column of [plan.segment, plan.persona]) {
    requests.push(boldRequest(sheet.sheetId, headerRow, column + 1, 1, 1));
  }
  const sheetName = quoteSheetName(sheet.title);
  const lastRow = headerRow + columns.length - 1;
  if (plan.adjacent) {
    data.push({
      range: `${sheetName}!${cellRange(headerRow, plan.segment + 1, lastRow, plan.segment + 2)}`,
      values: columns,
    });
  } else {
    data.push({
      range: `${sheetName}!${cellRange(headerRow, plan.segment + 1, lastRow, plan.segment + 1)}`,
      values: columns.map((row) => [row[0]]),
    });
    data.push({
      range: `${sheetName}!${cellRange(headerRow, plan.persona + 1, lastRow, plan.persona + 1)}`,
      values: columns.map((row) => [row[1]]),
    });
  }

  // Summary sheet: replaced whole, so no chart or value of an earlier run survives.
  const summary = encodeSummaryForTable(run, table);
  const summaryId = freeSheetId();
  let summaryTitle = snapshot.summarySheet?.title;
  if (snapshot.summarySheet) {
    requests.push({ deleteSheet: { sheetId: snapshot.summarySheet.sheetId } });
  } else {
    // A user's own sheet called "Segments" is left alone: ours gets the next free name.
    const titles = new Set(snapshot.sheets.map((candidate) => candidate.title));
    summaryTitle = SUMMARY_SHEET_NAME;
    for (let n = 2; titles.has(summaryTitle); n++) summaryTitle = `${SUMMARY_SHEET_NAME} ${n}`;
  }
  const summaryRows = summary.values.length;
  const summaryColumns = summary.values[0].length;
  const chartsReach = maxOf(
    summary.charts.map((chart) => chart.anchor.column + Math.ceil(chart.width / 100)),
    0,
  );
  requests.push({
    addSheet: {
      properties: {
        sheetId: summaryId,
        title: summaryTitle,
        ...(snapshot.summarySheet ? { index: snapshot.summarySheet.index } : {}),
        gridProperties: {
          rowCount: Math.max(1000, summaryRows),
          columnCount: Math.max(26, summaryColumns, chartsReach),
        },
      },
    },
  });
  requests.push({
    createDeveloperMetadata: {
      developerMetadata: {
        metadataKey: METADATA_KEYS.summarySheet,
        metadataValue: 'true',
        visibility: 'DOCUMENT',
        location: { sheetId: summaryId },
      },
    },
  });
  requests.push(boldRequest(summaryId, 1, 1, 1, 1));
  requests.push(boldRequest(summaryId, summary.segmentTable.row, 1, 1, summary.segmentTable.numColumns));
  requests.push(boldRequest(summaryId, summary.kTable.row, 1, 1, summary.kTable.numColumns));
  for (const { range, format } of summary.numberFormats) {
    requests.push({
      repeatCell: {
        range: gridRange(summaryId, range),
        cell: { userEnteredFormat: { numberFormat: { type: 'PERCENT', pattern: format } } },
        fields: 'userEnteredFormat.numberFormat',
      },
    });
  }
  // The scatter's points: a hidden sheet right after the Segments sheet, replaced with it.
  let chartDataId: number | undefined;
  if (snapshot.chartDataSheet) requests.push({ deleteSheet: { sheetId: snapshot.chartDataSheet.sheetId } });
  if (summary.chartData) {
    chartDataId = freeSheetId();
    const chartData = summary.chartData;
    const titles = new Set(snapshot.sheets.map((candidate) => candidate.title));
    let chartDataTitle = snapshot.chartDataSheet?.title ?? CHART_DATA_SHEET_NAME;
    if (!snapshot.chartDataSheet)
      for (let n = 2; titles.has(chartDataTitle); n++) chartDataTitle = `${CHART_DATA_SHEET_NAME} ${n}`;
    requests.push({
      addSheet: {
        properties: {
          sheetId: chartDataId,
          title: chartDataTitle,
          hidden: true,
          // Same place as before (a first run appends it, right after the new Segments sheet).
          ...(snapshot.chartDataSheet ? { index: snapshot.chartDataSheet.index } : {}),
          gridProperties: {
            rowCount: Math.max(1000, chartData.length),
            columnCount: Math.max(26, chartData[0].length),
          },
        },
      },
    });
    requests.push({
      createDeveloperMetadata: {
        developerMetadata: {
          metadataKey: METADATA_KEYS.chartDataSheet,
          metadataValue: 'true',
          visibility: 'DOCUMENT',
          location: { sheetId: chartDataId },
        },
      },
    });
    data.push({
      range: `${quoteSheetName(chartDataTitle)}!${cellRange(1, 1, chartData.length, chartData[0].length)}`,
      values: chartData,
    });
  }
  for (const chart of summary.charts) {
    const dataSheetId = chart.dataSheet === 'chart-data' ? chartDataId : summaryId;
    if (dataSheetId === undefined) continue;
    requests.push({ addChart: { chart: chartOf(chart, summaryId, dataSheetId) } });
  }
  data.push({
    range: `${quoteSheetName(summaryTitle as string)}!${cellRange(1, 1, summaryRows, summaryColumns)}`,
    values: summary.values,
  });

  // An RFM run's Customers sheet: replaced whole (keeping its name and place), or added under a name
  // no user sheet has.
  let customersPlace: { name: string; note?: string } | undefined;
  if (customers) {
    const own = snapshot.customersSheet;
    customersPlace = customersSheetName(
      snapshot.sheets.map((candidate) => candidate.title),
      own?.title,
    );
    const customersId = freeSheetId();
    if (own) requests.push({ deleteSheet: { sheetId: own.sheetId } });
    requests.push({
      addSheet: {
        properties: {
          sheetId: customersId,
          title: customersPlace.name,
          ...(own ? { index: own.index } : {}),
          gridProperties: {
            rowCount: Math.max(1000, customers.length),
            columnCount: Math.max(26, customers[0].length),
          },
        },
      },
    });
    requests.push({
      createDeveloperMetadata: {
        developerMetadata: {
          metadataKey: METADATA_KEYS.customersSheet,
          metadataValue: 'true',
          visibility: 'DOCUMENT',
          location: { sheetId: customersId },
        },
      },
    });
    requests.push(boldRequest(customersId, 1, 1, 1, customers[0].length));
    data.push({
      range: `${quoteSheetName(customersPlace.name)}!${cellRange(1, 1, customers.length, customers[0].length)}`,
      values: customers,
    });
  }

  // The kept run: the hidden runs sheet is created on first use; rows go below those in use.
  const runRows: SheetValue[][] = encodeRunRows(run);
  const runsName = quoteSheetName(RUNS_SHEET_NAME);
  if (!snapshot.runsSheet) {
    requests.push({
      addSheet: {
        properties: {
          sheetId: freeSheetId(),
          title: RUNS_SHEET_NAME,
          hidden: true,
          gridProperties: { rowCount: 1 + runRows.length, columnCount: RUNS_SHEET_HEADERS.length },
        },
      },
    });
  }
  // A runs sheet left without its header (a write that failed after creating it) gets one now.
  if (!snapshot.runsSheet || snapshot.runsSheet.usedRows === 0) {
    data.push({
      range: `${runsName}!${cellRange(1, 1, 1, RUNS_SHEET_HEADERS.length)}`,
      values: [[...RUNS_SHEET_HEADERS]],
    });
  }
  const firstFree = Math.max(snapshot.runsSheet?.usedRows ?? 0, 1) + 1;
  const lastRunRow = firstFree + runRows.length - 1;
  const runsSheet = snapshot.runsSheet;
  if (runsSheet && runsSheet.rowCount < lastRunRow) {
    requests.push({
      appendDimension: {
        sheetId: runsSheet.sheetId,
        dimension: 'ROWS',
        length: lastRunRow - runsSheet.rowCount,
      },
    });
  }
  if (runsSheet && runsSheet.columnCount < RUNS_SHEET_HEADERS.length) {
    requests.push({
      appendDimension: {
        sheetId: runsSheet.sheetId,
        dimension: 'COLUMNS',
        length: RUNS_SHEET_HEADERS.length - runsSheet.columnCount,
      },
    });
  }
  // Last in the batch: the run is recorded only together with the columns it describes.
  data.push({
    range: `${runsName}!${cellRange(firstFree, 1, lastRunRow, RUNS_SHEET_HEADERS.length)}`,
    values: runRows,
  });

  return {
    requests,
    data,
    plan,
    summarySheetTitle: summaryTitle as string,
    ...(customersPlace ? { customersSheetTitle: customersPlace.name } : {}),
    ...(customersPlace?.note ? { note: customersPlace.note } : {}),
  };
}

function cellRange(row: number, column: number, lastRow: number, lastColumn: number): string {
  return `${columnLetter(column - 1)}${row}:${columnLetter(lastColumn - 1)}${lastRow}`;
}

function gridRange(sheetId: number, range: Pick<SheetRange, 'row' | 'column' | 'numRows' | 'numColumns'>) {
  return {
    sheetId,
    startRowIndex: range.row - 1,
    endRowIndex: range.row - 1 + range.numRows,
    startColumnIndex: range.column - 1,
    endColumnIndex: range.column - 1 + range.numColumns,
  };
}

function boldRequest(sheetId: number, row: number, column: number, numRows: number, numColumns: number) {
  return {
    repeatCell: {
      range: gridRange(sheetId, { row, column, numRows, numColumns }),
      cell: { userEnteredFormat: { textFormat: { bold: true } } },
      fields: 'userEnteredFormat.textFormat.bold',
    },
  } satisfies sheets_v4.Schema$Request;
}

/**
 * A neutral chart spec as an addChart chart. Every range is split into single columns: the first is
 * the domain (x axis) and each other column a series, which is how Apps Script's chart builder reads a
 * multi-column range. The chart sits on `sheetId`; its ranges are on `dataSheetId` (the hidden
 * chart-data sheet for the scatter, else the same sheet).
 */
export function chartOf(
  spec: ChartSpec,
  sheetId: number,
  dataSheetId: number = sheetId,
): sheets_v4.Schema$EmbeddedChart {
  const singleColumns = spec.ranges.flatMap((range) =>
    Array.from({ length: range.numColumns }, (_, offset) =>
      gridRange(dataSheetId, {
        row: range.row,
        column: range.column + offset,
        numRows: range.numRows,
        numColumns: 1,
      }),
    ),
  );
  const [domain, ...series] = singleColumns;
  const chartType = spec.type === 'line' ? 'LINE' : spec.type === 'scatter' ? 'SCATTER' : 'COLUMN';
  return {
    spec: {
      title: spec.title,
      basicChart: {
        chartType,
        legendPosition: 'RIGHT_LEGEND',
        headerCount: spec.headerRows,
        axis: [
          { position: 'BOTTOM_AXIS', title: spec.xAxisTitle },
          { position: 'LEFT_AXIS', title: spec.yAxisTitle },
        ],
        domains: [{ domain: { sourceRange: { sources: [domain] } } }],
        series: series.map((source) => ({
          series: { sourceRange: { sources: [source] } },
          targetAxis: 'LEFT_AXIS',
        })),
      },
    },
    position: {
      overlayPosition: {
        anchorCell: { sheetId, rowIndex: spec.anchor.row - 1, columnIndex: spec.anchor.column - 1 },
        widthPixels: spec.width,
        heightPixels: spec.height,
      },
    },
  };
}

/**
 * Sends a write plan: one spreadsheets.batchUpdate (structure), then one values.batchUpdate (values,
 * the kept run last). Google documents spreadsheets.batchUpdate as atomic; values.batchUpdate is not
 * documented either way, so the run's rows are its last range: a run is never recorded ahead of the
 * columns it describes.
 * @throws SheetsAccessError naming the spreadsheet when a request fails
 */
export async function applySheetWrite(
  client: SheetsClient,
  spreadsheetId: string,
  write: SheetWritePlan,
): Promise<void> {
  try {
    if (write.requests.length > 0) {
      await client.api.spreadsheets.batchUpdate({ spreadsheetId, requestBody: { requests: write.requests } });
    }
    await client.api.spreadsheets.values.batchUpdate({
      spreadsheetId,
      requestBody: { valueInputOption: 'USER_ENTERED', data: write.data },
    });
  } catch (error) {
    throw explainSheetsError(error, client, spreadsheetId, 'write');
  }
}

/** Options of {@link segmentSheet}: core's segmentation options plus the range to read. */
export interface SegmentSheetOptions extends Omit<SegmentOptions, 'source'> {
  /** A1 range of the customers, e.g. `Customers!A1:F`; default the first sheet that is not the add-on's. */
  range?: string;
}

/** What {@link segmentSheet} did. */
export interface SegmentSheetResult {
  run: Run;
  spreadsheetTitle: string;
  sheetName: string;
  /** Column letters of the Segment and Persona columns. */
  segmentColumn: string;
  personaColumn: string;
  summarySheetTitle: string;
  /** An orders sheet: what was detected, and the sheet with one row per customer. */
  detected?: string;
  customersSheetTitle?: string;
  /** Said when a user's own "Customers" sheet made the product pick another name. */
  note?: string;
  /** Link to the customer sheet. */
  url: string;
}

/**
 * Reads a sheet, segments it with core and writes the Segment/Persona columns, the summary sheet
 * with charts and the kept run — four requests in all. Nothing is written when reading or segmenting
 * fails.
 * @throws SegmentationError for bad data or options (the sheet is left unchanged); SheetsAccessError
 *   when the spreadsheet cannot be read or written
 * @example const { run } = await segmentSheet(client, '1AbC…', { k: 5, seed: 1, range: 'Customers!A1:F' })
 */
export async function segmentSheet(
  client: SheetsClient,
  spreadsheetId: string,
  options: SegmentSheetOptions = {},
): Promise<SegmentSheetResult> {
  const { range, ...segmentOptions } = options;
  const snapshot = await readCustomerSheet(client, spreadsheetId, range);
  const table = snapshotTable(snapshot);
  const withSource: SegmentOptions = {
    ...segmentOptions,
    source: {
      kind: 'sheet',
      spreadsheetId,
      spreadsheetName: snapshot.spreadsheetTitle,
      sheetName: snapshot.sheet.title,
      range: snapshot.rangeA1,
    },
  };
  // An orders sheet is rolled up per customer (RFM) and gets a Customers sheet; else rows as they are.
  const orders = segmentOrders(table, withSource);
  const run = orders?.run ?? segmentTable(table, withSource);
  const customers = orders
    ? encodeCustomersSheet(orders.run, orders.rollup, orders.customerSegments)
    : undefined;
  const write = planSheetWrite(snapshot, run, table, customers);
  const detected = detectionSentence(run);
  await applySheetWrite(client, spreadsheetId, write);
  return {
    run,
    spreadsheetTitle: snapshot.spreadsheetTitle,
    sheetName: snapshot.sheet.title,
    segmentColumn: columnLetter(write.plan.segment),
    personaColumn: columnLetter(write.plan.persona),
    summarySheetTitle: write.summarySheetTitle,
    ...(detected ? { detected } : {}),
    ...(write.customersSheetTitle ? { customersSheetTitle: write.customersSheetTitle } : {}),
    ...(write.note ? { note: write.note } : {}),
    url: `https://docs.google.com/spreadsheets/d/${spreadsheetId}/edit#gid=${snapshot.sheet.sheetId}`,
  };
}
