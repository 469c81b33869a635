import { FRIENDLY_ERROR_TEXT } from '@segments/slack-app';
import type { RunStore } from '@segments/store';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { openTempPgliteStore, type TestStore } from '../helpers/stores';
import {
  eventCallbackBody,
  postToSlackEvents,
  type RecordedCall,
  slashCommandBody,
} from '../standins/slack-web-api';
import { BUDGET, sampleRun } from './helpers/sample-run';
import { type RunningTestApp, SIGNING_SECRET, startTestApp } from './helpers/test-app';

const TEAM = 'T-manage';
let opened: TestStore;
let store: RunStore;
let running: RunningTestApp;
let counter = 0;

beforeAll(async () => {
  opened = await openTempPgliteStore();
  store = opened.store;
  // U-carol is no Slack admin but is named in SEGMENTS_ADMINS.
  running = await startTestApp(store, { admins: ['U-carol'] });
  running.slack.users.set('U-carol', { name: 'carol' });
  running.slack.users.set('U-owner', { name: 'olga', is_owner: true });
});
afterAll(async () => {
  await running?.stop();
  await opened?.dispose();
});

async function slash(text: string, user = 'U-alice', team = TEAM): Promise<string> {
  const id = `m${++counter}`;
  const body = slashCommandBody({ team, text, user, responseUrl: running.slack.responseUrl(id) });
  const response = await postToSlackEvents(running.baseUrl, body, 'application/x-www-form-urlencoded', {
    signingSecret: SIGNING_SECRET,
  });
  expect(response.status).toBe(200);
  const ack = await response.text();
  if (ack !== '') return String(JSON.parse(ack).text);
  const call: RecordedCall = await running.slack.waitFor(
    (c) => c.responseId === id,
    `the reply to "${text}"`,
  );
  return String(call.body.text);
}

function tokenIn(text: string): string {
  const token = /`(seg_[\w-]+)`/.exec(text)?.[1];
  if (!token) throw new Error(`no token in: ${text}`);
  return token;
}

describe('/segments tokens, connect and revoke', () => {
  it('lets admins, owners and SEGMENTS_ADMINS connect, and refuses other members', async () => {
    expect(await slash('connect', 'U-bob')).toMatch(/Only workspace admins and owners/);
    expect(await store.listApiTokens(TEAM)).toEqual([]);
    expect(tokenIn(await slash('connect sheets', 'U-alice'))).toMatch(/^seg_/);
    expect(tokenIn(await slash('connect', 'U-owner'))).toMatch(/^seg_/);
    expect(tokenIn(await slash('connect ci', 'U-carol'))).toMatch(/^seg_/);
    // users.info is asked strictly: a user Slack does not know is no admin.
    expect(await slash('connect', 'U-ghost')).toMatch(/Only workspace admins and owners/);
    // When Slack cannot say, the user hears that something failed rather than a wrong refusal.
    running.slack.failing.set('users.info', 'ratelimited');
    try {
      expect(await slash('connect', 'U-bob')).toBe(FRIENDLY_ERROR_TEXT);
    } finally {
      running.slack.failing.delete('users.info');
    }
    expect(
      running.slack.calls.some((call) => call.method === 'users.info' && call.body.user === 'U-bob'),
    ).toBe(true);
  });

  it('lists the tokens with label, creator, creation and last use', async () => {
    const text = await slash('tokens', 'U-bob');
    expect(text).toContain('3 API tokens');
    expect(text).toMatch(/`sheets` — created by <@U-alice> on \d{4}-\d{2}-\d{2}, last used never/);
    expect(text).toMatch(/`ci` — created by <@U-carol>/);
    expect(text).toMatch(/`token-\d+` — created by <@U-owner>/);
  });

  it('refuses a label that exists already', async () => {
    expect(await slash('connect sheets')).toMatch(/labelled `sheets` exists already/);
  });

  it('revokes a token by label (admins only): publishing with it then fails with 401', async () => {
    const token = tokenIn(await slash('connect temp'));
    const publish = () =>
      fetch(`${running.baseUrl}/api/runs`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
        body: JSON.stringify(sampleRun({ id: `rev-${++counter}` })),
      });
    expect((await publish()).status).toBe(201);
    expect(await slash('tokens')).toMatch(/`temp` — created by <@U-alice> on [\d-]+, last used \d{4}-/);
    expect(await slash('revoke temp', 'U-bob')).toMatch(/Only workspace admins/);
    expect((await publish()).status).toBe(201);
    expect(await slash('revoke temp')).toMatch(/Revoked the token labelled `temp`/);
    expect((await publish()).status).toBe(401);
    expect(await slash('revoke temp')).toMatch(/No token of this workspace is labelled `temp`/);
  });

  it('deletes a run by id for admins only', async () => {
    await store.saveRun(TEAM, sampleRun({ id: 'doomed' }));
    expect(await slash('delete doomed', 'U-bob')).toMatch(/Only workspace admins/);
    expect(await store.getRun(TEAM, 'doomed')).toBeDefined();
    expect(await slash('delete doomed', 'U-carol')).toMatch(/Deleted run `doomed`/);
    expect(await store.getRun(TEAM, 'doomed')).toBeUndefined();
  });

  it('deletes "the latest run" or a run by its name, saying which one went', async () => {
    await store.saveRun(
      TEAM,
      sampleRun({ id: 'older', name: 'Mall May', createdAt: '2026-05-01T00:00:00Z' }),
    );
    await store.saveRun(
      TEAM,
      sampleRun({ id: 'newest', name: 'Mall June', createdAt: '2099-06-01T00:00:00Z' }),
    );
    expect(await slash('delete the latest run', 'U-carol')).toBe('Deleted run `newest` (Mall June).');
    expect(await store.getRun(TEAM, 'newest')).toBeUndefined();
    expect(await slash('delete Mall May', 'U-carol')).toBe('Deleted run `older` (Mall May).');
    expect(await store.getRun(TEAM, 'older')).toBeUndefined();
    expect(await slash('delete Mall May', 'U-carol')).toMatch(/no run with id `Mall May`/);
  });
});

