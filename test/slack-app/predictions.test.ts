import { answerQuestion } from '@segments/core';
import { renderAnswer } from '@segments/slack-app';
import type { RunStore } from '@segments/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makePredictionRun } from '../helpers/make-prediction';
import { openTempPgliteStore, type TestStore } from '../helpers/stores';
import { postToSlackEvents, type RecordedCall, slashCommandBody } from '../standins/slack-web-api';
import { sampleRun } from './helpers/sample-run';
import { type RunningTestApp, SIGNING_SECRET, startTestApp } from './helpers/test-app';

const STATIC_TOKEN = 'static-token-of-team-predict';
const TEAM = 'T-predict';
const OTHER_TEAM = 'T-no-predictions';

let opened: TestStore;
let store: RunStore;
let running: RunningTestApp;
let otherToken: string;
let responseCounter = 0;

beforeAll(async () => {
  opened = await openTempPgliteStore();
  store = opened.store;
  otherToken = await store.createApiToken(OTHER_TEAM);
  running = await startTestApp(store, { staticApiToken: { token: STATIC_TOKEN, team: TEAM } });
});
afterAll(async () => {
  await running?.stop();
  await opened?.dispose();
});

function post(body: unknown, token = STATIC_TOKEN): Promise<Response> {
  return fetch(`${running.baseUrl}/api/runs`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  });
}

async function list(token = STATIC_TOKEN): Promise<{ runs: Record<string, unknown>[] }> {
  const response = await fetch(`${running.baseUrl}/api/runs`, {
    headers: { Authorization: `Bearer ${token}` },
  });
  expect(response.status).toBe(200);
  return (await response.json()) as { runs: Record<string, unknown>[] };
}

/** Sends a signed `/segments <text>` from `team`; returns what the app posted to the response_url. */
async function slashCommand(team: string, text: string): Promise<RecordedCall> {
  const id = `p${++responseCounter}`;
  const body = slashCommandBody({ team, text, responseUrl: running.slack.responseUrl(id) });
  const response = await postToSlackEvents(running.baseUrl, body, 'application/x-www-form-urlencoded', {
    signingSecret: SIGNING_SECRET,
  });
  expect(response.status).toBe(200);
  return running.slack.waitFor((call) => call.responseId === id, `the reply to "${text}"`);
}

function replyText(call: RecordedCall): string {
  return String((call.body as { text?: unknown }).text);
}

