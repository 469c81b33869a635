import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { FRIENDLY_ERROR_TEXT } from '@segments/slack-app';
import { openRunStore, type RunStore } from '@segments/store';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { freshDatabaseUrl } from '../helpers/stores';
import { POSTGRES_BIN, type PostgresServer, startPostgresServer } from '../setup/postgres';
import { postToSlackEvents, slashCommandBody } from '../standins/slack-web-api';
import { sampleRun } from './helpers/sample-run';
import { type RunningTestApp, SIGNING_SECRET, startTestApp } from './helpers/test-app';

const TEAM = 'T-outage';

describe.skipIf(!existsSync(join(POSTGRES_BIN, 'pg_ctl')))('the Slack app when PostgreSQL restarts', () => {
  let server: PostgresServer | null = null;
  let store: RunStore | undefined;
  let running: RunningTestApp | undefined;
  let n = 0;
  afterAll(async () => {
    await running?.stop();
    await store?.close().catch(() => undefined);
    server?.stop();
  });

  async function ask(text: string): Promise<string> {
    if (!running) throw new Error('not started');
    const id = `o${++n}`;
    const body = slashCommandBody({ team: TEAM, text, responseUrl: running.slack.responseUrl(id) });
    const response = await postToSlackEvents(running.baseUrl, body, 'application/x-www-form-urlencoded', {
      signingSecret: SIGNING_SECRET,
    });
    expect(response.status).toBe(200);
    const call = await running.slack.waitFor((c) => c.responseId === id, `the reply to ${text}`, 15_000);
    return String(call.body.text);
  }

  const health = async () => (await fetch(`${running?.baseUrl}/healthz`)).status;

  it('stays up: /healthz 503 and one friendly line while it is down, answers again once it is back', async () => {
    server = await startPostgresServer();
    if (!server) throw new Error('PostgreSQL did not start');
    const logs: string[] = [];
    store = await openRunStore({
      databaseUrl: await freshDatabaseUrl(server.url),
      postgres: { log: (message) => logs.push(message) },
    });
    await store.saveRun(TEAM, sampleRun({ id: 'kept', name: 'Kept run' }));
    running = await startTestApp(store);
    expect(await health()).toBe(200);
    expect(await ask('runs')).toContain('Kept run');

    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const warnings = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      server.halt();
      expect(await health()).toBe(503);
      expect(await ask('runs')).toBe(FRIENDLY_ERROR_TEXT);
      expect(logs.join('\n')).toMatch(/lost the PostgreSQL connection/);
      server.resume();
      const deadline = Date.now() + 15_000;
      while ((await health()) !== 200 && Date.now() < deadline)
        await new Promise((resolve) => setTimeout(resolve, 100));
      expect(await health()).toBe(200);
    } finally {
      errors.mockRestore();
      warnings.mockRestore();
    }
    expect(await ask('runs')).toContain('Kept run');
  });
});
