import { encodeRunRows, RUNS_SHEET_HEADERS, RUNS_SHEET_NAME } from '@segments/core';
import { createSheetsClient, pullRuns, SheetsAccessError } from '@segments/sheets-api';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeRun } from '../helpers/make-run';
import { type SheetsStandIn, startSheetsStandIn } from '../standins/sheets-rest';
import { mallSheetValues } from './fixtures';

const TOKEN = 'ya29.pull';
const USER = 'analyst@example.com';

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
    retry: { retries: 2, firstDelayMs: 1 },
  });

describe('pullRuns', () => {
  it('reads the runs the add-on kept (core-encoded rows), newest first, chunked runs joined', async () => {
    const older = makeRun({ id: 'run-old', name: 'Mall March', createdAt: '2026-03-01T10:00:00.000Z' });
    // Long enough to need several 45,000-character chunks.
    const newer = makeRun({
      id: 'run-new',
      name: 'Mall April',
      createdAt: '2026-04-01T10:00:00.000Z',
      assignments: Array.from({ length: 40_000 }, (_, i) => i % 2),
    });
    const newerRows = encodeRunRows(newer);
    expect(newerRows.length).toBeGreaterThan(1);
    standIn.addSpreadsheet({
      spreadsheetId: 'kept',
      title: 'Mall customers',
      sharedWith: [USER],
      sheets: [
        { title: 'Customers', values: mallSheetValues() },
        {
          title: RUNS_SHEET_NAME,
          hidden: true,
          values: [[...RUNS_SHEET_HEADERS], ...encodeRunRows(older), ...newerRows],
        },
      ],
    });
    const pulled = await pullRuns(client(), 'kept');
    expect(pulled.title).toBe('Mall customers');
    expect(pulled.runs.map((run) => run.id)).toEqual(['run-new', 'run-old']);
    expect(pulled.runs[0]).toEqual(newer);
    expect(pulled.problems).toEqual([]);
    expect(standIn.requests.map((request) => request.operation)).toEqual(['spreadsheets.get', 'values.get']);
  });

  it('reports a run whose chunks are incomplete and still returns the others', async () => {
    const complete = makeRun({ id: 'run-ok' });
    const broken = makeRun({ id: 'run-broken', assignments: Array.from({ length: 40_000 }, () => 1) });
    standIn.addSpreadsheet({
      spreadsheetId: 'kept',
      sharedWith: [USER],
      sheets: [
        { title: 'Customers' },
        {
          title: RUNS_SHEET_NAME,
          values: [[...RUNS_SHEET_HEADERS], ...encodeRunRows(complete), ...encodeRunRows(broken).slice(1)],
        },
      ],
    });
    const pulled = await pullRuns(client(), 'kept');
    expect(pulled.runs.map((run) => run.id)).toEqual(['run-ok']);
    expect(pulled.problems).toEqual([expect.stringContaining('Run run-broken is incomplete')]);
  });

  it('finds no runs in a spreadsheet that never kept one, without reading values', async () => {
    standIn.addSpreadsheet({ spreadsheetId: 'fresh', sharedWith: [USER], sheets: [{ title: 'Customers' }] });
    expect((await pullRuns(client(), 'fresh')).runs).toEqual([]);
    expect(standIn.requests.map((request) => request.operation)).toEqual(['spreadsheets.get']);
  });

  it('says the spreadsheet was not found, naming its id, when it does not exist', async () => {
    const failure = await pullRuns(client(), 'no-such-sheet').catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(SheetsAccessError);
    expect((failure as SheetsAccessError).kind).toBe('not-found');
    expect((failure as SheetsAccessError).message).toContain('Spreadsheet no-such-sheet was not found');
  });
});