describe('runs API with prediction runs', () => {
  it('creates a prediction run with 201, then answers 200 for the same id without changing it', async () => {
    const run = makePredictionRun({ id: 'api-pred-1', name: 'Leads May' });
    const first = await post(run);
    expect(first.status).toBe(201);
    expect(await first.json()).toEqual({
      id: 'api-pred-1',
      created: true,
      name: 'Leads May',
      kind: 'prediction',
    });
    const again = await post({ ...run, name: 'Renamed' });
    expect(again.status).toBe(200);
    expect(((await again.json()) as { created: boolean }).created).toBe(false);
    expect((await store.listPredictions(TEAM)).map((stored) => stored.name)).toEqual(['Leads May']);
  });

  it('rejects an invalid prediction run with 400 and readable issues, storing nothing', async () => {
    const broken = { ...makePredictionRun({ id: 'api-pred-broken' }), rowCount: 'many', segments: [] };
    const response = await post(broken);
    expect(response.status).toBe(400);
    const answer = (await response.json()) as { error: string; message: string; issues: { path: string }[] };
    expect(answer.error).toBe('invalid_run');
    expect(answer.message).toContain('prediction run');
    expect(answer.issues.map((issue) => issue.path)).toEqual(
      expect.arrayContaining(['rowCount', 'segments']),
    );
    expect((await store.listPredictions(TEAM)).map((stored) => stored.id)).not.toContain('api-pred-broken');
  });

  it('never stores per-row predictions, even when a client sends them', async () => {
    const run = makePredictionRun({ id: 'api-pred-rows', createdAt: '2026-04-01T00:00:00Z' });
    const response = await post({ ...run, predictions: [{ row: 2, label: 'D', confidence: 0.91 }] });
    expect(response.status).toBe(201);
    const stored = (await store.listPredictions(TEAM)).find((candidate) => candidate.id === 'api-pred-rows');
    expect(stored).toEqual(run);
  });

  it('publishes a predicted segment under 5 customers without its profile, whatever the client sent', async () => {
    const run = makePredictionRun({
      id: 'api-pred-small',
      createdAt: '2026-03-01T00:00:00Z',
      segments: [
        { label: 'A', size: 3 },
        { label: 'B', size: 40 },
      ],
    });
    const profile = [
      { feature: 'Age', kind: 'numeric' as const, mean: 71, level: 'high' as const, zScore: 2.1 },
    ];
    const posted = {
      ...run,
      segments: run.segments.map((segment) => ({ ...segment, profile, note: 'from the client' })),
      secret: 'not in the contract',
    };
    expect((await post(posted)).status).toBe(201);
    const response = await fetch(`${running.baseUrl}/api/runs/api-pred-small`, {
      headers: { Authorization: `Bearer ${STATIC_TOKEN}` },
    });
    expect(response.status).toBe(200);
    const stored = (await response.json()) as Record<string, unknown> & {
      segments: { label: string; size: number; profile: unknown[] }[];
    };
    expect(stored.segments.map((segment) => [segment.label, segment.size, segment.profile])).toEqual([
      ['A', 3, []],
      ['B', 40, profile],
    ]);
    expect(stored.secret).toBeUndefined();
    expect(JSON.stringify(stored)).not.toContain('from the client');
    // Another team does not see it.
    const other = await fetch(`${running.baseUrl}/api/runs/api-pred-small`, {
      headers: { Authorization: `Bearer ${otherToken}` },
    });
    expect(other.status).toBe(404);
  });

  it('refuses sizes that do not add up to rowCount, naming segments', async () => {
    const run = makePredictionRun({ id: 'api-pred-sums' });
    const response = await post({
      ...run,
      rowCount: run.rowCount + 1,
      source: { ...run.source, rowCount: run.rowCount + 1 },
    });
    expect(response.status).toBe(400);
    const answer = (await response.json()) as { message: string; issues: { path: string }[] };
    expect(answer.message).toContain('add up to 2627, not rowCount 2628');
    expect(answer.issues.map((issue) => issue.path)).toEqual(['segments']);
    expect((await store.listPredictions(TEAM)).map((stored) => stored.id)).not.toContain('api-pred-sums');
  });

  it('lists runs and prediction runs of the calling team only, newest first, each with its kind', async () => {
    await post(sampleRun({ id: 'api-seg-1', name: 'Mall June', createdAt: '2026-06-01T00:00:00Z' }));
    const { runs } = await list();
    expect(runs.map((item) => [item.kind, item.id])).toEqual([
      ['run', 'api-seg-1'],
      ['prediction', 'api-pred-1'],
      ['prediction', 'api-pred-rows'],
      ['prediction', 'api-pred-small'],
    ]);
    expect(runs[1]).toMatchObject({ label: 'Segmentation', rowCount: 2627, modelId: 'model-1' });
    expect((runs[1].segments as unknown[])[3]).toEqual({
      label: 'D',
      name: 'Segment D',
      size: 612,
      share: 612 / 2627,
    });
    expect((await list(otherToken)).runs).toEqual([]);
  });
});

describe('/segments questions about predicted segments', () => {
  it('answers how many new customers fall in segment D from the prediction run POSTed to the API', async () => {
    const reply = await slashCommand(TEAM, 'how many new customers fall in segment D?');
    expect(replyText(reply)).toBe(
      '612 of the 2,627 new customers (23.3%) fall in segment D (prediction run "Leads May"). The largest is segment C with 815 (31.0%).',
    );
    expect(JSON.stringify(reply.body)).toContain('*Segment D*: 612 (23.3%)');
  });

  it('tells another team there are no predictions yet and how to make one', async () => {
    const reply = await slashCommand(OTHER_TEAM, 'how many new customers fall in segment D?');
    expect(replyText(reply)).toContain('There are no predictions in this workspace yet');
    expect(replyText(reply)).toContain('segments train');
  });
});

describe('renderAnswer for a prediction answer', () => {
  it('escapes segment, run and model names so they cannot ping a channel', () => {
    const run = makePredictionRun({
      name: '<!channel> leads',
      modelName: 'Model & co',
      segments: [
        { label: '<!here>', size: 3 },
        { label: 'D', size: 1 },
      ],
    });
    const message = renderAnswer(
      answerQuestion('which segment do most new customers fall in?', { runs: [], predictions: [run] }),
    );
    const json = JSON.stringify(message);
    expect(json).not.toContain('<!channel>');
    expect(json).not.toContain('<!here>');
    expect(json).toContain('&lt;!channel&gt; leads');
    expect(json).toContain('Model &amp; co');
    expect(json).toContain('*&lt;!here&gt;*: 3 (75');
  });
});
