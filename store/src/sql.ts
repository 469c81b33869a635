/**
 * One SQL dialect (PostgreSQL), two drivers: PGlite (embedded, WASM, a folder on disk) and a
 * PostgreSQL server through `pg`. The store speaks only this small interface, so both drivers run the
 * same statements and the same tests.
 */
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
  const lite = await PGlite.create(dataDir);
  return {
    driver: 'pglite',
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
    close: () => lite.close(),
  };
}

/**
 * Connects to a PostgreSQL server through a `pg` pool (several app replicas can share it).
 * @example const db = await openPostgresDatabase('postgres://postgres@127.0.0.1:5432/segments')
 */
export async function openPostgresDatabase(connectionString: string): Promise<SqlDatabase> {
  const pool = new pg.Pool({ connectionString, max: 10 });
  // Fail at open, with the server's message, rather than on the first request.
  const probe = await pool.connect();
  probe.release();
  return {
    driver: 'postgres',
    async query<Row>(text: string, params: SqlParam[] = []) {
      return (await pool.query(text, params)).rows as Row[];
    },
    async transaction<T>(work: (tx: SqlQueryable) => Promise<T>) {
      const client = await pool.connect();
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
    close: () => pool.end(),
  };
}