describe('listing runs past one page', () => {
  it('says "50 most recent of 61 runs" instead of claiming there are 50', async () => {
    const team = 'T-many';
    for (let i = 0; i < 61; i++) {
      const createdAt = new Date(Date.UTC(2026, 0, 1, 0, i)).toISOString();
      await store.saveRun(team, sampleRun({ id: `many-${i}`, createdAt, segments: [BUDGET] }));
    }
    const text = await slash('runs', 'U-bob', team);
    expect(text).toMatch(/^50 most recent of 61 runs, newest first:/);
    expect(text).not.toMatch(/There are 50 runs/);
    const few = 'T-few';
    await store.saveRun(few, sampleRun({ id: 'only' }));
    expect(await slash('runs', 'U-bob', few)).not.toMatch(/most recent of/);
  });
});

describe('a listener that fails', () => {
  it('tells the user in one friendly line, and logs the stack without the request', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const real = store.listRecent;
    store.listRecent = async () => {
      throw new Error('database on fire');
    };
    try {
      expect(await slash('which segment should we target? SECRET-QUESTION', 'U-bob')).toBe(
        FRIENDLY_ERROR_TEXT,
      );
      const thread = `${Date.now() / 1000}`;
      const event = eventCallbackBody(TEAM, {
        type: 'app_mention',
        user: 'U-bob',
        text: '<@UBOT> runs',
        ts: thread,
        channel: 'C-general',
        event_ts: thread,
      });
      await postToSlackEvents(running.baseUrl, event, 'application/json', { signingSecret: SIGNING_SECRET });
      const reply = await running.slack.waitFor(
        (call) => call.method === 'chat.postMessage' && call.body.thread_ts === thread,
        'the friendly line in the thread',
      );
      expect(reply.body.text).toBe(FRIENDLY_ERROR_TEXT);
      const logged = errors.mock.calls.flat().map(String).join('\n');
      expect(logged).toMatch(/database on fire\n\s+at /);
      expect(logged).not.toContain('SECRET-QUESTION');
    } finally {
      store.listRecent = real;
      errors.mockRestore();
    }
  });
});
