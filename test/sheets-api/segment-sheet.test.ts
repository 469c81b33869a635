import {
  encodeAssignmentColumns,
  encodeRunRows,
  METADATA_KEYS,
  RUNS_SHEET_HEADERS,
  RUNS_SHEET_NAME,
} from '@segments/core';
import { createSheetsClient, SheetsAccessError, segmentSheet } from '@segments/sheets-api';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type SheetsStandIn, startSheetsStandIn } from '../standins/sheets-rest';
import { mallSheetValues } from './fixtures';

const TOKEN = 'ya29.segment';
const USER = 'analyst@example.com';
const INCOME = 'Annual Income (k$)';
const SPENDING = 'Spending Score (1-100)';
const options = { columns: [INCOME, SPENDING], k: 5, seed: 1, scaling: 'none' as const };

let standIn: SheetsStandIn;
beforeEach(async () => {
  standIn = await startSheetsStandIn({ accessTokens: { [TOKEN]: USER } });
});
afterEach(async () => {
  await standIn.close();
});

const client = () =>
  createSheetsClient({
    env: { SEGMENTS_SHEETS_API_URL: standIn.url, GOOGLE_OAUTH_ACCESS_TOKEN: TOKEN },
    retry: { retries: 2, firstDelayMs: 1, maxDelayMs: 5 },
  });

