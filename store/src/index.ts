/**
 * Opening the run store: PGlite in a folder by default, a PostgreSQL server when a URL is given.
 * The Slack app and the CLI both open it through here, so they share one layout.
 */
import { createRunStore, type RunStore } from './run-store';
import { openPgliteDatabase, openPostgresDatabase, type PostgresOptions } from './sql';

export { MIGRATIONS, type Migration, migrate } from './migrations';
export type {
  ApiTokenInfo,
  ListPageOptions,
  ListRunsOptions,
  ModelListItem,
  RecentLimits,
  RecentRecords,
  RunPage,
  RunPageItem,
  RunStore,
  SaveRunResult,
  Schedule,
  ScheduleInput,
  ScheduleKind,
} from './run-store';
export {
  hashApiToken,
  InvalidCursorError,
} from './run-store';
export type { PostgresOptions, SqlDatabase, SqlParam, SqlQueryable } from './sql';
export { LOCK_FILE_NAME, POSTGRES_DEFAULTS, StoreFolderInUseError } from './sql';

/** Folder of the embedded store when neither `dataDir` nor SEGMENTS_DATA_DIR says otherwise. */
export const DEFAULT_DATA_DIR = './.segments';

export interface OpenRunStoreOptions {
  /** PostgreSQL connection URL; when set, the server is used and `dataDir` is ignored. */
  databaseUrl?: string;
  /** PGlite folder. Default `./.segments` (relative to the working directory). */
  dataDir?: string;
  /** Timeouts and logging of the PostgreSQL driver (see POSTGRES_DEFAULTS). */
  postgres?: PostgresOptions;
}

/**
 * Opens the run store and applies migrations.
 * @throws Error when the PostgreSQL server cannot be reached or the folder cannot be opened
 * @example const store = await openRunStore({ dataDir: '/tmp/segments' })
 */
export async function openRunStore(options: OpenRunStoreOptions = {}): Promise<RunStore> {
  const databaseUrl = options.databaseUrl?.trim();
  const db = databaseUrl
    ? await openPostgresDatabase(databaseUrl, options.postgres)
    : await openPgliteDatabase(options.dataDir?.trim() || DEFAULT_DATA_DIR);
  try {
    return await createRunStore(db);
  } catch (error) {
    await db.close().catch(() => undefined);
    throw error;
  }
}

/**
 * Opens the run store the environment describes: DATABASE_URL, else SEGMENTS_DATA_DIR, else `./.segments`.
 * @example const store = await openRunStoreFromEnv(process.env)
 */
export function openRunStoreFromEnv(env: Record<string, string | undefined>): Promise<RunStore> {
  return openRunStore({ databaseUrl: env.DATABASE_URL, dataDir: env.SEGMENTS_DATA_DIR });
}
