import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Answer } from '@segments/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { BUDGET, sampleRun, VIP } from '../slack-app/helpers/sample-run';
import { localStore, makeWorkspace, runCli } from './cli-harness';

const workspace = makeWorkspace();
const empty = makeWorkspace({ ownStore: 'empty' });

beforeAll(async () => {
  const store = await localStore(workspace.dir);
  await store.saveRun(
    'local',
    sampleRun({
      id: 'april',
      name: 'April customers',
      createdAt: '2026-04-01T00:00:00Z',
      segments: [VIP, BUDGET],
    }),
  );
  await store.saveRun(
    'local',
    sampleRun({ id: 'may', name: 'May customers', createdAt: '2026-05-01T00:00:00Z' }),
  );
  await store.saveRun('some-slack-team', sampleRun({ id: 'slack-only', name: 'Not local' }));
});

describe('segments runs', () => {
  it('lists the local runs newest first as a table', async () => {
    const result = await runCli(['runs'], workspace.dir);
    expect(result.code).toBe(0);
    const lines = result.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^ID\s+NAME\s+CREATED\s+K\s+ROWS$/);
    expect(lines[1]).toMatch(/^may\s+May customers\s+2026-05-01 00:00\s+3\s+200$/);
    expect(lines[2]).toMatch(/^april\s+April customers/);
    expect(result.stdout).not.toContain('Not local');
  });

  it('prints the list as JSON with --json', async () => {
    const result = await runCli(['runs', '--json'], workspace.dir);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual([
      { id: 'may', name: 'May customers', createdAt: '2026-05-01T00:00:00Z', k: 3, rowCount: 200 },
      { id: 'april', name: 'April customers', createdAt: '2026-04-01T00:00:00Z', k: 2, rowCount: 100 },
    ]);
  });

  it('says how to make a run when the store is empty', async () => {
    const result = await runCli(['runs'], empty.dir);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toContain('segments segment');
  });

  it('exits 2 with the usage on an unknown flag', async () => {
    const result = await runCli(['runs', '--verbose'], workspace.dir);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('segments runs [--json]');
  });
});

describe('segments ask', () => {
  it('answers which segment to target from the latest local run', async () => {
    const result = await runCli(['ask', 'which segment should we target?'], workspace.dir);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(VIP.name);
    expect(result.stdout).toContain('May customers');
  });

  it('prints the answer model as one JSON document with --json', async () => {
    const result = await runCli(['ask', 'how big is the VIP segment?', '--json'], workspace.dir);
    expect(result.code).toBe(0);
    const answer = JSON.parse(result.stdout) as Answer;
    expect(answer).toMatchObject({
      intent: 'size',
      runId: 'may',
      segment: { index: 0, name: VIP.name },
      size: 40,
      share: 0.2,
    });
  });

  it('answers about the run picked with --run', async () => {
    const result = await runCli(
      ['ask', 'how big is the budget segment?', '--run', 'april', '--json'],
      workspace.dir,
    );
    const answer = JSON.parse(result.stdout) as Answer;
    expect(answer).toMatchObject({ runId: 'april', segment: { name: BUDGET.name }, size: BUDGET.size });
  });

  it('exits 1 naming the run when --run matches nothing', async () => {
    const result = await runCli(
      ['ask', 'which segment should we target?', '--run', 'zzzz-none'],
      workspace.dir,
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('"zzzz-none"');
    expect(result.stdout).toBe('');
  });

  it('tells how to make a first run when there is none', async () => {
    const result = await runCli(['ask', 'which segment should we target?'], empty.dir);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/no runs/i);
    expect(result.stdout).toContain('segments segment');
  });

  it('exits 2 with the usage without a question or on an unknown flag', async () => {
    expect((await runCli(['ask'], workspace.dir)).code).toBe(2);
    const unknown = await runCli(['ask', 'hello', '--team', 'x'], workspace.dir);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('segments ask "<question>"');
  });

  it('answers from the run that segments segment saved', async () => {
    const fresh = makeWorkspace();
    const csv = fresh.file(
      'mall.csv',
      readFileSync(join(__dirname, '../fixtures/mall_customers.csv'), 'utf8'),
    );
    const segmented = await runCli(
      ['segment', csv, '--columns', 'Annual Income (k$),Spending Score (1-100)', '--k', '5', '--json'],
      fresh.dir,
    );
    expect(segmented.code).toBe(0);
    const run = JSON.parse(segmented.stdout) as { id: string; segments: { persona: { name: string } }[] };
    const asked = await runCli(['ask', 'which segment should we target?', '--json'], fresh.dir);
    expect(asked.code).toBe(0);
    const answer = JSON.parse(asked.stdout) as Answer;
    expect(answer.intent).toBe('target');
    expect(answer.runId).toBe(run.id);
    expect(run.segments.map((segment) => segment.persona.name)).toContain(answer.segment?.name);
  });
});
