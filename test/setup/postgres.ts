/**
 * Vitest global setup: starts a throwaway PostgreSQL 15 server (Debian's binaries) on 127.0.0.1 for
 * the store's server-driver tests and hands its URL to tests as `inject('postgresUrl')`. When the
 * binaries are missing it says so on the console and provides null, and those tests skip.
 */
import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** URL of the throwaway server's `postgres` database, or null when PostgreSQL is not installed. */
    postgresUrl: string | null;
  }
}

export const POSTGRES_BIN = process.env.POSTGRES_BIN ?? '/usr/lib/postgresql/15/bin';

/** A TCP port nobody listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export interface PostgresServer {
  url: string;
  /** Stops the server and removes its folder. */
  stop(): void;
  /** Stops the server (fast shutdown: open connections are terminated) but keeps its data. */
  halt(): void;
  /** Starts a halted server again on the same port, with the same data. */
  resume(): void;
}

/**
 * Starts a fresh PostgreSQL server in a temporary folder (as the `postgres` user when running as
 * root, since initdb refuses root). Returns null when the binaries are absent.
 * @example const server = await startPostgresServer(); … server?.stop()
 */
export async function startPostgresServer(): Promise<PostgresServer | null> {
  const initdb = join(POSTGRES_BIN, 'initdb');
  const pgCtl = join(POSTGRES_BIN, 'pg_ctl');
  if (!existsSync(initdb) || !existsSync(pgCtl)) return null;
  const root = mkdtempSync(join(tmpdir(), 'segments-pg-'));
  const dataDir = join(root, 'data');
  const socketDir = root;
  const asRoot = process.getuid?.() === 0;
  const run = (file: string, args: string[]) => {
    if (asRoot) execFileSync('runuser', ['-u', 'postgres', '--', file, ...args], { stdio: 'pipe' });
    else execFileSync(file, args, { stdio: 'pipe' });
  };
  if (asRoot) {
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
    chownSync(root, uid, gid);
  }
  const port = await freePort();
  run(initdb, ['-D', dataDir, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--no-locale']);
  const start = () =>
    run(pgCtl, [
      '-D',
      dataDir,
      '-o',
      `-p ${port} -c listen_addresses=127.0.0.1 -k ${socketDir} -c max_connections=200 -c fsync=off`,
      '-l',
      join(root, 'server.log'),
      '-w',
      'start',
    ]);
  start();
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    halt() {
      run(pgCtl, ['-D', dataDir, '-m', 'fast', '-w', 'stop']);
    },
    resume: start,
    stop() {
      try {
        run(pgCtl, ['-D', dataDir, '-m', 'fast', '-w', 'stop']);
      } finally {
        rmSync(root, { recursive: true, force: true });
      }
    },
  };
}

export default async function setup(project: TestProject) {
  const server = await startPostgresServer();
  if (!server) {
    console.warn(
      `\n[test setup] PostgreSQL binaries not found in ${POSTGRES_BIN}: the PostgreSQL-server store tests are skipped ` +
        '(apt-get install postgresql to run them; CI does).\n',
    );
    project.provide('postgresUrl', null);
    return;
  }
  project.provide('postgresUrl', server.url);
  return () => server.stop();
}
