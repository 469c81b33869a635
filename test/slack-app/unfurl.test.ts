/**
 * Link unfurls: a Google Sheets link of a spreadsheet the workspace has runs from unfurls into its
 * latest run (chat.unfurl, strict in the stand-in); other workspaces and other spreadsheets get
 * no unfurl.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTempPgliteStore, type TestStore } from '../helpers/stores';
import { eventCallbackBody, postToSlackEvents } from '../standins/slack-web-api';
import { validateBlocks } from './helpers/block-kit';
import { BUDGET, sampleRun, VIP } from './helpers/sample-run';
import { type RunningTestApp, SIGNING_SECRET, startTestApp } from './helpers/test-app';

const SHEET = '1AbCdEfGhIjKlMnOpQrStUvWxYz0123456789';
const OWNER = 'T-owner';
const STRANGER = 'T-stranger';

let opened: TestStore;
let running: RunningTestApp;

beforeAll(async () => {
  opened = await openTempPgliteStore();
  const fromSheet = (id: string, name: string, createdAt: string, segments = [VIP, BUDGET]) => {
    const run = sampleRun({ id, name, createdAt, segments });
    return {
      ...run,
      source: {
        kind: 'sheet' as const,
        rowCount: run.source.rowCount,
        spreadsheetId: SHEET,
        spreadsheetName: 'Customers',
      },
    };
  };
  await opened.store.saveRun(OWNER, fromSheet('old', 'January sheet run', '2026-01-01T00:00:00Z'));
  await opened.store.saveRun(OWNER, fromSheet('new', 'February sheet run', '2026-02-01T00:00:00Z'));
  await opened.store.saveRun(
    OWNER,
    sampleRun({ id: 'csv', name: 'CSV run', createdAt: '2026-03-01T00:00:00Z' }),
  );
  running = await startTestApp(opened.store);
});
afterAll(async () => {
  await running?.stop();
  await opened?.dispose();
});

function share(team: string, url: string, ts: string) {
  const body = eventCallbackBody(team, {
    type: 'link_shared',
    channel: 'C0MARKETING',
    user: 'U1',
    message_ts: ts,
    links: [{ domain: 'docs.google.com', url }],
  });
  return postToSlackEvents(running.baseUrl, body, 'application/json', { signingSecret: SIGNING_SECRET });
}

describe('link_shared', () => {
  it("unfurls a connected spreadsheet's link into its latest run, for the owning workspace only", async () => {
    const url = `https://docs.google.com/spreadsheets/d/${SHEET}/edit#gid=0`;
    // First the links that must not unfurl: another workspace, another spreadsheet.
    expect((await share(STRANGER, url, '1.1')).status).toBe(200);
    expect(
      (await share(OWNER, 'https://docs.google.com/spreadsheets/d/1ZZZZZZZZZZZZZZZZZZZZZZ/edit', '1.2'))
        .status,
    ).toBe(200);
    expect((await share(OWNER, url, '1.3')).status).toBe(200);
    const unfurl = await running.slack.waitFor((call) => call.method === 'chat.unfurl', 'the unfurl');
    expect(unfurl.body).toMatchObject({ channel: 'C0MARKETING', ts: '1.3' });
    const raw = unfurl.body.unfurls;
    const unfurls =
      typeof raw === 'string' ? JSON.parse(raw) : (raw as Record<string, { blocks: unknown[] }>);
    const blocks = unfurls[url].blocks;
    expect(JSON.stringify(blocks)).toContain('February sheet run');
    expect(JSON.stringify(blocks)).not.toContain('January sheet run');
    expect(validateBlocks(blocks)).toEqual([]);
    expect(running.slack.calls.filter((call) => call.method === 'chat.unfurl')).toHaveLength(1);
  });
});
