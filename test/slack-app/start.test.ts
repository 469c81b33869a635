import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { type AddressInfo, createServer, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../setup/postgres';
import {
  postToSlackEvents,
  type SlackStandIn,
  slashCommandBody,
  startSlackStandIn,
} from '../standins/slack-web-api';
import { sampleRun, VIP } from './helpers/sample-run';

const baseEnv = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp' };

describe('npm start (slack-app/dist/app.js, compiled from slack-app/src/app.ts)', () => {
  it('prints one message naming the missing settings and exits 1, without a stack trace', () => {
    const result = spawnSync(process.execPath, ['slack-app/dist/app.js'], {
      env: baseEnv,
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('SLACK_BOT_TOKEN');
    expect(result.stderr).toContain('SLACK_SIGNING_SECRET');
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(result.stdout).toBe('');
  });

  it('gives up within 10 s, in one line, when DATABASE_URL points at a port that never answers', async () => {
    const sockets: Socket[] = [];
    const silent = createServer((socket) => {
      sockets.push(socket);
    });
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const { port } = silent.address() as AddressInfo;
    try {
      const started = Date.now();
      const child = spawn(process.execPath, ['--import', 'tsx', 'slack-app/src/app.ts'], {
        env: {
          ...baseEnv,
          SLACK_BOT_TOKEN: 'xoxb-timeout-test',
          SLACK_SIGNING_SECRET: 'timeout-test-secret',
          PORT: '0',
          HOST: '127.0.0.1',
          DATABASE_URL: `postgres://postgres:hunter2@127.0.0.1:${port}/segments`,
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stderr = '';
      child.stderr?.on('data', (chunk: Buffer) => {
        stderr += chunk.toString();
      });
      const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
      expect(code).toBe(1);
      // The start itself (after tsx has loaded) takes the 5 s connect timeout; allow for the loading.
      expect(Date.now() - started).toBeLessThan(15_000);
      expect(stderr).toMatch(
        /cannot open its run store \(DATABASE_URL\): the PostgreSQL server at .* did not answer within 5 s/,
      );
      expect(stderr).not.toContain('hunter2');
      expect(stderr).not.toMatch(/\n\s+at /);
    } finally {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => silent.close(resolve));
    }
  });

  describe('with a configuration', () => {
    const secret = 'start-test-signing-secret';
    const apiToken = 'start-test-api-token-123';
    const dataDir = mkdtempSync(join(tmpdir(), 'segments-start-'));
    let slack: SlackStandIn;
    let child: ChildProcess;
    let baseUrl: string;
    let stderr = '';
    let healthWhileOpening: Response | undefined;

    beforeAll(async () => {
      slack = await startSlackStandIn();
      // Slack's API answers auth.test with an error: starting must not depend on it.
      slack.failing.set('auth.test', 'invalid_auth');
      const port = await freePort();
      baseUrl = `http://127.0.0.1:${port}`;
      child = spawn(process.execPath, ['slack-app/dist/app.js'], {
        env: {
          ...baseEnv,
          SLACK_BOT_TOKEN: 'xoxb-start-test',
          SLACK_SIGNING_SECRET: secret,
          SLACK_API_URL: slack.apiUrl,
          PORT: String(port),
          HOST: '127.0.0.1',
          SEGMENTS_DATA_DIR: dataDir,
          SEGMENTS_API_TOKEN: apiToken,
          SLACK_TEAM_ID: 'T-start',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      child.stderr?.on('data', (chunk: Buffer) => {
        stderr += chunk.toString();
      });
      // It listens before its new store folder is ready: /healthz first says "starting", then 200.
      let stdout = '';
      const printed = (text: string) =>
        new Promise<void>((resolve, reject) => {
          const check = () => {
            if (stdout.includes(text)) resolve();
          };
          child.stdout?.on('data', check);
          child.once('exit', (code) => reject(new Error(`app exited with ${code}: ${stderr}`)));
          check();
        });
      child.stdout?.on('data', (chunk: Buffer) => {
        stdout += chunk.toString();
      });
      await printed('listening');
      healthWhileOpening = await fetch(`${baseUrl}/healthz`);
      await printed('Run store ready');
    });
    afterAll(async () => {
      if (child && child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
      await slack?.close();
      rmSync(dataDir, { recursive: true, force: true });
    });

    it('answers /healthz with 503 "starting" while a new store folder is being created', async () => {
      expect(healthWhileOpening?.status).toBe(503);
      expect(await healthWhileOpening?.json()).toEqual({ ok: false, status: 'starting' });
    });

    it('serves /healthz, the runs API and /slack/events on one port even when auth.test fails', async () => {
      expect((await fetch(`${baseUrl}/healthz`)).status).toBe(200);
      const posted = await fetch(`${baseUrl}/api/runs`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${apiToken}`, 'Content-Type': 'application/json' },
        body: JSON.stringify(sampleRun({ id: 'started', name: 'Started run' })),
      });
      expect(posted.status).toBe(201);
      const body = slashCommandBody({
        team: 'T-start',
        text: 'which segment should we target?',
        responseUrl: slack.responseUrl('start'),
      });
      const ack = await postToSlackEvents(baseUrl, body, 'application/x-www-form-urlencoded', {
        signingSecret: secret,
      });
      expect(ack.status).toBe(200);
      const reply = await slack.waitFor((call) => call.responseId === 'start', 'the answer');
      expect(String(reply.body.text)).toContain(VIP.name);
      expect(String(reply.body.text).toLowerCase()).toContain(VIP.strategy.toLowerCase());
      const other = slashCommandBody({
        team: 'T-other',
        text: 'how big is the VIP segment?',
        responseUrl: slack.responseUrl('other'),
      });
      await postToSlackEvents(baseUrl, other, 'application/x-www-form-urlencoded', { signingSecret: secret });
      const otherReply = await slack.waitFor((call) => call.responseId === 'other', 'the other team answer');
      expect(String(otherReply.body.text)).toMatch(/no runs/i);
    });
  });
});