describe('segmentSheet', () => {
  it("leaves the add-on's Predicted segment and Confidence columns out of the features", async () => {
    const values = mallSheetValues().map((row, r) =>
      r === 0 ? [...row, 'Predicted segment', 'Confidence'] : [...row, r % 2 ? 'A' : 'B', (r % 7) / 10],
    );
    standIn.addSpreadsheet({
      spreadsheetId: 'predicted',
      sharedWith: [USER],
      sheets: [{ title: 'Customers', values }],
    });
    const { run } = await segmentSheet(client(), 'predicted', { k: 3, seed: 1 });
    const features = run.features.map((feature) => feature.name);
    expect(features).toEqual(['Age', INCOME, SPENDING, 'Genre']);
    expect(standIn.values('predicted', 'Customers')[0].slice(5)).toEqual([
      'Predicted segment',
      'Confidence',
      'Segment',
      'Persona',
    ]);
  });

  it('finds its columns again by developer metadata after the user inserted a column before them', async () => {
    standIn.addSpreadsheet({
      spreadsheetId: 'mall',
      sharedWith: [USER],
      sheets: [{ title: 'Customers', values: mallSheetValues() }],
    });
    await segmentSheet(client(), 'mall', options);
    // The user inserts a Notes column at A: our columns move from F:G to G:H.
    await client().api.spreadsheets.batchUpdate({
      spreadsheetId: 'mall',
      requestBody: {
        requests: [
          { insertDimension: { range: { sheetId: 0, dimension: 'COLUMNS', startIndex: 0, endIndex: 1 } } },
        ],
      },
    });
    await client().api.spreadsheets.values.update({
      spreadsheetId: 'mall',
      range: 'Customers!A1',
      valueInputOption: 'RAW',
      requestBody: { values: [['Notes']] },
    });
    const second = await segmentSheet(client(), 'mall', { ...options, k: 3 });
    expect([second.segmentColumn, second.personaColumn]).toEqual(['G', 'H']);
    const values = standIn.values('mall', 'Customers');
    expect(values[0]).toEqual([
      'Notes',
      'CustomerID',
      'Genre',
      'Age',
      INCOME,
      SPENDING,
      'Segment',
      'Persona',
    ]);
    expect(values.map((row) => row.slice(6))).toEqual(encodeAssignmentColumns(second.run, 200));
    expect(second.run.features.map((feature) => feature.name)).toEqual([INCOME, SPENDING]);
  });

  it('leaves a user sheet called "Segments" alone and replaces its own "Segments 2" on a re-run', async () => {
    standIn.addSpreadsheet({
      spreadsheetId: 'mall',
      sharedWith: [USER],
      sheets: [
        { title: 'Customers', values: mallSheetValues() },
        { title: 'Segments', values: [['My own notes']] },
      ],
    });
    const first = await segmentSheet(client(), 'mall', options);
    expect(first.summarySheetTitle).toBe('Segments 2');
    const second = await segmentSheet(client(), 'mall', { ...options, k: 4 });
    expect(second.summarySheetTitle).toBe('Segments 2');
    expect(standIn.values('mall', 'Segments')).toEqual([['My own notes']]);
    expect(standIn.values('mall', 'Segments 2')[0][0]).toBe(`Customer segments — ${second.run.name}`);
    // k fixed at 5: sizes and scatter (no one-point elbow).
    expect(standIn.sheet('mall', 'Segments 2').charts).toHaveLength(2);
    const summaryMarks = standIn
      .spreadsheet('mall')
      .state.metadata.filter((entry) => entry.metadataKey === METADATA_KEYS.summarySheet);
    expect(summaryMarks).toHaveLength(1);
    // The 200 scatter points sit on one hidden chart-data sheet (replaced, not added, on the re-run)
    // and the scatter chart reads them from there.
    const chartData = standIn.sheet('mall', 'Segments chart data');
    expect(chartData.hidden).toBe(true);
    expect(standIn.values('mall', 'Segments chart data')).toHaveLength(201);
    expect(standIn.values('mall', 'Segments 2').length).toBeLessThan(40);
    const scatter = standIn.sheet('mall', 'Segments 2').charts[1].spec as {
      basicChart: {
        chartType: string;
        domains: { domain: { sourceRange: { sources: { sheetId: number }[] } } }[];
      };
    };
    expect(scatter.basicChart.chartType).toBe('SCATTER');
    expect(scatter.basicChart.domains[0].domain.sourceRange.sources[0].sheetId).toBe(chartData.sheetId);
    const chartDataMarks = standIn
      .spreadsheet('mall')
      .state.metadata.filter((entry) => entry.metadataKey === METADATA_KEYS.chartDataSheet);
    expect(chartDataMarks).toHaveLength(1);
  });

  it('widens a sheet whose grid ends at its last data column before writing the two columns', async () => {
    standIn.addSpreadsheet({
      spreadsheetId: 'narrow',
      sharedWith: [USER],
      sheets: [{ title: 'Customers', values: mallSheetValues(), columnCount: 5, rowCount: 201 }],
    });
    const result = await segmentSheet(client(), 'narrow', options);
    expect(standIn.sheet('narrow', 'Customers').columnCount).toBe(7);
    expect(standIn.values('narrow', 'Customers').map((row) => row.slice(5))).toEqual(
      encodeAssignmentColumns(result.run, 200),
    );
  });

  it('records no run in the sheet when writing the values fails, so no kept run lacks its columns', async () => {
    standIn.addSpreadsheet({
      spreadsheetId: 'mall',
      sharedWith: [USER],
      sheets: [{ title: 'Customers', values: mallSheetValues() }],
    });
    // Three answers of 500: the first try and both retries.
    standIn.failNext({ status: 500, operation: 'values.batchUpdate', times: 3 });
    const failure = await segmentSheet(client(), 'mall', options).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(SheetsAccessError);
    expect((failure as SheetsAccessError).message).toContain('retry later');
    expect(standIn.values('mall', 'Customers')).toEqual(mallSheetValues());
    expect(standIn.values('mall', RUNS_SHEET_NAME)).toEqual([]);

    // Trying again once the API recovers completes the sheet: same columns, header and the run.
    const retried = await segmentSheet(client(), 'mall', options);
    expect([retried.segmentColumn, retried.personaColumn]).toEqual(['F', 'G']);
    expect(standIn.values('mall', RUNS_SHEET_NAME)).toEqual([
      [...RUNS_SHEET_HEADERS],
      ...encodeRunRows(retried.run),
    ]);
  });

  it('skips blank rows in the sheet and leaves their Segment and Persona cells empty', async () => {
    const values = mallSheetValues();
    values.splice(3, 0, ['', '', '', '', '']);
    standIn.addSpreadsheet({
      spreadsheetId: 'gaps',
      sharedWith: [USER],
      sheets: [{ title: 'Customers', values }],
    });
    const result = await segmentSheet(client(), 'gaps', options);
    expect(result.run.source.rowCount).toBe(200);
    const written = standIn.values('gaps', 'Customers');
    expect(written[3]).toEqual([]);
    expect(written[4].slice(5)).toEqual([
      result.run.assignments![2] + 1,
      result.run.segments[result.run.assignments![2]].persona.name,
    ]);
  });
});

