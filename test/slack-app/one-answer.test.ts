import { ACTION_SHARE_RUN } from '@segments/slack-app';
import { openRunStore, type RunStore } from '@segments/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabaseUrl, openTempPgliteStore, postgresUrl, type TestStore } from '../helpers/stores';
import {
  blockActionsBody,
  eventCallbackBody,
  postToSlackEvents,
  signSlackRequest,
  slashCommandBody,
} from '../standins/slack-web-api';
import { sampleRun } from './helpers/sample-run';
import { type RunningTestApp, SIGNING_SECRET, startTestApp } from './helpers/test-app';

const TEAM = 'T-once';
const signed = { signingSecret: SIGNING_SECRET };
const settle = () => new Promise((resolve) => setTimeout(resolve, 400));

const url = postgresUrl();

/**
 * Two replicas of the app (two processes' worth: each its own store connection) on one PostgreSQL
 * database, as a load balancer would spread Slack's requests over them.
 */
describe.skipIf(url === null)('exactly one answer, across two replicas on one PostgreSQL', () => {
  let storeA: RunStore;
  let storeB: RunStore;
  let replicaA: RunningTestApp;
  let replicaB: RunningTestApp;
  let n = 0;

  beforeAll(async () => {
    // Each replica opens its own pool on the same database, as separate processes would.
    const databaseUrl = await freshDatabaseUrl(url as string);
    storeA = await openRunStore({ databaseUrl });
    storeB = await openRunStore({ databaseUrl });
    await storeA.saveRun(TEAM, sampleRun({ id: 'once-run', name: 'Once run' }));
    replicaA = await startTestApp(storeA);
    replicaB = await startTestApp(storeB, { slackApiUrl: replicaA.slack.apiUrl });
  });
  afterAll(async () => {
    await replicaA?.stop();
    await replicaB?.stop();
    await storeB?.close();
    await storeA?.close();
  });

  const callsTo = (id: string) => replicaA.slack.calls.filter((call) => call.responseId === id);

  it('answers a signed slash command sent 3 times (to both replicas) once', async () => {
    const id = `cmd-${++n}`;
    const body = slashCommandBody({ team: TEAM, text: 'runs', responseUrl: replicaA.slack.responseUrl(id) });
    const timestamp = Math.floor(Date.now() / 1000);
    const sends = await Promise.all([
      postToSlackEvents(replicaA.baseUrl, body, 'application/x-www-form-urlencoded', {
        ...signed,
        timestamp,
      }),
      postToSlackEvents(replicaB.baseUrl, body, 'application/x-www-form-urlencoded', {
        ...signed,
        timestamp,
      }),
      postToSlackEvents(replicaA.baseUrl, body, 'application/x-www-form-urlencoded', {
        ...signed,
        timestamp,
      }),
    ]);
    expect(sends.map((response) => response.status)).toEqual([200, 200, 200]);
    await replicaA.slack.waitFor((call) => call.responseId === id, 'the answer');
    await settle();
    expect(callsTo(id)).toHaveLength(1);
  });

  it('answers an event re-sent by Slack with X-Slack-Retry-Num 1 and 2 once', async () => {
    const thread = `${Date.now() / 1000}`;
    const body = eventCallbackBody(TEAM, {
      type: 'app_mention',
      user: 'U-bob',
      text: '<@UBOT> runs',
      ts: thread,
      channel: 'C-general',
      event_ts: thread,
    });
    const send = async (base: string, retry?: number) => {
      const timestamp = Math.floor(Date.now() / 1000) + (retry ?? 0);
      return fetch(`${base}/slack/events`, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          'X-Slack-Request-Timestamp': String(timestamp),
          'X-Slack-Signature': signSlackRequest(SIGNING_SECRET, timestamp, body),
          ...(retry ? { 'X-Slack-Retry-Num': String(retry), 'X-Slack-Retry-Reason': 'http_timeout' } : {}),
        },
        body,
      });
    };
    expect((await send(replicaA.baseUrl)).status).toBe(200);
    expect((await send(replicaB.baseUrl, 1)).status).toBe(200);
    expect((await send(replicaA.baseUrl, 2)).status).toBe(200);
    await replicaA.slack.waitFor(
      (call) => call.method === 'chat.postMessage' && call.body.thread_ts === thread,
      'the reply in the thread',
    );
    await settle();
    const replies = replicaA.slack.calls.filter(
      (call) => call.method === 'chat.postMessage' && call.body.thread_ts === thread,
    );
    expect(replies).toHaveLength(1);
  });

  it('posts a "Share in channel" click replayed 5 times once', async () => {
    const id = `share-${++n}`;
    const body = blockActionsBody({
      team: TEAM,
      actionId: ACTION_SHARE_RUN,
      value: JSON.stringify({ runId: 'once-run' }),
      responseUrl: replicaA.slack.responseUrl(id),
    });
    const sends = await Promise.all(
      [replicaA, replicaB, replicaA, replicaB, replicaA].map((replica, i) =>
        postToSlackEvents(replica.baseUrl, body, 'application/x-www-form-urlencoded', {
          ...signed,
          timestamp: Math.floor(Date.now() / 1000) + i,
        }),
      ),
    );
    expect(sends.every((response) => response.status === 200)).toBe(true);
    await replicaA.slack.waitFor((call) => call.responseId === id, 'the shared run');
    await settle();
    expect(callsTo(id)).toHaveLength(1);
    expect(callsTo(id)[0]?.body.response_type).toBe('in_channel');
  });

  it('still answers the same question asked again as a new request', async () => {
    const ids = [`again-${++n}`, `again-${++n}`];
    for (const id of ids) {
      const body = slashCommandBody({
        team: TEAM,
        text: 'runs',
        responseUrl: replicaA.slack.responseUrl(id),
      });
      await postToSlackEvents(replicaB.baseUrl, body, 'application/x-www-form-urlencoded', signed);
      await replicaA.slack.waitFor((call) => call.responseId === id, `the answer to ${id}`);
    }
  });

  it('refuses timestamps 1 hour or 1 year in the future like stale ones, with 401 and no answer', async () => {
    const id = `future-${++n}`;
    const body = slashCommandBody({ team: TEAM, text: 'runs', responseUrl: replicaA.slack.responseUrl(id) });
    const now = Math.floor(Date.now() / 1000);
    for (const ahead of [60 * 60, 365 * 24 * 60 * 60, 6 * 60]) {
      const response = await postToSlackEvents(replicaA.baseUrl, body, 'application/x-www-form-urlencoded', {
        ...signed,
        timestamp: now + ahead,
      });
      expect(response.status).toBe(401);
    }
    await settle();
    expect(callsTo(id)).toEqual([]);
  });
});

