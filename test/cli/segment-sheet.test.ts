import {
  encodeAssignmentColumns,
  encodeRunRows,
  encodeSummarySheet,
  METADATA_KEYS,
  parseDelimited,
  RUNS_SHEET_HEADERS,
  RUNS_SHEET_NAME,
  type SheetValue,
  segmentTable,
} from '@segments/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { largeSheetValues, makeServiceAccountKey, mallSheetValues } from '../sheets-api/fixtures';
import { type SheetsStandIn, startSheetsStandIn } from '../standins/sheets-rest';
import { makeWorkspace, runCli } from './cli-harness';

const TOKEN = 'ya29.test-token';
const USER = 'analyst@example.com';
const ROBOT = 'segments@segments-test.iam.gserviceaccount.com';
const INCOME = 'Annual Income (k$)';
const SPENDING = 'Spending Score (1-100)';
const mallOptions = ['--columns', `${INCOME},${SPENDING}`, '--k', '5', '--seed', '1', '--scale', 'none'];

let standIn: SheetsStandIn;
let env: Record<string, string>;

beforeEach(async () => {
  standIn = await startSheetsStandIn({ accessTokens: { [TOKEN]: USER } });
  env = { SEGMENTS_SHEETS_API_URL: standIn.url, GOOGLE_OAUTH_ACCESS_TOKEN: TOKEN };
});

afterEach(async () => {
  await standIn.close();
});

function addMallSheet(spreadsheetId = 'mall-sheet', values = mallSheetValues()) {
  return standIn.addSpreadsheet({
    spreadsheetId,
    title: 'Mall customers',
    sheets: [{ title: 'Customers', values }],
    sharedWith: [USER, ROBOT],
  });
}

/** Trailing empty cells and rows dropped, as values.get returns them. */
function trimmed(values: SheetValue[][]): SheetValue[][] {
  const rows = values.map((row) => {
    let end = row.length;
    while (end > 0 && row[end - 1] === '') end--;
    return row.slice(0, end);
  });
  while (rows.length > 0 && rows[rows.length - 1].length === 0) rows.pop();
  return rows;
}

