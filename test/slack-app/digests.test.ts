/**
 * Digests and new-run alerts: schedules in the store, fired once per period however many replicas
 * tick (two schedulers over one store here), driven by an injected clock — no sleeps.
 */
import { toRunSummary } from '@segments/core';
import {
  notifySubscribers,
  periodKey,
  runDueDigests,
  runNewRunAlerts,
  scheduleReply,
} from '@segments/slack-app';
import type { RunStore } from '@segments/store';
import type { types } from '@slack/bolt';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openTempPgliteStore, type TestStore } from '../helpers/stores';
import { postToSlackEvents, slashCommandBody } from '../standins/slack-web-api';
import { validateBlocks } from './helpers/block-kit';
import { BUDGET, sampleRun, VIP } from './helpers/sample-run';
import { type RunningTestApp, SIGNING_SECRET, startTestApp } from './helpers/test-app';

type Posted = { channel: string; text: string; blocks: types.KnownBlock[] };

let opened: TestStore;
let store: RunStore;
beforeAll(async () => {
  opened = await openTempPgliteStore();
  store = opened.store;
});
afterAll(async () => {
  await opened?.dispose();
});

describe('periodKey', () => {
  it('starts a day at 09:00 UTC and a week on Monday 09:00 UTC (ISO weeks)', () => {
    expect(periodKey('daily', new Date('2026-02-02T08:59:00Z'))).toBe('daily:2026-02-01');
    expect(periodKey('daily', new Date('2026-02-02T09:00:00Z'))).toBe('daily:2026-02-02');
    expect(periodKey('weekly', new Date('2026-02-02T08:59:00Z'))).toBe('weekly:2026-W05');
    expect(periodKey('weekly', new Date('2026-02-08T23:00:00Z'))).toBe('weekly:2026-W06');
    expect(periodKey('weekly', new Date('2024-12-30T10:00:00Z'))).toBe('weekly:2025-W01');
  });
});

describe('runDueDigests with two replicas', () => {
  const TEAM = 'T-digest';
  const posted: Posted[] = [];
  // Two replicas: separate schedulers over one store (the claim is the store's, not the process's).
  const replica = () => ({
    get store() {
      return store;
    },
    post: async (message: Posted) => {
      posted.push(message);
    },
  });
  const [a, b] = [replica(), replica()];
  const tick = (iso: string) =>
    Promise.all([runDueDigests(a, new Date(iso)), runDueDigests(b, new Date(iso))]);

  beforeEach(() => {
    posted.length = 0;
  });

  it('posts each digest once per period, on time, whichever replica ticks', async () => {
    await store.saveRun(TEAM, sampleRun({ id: 'd1', name: 'Digest run', segments: [VIP, BUDGET] }));
    expect(await scheduleReply(store, TEAM, 'U1', 'C0HERE', 'digest weekly <#C0WEEKLY|marketing>')).toContain(
      'every Monday',
    );
    await scheduleReply(store, TEAM, 'U1', 'C0DAILY', 'digest daily');

    // Monday 2 February 2026 (first digest of an ISO week at 09:00 UTC; the previous period counts as new too).
    await tick('2026-02-02T08:30:00Z');
    const before = posted.length;
    expect(posted.map((post) => post.channel).sort()).toEqual(['C0DAILY', 'C0WEEKLY']);
    posted.length = 0;
    await tick('2026-02-02T08:59:00Z');
    expect(posted).toEqual([]);
    await tick('2026-02-02T09:00:00Z');
    expect(posted.map((post) => post.channel).sort()).toEqual(['C0DAILY', 'C0WEEKLY']);
    posted.length = 0;
    await tick('2026-02-02T17:00:00Z');
    await tick('2026-02-03T08:00:00Z');
    expect(posted).toEqual([]);
    await tick('2026-02-03T09:05:00Z');
    expect(posted.map((post) => post.channel)).toEqual(['C0DAILY']);
    posted.length = 0;
    await tick('2026-02-09T09:00:00Z');
    expect(posted.map((post) => post.channel).sort()).toEqual(['C0DAILY', 'C0WEEKLY']);
    expect(before).toBe(2);
  });

  it('posts the latest run summary within Block Kit limits and says how to stop', async () => {
    await tick('2026-02-10T09:00:00Z');
    const message = posted.find((post) => post.channel === 'C0DAILY');
    expect(message?.text).toBe('Daily digest: Digest run');
    expect(validateBlocks(message?.blocks ?? [])).toEqual([]);
    expect(JSON.stringify(message?.blocks)).toContain('/segments digest off');
  });

  it('stops when turned off', async () => {
    expect(await scheduleReply(store, TEAM, 'U1', 'C0HERE', 'digest off')).toBe(
      'Digest stopped (2 channels).',
    );
    await tick('2026-02-16T09:00:00Z');
    expect(posted).toEqual([]);
  });
});

