import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LOCK_FILE_NAME, openRunStore, type RunStore, StoreFolderInUseError } from '@segments/store';
import { afterAll, describe, expect, it } from 'vitest';
import { freshDatabaseUrl } from '../helpers/stores';
import { POSTGRES_BIN, type PostgresServer, startPostgresServer } from '../setup/postgres';
import { sampleRun } from '../slack-app/helpers/sample-run';

const folders: string[] = [];
function tempFolder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'segments-faults-'));
  folders.push(dir);
  return dir;
}
afterAll(() => {
  for (const dir of folders) rmSync(dir, { recursive: true, force: true });
});

/** The modes of everything under `dir` that are looser than owner-only. */
function looseModes(dir: string): string[] {
  const loose: string[] = [];
  const walk = (path: string) => {
    const mode = statSync(path).mode & 0o777;
    const isDir = statSync(path).isDirectory();
    if (mode & 0o077 || (!isDir && mode !== 0o600)) loose.push(`${path} ${mode.toString(8)}`);
    if (isDir) for (const entry of readdirSync(path)) walk(join(path, entry));
  };
  walk(dir);
  return loose;
}

describe('the PGlite folder', () => {
  it('is locked while open: a second open names the folder and the process holding it', async () => {
    const dir = tempFolder();
    const first = await openRunStore({ dataDir: dir });
    try {
      const second = openRunStore({ dataDir: dir });
      await expect(second).rejects.toBeInstanceOf(StoreFolderInUseError);
      await expect(openRunStore({ dataDir: dir })).rejects.toThrow(
        `the store folder ${dir} is in use by process ${process.pid}`,
      );
      // The first store is unharmed and keeps working.
      await first.saveRun('T1', sampleRun({ id: 'r1' }));
      expect((await first.listRuns('T1')).map((run) => run.id)).toEqual(['r1']);
    } finally {
      await first.close();
    }
    expect(existsSync(join(dir, LOCK_FILE_NAME))).toBe(false);
    const again = await openRunStore({ dataDir: dir });
    expect((await again.listRuns('T1')).map((run) => run.id)).toEqual(['r1']);
    await again.close();
  });

  it('takes over a stale lock left by a process that died', async () => {
    const dir = tempFolder();
    const dead = spawn(process.execPath, ['-e', '0']);
    const deadPid = dead.pid;
    await new Promise((resolve) => dead.once('exit', resolve));
    writeFileSync(join(dir, LOCK_FILE_NAME), String(deadPid));
    const store = await openRunStore({ dataDir: dir });
    await store.saveRun('T1', sampleRun({ id: 'r1' }));
    await store.close();
  });

  it('makes a second process exit 1 with "the store folder … is in use by process N"', async () => {
    const dir = tempFolder();
    const holder = await openRunStore({ dataDir: dir });
    try {
      const child = spawn(process.execPath, ['--import', 'tsx', 'slack-app/src/app.ts'], {
        env: {
          PATH: process.env.PATH ?? '',
          HOME: process.env.HOME ?? '/tmp',
          SLACK_BOT_TOKEN: 'xoxb-lock-test',
          SLACK_SIGNING_SECRET: 'lock-test-signing-secret',
          SLACK_API_URL: 'http://127.0.0.1:9/api/',
          PORT: '0',
          HOST: '127.0.0.1',
          SEGMENTS_DATA_DIR: dir,
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stderr = '';
      child.stderr?.on('data', (chunk: Buffer) => {
        stderr += chunk.toString('utf8');
      });
      const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
      expect(code).toBe(1);
      expect(stderr).toContain(`the store folder ${dir} is in use by process ${process.pid}`);
      expect(stderr).not.toMatch(/\n\s+at /);
    } finally {
      await holder.close();
    }
  });

  it('is readable by its owner only: folders 0700, files 0600', async () => {
    const dir = tempFolder();
    const store = await openRunStore({ dataDir: dir });
    await store.saveRun('T1', sampleRun({ id: 'r1' }));
    expect(looseModes(dir)).toEqual([]);
    await store.close();
    expect(looseModes(dir)).toEqual([]);
  });
});

describe('PostgreSQL timeouts', () => {
  let silent: Server | undefined;
  const sockets: Socket[] = [];
  afterAll(async () => {
    for (const socket of sockets) socket.destroy();
    await new Promise((resolve) => silent?.close(resolve));
  });

  it('gives up after its connect timeout on a port that accepts connections but never answers, saying so', async () => {
    silent = createServer((socket) => {
      sockets.push(socket);
    });
    await new Promise<void>((resolve) => silent?.listen(0, '127.0.0.1', resolve));
    const address = silent.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    const started = Date.now();
    await expect(
      openRunStore({
        databaseUrl: `postgres://postgres:secret@127.0.0.1:${port}/segments`,
        postgres: { connectTimeoutMs: 1000 },
      }),
    ).rejects.toThrow(/did not answer within 1 s/);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('names the server (without its password) when nothing listens', async () => {
    await expect(
      openRunStore({ databaseUrl: 'postgres://postgres:secret@127.0.0.1:9/segments' }),
    ).rejects.toThrow(
      /cannot connect to the PostgreSQL server at postgres:\/\/postgres:\*\*\*@127\.0\.0\.1:9\/segments/,
    );
  });
});

const HAVE_POSTGRES = existsSync(join(POSTGRES_BIN, 'pg_ctl'));

describe.skipIf(!HAVE_POSTGRES)('a PostgreSQL server that restarts', () => {
  let server: PostgresServer | null = null;
  let store: RunStore | undefined;
  afterAll(async () => {
    await store?.close().catch(() => undefined);
    server?.stop();
  });

  it('reports the loss, fails requests meanwhile, and works again once the server is back', async () => {
    server = await startPostgresServer();
    if (!server) throw new Error('PostgreSQL did not start');
    const logs: string[] = [];
    store = await openRunStore({
      databaseUrl: await freshDatabaseUrl(server.url),
      postgres: { log: (message) => logs.push(message) },
    });
    await store.saveRun('T1', sampleRun({ id: 'before' }));
    // Keep idle connections in the pool: the restart drops them under the pool's feet.
    await Promise.all([store.listRuns('T1'), store.listRuns('T1'), store.listRuns('T1')]);
    server.halt();
    await expect(store.listRuns('T1')).rejects.toThrow();
    expect(store.database.health().ok).toBe(false);
    expect(logs.join('\n')).toMatch(/lost the PostgreSQL connection/);
    server.resume();
    const deadline = Date.now() + 15_000;
    while (!store.database.health().ok && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 100));
    expect(store.database.health().ok).toBe(true);
    expect(logs.join('\n')).toMatch(/the PostgreSQL connection is back/);
    await store.saveRun('T1', sampleRun({ id: 'after' }));
    expect((await store.listRuns('T1')).map((run) => run.id).sort()).toEqual(['after', 'before']);
  });
});
