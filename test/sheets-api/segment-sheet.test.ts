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
