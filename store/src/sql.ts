/**
 * One SQL dialect (PostgreSQL), two drivers: PGlite (embedded, WASM, a folder on disk) and a
 * PostgreSQL server through `pg`. The store speaks only this small interface, so both drivers run the
 * same statements and the same tests.
 */
import {
  chmodSync,
  closeSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeSync,
} from 'node:fs';
import { join, resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';

/** Parameters are positional (`$1`, `$2`, …): plain values, or string arrays for `= ANY($n::text[])`. */
export type SqlParam = string | number | boolean | null | string[];

/** Something that runs statements: the database itself or an open transaction. */
export interface SqlQueryable {
  query<Row>(text: string, params?: SqlParam[]): Promise<Row[]>;
}

/** A database connection (pool) that can also run a callback inside one transaction. */
export interface SqlDatabase extends SqlQueryable {
  /** Which driver this is, for logs and benches. */
  readonly driver: 'pglite' | 'postgres';
  /** Whether the last contact with the database worked; a server driver reconnects in the background. */
  health(): { ok: true } | { ok: false; error: string; since: number };
  /** Runs `work` in BEGIN … COMMIT; any throw rolls back and is rethrown. */
  transaction<T>(work: (tx: SqlQueryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/**
 * Opens (creating when new) an embedded PGlite database in `dataDir`.
 * The first open of a new folder runs initdb and takes a few seconds; later opens are fast.
 * A folder can be open in one process at a time.
 * @example const db = await openPgliteDatabase('./.segments')
 */
export async function openPgliteDatabase(dataDir: string): Promise<SqlDatabase> {
  const folder = resolve(dataDir);
  // Only its owner may read customer summaries: the folder 0700, its files 0600.
  mkdirSync(folder, { recursive: true, mode: 0o700 });
  chmodSync(folder, 0o700);
  const releaseLock = lockFolder(folder);
  let lite: PGlite;
  try {
    lite = await PGlite.create(folder);
  } catch (error) {
    releaseLock();
    throw error;
  }
  restrictPermissions(folder);
  return {
    driver: 'pglite',
    health: () => ({ ok: true }),
    async query<Row>(text: string, params: SqlParam[] = []) {
      return (await lite.query<Row>(text, params)).rows;
    },
    transaction<T>(work: (tx: SqlQueryable) => Promise<T>) {
      return lite.transaction((tx) =>
        work({
          async query<Row>(text: string, params: SqlParam[] = []) {
            return (await tx.query<Row>(text, params)).rows;
          },
        }),
      );
    },
    async close() {
      try {
        await lite.close();
        restrictPermissions(folder);
      } finally {
        releaseLock();
      }
    },
  };
}

/** Name of the lock file PGlite's folder holds while a process has it open. */
export const LOCK_FILE_NAME = 'segments.lock';

/** A store folder another live process has open (two writers would corrupt it). */
export class StoreFolderInUseError extends Error {
  constructor(
    readonly folder: string,
    readonly pid: number,
  ) {
    super(
      `the store folder ${folder} is in use by process ${pid}; stop that process or use another folder (SEGMENTS_DATA_DIR)`,
    );
    this.name = 'StoreFolderInUseError';
  }
}

function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else — still alive.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Takes the folder's exclusive lock (a file holding our pid, created with O_EXCL), taking over a
 * lock whose process is gone; returns the release function.
 * @throws StoreFolderInUseError when a live process holds it
 */
function lockFolder(folder: string): () => void {
  const path = join(folder, LOCK_FILE_NAME);
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = openSync(path, 'wx', 0o600);
      writeSync(fd, String(process.pid));
      closeSync(fd);
      let released = false;
      return () => {
        if (released) return;
        released = true;
        try {
          if (readFileSync(path, 'utf8').trim() === String(process.pid)) rmSync(path, { force: true });
        } catch {
          // Already gone.
        }
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    let holder = Number.NaN;
    try {
      holder = Number(readFileSync(path, 'utf8').trim());
    } catch {
      // Removed meanwhile: try again.
      continue;
    }
    if (Number.isInteger(holder) && holder > 0 && (holder === process.pid || processIsAlive(holder)))
      throw new StoreFolderInUseError(folder, holder);
    // A stale lock (its process died without closing): take it over.
    rmSync(path, { force: true });
  }
  throw new Error(`the store folder ${folder} could not be locked; try again`);
}

/** Folders 0700 and files 0600 under `folder` (PGlite creates them with the process umask). */
function restrictPermissions(folder: string): void {
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      try {
        if (entry.isDirectory()) {
          chmodSync(path, 0o700);
          walk(path);
        } else if (entry.isFile()) chmodSync(path, 0o600);
      } catch {
        // A file PGlite removed meanwhile.
      }
    }
  };
  chmodSync(folder, 0o700);
  walk(folder);
}

/**
 * Connects to a PostgreSQL server through a `pg` pool (several app replicas can share it).
 * @example const db = await openPostgresDatabase('postgres://postgres@127.0.0.1:5432/segments')
 */
export async function openPostgresDatabase(
  connectionString: string,
  options: PostgresOptions = {},
): Promise<SqlDatabase> {
  const connectTimeoutMs = options.connectTimeoutMs ?? POSTGRES_DEFAULTS.connectTimeoutMs;
  const log = options.log ?? ((message: string) => console.error(`[segments] ${message}`));
  const pool = new pg.Pool({
    connectionString,
    max: 10,
    // A server that accepts connections but never answers must not hang a start or a request.
    connectionTimeoutMillis: connectTimeoutMs,
    query_timeout: options.queryTimeoutMs ?? POSTGRES_DEFAULTS.queryTimeoutMs,
  });
  // An idle connection the server drops (restart, failover) emits 'error' on the pool; unheard, it
  // would end the process. The pool replaces the connection on the next query.
  pool.on('error', (error) => {
    markDown(error);
  });
  // Fail at open, with the server's message, rather than on the first request.
  try {
    const probe = await pool.connect();
    probe.release();
  } catch (error) {
    await pool.end().catch(() => undefined);
    const message = (error as Error).message;
    throw new Error(
      /timeout/i.test(message)
        ? `the PostgreSQL server at ${redactUrl(connectionString)} did not answer within ${connectTimeoutMs / 1000} s`
        : `cannot connect to the PostgreSQL server at ${redactUrl(connectionString)}: ${message}`,
      { cause: error },
    );
  }

  let down: { error: string; since: number } | undefined;
  let closed = false;
  let probing = false;
  function markDown(error: unknown): void {
    if (closed || !isConnectionError(error)) return;
    if (!down) {
      down = { error: (error as Error).message, since: Date.now() };
      log(`lost the PostgreSQL connection (${down.error}); reconnecting with backoff`);
    }
    if (!probing) void reconnect();
  }
  async function reconnect(): Promise<void> {
    probing = true;
    let delay: number = POSTGRES_DEFAULTS.reconnectMinMs;
    while (down && !closed) {
      await new Promise((done) => setTimeout(done, delay).unref());
      try {
        await pool.query('SELECT 1');
        if (down)
          log(`the PostgreSQL connection is back after ${Math.round((Date.now() - down.since) / 1000)} s`);
        down = undefined;
      } catch (error) {
        if (down) down.error = (error as Error).message;
        delay = Math.min(delay * 2, POSTGRES_DEFAULTS.reconnectMaxMs);
      }
    }
    probing = false;
  }
  async function guarded<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      markDown(error);
      throw error;
    }
  }

  return {
    driver: 'postgres',
    health: () => (down ? { ok: false, ...down } : { ok: true }),
    async query<Row>(text: string, params: SqlParam[] = []) {
      return guarded(async () => (await pool.query(text, params)).rows as Row[]);
    },
    async transaction<T>(work: (tx: SqlQueryable) => Promise<T>) {
      const client = await guarded(() => pool.connect());
      try {
        await client.query('BEGIN');
        const result = await work({
          async query<Row>(text: string, params: SqlParam[] = []) {
            return (await client.query(text, params)).rows as Row[];
          },
        });
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    close: () => {
      closed = true;
      return pool.end();
    },
  };
}

/** Timeouts and backoff of the PostgreSQL driver, in one place. */
export const POSTGRES_DEFAULTS = {
  /** Connecting (TCP and the server's handshake) gives up after this. */
  connectTimeoutMs: 5000,
  /** A query with no answer after this fails (the server is hung or unreachable). */
  queryTimeoutMs: 10_000,
  /** First and largest wait between reconnection attempts after the connection is lost. */
  reconnectMinMs: 250,
  reconnectMaxMs: 5000,
} as const;

export interface PostgresOptions {
  /** Default {@link POSTGRES_DEFAULTS}.connectTimeoutMs. */
  connectTimeoutMs?: number;
  /** Default {@link POSTGRES_DEFAULTS}.queryTimeoutMs. */
  queryTimeoutMs?: number;
  /** Where connection loss and recovery are reported. Default console.error. */
  log?: (message: string) => void;
}

/** The URL without its password, for messages. */
function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'DATABASE_URL';
  }
}

/** Errors that mean the server went away (as opposed to a bad statement). */
function isConnectionError(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: string }).code ?? '';
  return (
    /^(ECONNREFUSED|ECONNRESET|EPIPE|ETIMEDOUT|ENOTFOUND|EHOSTUNREACH|57P0[123]|08\w{3})$/.test(code) ||
    /Connection terminated|terminating connection|timeout|Client has encountered a connection error|not queryable/i.test(
      error.message,
    )
  );
}
