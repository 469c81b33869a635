import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Run } from '@segments/core';
import {
  encodeRunRows,
  parseDelimited,
  RUNS_SHEET_HEADERS,
  RUNS_SHEET_NAME,
  segmentTable,
} from '@segments/core';
import { createSheetsClient } from '@segments/sheets-api';
import { listSheetLinks, sheetSyncMinutes, startSheetSync, syncSheets } from '@segments/slack-app';
import type { RunStore } from '@segments/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTempPgliteStore, type TestStore } from '../helpers/stores';
import { makeServiceAccountKey, mallSheetValues } from '../sheets-api/fixtures';
import { type SheetsStandIn, startSheetsStandIn } from '../standins/sheets-rest';
import { postToSlackEvents, type RecordedCall, slashCommandBody } from '../standins/slack-web-api';
import { type RunningTestApp, SIGNING_SECRET, startTestApp } from './helpers/test-app';

const ROBOT = 'segments-bot@segments-test.iam.gserviceaccount.com';
const TEAM = 'T-socket';
const INCOME = 'Annual Income (k$)';
const SPENDING = 'Spending Score (1-100)';

let opened: TestStore;
let store: RunStore;
let running: RunningTestApp;
let sheets: SheetsStandIn;
let mallRun: Run;
let responseCounter = 0;

/** The Mall run as the add-on computes it (k = 5, seed 1, no scaling), assignments included. */
function segmentMall(id: string, k = 5): Run {
  const csv = mallSheetValues()
    .map((row) => row.join(','))
    .join('\n');
  return segmentTable(parseDelimited(csv), {
    columns: [INCOME, SPENDING],
    k,
    seed: 1,
    scaling: 'none',
    id,
    name: `Mall customers k=${k}`,
    now: new Date(k === 5 ? '2026-05-01T09:00:00Z' : '2026-05-02T09:00:00Z'),
    source: { kind: 'sheet', spreadsheetId: 'mall-kept', sheetName: 'Customers' },
  });
}

/** A spreadsheet the add-on wrote: customers, and the kept runs encoded by core. */
function addKeptSpreadsheet(spreadsheetId: string, runs: Run[], sharedWith = [ROBOT]) {
  sheets.addSpreadsheet({
    spreadsheetId,
    title: 'Mall customers',
    sharedWith,
    sheets: [
      { title: 'Customers', values: mallSheetValues() },
      {
        title: RUNS_SHEET_NAME,
        hidden: true,
        values: [[...RUNS_SHEET_HEADERS], ...runs.flatMap(encodeRunRows)],
      },
    ],
  });
}

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'segments-sa-'));
  const { keyFile, publicKeyPem } = makeServiceAccountKey(dir, ROBOT);
  sheets = await startSheetsStandIn({ serviceAccounts: { [ROBOT]: publicKeyPem } });
  // The app reads its Google credentials and API root from the environment, as in production.
  process.env.GOOGLE_APPLICATION_CREDENTIALS = keyFile;
  process.env.SEGMENTS_SHEETS_API_URL = sheets.url;
  mallRun = segmentMall('mall-run-1');
  addKeptSpreadsheet('mall-kept', [mallRun]);
  opened = await openTempPgliteStore();
  store = opened.store;
  // No static API token: nothing is ever POSTed to the runs API (a Socket-Mode-style deployment).
  running = await startTestApp(store);
});

afterAll(async () => {
  await running?.stop();
  await opened?.dispose();
  await sheets?.close();
});

/** Sends a signed `/segments <text>` and returns what the app posted to the response_url. */
async function slashCommand(team: string, text: string): Promise<RecordedCall> {
  const id = `s${++responseCounter}`;
  const body = slashCommandBody({ team, text, responseUrl: running.slack.responseUrl(id) });
  const response = await postToSlackEvents(running.baseUrl, body, 'application/x-www-form-urlencoded', {
    signingSecret: SIGNING_SECRET,
  });
  expect(response.status).toBe(200);
  return running.slack.waitFor((call) => call.responseId === id, `the reply to "${text}"`);
}

