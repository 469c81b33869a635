/**
 * Versioned schema migrations. Each entry runs once, in order, inside a transaction that also
 * records its version in `schema_migrations`; an advisory lock keeps replicas that start together
 * from racing each other on a shared PostgreSQL server.
 */
import type { SqlDatabase } from './sql';

export interface Migration {
  version: number;
  description: string;
  statements: string[];
}

export const MIGRATIONS: Migration[] = [
  {
    version: 1,
    description: 'runs scoped by team; hashed API tokens',
    statements: [
      `CREATE TABLE runs (
        team TEXT NOT NULL,
        id TEXT NOT NULL,
        name TEXT NOT NULL,
        created_at TIMESTAMPTZ NOT NULL,
        saved_at TIMESTAMPTZ NOT NULL DEFAULT now(),
        summary JSONB NOT NULL,
        assignments JSONB,
        PRIMARY KEY (team, id)
      )`,
      'CREATE INDEX runs_team_newest ON runs (team, created_at DESC, saved_at DESC)',
      'CREATE INDEX runs_team_name ON runs (team, name)',
      `CREATE TABLE api_tokens (
        token_hash TEXT PRIMARY KEY,
        team TEXT NOT NULL,
        label TEXT,
        created_at TIMESTAMPTZ NOT NULL DEFAULT now()
      )`,
      'CREATE INDEX api_tokens_team ON api_tokens (team)',
    ],
  },
  {
    version: 2,
    description: 'spreadsheets connected to a team, synced by the Sheets API path',
    statements: [
      `CREATE TABLE sheet_links (
        team TEXT NOT NULL,
        spreadsheet_id TEXT NOT NULL,
        title TEXT NOT NULL,
        linked_by TEXT,
        linked_at TIMESTAMPTZ NOT NULL DEFAULT now(),
        synced_at TIMESTAMPTZ,
        last_error TEXT,
        PRIMARY KEY (team, spreadsheet_id)
      )`,
    ],
  },
  {
    version: 3,
    description: 'prediction models and prediction runs (summaries only) scoped by team',
    statements: [
      `CREATE TABLE models (
        team TEXT NOT NULL,
        id TEXT NOT NULL,
        name TEXT NOT NULL,
        created_at TIMESTAMPTZ NOT NULL,
        saved_at TIMESTAMPTZ NOT NULL DEFAULT now(),
        body JSONB NOT NULL,
        PRIMARY KEY (team, id)
      )`,
      'CREATE INDEX models_team_newest ON models (team, created_at DESC, saved_at DESC)',
      'CREATE INDEX models_team_name ON models (team, name)',
      `CREATE TABLE predictions (
        team TEXT NOT NULL,
        id TEXT NOT NULL,
        model_id TEXT NOT NULL,
        name TEXT NOT NULL,
        created_at TIMESTAMPTZ NOT NULL,
        saved_at TIMESTAMPTZ NOT NULL DEFAULT now(),
        body JSONB NOT NULL,
        PRIMARY KEY (team, id)
      )`,
      'CREATE INDEX predictions_team_newest ON predictions (team, created_at DESC, saved_at DESC)',
    ],
  },
  {
    version: 4,
    description:
      'keys of Slack requests already answered (one answer across replicas); token creator and last use',
    statements: [
      `CREATE TABLE seen_keys (
        key TEXT PRIMARY KEY,
        expires_at TIMESTAMPTZ NOT NULL
      )`,
      'CREATE INDEX seen_keys_expiry ON seen_keys (expires_at)',
      'ALTER TABLE api_tokens ADD COLUMN created_by TEXT',
      'ALTER TABLE api_tokens ADD COLUMN last_used_at TIMESTAMPTZ',
      'CREATE INDEX api_tokens_team_label ON api_tokens (team, label)',
    ],
  },
  {
    version: 5,
    description:
      'Slack digests and new-run subscriptions per channel, and the periods each has fired for (one row each: fires once across replicas)',
    statements: [
      `CREATE TABLE schedules (
        id BIGSERIAL PRIMARY KEY,
        team TEXT NOT NULL,
        channel TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('digest', 'subscription')),
        cadence TEXT CHECK (cadence IN ('daily', 'weekly')),
        created_by TEXT,
        created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
        UNIQUE (team, channel, kind)
      )`,
      `CREATE TABLE schedule_firings (
        schedule_id BIGINT NOT NULL REFERENCES schedules (id) ON DELETE CASCADE,
        period TEXT NOT NULL,
        fired_at TIMESTAMPTZ NOT NULL DEFAULT now(),
        PRIMARY KEY (schedule_id, period)
      )`,
    ],
  },
];

/** An arbitrary constant naming "segments schema migration" for pg_advisory_xact_lock. */
const MIGRATION_LOCK_KEY = 734_201_905;

/**
 * Brings the database up to the latest schema version; returns the versions applied now.
 * @example await migrate(db) // → [1] on a new database, [] afterwards
 */
export async function migrate(db: SqlDatabase, migrations: Migration[] = MIGRATIONS): Promise<number[]> {
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK_KEY]);
    await tx.query(
      `CREATE TABLE IF NOT EXISTS schema_migrations (
        version INTEGER PRIMARY KEY,
        description TEXT NOT NULL,
        applied_at TIMESTAMPTZ NOT NULL DEFAULT now()
      )`,
    );
    const appliedRows = await tx.query<{ version: number }>('SELECT version FROM schema_migrations');
    const applied = new Set(appliedRows.map((row) => Number(row.version)));
    const appliedNow: number[] = [];
    for (const migration of [...migrations].sort((a, b) => a.version - b.version)) {
      if (applied.has(migration.version)) continue;
      for (const statement of migration.statements) await tx.query(statement);
      await tx.query('INSERT INTO schema_migrations (version, description) VALUES ($1, $2)', [
        migration.version,
        migration.description,
      ]);
      appliedNow.push(migration.version);
    }
    return appliedNow;
  });
}
