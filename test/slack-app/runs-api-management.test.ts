import { WITHHELD_SEGMENT_TEXT } from '@segments/core';
import type { RunStore } from '@segments/store';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { openTempPgliteStore, type TestStore } from '../helpers/stores';
import { BUDGET, STANDARD, sampleRun, VIP } from './helpers/sample-run';
import { type RunningTestApp, startTestApp } from './helpers/test-app';

const TOKEN = 'static-token-of-team-gamma';
const GAMMA = 'T-gamma';

let opened: TestStore;
let store: RunStore;
let running: RunningTestApp;
let deltaToken: string;

beforeAll(async () => {
  opened = await openTempPgliteStore();
  store = opened.store;
  deltaToken = await store.createApiToken('T-delta', 'delta', 'U-alice');
  running = await startTestApp(store, { staticApiToken: { token: TOKEN, team: GAMMA } });
});
afterAll(async () => {
  await running?.stop();
  await opened?.dispose();
});

// biome-ignore lint/suspicious/noExplicitAny: JSON answers are checked field by field below.
type Json = any;

/** The JSON of a response. */
async function json(response: Response): Promise<Json> {
  return (await response.json()) as Json;
}

function api(path: string, init: RequestInit = {}, token = TOKEN): Promise<Response> {
  return fetch(`${running.baseUrl}${path}`, {
    ...init,
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}`, ...init.headers },
  });
}

const post = (body: unknown, token = TOKEN) =>
  api('/api/runs', { method: 'POST', body: typeof body === 'string' ? body : JSON.stringify(body) }, token);

describe('runs API: summary only, enforced by the server', () => {
  it('stores only the summary fields, whatever the client sends, and GET /api/runs/:id returns what was stored', async () => {
    const run = sampleRun({ id: 'hostile' }) as ReturnType<typeof sampleRun> & Record<string, unknown>;
    const hostile = {
      ...run,
      customers: [{ email: 'ann@example.com' }],
      assignments: [0, 1, 2],
      source: { ...run.source, rows: [['ann@example.com', 15]] },
      features: run.features.map((feature) => ({ ...feature, values: [15, 16], min: 15, max: 137 })),
      segments: run.segments.map((segment) => ({ ...segment, members: ['ann@example.com'] })),
    };
    expect((await post(hostile)).status).toBe(201);
    const response = await api('/api/runs/hostile');
    expect(response.status).toBe(200);
    const stored = await json(response);
    const text = JSON.stringify(stored);
    expect(text).not.toContain('ann@example.com');
    expect(text).not.toMatch(/"(customers|assignments|members|values|rows|min|max)"/);
    expect(stored.segments.map((segment: { size: number }) => segment.size)).toEqual([40, 100, 60]);
    expect(JSON.stringify(await store.getRun(GAMMA, 'hostile'))).toBe(JSON.stringify(stored));
  });

  it('publishes a segment of fewer than 5 customers with its size and share only', async () => {
    const one = { ...VIP, name: 'Lone Whale', size: 1, income: 137, spending: 99 };
    const run = sampleRun({ id: 'tiny', segments: [one, { ...STANDARD, size: 99 }] });
    expect((await post(run)).status).toBe(201);
    const stored = await json(await api('/api/runs/tiny'));
    expect(stored.segments[0]).toMatchObject({ size: 1, share: 0.01, centroid: {}, profile: [] });
    expect(stored.segments[0].persona.summary).toBe(WITHHELD_SEGMENT_TEXT);
    expect(JSON.stringify(stored.segments[0])).not.toMatch(/137|99\b/);
  });

  it.each([
    ['k 2 with 3 segments', { k: 2 }, 'k'],
    ['a createdAt of 9999-12-31', { createdAt: '9999-12-31T00:00:00.000Z' }, 'createdAt'],
    ['a NUL in the name', { name: 'Mall\u0000' }, 'name'],
  ])('answers 400 naming the field for %s, and stores nothing', async (_what, override, field) => {
    const id = `bad-${field}`;
    const response = await post({ ...sampleRun({ id }), ...override });
    expect(response.status).toBe(400);
    const body = await json(response);
    expect(body.issues[0].path).toBe(field);
    expect(body.message).toContain(field);
    expect(await store.getRun(GAMMA, id)).toBeUndefined();
  });

  it('answers 400 for sizes of 1e15 and shares past 1, naming the segment field', async () => {
    const run = sampleRun({ id: 'sizes' });
    const huge = structuredClone(run);
    huge.segments[0].size = 1e15;
    const shares = structuredClone(run);
    shares.segments[1].share = 0.95;
    expect((await json(await post(huge))).issues[0].path).toBe('segments[0].size');
    expect((await json(await post(shares))).issues[0].path).toBe('segments[1].share');
    expect(await store.getRun(GAMMA, 'sizes')).toBeUndefined();
  });

  it('never writes a posted body to the log when a request fails', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const realSave = store.saveRun;
    store.saveRun = async () => {
      throw Object.assign(new Error('insert failed'), { parameters: ['SECRET-CUSTOMER-NOTE'] });
    };
    try {
      const run = sampleRun({ id: 'logged', name: 'SECRET-CUSTOMER-NOTE' });
      const response = await post(run);
      expect(response.status).toBe(500);
      const logged = errors.mock.calls.flat().map(String).join('\n');
      expect(logged).toMatch(/insert failed/);
      expect(logged).toMatch(/\n\s+at /);
      expect(logged).not.toContain('SECRET-CUSTOMER-NOTE');
    } finally {
      store.saveRun = realSave;
      errors.mockRestore();
    }
  });
});

describe('runs API: management', () => {
  it('pages GET /api/runs with nextCursor and total, every run once', async () => {
    const team = await store.createApiToken('T-pager', 'pager', 'U-alice');
    for (let i = 0; i < 7; i++) {
      const createdAt = new Date(Date.UTC(2026, 0, 1, i)).toISOString();
      expect((await post(sampleRun({ id: `p${i}`, createdAt, segments: [BUDGET] }), team)).status).toBe(201);
    }
    const ids: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const response = await api(
        `/api/runs?limit=3${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
        {},
        team,
      );
      expect(response.status).toBe(200);
      const page = await json(response);
      expect(page.total).toBe(7);
      ids.push(...page.runs.map((run: { id: string }) => run.id));
      cursor = page.nextCursor;
      pages++;
    } while (cursor);
    expect(pages).toBe(3);
    expect(ids).toEqual(['p6', 'p5', 'p4', 'p3', 'p2', 'p1', 'p0']);
    expect((await api('/api/runs?cursor=forged', {}, team)).status).toBe(400);
    expect((await api('/api/runs?limit=0', {}, team)).status).toBe(400);
  });

  it("deletes a run with 204, and answers 404 for another team's id without touching it", async () => {
    expect((await post(sampleRun({ id: 'to-delete' }))).status).toBe(201);
    expect((await post(sampleRun({ id: 'delta-run' }), deltaToken)).status).toBe(201);
    expect((await api('/api/runs/delta-run', { method: 'DELETE' })).status).toBe(404);
    expect((await api('/api/runs/delta-run', {}, TOKEN)).status).toBe(404);
    expect(await store.getRun('T-delta', 'delta-run')).toBeDefined();
    const deleted = await api('/api/runs/to-delete', { method: 'DELETE' });
    expect(deleted.status).toBe(204);
    expect((await api('/api/runs/to-delete')).status).toBe(404);
    expect((await api('/api/runs/to-delete', { method: 'DELETE' })).status).toBe(404);
    expect((await api('/api/runs/to-delete', { method: 'DELETE' }, 'seg_unknown')).status).toBe(401);
  });
});
