import { networkInterfaces } from 'node:os';
import { answerQuestion } from '@segments/core';
import { createSlackApp, loadSlackAppConfig, type SegmentsSlackApp } from '@segments/slack-app';
import { LogLevel } from '@slack/bolt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTempPgliteStore, type TestStore } from '../helpers/stores';
import type { RecordedCall } from '../standins/slack-web-api';
import {
  eventsApiEnvelope,
  type SocketModeStandIn,
  slashCommandEnvelope,
  startSocketModeStandIn,
} from '../standins/socket-mode';
import { sampleRun, VIP } from './helpers/sample-run';

const APP_TOKEN = 'xapp-1-A-segments-socket-test';
const BOT_TOKEN = 'xoxb-socket-test';
const TEAM = 'T-socket-mode';
const OTHER_TEAM = 'T-socket-other';
/** An address of this machine other than loopback, to check that HOST=127.0.0.1 is honoured. */
const OTHER_ADDRESS = Object.values(networkInterfaces())
  .flat()
  .find((address) => address && address.family === 'IPv4' && !address.internal)?.address;

let socket: SocketModeStandIn;
let opened: TestStore;
let slackApp: SegmentsSlackApp;
let httpPort: number;
let stopped = false;
let envelopeCounter = 0;

beforeAll(async () => {
  socket = await startSocketModeStandIn();
  opened = await openTempPgliteStore();
  // A Socket Mode deployment has no inbound runs API token here: the run is saved through the store.
  await opened.store.saveRun(TEAM, sampleRun({ id: 'socket-run', name: 'Mall customers (socket)' }));
  // The configuration production reads: an app token switches the app to Socket Mode.
  const loaded = loadSlackAppConfig({
    SLACK_BOT_TOKEN: BOT_TOKEN,
    SLACK_APP_TOKEN: APP_TOKEN,
    SLACK_API_URL: socket.slack.apiUrl,
    PORT: '0',
    HOST: '127.0.0.1',
  });
  if (!loaded.ok) throw new Error(loaded.message);
  slackApp = createSlackApp(loaded.config, {
    store: opened.store,
    answerQuestion,
    logLevel: LogLevel.ERROR,
  });
  ({ port: httpPort } = await slackApp.start());
});
afterAll(async () => {
  if (!stopped) await slackApp?.stop();
  await socket?.close();
  await opened?.dispose();
});

function nextEnvelopeId(): string {
  envelopeCounter += 1;
  return `envelope-${envelopeCounter}`;
}

/** Sends `/segments <text>` over the socket; returns the ack and what reached the response_url. */
async function slashCommand(team: string, text: string): Promise<{ ack: unknown; reply: RecordedCall }> {
  const envelopeId = nextEnvelopeId();
  socket.send(
    slashCommandEnvelope({ envelopeId, team, text, responseUrl: socket.slack.responseUrl(envelopeId) }),
  );
  const ack = await socket.waitForAck(envelopeId);
  const reply = await socket.slack.waitFor(
    (call) => call.responseId === envelopeId,
    `the reply to "${text}"`,
  );
  return { ack, reply };
}

describe('Slack app in Socket Mode (SLACK_APP_TOKEN set)', () => {
  it('opens its connection with the app-level token and is connected once Slack says hello', async () => {
    const open = socket.slack.calls.filter((call) => call.method === 'apps.connections.open');
    expect(open).toHaveLength(1);
    expect(open[0].token).toBe(APP_TOKEN);
    expect(socket.openConnections()).toBe(1);
  });

  it('acknowledges a slash command envelope over the socket and answers at its response_url', async () => {
    const { ack, reply } = await slashCommand(TEAM, 'how big is the VIP segment?');
    expect(ack).toEqual({ envelope_id: expect.stringMatching(/^envelope-/), payload: {} });
    const text = String(reply.body.text);
    expect(text).toContain(VIP.name);
    expect(text).toContain('40');
    expect(text).toMatch(/\b20(\.0)?%/);
    expect(JSON.stringify(reply.body.blocks)).toMatch(/\b20(\.0)?%/);
  });

  it('answers an @mention envelope in the thread of the message through chat.postMessage', async () => {
    const envelopeId = nextEnvelopeId();
    socket.send(
      eventsApiEnvelope(envelopeId, TEAM, {
        type: 'app_mention',
        user: 'U-alice',
        text: '<@UBOT> how big is the VIP segment?',
        ts: '1700000100.000100',
        channel: 'C-socket',
        event_ts: '1700000100.000100',
      }),
    );
    expect(await socket.waitForAck(envelopeId)).toEqual({ envelope_id: envelopeId, payload: {} });
    const post = await socket.slack.waitFor(
      (call) => call.method === 'chat.postMessage' && call.body.channel === 'C-socket',
      'the mention answer',
    );
    // Replies go out with the bot token; the app-level token only opens the socket.
    expect(post.token).toBe(BOT_TOKEN);
    expect(post.body.thread_ts).toBe('1700000100.000100');
    expect(String(post.body.text)).toContain(VIP.name);
    expect(String(post.body.text)).toContain('40');
  });

  it("tells another team it has no runs yet, without the first team's segments", async () => {
    const { reply } = await slashCommand(OTHER_TEAM, 'how big is the VIP segment?');
    expect(String(reply.body.text)).toMatch(/no runs/i);
    expect(JSON.stringify(reply.body)).not.toContain(VIP.name);
  });

  it('serves the runs API and /healthz on the port it reports, but no /slack/events request URL', async () => {
    // PORT=0 picked a free port; start() reports the one it listens on.
    expect(httpPort).toBeGreaterThan(0);
    const base = `http://127.0.0.1:${httpPort}`;
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    // No runs API token is configured: the API refuses, it does not serve runs anonymously.
    expect((await fetch(`${base}/api/runs`)).status).toBe(401);
    const events = await fetch(`${base}/slack/events`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ type: 'url_verification', challenge: 'not-served' }),
    });
    expect(events.status).toBe(404);
  });

  it.skipIf(!OTHER_ADDRESS)('listens only on the interface HOST names', async () => {
    await expect(fetch(`http://${OTHER_ADDRESS}:${httpPort}/healthz`)).rejects.toThrow();
  });

  it('closes its WebSocket and its HTTP port when stopped', async () => {
    await slackApp.stop();
    stopped = true;
    await socket.allClosed();
    await expect(fetch(`http://127.0.0.1:${httpPort}/healthz`)).rejects.toThrow();
    // It disconnected on purpose: it does not ask Slack for a new connection.
    expect(socket.slack.calls.filter((call) => call.method === 'apps.connections.open')).toHaveLength(1);
  });
});
