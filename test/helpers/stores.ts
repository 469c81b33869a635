/**
 * Real stores for tests: PGlite in a temporary folder, and a fresh database on the PostgreSQL server
 * that test/setup/postgres.ts started (null when PostgreSQL is not installed).
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { openRunStore, type RunStore } from '@segments/store';
import pg from 'pg';
import { afterAll, beforeAll, inject } from 'vitest';

/** The throwaway server's URL, or null (tests using it skip). */
export function postgresUrl(): string | null {
  return inject('postgresUrl') ?? null;
}

/**
 * Creates an empty database on the test server so each test file has its own tables.
 * @example const url = await freshDatabaseUrl(postgresUrl()!)
 */
export async function freshDatabaseUrl(serverUrl: string): Promise<string> {
  const name = `segments_test_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

export interface TestStore {
  store: RunStore;
  /** Closes the store and removes its folder. */
  dispose(): Promise<void>;
}

/**
 * A new, empty PGlite store folder, copied from the template test/setup/build.ts made (an initdb
 * per folder would cost 3–5 s). Returns the folder's path; nothing has it open.
 */
export function newPgliteFolder(): string {
  return copyPgliteTemplate(join(mkdtempSync(join(tmpdir(), 'segments-store-')), 'store'));
}

/** Copies the empty store template to `target` (which must not exist yet); returns `target`. */
export function copyPgliteTemplate(target: string): string {
  cpSync(inject('pgliteTemplate'), target, { recursive: true });
  return target;
}

/** A PGlite store in a new temporary folder. */
export async function openTempPgliteStore(): Promise<TestStore> {
  const dir = newPgliteFolder();
  const store = await openRunStore({ dataDir: dir });
  return {
    store,
    async dispose() {
      await store.close();
      rmSync(dirname(dir), { recursive: true, force: true });
    },
  };
}

/** A store on a fresh database of the test PostgreSQL server. */
export async function openTempPostgresStore(serverUrl: string): Promise<TestStore> {
  const store = await openRunStore({ databaseUrl: await freshDatabaseUrl(serverUrl) });
  return { store, dispose: () => store.close() };
}

/** Both drivers as describe.each rows; the PostgreSQL row carries null when the server is absent. */
export const STORE_DRIVERS = [
  { driver: 'pglite', open: async (): Promise<TestStore | null> => openTempPgliteStore() },
  {
    driver: 'postgres',
    open: async (): Promise<TestStore | null> => {
      const url = postgresUrl();
      return url ? openTempPostgresStore(url) : null;
    },
  },
] as const;

/**
 * Opens one store of a driver for the enclosing `describe` (beforeAll) and disposes of it afterwards.
 * `unavailable` is true when the driver is PostgreSQL and no server runs: skip the tests then.
 * @example const opened = useStore(driver, open); … opened.store().saveRun(…)
 */
export function useStore(
  driver: (typeof STORE_DRIVERS)[number]['driver'],
  open: () => Promise<TestStore | null>,
): { unavailable: boolean; store: () => RunStore } {
  const unavailable = driver === 'postgres' && postgresUrl() === null;
  let opened: TestStore | undefined;
  beforeAll(async () => {
    if (unavailable) return;
    const result = await open();
    if (!result) throw new Error('store did not open');
    opened = result;
  });
  afterAll(async () => {
    await opened?.dispose();
  });
  return {
    unavailable,
    store: () => {
      if (!opened) throw new Error('the store is not open yet (use it inside a test)');
      return opened.store;
    },
  };
}