describe('exactly one answer on the embedded store (PGlite)', () => {
  let opened: TestStore;
  let running: RunningTestApp;
  beforeAll(async () => {
    opened = await openTempPgliteStore();
    running = await startTestApp(opened.store);
  });
  afterAll(async () => {
    await running?.stop();
    await opened?.dispose();
  });

  it('answers a signed slash command sent 3 times once, and a new one again', async () => {
    const body = slashCommandBody({
      team: TEAM,
      text: 'runs',
      responseUrl: running.slack.responseUrl('lite'),
    });
    const timestamp = Math.floor(Date.now() / 1000);
    for (let i = 0; i < 3; i++) {
      const response = await postToSlackEvents(running.baseUrl, body, 'application/x-www-form-urlencoded', {
        ...signed,
        timestamp,
      });
      expect(response.status).toBe(200);
    }
    await running.slack.waitFor((call) => call.responseId === 'lite', 'the answer');
    await settle();
    expect(running.slack.calls.filter((call) => call.responseId === 'lite')).toHaveLength(1);
    await postToSlackEvents(
      running.baseUrl,
      slashCommandBody({ team: TEAM, text: 'runs', responseUrl: running.slack.responseUrl('lite-2') }),
      'application/x-www-form-urlencoded',
      signed,
    );
    await running.slack.waitFor((call) => call.responseId === 'lite-2', 'the second answer');
  });
});