describe('/segments connect-sheet', () => {
  it('imports the run the add-on kept in the sheet, so "how big is the VIP segment?" is answered without the runs API', async () => {
    const connected = await slashCommand(
      TEAM,
      'connect-sheet <https://docs.google.com/spreadsheets/d/mall-kept/edit#gid=0>',
    );
    expect(connected.body.response_type).toBe('ephemeral');
    expect(String(connected.body.text)).toContain(
      'Connected *Mall customers*. It keeps 1 run: 1 new imported.',
    );

    const reply = await slashCommand(TEAM, 'how big is the VIP segment?');
    const text = String(reply.body.text);
    const vip = mallRun.segments.find((segment) => segment.persona.key === 'vip');
    expect(vip?.size).toBe(39);
    expect(text).toContain('39');
    expect(text).toMatch(/19\.5%/);
    expect(running.slack.calls.some((call) => call.method === 'response_url')).toBe(true);
  });

  it('stores the run summary only: per-customer assignments stay in the spreadsheet', async () => {
    const stored = await store.getRun(TEAM, 'mall-run-1');
    expect(stored?.segments.map((segment) => segment.size)).toEqual([81, 39, 35, 23, 22]);
    expect(stored?.assignments).toBeUndefined();
  });

  it('imports nothing twice when the same spreadsheet is connected again', async () => {
    const again = await slashCommand(TEAM, 'connect-sheet mall-kept');
    expect(String(again.body.text)).toContain('It keeps 1 run: all imported already.');
    expect((await store.listRuns(TEAM)).map((run) => run.id)).toEqual(['mall-run-1']);
    expect((await listSheetLinks(store.database, TEAM)).map((link) => link.spreadsheetId)).toEqual([
      'mall-kept',
    ]);
  });

  it('says which service-account email to share the sheet with when it is not shared, and remembers nothing', async () => {
    addKeptSpreadsheet('private-sheet', [segmentMall('private-run')], ['owner@example.com']);
    const reply = await slashCommand('T-private', 'connect-sheet private-sheet');
    expect(String(reply.body.text)).toContain(
      `No access to spreadsheet private-sheet: share the sheet with ${ROBOT}`,
    );
    expect(await store.listRuns('T-private')).toEqual([]);
    expect(await listSheetLinks(store.database, 'T-private')).toEqual([]);
  });

  it('explains the usage when no spreadsheet is given', async () => {
    const reply = await slashCommand(TEAM, 'connect-sheet');
    expect(String(reply.body.text)).toContain('Usage: `/segments connect-sheet <spreadsheet URL or id>`');
  });
});

describe('/segments sync', () => {
  it('imports runs kept in a connected spreadsheet since it was connected', async () => {
    const team = 'T-syncer';
    addKeptSpreadsheet('sync-sheet', [segmentMall('sync-run-1')]);
    await slashCommand(team, 'connect-sheet sync-sheet');
    // The add-on segments the sheet again and appends the new run's rows.
    const runsSheet = sheets.sheet('sync-sheet', RUNS_SHEET_NAME);
    runsSheet.cells.push(...encodeRunRows(segmentMall('sync-run-2', 4)));
    const reply = await slashCommand(team, 'sync');
    expect(String(reply.body.text)).toContain('Synced 1 spreadsheet:');
    expect(String(reply.body.text)).toContain('*Mall customers*: It keeps 2 runs: 1 new imported.');
    expect((await store.listRuns(team)).map((run) => run.id)).toEqual(['sync-run-2', 'sync-run-1']);
  });

  it('says how to connect one when the workspace has no spreadsheet', async () => {
    const reply = await slashCommand('T-empty', 'sync');
    expect(String(reply.body.text)).toContain('No spreadsheet is connected to this workspace yet');
  });
});

describe('background sheet sync', () => {
  it('keeps syncing the other spreadsheets when one stops being shared, and records why it failed', async () => {
    const team = 'T-background';
    addKeptSpreadsheet('bg-open', [segmentMall('bg-run-open')]);
    addKeptSpreadsheet('bg-revoked', [segmentMall('bg-run-revoked')]);
    await slashCommand(team, 'connect-sheet bg-revoked');
    await slashCommand(team, 'connect-sheet bg-open');
    sheets.spreadsheet('bg-revoked').sharedWith.clear();
    sheets.sheet('bg-open', RUNS_SHEET_NAME).cells.push(...encodeRunRows(segmentMall('bg-run-new', 3)));

    const client = createSheetsClient({ env: process.env, retry: { retries: 0 } });
    const outcomes = await syncSheets(store, client, team);
    expect(outcomes.map((outcome) => [outcome.link.spreadsheetId, outcome.ok])).toEqual([
      ['bg-revoked', false],
      ['bg-open', true],
    ]);
    expect((await store.listRuns(team)).map((run) => run.id).sort()).toEqual(
      ['bg-run-new', 'bg-run-open', 'bg-run-revoked'].sort(),
    );
    const links = await listSheetLinks(store.database, team);
    expect(links.find((link) => link.spreadsheetId === 'bg-revoked')?.lastError).toContain(
      `share the sheet with ${ROBOT}`,
    );
    expect(links.find((link) => link.spreadsheetId === 'bg-open')?.lastError).toBeUndefined();
  });

  it('reads SEGMENTS_SYNC_MINUTES: 15 by default, 0 turns it off, anything else is refused with a reason', () => {
    expect(sheetSyncMinutes({})).toBe(15);
    expect(sheetSyncMinutes({ SEGMENTS_SYNC_MINUTES: '0' })).toBe(0);
    expect(sheetSyncMinutes({ SEGMENTS_SYNC_MINUTES: ' 5 ' })).toBe(5);
    expect(() => sheetSyncMinutes({ SEGMENTS_SYNC_MINUTES: 'often' })).toThrow(
      /SEGMENTS_SYNC_MINUTES must be a whole number of minutes/,
    );
    expect(() => sheetSyncMinutes({ SEGMENTS_SYNC_MINUTES: '-1' })).toThrow(/must be 0 \(off\) or more/);
  });

  it('starts no timer and makes no client when the sync is off', () => {
    let clients = 0;
    const sync = startSheetSync(store, {
      minutes: 0,
      client: () => {
        clients++;
        return createSheetsClient({ env: process.env });
      },
    });
    sync.stop();
    expect(clients).toBe(0);
  });
});