describe('segments segment --sheet', () => {
  it('writes the same Segment/Persona values, summary and kept-run rows as core encodes for the Mall run', async () => {
    const workspace = makeWorkspace();
    addMallSheet();
    const result = await runCli(
      ['segment', '--sheet', 'mall-sheet', ...mallOptions, '--json', '--no-save'],
      workspace.dir,
      env,
    );
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const run = JSON.parse(result.stdout);

    // The same run the CSV path and the add-on compute from the same customers.
    const csv = mallSheetValues()
      .map((row) => row.join(','))
      .join('\n');
    const expected = segmentTable(parseDelimited(csv), {
      columns: [INCOME, SPENDING],
      k: 5,
      seed: 1,
      scaling: 'none',
    });
    expect(run.assignments).toEqual(expected.assignments);
    expect(run.segments.map((segment: { size: number }) => segment.size)).toEqual([81, 39, 35, 23, 22]);
    expect(run.source).toMatchObject({ kind: 'sheet', spreadsheetId: 'mall-sheet', sheetName: 'Customers' });

    const sheet = standIn.values('mall-sheet', 'Customers');
    const columns = encodeAssignmentColumns(run, 200);
    expect(sheet.map((row) => row.slice(5))).toEqual(columns);
    expect(sheet.map((row) => row.slice(0, 5))).toEqual(mallSheetValues());

    expect(standIn.values('mall-sheet', RUNS_SHEET_NAME)).toEqual([
      [...RUNS_SHEET_HEADERS],
      ...encodeRunRows(run),
    ]);
    expect(standIn.sheet('mall-sheet', RUNS_SHEET_NAME).hidden).toBe(true);

    const customers = mallSheetValues().slice(1);
    const summary = encodeSummarySheet(run, {
      x: customers.map((row) => row[3] as number),
      y: customers.map((row) => row[4] as number),
    });
    expect(standIn.values('mall-sheet', 'Segments')).toEqual(trimmed(summary.values));
    expect(standIn.sheet('mall-sheet', 'Segments').charts).toHaveLength(summary.charts.length);

    const columnMetadata = standIn
      .spreadsheet('mall-sheet')
      .state.metadata.filter((entry) => entry.metadataKey === METADATA_KEYS.column)
      .map((entry) => [entry.metadataValue, entry.location.dimensionRange?.startIndex]);
    expect(columnMetadata).toEqual([
      ['segment', 5],
      ['persona', 6],
    ]);
  });

  it('replaces its own columns and summary on a re-run instead of adding new ones, and keeps both runs', async () => {
    const workspace = makeWorkspace();
    addMallSheet();
    const first = await runCli(
      ['segment', '--sheet', 'mall-sheet', ...mallOptions, '--json', '--no-save'],
      workspace.dir,
      env,
    );
    expect(first.code).toBe(0);
    const second = await runCli(
      ['segment', '--sheet', 'mall-sheet', ...mallOptions, '--k', '3', '--json', '--no-save'],
      workspace.dir,
      env,
    );
    expect(second.code).toBe(0);
    const run = JSON.parse(second.stdout);

    const sheet = standIn.values('mall-sheet', 'Customers');
    expect(sheet[0]).toEqual(['CustomerID', 'Genre', 'Age', INCOME, SPENDING, 'Segment', 'Persona']);
    expect(sheet.map((row) => row.slice(5))).toEqual(encodeAssignmentColumns(run, 200));
    const titles = standIn.spreadsheet('mall-sheet').state.sheets.map((entry) => entry.title);
    expect(titles.sort()).toEqual([RUNS_SHEET_NAME, 'Customers', 'Segments', 'Segments chart data'].sort());
    expect(standIn.values('mall-sheet', 'Segments')[0][0]).toBe(`Customer segments — ${run.name}`);
    const keptIds = standIn
      .values('mall-sheet', RUNS_SHEET_NAME)
      .slice(1)
      .map((row) => row[0]);
    expect(keptIds).toEqual([JSON.parse(first.stdout).id, run.id]);
  });

  it('saves the run in the local store after writing the sheet, so `segments runs` lists it', async () => {
    const workspace = makeWorkspace();
    addMallSheet();
    const result = await runCli(
      ['segment', '--sheet', 'https://docs.google.com/spreadsheets/d/mall-sheet/edit#gid=0', ...mallOptions],
      workspace.dir,
      env,
    );
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(
      'Wrote Segment (column F) and Persona (column G) to "Customers" in "Mall customers"',
    );
    const runs = await runCli(['runs', '--json'], workspace.dir, env);
    const listed = JSON.parse(runs.stdout) as { id: string }[];
    expect(listed).toHaveLength(1);
    expect(result.stdout).toContain(`Saved run ${listed[0].id}.`);
    const keptIds = standIn
      .values('mall-sheet', RUNS_SHEET_NAME)
      .slice(1)
      .map((row) => row[0]);
    expect(keptIds).toEqual([listed[0].id]);
  });

  it('tells the user which service-account email to share the sheet with when it is not shared', async () => {
    await standIn.close();
    const workspace = makeWorkspace();
    const { keyFile, publicKeyPem } = makeServiceAccountKey(workspace.dir, ROBOT);
    standIn = await startSheetsStandIn({ serviceAccounts: { [ROBOT]: publicKeyPem } });
    standIn.addSpreadsheet({
      spreadsheetId: 'private-sheet',
      sheets: [{ title: 'Customers', values: mallSheetValues() }],
      sharedWith: [USER],
    });
    const result = await runCli(
      ['segment', '--sheet', 'private-sheet', ...mallOptions, '--no-save'],
      workspace.dir,
      { SEGMENTS_SHEETS_API_URL: standIn.url, GOOGLE_APPLICATION_CREDENTIALS: keyFile },
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('No access to spreadsheet private-sheet');
    expect(result.stderr).toContain(`share the sheet with ${ROBOT}`);
    expect(standIn.writeRequests()).toEqual([]);
  });

  it('segments through a service-account key once the sheet is shared with it', async () => {
    await standIn.close();
    const workspace = makeWorkspace();
    const { keyFile, publicKeyPem } = makeServiceAccountKey(workspace.dir, ROBOT);
    standIn = await startSheetsStandIn({ serviceAccounts: { [ROBOT]: publicKeyPem } });
    addMallSheet();
    const result = await runCli(
      ['segment', '--sheet', 'mall-sheet', ...mallOptions, '--no-save'],
      workspace.dir,
      { SEGMENTS_SHEETS_API_URL: standIn.url, GOOGLE_APPLICATION_CREDENTIALS: keyFile },
    );
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(standIn.values('mall-sheet', 'Customers')[0].slice(5)).toEqual(['Segment', 'Persona']);
  });

  it('reports text in a numeric column with its row and column, exits 1 and leaves the spreadsheet unchanged', async () => {
    const workspace = makeWorkspace();
    const values = mallSheetValues();
    values[10][4] = 'lots';
    const spreadsheet = addMallSheet('bad-sheet', values);
    const before = structuredClone(spreadsheet.state);
    const result = await runCli(
      ['segment', '--sheet', 'bad-sheet', ...mallOptions, '--no-save'],
      workspace.dir,
      env,
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/row 11/i);
    expect(result.stderr).toContain(SPENDING);
    expect(standIn.writeRequests()).toEqual([]);
    expect(standIn.spreadsheet('bad-sheet').state).toEqual(before);
  });

  it('segments a 5,000-row sheet in four requests', async () => {
    const workspace = makeWorkspace();
    standIn.addSpreadsheet({
      spreadsheetId: 'big-sheet',
      sheets: [{ title: 'Customers', values: largeSheetValues(5_000) }],
      sharedWith: [USER],
    });
    const result = await runCli(
      ['segment', '--sheet', 'big-sheet', ...mallOptions, '--no-save'],
      workspace.dir,
      env,
    );
    expect(result.code).toBe(0);
    expect(standIn.requests.map((request) => request.operation)).toEqual([
      'spreadsheets.get',
      'values.batchGet',
      'spreadsheets.batchUpdate',
      'values.batchUpdate',
    ]);
    const sheet = standIn.values('big-sheet', 'Customers');
    expect(sheet).toHaveLength(5_001);
    expect(sheet.every((row, i) => i === 0 || typeof row[5] === 'number')).toBe(true);
  });

  it('reads only the --range rectangle and writes the columns beside the sheet’s data for those rows', async () => {
    const workspace = makeWorkspace();
    addMallSheet();
    const result = await runCli(
      [
        'segment',
        '--sheet',
        'mall-sheet',
        '--range',
        'Customers!A1:E101',
        ...mallOptions,
        '--json',
        '--no-save',
      ],
      workspace.dir,
      env,
    );
    expect(result.code).toBe(0);
    const run = JSON.parse(result.stdout);
    expect(run.source.rowCount).toBe(100);
    expect(run.source.range).toBe('A1:E101');
    const sheet = standIn.values('mall-sheet', 'Customers');
    expect(sheet.slice(0, 101).map((row) => row.slice(5))).toEqual(encodeAssignmentColumns(run, 100));
    expect(sheet.slice(101).every((row) => row.length === 5)).toBe(true);
  });

  it('names the missing sheet when --range points at a sheet the spreadsheet does not have', async () => {
    const workspace = makeWorkspace();
    addMallSheet();
    const result = await runCli(
      ['segment', '--sheet', 'mall-sheet', '--range', 'Clients!A1:E', '--no-save'],
      workspace.dir,
      env,
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('has no sheet named "Clients"; its sheets are "Customers"');
  });

  it('treats --range without --sheet, or a file with --sheet, as usage errors', async () => {
    const workspace = makeWorkspace();
    const rangeOnly = await runCli(['segment', '--range', 'Customers!A1:F'], workspace.dir, env);
    expect(rangeOnly.code).toBe(2);
    expect(rangeOnly.stderr).toContain('--range needs --sheet');
    const both = await runCli(['segment', 'customers.csv', '--sheet', 'mall-sheet'], workspace.dir, env);
    expect(both.code).toBe(2);
    expect(both.stderr).toContain('either a file or --sheet');
  });
});