describe('notifySubscribers', () => {
  it('posts a new run once per subscribed channel, even when two replicas hear of it', async () => {
    const TEAM = 'T-sub';
    await scheduleReply(store, TEAM, 'U1', 'C0HERE', 'subscribe <#C0ALERTS|alerts>');
    const posted: Posted[] = [];
    const deps = { store, post: async (message: Posted) => void posted.push(message) };
    const run = toRunSummary(sampleRun({ id: 'new-1', name: 'Fresh run' }));
    const counts = await Promise.all([
      notifySubscribers(deps, TEAM, run),
      notifySubscribers(deps, TEAM, run),
    ]);
    expect(counts.sort()).toEqual([0, 1]);
    expect(posted.map((post) => [post.channel, post.text])).toEqual([
      ['C0ALERTS', 'New run published: Fresh run'],
    ]);
    expect(await scheduleReply(store, TEAM, 'U1', 'C0HERE', 'unsubscribe <#C0ALERTS|alerts>')).toContain(
      'No more',
    );
  });
});

describe('runNewRunAlerts', () => {
  it('posts a run that arrived without the runs API (sheet sync) once, and not the run newest at subscribe time', async () => {
    const TEAM = 'T-sync';
    await store.saveRun(
      TEAM,
      sampleRun({ id: 'before', name: 'Before subscribing', createdAt: '2026-01-01T00:00:00Z' }),
    );
    await scheduleReply(store, TEAM, 'U1', 'C0HERE', 'subscribe <#C0SYNC|sync>');
    const posted: Posted[] = [];
    const deps = { store, post: async (message: Posted) => void posted.push(message) };
    await runNewRunAlerts(deps);
    expect(posted.filter((post) => post.channel === 'C0SYNC')).toEqual([]);
    await store.saveRun(
      TEAM,
      sampleRun({ id: 'synced', name: 'Synced run', createdAt: '2026-02-01T00:00:00Z' }),
    );
    await Promise.all([runNewRunAlerts(deps), runNewRunAlerts(deps)]);
    await runNewRunAlerts(deps);
    expect(posted.filter((post) => post.channel === 'C0SYNC').map((post) => post.text)).toEqual([
      'New run published: Synced run',
    ]);
  });
});

describe('the app: subscribe, then publish through the runs API', () => {
  let running: RunningTestApp;
  const TEAM = 'T-sub-app';
  const TOKEN = 'static-token-for-subscriptions';
  beforeAll(async () => {
    running = await startTestApp(store, { staticApiToken: { token: TOKEN, team: TEAM } });
  });
  afterAll(async () => {
    await running?.stop();
  });

  it('posts to the subscribed channel when a new run is published, and not again for the same run', async () => {
    const body = slashCommandBody({
      team: TEAM,
      text: 'subscribe <#C0NEWS|news>',
      responseUrl: running.slack.responseUrl('s1'),
    });
    await postToSlackEvents(running.baseUrl, body, 'application/x-www-form-urlencoded', {
      signingSecret: SIGNING_SECRET,
    });
    const reply = await running.slack.waitFor((call) => call.responseId === 's1', 'the subscribe reply');
    expect(String(reply.body.text)).toContain("I'll post each newly published run in <#C0NEWS>");
    const publish = () =>
      fetch(`${running.baseUrl}/api/runs`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json' },
        body: JSON.stringify(toRunSummary(sampleRun({ id: 'published-1', name: 'Published run' }))),
      });
    expect((await publish()).status).toBe(201);
    const post = await running.slack.waitFor(
      (call) => call.method === 'chat.postMessage' && call.body.channel === 'C0NEWS',
      'the new-run post',
    );
    expect(String(post.body.text)).toBe('New run published: Published run');
    expect((await publish()).status).toBe(200);
    await running.slack
      .waitFor((call) => call.method === 'chat.postMessage', 'settle', 100)
      .catch(() => undefined);
    expect(
      running.slack.calls.filter(
        (call) => call.method === 'chat.postMessage' && call.body.channel === 'C0NEWS',
      ),
    ).toHaveLength(1);
  });
});
