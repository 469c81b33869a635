import {
  createSheetsClient,
  explainSheetsError,
  parseA1Range,
  parseSpreadsheetId,
  pullRuns,
  SheetsAccessError,
} from '@segments/sheets-api';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type SheetsStandIn, startSheetsStandIn } from '../standins/sheets-rest';

const TOKEN = 'ya29.client';
const USER = 'analyst@example.com';

let standIn: SheetsStandIn;
beforeEach(async () => {
  standIn = await startSheetsStandIn({ accessTokens: { [TOKEN]: USER } });
  standIn.addSpreadsheet({ spreadsheetId: 'shared', sharedWith: [USER], sheets: [{ title: 'Customers' }] });
});
afterEach(async () => {
  await standIn.close();
});

const client = (token = TOKEN) =>
  createSheetsClient({
    env: { SEGMENTS_SHEETS_API_URL: standIn.url, GOOGLE_OAUTH_ACCESS_TOKEN: token },
    retry: { retries: 3, firstDelayMs: 1, maxDelayMs: 5 },
  });

async function failureOf(promise: Promise<unknown>): Promise<SheetsAccessError> {
  const error = await promise.catch((caught: unknown) => caught);
  expect(error).toBeInstanceOf(SheetsAccessError);
  return error as SheetsAccessError;
}

describe('Sheets client', () => {
  it('retries a 429 answer and then succeeds', async () => {
    standIn.failNext({ status: 429, operation: 'spreadsheets.get' });
    await expect(pullRuns(client(), 'shared')).resolves.toMatchObject({ runs: [] });
    expect(standIn.requests.map((request) => [request.operation, request.status])).toEqual([
      ['spreadsheets.get', 429],
      ['spreadsheets.get', 200],
    ]);
  });

  it('retries 500 and 503 answers, POST requests included', async () => {
    standIn.failNext({ status: 500, operation: 'spreadsheets.batchUpdate' });
    standIn.failNext({ status: 503, operation: 'spreadsheets.batchUpdate' });
    const sheets = client().api;
    await sheets.spreadsheets.batchUpdate({
      spreadsheetId: 'shared',
      requestBody: { requests: [{ addSheet: { properties: { title: 'Extra' } } }] },
    });
    expect(standIn.requests.map((request) => request.status)).toEqual([500, 503, 200]);
    expect(standIn.spreadsheet('shared').state.sheets.map((sheet) => sheet.title)).toEqual([
      'Customers',
      'Extra',
    ]);
  });

  it('tells the user to retry later when the quota stays used up after the retries', async () => {
    standIn.failNext({ status: 429, times: 10 });
    const failure = await failureOf(pullRuns(client(), 'shared'));
    expect(failure.kind).toBe('quota');
    expect(failure.message).toContain('retry later');
    expect(failure.message).toContain('spreadsheet shared');
    expect(standIn.requests).toHaveLength(4);
  });

  it('asks to share the sheet with the account of the access token when it has no access', async () => {
    standIn.addSpreadsheet({
      spreadsheetId: 'private',
      sharedWith: ['someone@example.com'],
      sheets: [{ title: 'A' }],
    });
    const failure = await failureOf(pullRuns(client(), 'private'));
    expect(failure.kind).toBe('not-shared');
    expect(failure.message).toBe(
      'No access to spreadsheet private: make sure the Google account whose token is in GOOGLE_OAUTH_ACCESS_TOKEN can open it as Viewer (or Editor), then try again.',
    );
    expect(standIn.requests).toHaveLength(1);
  });

  it('says how to get a new token when the token is refused', async () => {
    const failure = await failureOf(pullRuns(client('expired'), 'shared'));
    expect(failure.kind).toBe('unauthenticated');
    expect(failure.message).toContain('gcloud auth print-access-token');
  });

  it('says the API cannot be reached when nothing listens at SEGMENTS_SHEETS_API_URL', async () => {
    const url = standIn.url;
    await standIn.close();
    const unreachable = createSheetsClient({
      env: { SEGMENTS_SHEETS_API_URL: url, GOOGLE_OAUTH_ACCESS_TOKEN: TOKEN },
      retry: { retries: 0 },
    });
    const failure = await failureOf(pullRuns(unreachable, 'shared'));
    expect(failure.kind).toBe('unreachable');
    expect(failure.message).toContain(`Could not reach the Google Sheets API at ${url}`);
    standIn = await startSheetsStandIn();
  });

  it('says which variables to set when no Google credentials can be found', () => {
    const explained = explainSheetsError(
      new Error(
        'Could not load the default credentials. Browse to https://cloud.google.com/docs/authentication',
      ),
      client(),
      'book',
      'write',
    );
    expect(explained).toBeInstanceOf(SheetsAccessError);
    expect((explained as SheetsAccessError).message).toContain(
      'No Google credentials to write spreadsheet book: set GOOGLE_APPLICATION_CREDENTIALS',
    );
  });

  it('refuses a key file that is not a service-account key, naming the variable', () => {
    expect(() =>
      createSheetsClient({ env: { GOOGLE_APPLICATION_CREDENTIALS: '/nonexistent/key.json' } }),
    ).toThrow(/GOOGLE_APPLICATION_CREDENTIALS \(\/nonexistent\/key.json\)/);
  });
});

describe('parseSpreadsheetId', () => {
  it('takes the id from a Sheets URL, a Slack-wrapped link or the id itself', () => {
    const id = '1BxiMVs0XRA5nFMdKvBdBZjgmUUqptlbs74OgvE2upms';
    expect(parseSpreadsheetId(`https://docs.google.com/spreadsheets/d/${id}/edit#gid=0`)).toBe(id);
    expect(parseSpreadsheetId(`<https://docs.google.com/spreadsheets/d/${id}/edit|Mall>`)).toBe(id);
    expect(parseSpreadsheetId(`https://docs.google.com/spreadsheets/u/1/d/${id}/`)).toBe(id);
    expect(parseSpreadsheetId(` ${id} `)).toBe(id);
  });

  it('refuses text that is neither, saying what to paste', () => {
    expect(() => parseSpreadsheetId('https://example.com/sheet?id=1')).toThrow(
      /not a Google Sheets URL or spreadsheet id/,
    );
  });
});

describe('parseA1Range', () => {
  it('reads sheet-qualified, quoted, open-ended and bare ranges', () => {
    expect(parseA1Range('Customers!A1:F')).toEqual({
      sheetName: 'Customers',
      startRow: 1,
      startColumn: 1,
      endColumn: 6,
    });
    expect(parseA1Range("'Q1 list'!B2:G100")).toEqual({
      sheetName: 'Q1 list',
      startRow: 2,
      startColumn: 2,
      endRow: 100,
      endColumn: 7,
    });
    expect(parseA1Range('Customers')).toEqual({ sheetName: 'Customers', startRow: 1, startColumn: 1 });
    expect(parseA1Range('A1:F200')).toEqual({
      sheetName: undefined,
      startRow: 1,
      startColumn: 1,
      endRow: 200,
      endColumn: 6,
    });
  });

  it('names the option when the range is backwards', () => {
    expect(() => parseA1Range('Customers!F1:A10')).toThrow(
      /--range "Customers!F1:A10" is not a range in A1 notation/,
    );
  });
});