describe('segmentSheet on an orders sheet', () => {
  // test/fixtures/orders_small.csv: 6 orders of 4 customers after a cancelled order, a refund and a
  // line without a customer.
  const ORDERS = [
    ['Order ID', 'Email', 'Created at', 'Total', 'Status'],
    [1001, 'ann@shop.io', '2024-01-05', 100, 'paid'],
    [1001, 'ann@shop.io', '2024-01-05', 50, 'paid'],
    [1002, 'ann@shop.io', '2024-03-01', 80, 'paid'],
    [1003, 'bob@shop.io', '2024-02-10', 40, 'paid'],
    [1004, 'bob@shop.io', '2024-02-25', -10, 'paid'],
    [1005, 'cara@shop.io', '2024-02-01', 60, 'Cancelled'],
    [1006, 'cara@shop.io', '2024-02-15', 25, 'paid'],
    [1007, '', '2024-03-05', 99, 'paid'],
    [1008, 'dan@shop.io', '2024-01-20', 20, 'paid'],
    [1009, 'dan@shop.io', '2024-01-25', 20, 'paid'],
  ];
  const sheetTitles = (id: string) =>
    [...standIn.spreadsheet(id).state.sheets].sort((a, b) => a.index - b.index).map((sheet) => sheet.title);

  it('writes the Customers sheet the add-on writes, states the detection, and replaces it on a re-run', async () => {
    standIn.addSpreadsheet({
      spreadsheetId: 'shop',
      sharedWith: [USER],
      sheets: [{ title: 'Orders', values: ORDERS }],
    });
    const first = await segmentSheet(client(), 'shop', { k: 2, seed: 1 });
    expect(first.detected).toBe(
      'Transactions detected: 6 orders of 4 customers (Email), dates from Created at, amounts from Total',
    );
    expect(first.customersSheetTitle).toBe('Customers');
    const customers = standIn.values('shop', 'Customers');
    expect(customers[0]).toEqual([
      'Email',
      'Recency (days)',
      'Frequency',
      'Monetary',
      'First order',
      'Segment',
      'Persona',
    ]);
    expect(customers.slice(1).map((row) => row.slice(0, 4))).toEqual([
      ['ann@shop.io', 0, 2, 230],
      ['bob@shop.io', 20, 1, 30],
      ['cara@shop.io', 15, 1, 25],
      ['dan@shop.io', 36, 2, 40],
    ]);
    expect(standIn.values('shop', 'Segments')[2][0]).toBe(first.detected);
    // Each order line carries its customer's segment and persona.
    const byEmail = new Map(customers.slice(1).map((row) => [row[0], row.slice(5, 7)]));
    for (const row of standIn.values('shop', 'Orders').slice(1))
      expect(row.slice(5, 7)).toEqual(row[1] === '' ? [] : byEmail.get(row[1]));

    const titles = sheetTitles('shop');
    const second = await segmentSheet(client(), 'shop', { k: 3, seed: 1 });
    expect(second.customersSheetTitle).toBe('Customers');
    expect(sheetTitles('shop')).toEqual(titles);
    const segments = standIn
      .values('shop', 'Customers')
      .slice(1)
      .map((row) => row[5]);
    expect(new Set(segments)).toEqual(new Set([1, 2, 3]));
  });

  it('never writes over a user sheet called "Customers", and says where the customers went', async () => {
    const mine = [
      ['Name', 'Notes'],
      ['Ann', 'VIP'],
    ];
    standIn.addSpreadsheet({
      spreadsheetId: 'shop2',
      sharedWith: [USER],
      sheets: [
        { title: 'Orders', values: ORDERS },
        { title: 'Customers', values: mine },
      ],
    });
    const result = await segmentSheet(client(), 'shop2', { k: 2, seed: 1, range: 'Orders!A1:E11' });
    expect(result.customersSheetTitle).toBe('Customers (segments)');
    expect(result.note).toBe(
      'Your sheet "Customers" was left alone; the one row per customer went to "Customers (segments)".',
    );
    expect(standIn.values('shop2', 'Customers')).toEqual(mine);
    expect(standIn.values('shop2', 'Customers (segments)')).toHaveLength(5);
    // Found again by its metadata on a re-run: still one sheet of ours.
    await segmentSheet(client(), 'shop2', { k: 3, seed: 1, range: 'Orders!A1:E11' });
    expect(sheetTitles('shop2').filter((title) => title.startsWith('Customers'))).toEqual([
      'Customers',
      'Customers (segments)',
    ]);
    expect(standIn.values('shop2', 'Customers')).toEqual(mine);
  });
});
