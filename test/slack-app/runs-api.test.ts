import { MAX_BODY_BYTES } from '@segments/slack-app';
import type { RunStore } from '@segments/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTempPgliteStore, type TestStore } from '../helpers/stores';
import { sampleRun, VIP } from './helpers/sample-run';
import { type RunningTestApp, startTestApp } from './helpers/test-app';

const STATIC_TOKEN = 'static-token-of-team-alpha';
const ALPHA = 'T-alpha';

let opened: TestStore;
let store: RunStore;
let running: RunningTestApp;
let betaToken: string;

beforeAll(async () => {
  opened = await openTempPgliteStore();
  store = opened.store;
  betaToken = await store.createApiToken('T-beta');
  running = await startTestApp(store, { staticApiToken: { token: STATIC_TOKEN, team: ALPHA } });
});
afterAll(async () => {
  await running?.stop();
  await opened?.dispose();
});

function post(body: string, token: string | null = STATIC_TOKEN): Promise<Response> {
  return fetch(`${running.baseUrl}/api/runs`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body,
  });
}

function list(token: string): Promise<Response> {
  return fetch(`${running.baseUrl}/api/runs`, { headers: { Authorization: `Bearer ${token}` } });
}

describe('runs API', () => {
  it('reports health on GET /healthz', async () => {
    const response = await fetch(`${running.baseUrl}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true, store: 'pglite' });
  });

  it('answers 401 without a token or with an unknown one, and stores nothing', async () => {
    const body = JSON.stringify(sampleRun({ id: 'unauthorised' }));
    expect((await post(body, null)).status).toBe(401);
    expect((await post(body, 'seg_not-a-real-token')).status).toBe(401);
    expect((await fetch(`${running.baseUrl}/api/runs`)).status).toBe(401);
    expect(await store.getRun(ALPHA, 'unauthorised')).toBeUndefined();
  });

  it('creates a run with 201, then answers 200 for the same id without changing it', async () => {
    const first = await post(JSON.stringify(sampleRun({ id: 'api-1', name: 'First name' })));
    expect(first.status).toBe(201);
    expect(await first.json()).toEqual({ id: 'api-1', created: true, name: 'First name' });
    const again = await post(JSON.stringify(sampleRun({ id: 'api-1', name: 'Renamed' })));
    expect(again.status).toBe(200);
    expect(((await again.json()) as { created: boolean }).created).toBe(false);
    expect((await store.getRun(ALPHA, 'api-1'))?.name).toBe('First name');
  });

  it('never stores per-row assignments, even when a client sends them', async () => {
    const response = await post(
      JSON.stringify(sampleRun({ id: 'with-assignments', assignments: [0, 1, 2] })),
    );
    expect(response.status).toBe(201);
    expect((await store.getRun(ALPHA, 'with-assignments'))?.assignments).toBeUndefined();
  });

  it('rejects a body that is not a run with 400 and readable issues, storing nothing', async () => {
    const broken = { ...sampleRun({ id: 'broken' }), k: 'three', segments: [] };
    const response = await post(JSON.stringify(broken));
    expect(response.status).toBe(400);
    const answer = (await response.json()) as { error: string; message: string; issues: { path: string }[] };
    expect(answer.error).toBe('invalid_run');
    expect(answer.issues.map((issue) => issue.path)).toEqual(expect.arrayContaining(['k', 'segments']));
    expect(answer.message).toContain('k');
    expect(await store.getRun(ALPHA, 'broken')).toBeUndefined();
  });

  it('rejects malformed JSON with 400', async () => {
    const response = await post('{"schemaVersion": 1,');
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: string }).error).toBe('invalid_json');
  });

  it('rejects a body over 1 MB with 413 and stores nothing', async () => {
    const huge = { ...sampleRun({ id: 'huge' }), padding: 'x'.repeat(MAX_BODY_BYTES) };
    const response = await post(JSON.stringify(huge));
    expect(response.status).toBe(413);
    expect(await store.getRun(ALPHA, 'huge')).toBeUndefined();
  });

  it('lists only the calling team’s runs', async () => {
    const beta = await post(JSON.stringify(sampleRun({ id: 'beta-run', name: 'Beta only' })), betaToken);
    expect(beta.status).toBe(201);
    const alphaList = (await (await list(STATIC_TOKEN)).json()) as { runs: { id: string; name: string }[] };
    const betaList = (await (await list(betaToken)).json()) as {
      runs: { id: string; segments: { name: string; size: number }[] }[];
    };
    expect(alphaList.runs.map((run) => run.id)).not.toContain('beta-run');
    expect(alphaList.runs.map((run) => run.id)).toContain('api-1');
    expect(betaList.runs.map((run) => run.id)).toEqual(['beta-run']);
    expect(betaList.runs[0].segments[0]).toMatchObject({ name: VIP.name, size: VIP.size });
  });

  it('keeps the same run id from two teams apart', async () => {
    const alpha = await post(JSON.stringify(sampleRun({ id: 'same-id', name: 'Alpha copy' })));
    const beta = await post(JSON.stringify(sampleRun({ id: 'same-id', name: 'Beta copy' })), betaToken);
    expect([alpha.status, beta.status]).toEqual([201, 201]);
    expect((await store.getRun(ALPHA, 'same-id'))?.name).toBe('Alpha copy');
    expect((await store.getRun('T-beta', 'same-id'))?.name).toBe('Beta copy');
  });
});
