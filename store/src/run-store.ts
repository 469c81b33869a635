/**
 * The RunStore: saved segmentation runs, scoped by team (a Slack workspace, or `local` for the CLI),
 * and the API tokens that map to a team. Every query takes the team, so one team never reads,
 * overwrites or learns about another team's runs.
 */
import { createHash, randomBytes } from 'node:crypto';
import {
  type PredictionModel,
  type PredictionRun,
  parseModel,
  parseRun,
  type Run,
  type RunSummary,
  toPublishablePrediction,
  toRunSummary,
} from '@segments/core';
import { migrate } from './migrations';
import type { SqlDatabase, SqlQueryable } from './sql';

/** What {@link RunStore.saveRun} did: `created` is false when that team already had a run with this id. */
export interface SaveRunResult {
  created: boolean;
  id: string;
}

/** Options of {@link RunStore.listRuns}, {@link RunStore.listModels} and {@link RunStore.listPredictions}. */
export interface ListRunsOptions {
  /** Most records returned, newest first. Default 50 (at most 1000). */
  limit?: number;
}

/** How many of each kind {@link RunStore.listRecent} returns (each default 50, at most 1000). */
export interface RecentLimits {
  runs?: number;
  predictions?: number;
}

/** What {@link RunStore.listRecent} returns, each list newest first. */
export interface RecentRecords {
  runs: RunSummary[];
  predictions: PredictionRun[];
}

/** A saved prediction model as listed: enough to pick one, without its trees. */
export interface ModelListItem {
  id: string;
  name: string;
  createdAt: string;
  /** The column the model predicts ("Segmentation"). */
  label: string;
  /** The segment labels it predicts. */
  classes: string[];
  /** Holdout scores from training. */
  accuracy: number;
  macroF1: number;
}

/** One entry of {@link RunStore.listPage}: a segmentation run or a prediction run. */
export type RunPageItem = { kind: 'run'; run: RunSummary } | { kind: 'prediction'; run: PredictionRun };

/** What {@link RunStore.listPage} returns. */
export interface RunPage {
  /** Newest first (createdAt, then runs before predictions, then id). */
  items: RunPageItem[];
  /** Pass back to get the next page; absent on the last page. */
  nextCursor?: string;
  /** How many runs and prediction runs the team has in all. */
  total: number;
}

/** Options of {@link RunStore.listPage}. */
export interface ListPageOptions {
  /** From a previous page's `nextCursor`; default the newest. */
  cursor?: string;
  /** Items per page. Default 50 (at most 1000). */
  limit?: number;
}

/** An API token as listed (the token itself is never stored). */
export interface ApiTokenInfo {
  label: string | null;
  /** Who issued it (a Slack user id), when known. */
  createdBy: string | null;
  createdAt: string;
  /** Last time it authenticated a request (to the minute), or null. */
  lastUsedAt: string | null;
}

/** A cursor the store did not issue (or that was tampered with). */
export class InvalidCursorError extends Error {
  constructor() {
    super('The cursor is not one this API issued; start again without it.');
    this.name = 'InvalidCursorError';
  }
}

export interface RunStore {
  /** Which driver backs the store. */
  readonly driver: SqlDatabase['driver'];
  /** The underlying database, for migrations, benches and tests; queries through it are not team-scoped. */
  readonly database: SqlDatabase;
  /**
   * Saves a run for `team` unless that team already has a run with the same id (idempotent: the
   * stored run is kept). `assignments`, when present, are kept in their own column and only
   * {@link getRun} returns them.
   */
  saveRun(team: string, run: Run): Promise<SaveRunResult>;
  /** The team's runs as summaries (no `assignments`), newest first (createdAt, then save time). */
  listRuns(team: string, options?: ListRunsOptions): Promise<RunSummary[]>;
  /** One of the team's runs by id, else the newest with that name; with assignments when stored. */
  getRun(team: string, idOrName: string): Promise<Run | undefined>;
  /**
   * Saves a prediction model for `team` unless that team already has one with the same id (idempotent).
   * @throws SegmentationError INVALID_RUN when `model` is not a valid model
   */
  saveModel(team: string, model: PredictionModel): Promise<SaveRunResult>;
  /** One of the team's models by id, else the newest with that name (any case). */
  getModel(team: string, idOrName: string): Promise<PredictionModel | undefined>;
  /** The team's models, newest first, without their trees. */
  listModels(team: string, options?: ListRunsOptions): Promise<ModelListItem[]>;
  /**
   * Saves a prediction run (a summary: per-row fields are stripped) for `team` unless that team
   * already has one with the same id (idempotent: the stored one is kept).
   * @throws SegmentationError INVALID_RUN when `run` is not a valid prediction run
   */
  savePrediction(team: string, run: PredictionRun): Promise<SaveRunResult>;
  /** The team's prediction runs, newest first (createdAt, then save time). */
  listPredictions(team: string, options?: ListRunsOptions): Promise<PredictionRun[]>;
  /** One of the team's prediction runs by id, as published (no per-row data, small segments without values). */
  getPrediction(team: string, id: string): Promise<PredictionRun | undefined>;
  /**
   * The team's newest runs and prediction runs together, in one database round trip: what
   * {@link listRuns} and {@link listPredictions} return, for callers that need both per request.
   */
  listRecent(team: string, limits: RecentLimits): Promise<RecentRecords>;
  /** Issues a new API token for `team`; only its sha-256 is stored, so this is the one time it is shown. */
  createApiToken(team: string, label?: string, createdBy?: string): Promise<string>;
  /** The team an API token belongs to, or undefined; notes its last use (to the minute). */
  teamForToken(token: string): Promise<string | undefined>;
  /** The team's API tokens, newest first. */
  listApiTokens(team: string): Promise<ApiTokenInfo[]>;
  /** Revokes the team's tokens with this label; returns how many were revoked. */
  revokeApiTokens(team: string, label: string): Promise<number>;
  /** One page of the team's runs and prediction runs together, with the total. */
  listPage(team: string, options?: ListPageOptions): Promise<RunPage>;
  /** How many segmentation runs the team has. */
  countRuns(team: string): Promise<number>;
  /** Deletes one of the team's runs or prediction runs by id; false when the team has none with it. */
  deleteRun(team: string, id: string): Promise<boolean>;
  /**
   * Claims `key` for `ttlMs`: true the first time (and again once it has expired), false while
   * another caller (in this process or another replica on the same database) holds it. On
   * PostgreSQL the keys are rows of `seen_keys`; on PGlite, whose folder one process holds, they
   * are kept in memory (a commit there is a synchronous disk write per request).
   */
  claimOnce(key: string, ttlMs: number): Promise<boolean>;
  /**
   * Sets the team's digest (`cadence` daily or weekly) or new-run subscription for a channel; one
   * of each kind per channel, so setting again replaces the cadence.
   */
  saveSchedule(team: string, schedule: ScheduleInput): Promise<Schedule>;
  /** Removes the team's schedules of `kind` (in `channel`, or everywhere); returns how many. */
  deleteSchedules(team: string, kind: ScheduleKind, channel?: string): Promise<number>;
  /** Schedules of `kind`: one team's, or every team's when `team` is undefined (the scheduler). */
  listSchedules(kind: ScheduleKind, team?: string): Promise<Schedule[]>;
  /**
   * Claims one firing of a schedule for a period ("2026-02-02", "2026-W06", a run id): true for the
   * one caller that inserted the row, false for every other (a primary key on schedule and period,
   * so replicas on one database post once).
   */
  claimFiring(scheduleId: string, period: string): Promise<boolean>;
  /** A round trip to the database: throws when it cannot be reached. */
  ping(): Promise<void>;
  /** Runs `work` against the same store inside one transaction. */
  transaction<T>(work: (store: RunStore) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** What a schedule does: post a digest on a cadence, or post each newly published run. */
export type ScheduleKind = 'digest' | 'subscription';

/** A schedule to save. */
export interface ScheduleInput {
  channel: string;
  kind: ScheduleKind;
  /** Digests only. */
  cadence?: 'daily' | 'weekly';
  createdBy?: string;
}

/** A saved schedule. */
export interface Schedule extends ScheduleInput {
  id: string;
  team: string;
}

interface ScheduleRow {
  id: string | number;
  team: string;
  channel: string;
  kind: ScheduleKind;
  cadence: 'daily' | 'weekly' | null;
  created_by: string | null;
}

function toSchedule(row: ScheduleRow): Schedule {
  return {
    id: String(row.id),
    team: row.team,
    channel: row.channel,
    kind: row.kind,
    ...(row.cadence ? { cadence: row.cadence } : {}),
    ...(row.created_by ? { createdBy: row.created_by } : {}),
  };
}

/** The prefix makes leaked tokens recognisable to secret scanners and people. */
const TOKEN_PREFIX = 'seg_';

/**
 * sha-256 of a token, hex: what the store keeps instead of the token.
 * @example hashApiToken('seg_abc') // → '5f…'
 */
export function hashApiToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

interface RunRow {
  summary: unknown;
  assignments?: unknown;
}

function listLimit(options: ListRunsOptions): number {
  return Math.max(1, Math.min(options.limit ?? 50, 1000));
}

function requireTeam(team: string): string {
  if (typeof team !== 'string' || team.trim() === '')
    throw new Error('RunStore: team must be a non-empty string');
  return team;
}

/**
 * A stored record as a listing names it: its id and its version (the microsecond it was saved). A run
 * deleted and posted again under the same id has a new version.
 */
interface StoredRef {
  id: string;
  version: string;
}

/** SQL for a row's {@link StoredRef} version. */
const VERSION_SQL = '(extract(epoch FROM saved_at) * 1000000)::bigint::text';

/**
 * Parsed run summaries by team, id and version. A stored record never changes (a save with a known
 * id keeps the stored one); a delete and a new save under the same id make a new version, so an entry
 * can never go stale, even when another replica sharing the database did the delete. The cache only
 * saves re-reading and re-validating the JSON.
 */
class SummaryCache<Summary> {
  private readonly entries = new Map<string, Summary>();
  constructor(private readonly capacity: number) {}
  private key(team: string, ref: StoredRef): string {
    return `${team}\u0000${ref.id}\u0000${ref.version}`;
  }
  has(team: string, ref: StoredRef): boolean {
    return this.entries.has(this.key(team, ref));
  }
  get(team: string, ref: StoredRef): Summary | undefined {
    const key = this.key(team, ref);
    const value = this.entries.get(key);
    if (value) {
      // Refresh recency: Map iteration order is insertion order, so the first key is the least recent.
      this.entries.delete(key);
      this.entries.set(key, value);
    }
    return value;
  }
  set(team: string, ref: StoredRef, summary: Summary): void {
    this.entries.set(this.key(team, ref), summary);
    if (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
  }
}

interface RecentIds {
  runIds: StoredRef[];
  predictionIds: StoredRef[];
}

/**
 * The newest run and prediction ids per team, kept for the embedded store only: a PGlite folder is
 * open in one process at a time, so every save goes through this store and drops its team's entry.
 * A PostgreSQL server can have other writers (more replicas), so it is asked every time.
 */
class RecentIdsCache {
  private readonly entries = new Map<string, { limits: string; ids: RecentIds }>();
  /** Bumped by every save: a read that was running meanwhile may have seen the old rows. */
  private generation = 0;
  constructor(private readonly capacity: number) {}
  /** Take before reading, hand to {@link set}: a save in between keeps the read out of the cache. */
  current(): number {
    return this.generation;
  }
  get(team: string, limits: string): RecentIds | undefined {
    const entry = this.entries.get(team);
    return entry?.limits === limits ? entry.ids : undefined;
  }
  set(team: string, limits: string, ids: RecentIds, readAtGeneration: number): void {
    if (readAtGeneration !== this.generation) return;
    this.entries.delete(team);
    this.entries.set(team, { limits, ids });
    if (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
  }
  invalidate(team: string): void {
    this.generation++;
    this.entries.delete(team);
  }
}

/** Expired seen keys are swept at most this often per store. */
const SEEN_KEYS_SWEEP_MS = 60_000;

function encodeCursor(createdMicros: string, kind: string, id: string): string {
  return Buffer.from(JSON.stringify([createdMicros, kind, id]), 'utf8').toString('base64url');
}

function decodeCursor(cursor: string): [string, string, string] {
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (
      Array.isArray(value) &&
      value.length === 3 &&
      typeof value[0] === 'string' &&
      /^-?\d{1,20}$/.test(value[0]) &&
      (value[1] === 'run' || value[1] === 'prediction') &&
      typeof value[2] === 'string'
    )
      return value as [string, string, string];
  } catch {
    // Falls through to the error below.
  }
  throw new InvalidCursorError();
}

/**
 * Seen keys of the embedded store, in memory. A PGlite folder is open in one process at a time (it
 * is locked), so this process sees every request the store could; and every PGlite commit is a
 * synchronous write to disk on the event loop, which per Slack request delayed the acknowledgements
 * of the requests behind it (ack p99 past 300 ms on a busy machine). A PostgreSQL server can serve
 * several replicas, so there the keys live in the `seen_keys` table.
 */
class MemorySeenKeys {
  private readonly expiries = new Map<string, number>();
  private lastSweep = Date.now();
  claim(key: string, ttlMs: number): boolean {
    const now = Date.now();
    if (now - this.lastSweep >= SEEN_KEYS_SWEEP_MS) {
      this.lastSweep = now;
      for (const [seen, expiry] of this.expiries) if (expiry <= now) this.expiries.delete(seen);
    }
    const expiry = this.expiries.get(key);
    if (expiry !== undefined && expiry > now) return false;
    this.expiries.set(key, now + Math.max(1, ttlMs));
    return true;
  }
}

/** Teams whose newest ids the embedded store keeps in memory. */
const RECENT_IDS_CACHE_TEAMS = 1000;

/** Summaries kept in memory per store (a run summary is a few kilobytes). */
const SUMMARY_CACHE_CAPACITY = 2000;

function runStoreOn(
  sql: SqlQueryable,
  db: SqlDatabase,
  inTransaction: boolean,
  // Only reads outside transactions fill it: a rolled-back save must not linger in memory.
  cache: SummaryCache<RunSummary> | undefined,
  predictionCache: SummaryCache<PredictionRun> | undefined,
  // Read outside transactions only (a transaction may see rows that are not committed yet).
  recentIds: RecentIdsCache | undefined,
  /** Called by every save, in transactions too: drops the team's newest ids (see RecentIdsCache). */
  onSave: (team: string) => void,
  /** Seen keys in memory, for the embedded store only (see MemorySeenKeys). */
  memoryKeys: MemorySeenKeys | undefined,
): RunStore {
  let lastSweep = Date.now();
  /** Drops expired seen keys now and then (not on every claim: one delete a minute is plenty). */
  function sweepSeenKeys(): void {
    if (Date.now() - lastSweep < SEEN_KEYS_SWEEP_MS) return;
    lastSweep = Date.now();
    sql.query('DELETE FROM seen_keys WHERE expires_at <= now()').catch(() => undefined);
  }

  /** The summaries of `refs` (in that order): from the cache, else read and validated once. */
  async function runSummaries(team: string, refs: StoredRef[]): Promise<RunSummary[]> {
    const missing = cache ? refs.filter((ref) => !cache.has(team, ref)) : refs;
    const loaded = new Map<string, RunSummary>();
    if (missing.length > 0) {
      const rows = await sql.query<RunRow & StoredRef>(
        `SELECT id, ${VERSION_SQL} AS version, summary FROM runs WHERE team = $1 AND id = ANY($2::text[])`,
        [team, missing.map((ref) => ref.id)],
      );
      for (const row of rows) {
        const summary = toRunSummary(parseRun(row.summary, 'stored run'));
        loaded.set(row.id, summary);
        cache?.set(team, row, summary);
      }
    }
    return refs.flatMap((ref) => {
      const summary = loaded.get(ref.id) ?? cache?.get(team, ref);
      return summary ? [summary] : [];
    });
  }

  /** The prediction runs of `ids` (in that order), like {@link runSummaries}. */
  async function predictionSummaries(team: string, refs: StoredRef[]): Promise<PredictionRun[]> {
    const missing = predictionCache ? refs.filter((ref) => !predictionCache.has(team, ref)) : refs;
    const loaded = new Map<string, PredictionRun>();
    if (missing.length > 0) {
      const rows = await sql.query<StoredRef & { body: unknown }>(
        `SELECT id, ${VERSION_SQL} AS version, body FROM predictions WHERE team = $1 AND id = ANY($2::text[])`,
        [team, missing.map((ref) => ref.id)],
      );
      for (const row of rows) {
        // Read through the publish rule too: records stored before it keep no small segment's values.
        const run = toPublishablePrediction(row.body, { what: 'stored prediction run', checkSizes: false });
        loaded.set(row.id, run);
        predictionCache?.set(team, row, run);
      }
    }
    return refs.flatMap((ref) => {
      const run = loaded.get(ref.id) ?? predictionCache?.get(team, ref);
      return run ? [run] : [];
    });
  }

  const store: RunStore = {
    driver: db.driver,
    database: db,

    async saveRun(team, run) {
      requireTeam(team);
      const valid = parseRun(run);
      const summary = toRunSummary(valid);
      const inserted = await sql.query<{ id: string }>(
        `INSERT INTO runs (team, id, name, created_at, summary, assignments)
         VALUES ($1, $2, $3, $4::timestamptz, $5::text::jsonb, $6::text::jsonb)
         ON CONFLICT (team, id) DO NOTHING
         RETURNING id`,
        [
          team,
          valid.id,
          valid.name,
          valid.createdAt,
          JSON.stringify(summary),
          valid.assignments === undefined ? null : JSON.stringify(valid.assignments),
        ],
      );
      // After the write: a listing read while it ran must not be kept (see RecentIdsCache).
      onSave(team);
      return { created: inserted.length > 0, id: valid.id };
    },

    async listRuns(team, options = {}) {
      requireTeam(team);
      const refs = await sql.query<StoredRef>(
        `SELECT id, ${VERSION_SQL} AS version FROM runs WHERE team = $1
         ORDER BY created_at DESC, saved_at DESC, id DESC LIMIT $2`,
        [team, listLimit(options)],
      );
      return runSummaries(team, refs);
    },

    async getRun(team, idOrName) {
      requireTeam(team);
      const rows = await sql.query<RunRow>(
        `SELECT summary, assignments FROM runs WHERE team = $1 AND (id = $2 OR name = $2)
         ORDER BY (id = $2) DESC, created_at DESC, saved_at DESC LIMIT 1`,
        [team, idOrName],
      );
      const row = rows[0];
      if (!row) return undefined;
      const summary = row.summary as Record<string, unknown>;
      return parseRun(
        row.assignments === null || row.assignments === undefined
          ? summary
          : { ...summary, assignments: row.assignments },
        'stored run',
      );
    },

    async getPrediction(team, id) {
      requireTeam(team);
      const rows = await sql.query<{ body: unknown }>(
        'SELECT body FROM predictions WHERE team = $1 AND id = $2',
        [team, id],
      );
      const row = rows[0];
      return row
        ? toPublishablePrediction(row.body, { what: 'stored prediction run', checkSizes: false })
        : undefined;
    },

    async saveModel(team, model) {
      requireTeam(team);
      const valid = parseModel(model);
      const inserted = await sql.query<{ id: string }>(
        `INSERT INTO models (team, id, name, created_at, body)
         VALUES ($1, $2, $3, $4::timestamptz, $5::text::jsonb)
         ON CONFLICT (team, id) DO NOTHING
         RETURNING id`,
        [team, valid.id, valid.name, valid.createdAt, JSON.stringify(valid)],
      );
      return { created: inserted.length > 0, id: valid.id };
    },

    async getModel(team, idOrName) {
      requireTeam(team);
      const rows = await sql.query<{ body: unknown }>(
        `SELECT body FROM models WHERE team = $1 AND (id = $2 OR lower(name) = lower($2))
         ORDER BY (id = $2) DESC, created_at DESC, saved_at DESC LIMIT 1`,
        [team, idOrName],
      );
      return rows[0] ? parseModel(rows[0].body, 'stored model') : undefined;
    },

    async listModels(team, options = {}) {
      requireTeam(team);
      // The trees stay in the database: only the fields a listing shows are read.
      const rows = await sql.query<{
        id: string;
        name: string;
        created: string;
        label: string;
        classes: string[];
        accuracy: number | string;
        macro_f1: number | string;
      }>(
        `SELECT id, name, body->>'createdAt' AS created, body->>'label' AS label,
                body->'classes' AS classes, body#>>'{evaluation,accuracy}' AS accuracy,
                body#>>'{evaluation,macroF1}' AS macro_f1
         FROM models WHERE team = $1
         ORDER BY created_at DESC, saved_at DESC, id DESC LIMIT $2`,
        [team, listLimit(options)],
      );
      return rows.map((row) => ({
        id: row.id,
        name: row.name,
        createdAt: row.created,
        label: row.label,
        classes: row.classes,
        accuracy: Number(row.accuracy),
        macroF1: Number(row.macro_f1),
      }));
    },

    async savePrediction(team, run) {
      requireTeam(team);
      // Summary fields only (no per-row data), small segments without values, sizes that add up.
      const summary = toPublishablePrediction(run);
      const inserted = await sql.query<{ id: string }>(
        `INSERT INTO predictions (team, id, model_id, name, created_at, body)
         VALUES ($1, $2, $3, $4, $5::timestamptz, $6::text::jsonb)
         ON CONFLICT (team, id) DO NOTHING
         RETURNING id`,
        [team, summary.id, summary.modelId, summary.name, summary.createdAt, JSON.stringify(summary)],
      );
      onSave(team);
      return { created: inserted.length > 0, id: summary.id };
    },

    async listPredictions(team, options = {}) {
      requireTeam(team);
      const refs = await sql.query<StoredRef>(
        `SELECT id, ${VERSION_SQL} AS version FROM predictions WHERE team = $1
         ORDER BY created_at DESC, saved_at DESC, id DESC LIMIT $2`,
        [team, listLimit(options)],
      );
      return predictionSummaries(team, refs);
    },

    async listRecent(team, limits) {
      requireTeam(team);
      // One round trip for both id lists (a query costs a syscall and a wake-up of the server, or a
      // pass through PGlite's WASM); ARRAY(subquery) keeps the subquery's order.
      const runLimit = listLimit({ limit: limits.runs });
      const predictionLimit = listLimit({ limit: limits.predictions });
      const limitsKey = `${runLimit}/${predictionLimit}`;
      let ids = recentIds?.get(team, limitsKey);
      if (!ids) {
        const readAt = recentIds?.current() ?? 0;
        // Ids and versions as parallel arrays in the same order (the id breaks every tie).
        const newestRuns =
          'FROM runs WHERE team = $1 ORDER BY created_at DESC, saved_at DESC, id DESC LIMIT $2';
        const newestPredictions =
          'FROM predictions WHERE team = $1 ORDER BY created_at DESC, saved_at DESC, id DESC LIMIT $3';
        const [row] = await sql.query<{
          run_ids: string[];
          run_versions: string[];
          prediction_ids: string[];
          prediction_versions: string[];
        }>(
          `SELECT ARRAY(SELECT id ${newestRuns}) AS run_ids,
                  ARRAY(SELECT ${VERSION_SQL} ${newestRuns}) AS run_versions,
                  ARRAY(SELECT id ${newestPredictions}) AS prediction_ids,
                  ARRAY(SELECT ${VERSION_SQL} ${newestPredictions}) AS prediction_versions`,
          [team, runLimit, predictionLimit],
        );
        const refsOf = (ids: string[] = [], versions: string[] = []) =>
          ids.map((id, i) => ({ id, version: versions[i] ?? '' }));
        ids = {
          runIds: refsOf(row?.run_ids, row?.run_versions),
          predictionIds: refsOf(row?.prediction_ids, row?.prediction_versions),
        };
        recentIds?.set(team, limitsKey, ids, readAt);
      }
      const [runs, predictions] = await Promise.all([
        runSummaries(team, ids.runIds),
        predictionSummaries(team, ids.predictionIds),
      ]);
      return { runs, predictions };
    },

    async createApiToken(team, label, createdBy) {
      requireTeam(team);
      const token = TOKEN_PREFIX + randomBytes(24).toString('base64url');
      await sql.query(
        'INSERT INTO api_tokens (token_hash, team, label, created_by) VALUES ($1, $2, $3, $4)',
        [hashApiToken(token), team, label ?? null, createdBy ?? null],
      );
      return token;
    },

    async teamForToken(token) {
      if (typeof token !== 'string' || token === '') return undefined;
      // One round trip; the last use is written at most once a minute per token, not per request.
      const rows = await sql.query<{ team: string }>(
        `WITH touched AS (
           UPDATE api_tokens SET last_used_at = now()
           WHERE token_hash = $1 AND (last_used_at IS NULL OR last_used_at < now() - interval '1 minute')
           RETURNING team)
         SELECT team FROM api_tokens WHERE token_hash = $1`,
        [hashApiToken(token)],
      );
      return rows[0]?.team;
    },

    async listApiTokens(team) {
      requireTeam(team);
      const rows = await sql.query<{
        label: string | null;
        created_by: string | null;
        created_at: string | Date;
        last_used_at: string | Date | null;
      }>(
        `SELECT label, created_by, created_at, last_used_at FROM api_tokens WHERE team = $1
         ORDER BY created_at DESC, label`,
        [team],
      );
      const iso = (value: string | Date) => new Date(value).toISOString();
      return rows.map((row) => ({
        label: row.label,
        createdBy: row.created_by,
        createdAt: iso(row.created_at),
        lastUsedAt: row.last_used_at === null ? null : iso(row.last_used_at),
      }));
    },

    async revokeApiTokens(team, label) {
      requireTeam(team);
      const rows = await sql.query<{ token_hash: string }>(
        'DELETE FROM api_tokens WHERE team = $1 AND label = $2 RETURNING token_hash',
        [team, label],
      );
      return rows.length;
    },

    async listPage(team, options = {}) {
      requireTeam(team);
      const limit = listLimit(options);
      const after = options.cursor ? decodeCursor(options.cursor) : null;
      const items = `(SELECT 'run' AS kind, id, created_at, saved_at FROM runs WHERE team = $1
                      UNION ALL
                      SELECT 'prediction' AS kind, id, created_at, saved_at FROM predictions WHERE team = $1) AS items`;
      const micros = '(extract(epoch FROM created_at) * 1000000)::bigint';
      const [rows, counted] = await Promise.all([
        sql.query<{ kind: 'run' | 'prediction'; id: string; version: string; micros: string }>(
          `SELECT kind, id, ${VERSION_SQL} AS version, ${micros}::text AS micros FROM ${items}
           WHERE $2::text IS NULL OR (${micros}, kind, id) < ($2::bigint, $3::text, $4::text)
           ORDER BY created_at DESC, kind DESC, id DESC LIMIT $5`,
          [team, after?.[0] ?? null, after?.[1] ?? null, after?.[2] ?? null, limit + 1],
        ),
        sql.query<{ total: number | string }>(`SELECT count(*) AS total FROM ${items}`, [team]),
      ]);
      const page = rows.slice(0, limit);
      const [runs, predictions] = await Promise.all([
        runSummaries(
          team,
          page.filter((row) => row.kind === 'run'),
        ),
        predictionSummaries(
          team,
          page.filter((row) => row.kind === 'prediction'),
        ),
      ]);
      const runById = new Map(runs.map((run) => [run.id, run]));
      const predictionById = new Map(predictions.map((run) => [run.id, run]));
      const pageItems = page.flatMap((row): RunPageItem[] => {
        if (row.kind === 'run') {
          const run = runById.get(row.id);
          return run ? [{ kind: 'run', run }] : [];
        }
        const run = predictionById.get(row.id);
        return run ? [{ kind: 'prediction', run }] : [];
      });
      const last = page[page.length - 1];
      return {
        items: pageItems,
        ...(rows.length > limit && last ? { nextCursor: encodeCursor(last.micros, last.kind, last.id) } : {}),
        total: Number(counted[0]?.total ?? 0),
      };
    },

    async saveSchedule(team, schedule) {
      requireTeam(team);
      const rows = await sql.query<ScheduleRow>(
        `INSERT INTO schedules (team, channel, kind, cadence, created_by) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (team, channel, kind) DO UPDATE SET cadence = EXCLUDED.cadence
         RETURNING id, team, channel, kind, cadence, created_by`,
        [team, schedule.channel, schedule.kind, schedule.cadence ?? null, schedule.createdBy ?? null],
      );
      return toSchedule(rows[0]);
    },
    async deleteSchedules(team, kind, channel) {
      requireTeam(team);
      const rows = await sql.query<{ id: string }>(
        channel === undefined
          ? 'DELETE FROM schedules WHERE team = $1 AND kind = $2 RETURNING id'
          : 'DELETE FROM schedules WHERE team = $1 AND kind = $2 AND channel = $3 RETURNING id',
        channel === undefined ? [team, kind] : [team, kind, channel],
      );
      return rows.length;
    },
    async listSchedules(kind, team) {
      const rows = await sql.query<ScheduleRow>(
        team === undefined
          ? 'SELECT id, team, channel, kind, cadence, created_by FROM schedules WHERE kind = $1 ORDER BY id'
          : 'SELECT id, team, channel, kind, cadence, created_by FROM schedules WHERE kind = $1 AND team = $2 ORDER BY id',
        team === undefined ? [kind] : [kind, team],
      );
      return rows.map(toSchedule);
    },
    async claimFiring(scheduleId, period) {
      const rows = await sql.query<{ period: string }>(
        `INSERT INTO schedule_firings (schedule_id, period) VALUES ($1, $2)
         ON CONFLICT (schedule_id, period) DO NOTHING RETURNING period`,
        [scheduleId, period],
      );
      return rows.length === 1;
    },
    async countRuns(team) {
      requireTeam(team);
      const rows = await sql.query<{ total: number | string }>(
        'SELECT count(*) AS total FROM runs WHERE team = $1',
        [team],
      );
      return Number(rows[0]?.total ?? 0);
    },

    async deleteRun(team, id) {
      requireTeam(team);
      const [runs, predictions] = await Promise.all([
        sql.query<{ id: string }>('DELETE FROM runs WHERE team = $1 AND id = $2 RETURNING id', [team, id]),
        sql.query<{ id: string }>('DELETE FROM predictions WHERE team = $1 AND id = $2 RETURNING id', [
          team,
          id,
        ]),
      ]);
      // Cached summaries need no eviction: a new save under this id has a new version.
      onSave(team);
      return runs.length + predictions.length > 0;
    },

    async claimOnce(key, ttlMs) {
      if (memoryKeys) return memoryKeys.claim(key, ttlMs);
      const rows = await sql.query<{ key: string }>(
        `INSERT INTO seen_keys (key, expires_at) VALUES ($1, now() + $2 * interval '1 millisecond')
         ON CONFLICT (key) DO UPDATE SET expires_at = EXCLUDED.expires_at
         WHERE seen_keys.expires_at <= now()
         RETURNING key`,
        [key, Math.max(1, Math.round(ttlMs))],
      );
      sweepSeenKeys();
      return rows.length > 0;
    },

    async ping() {
      await sql.query('SELECT 1');
    },

    transaction(work) {
      // Nested calls join the outer transaction instead of opening a second connection.
      if (inTransaction) return work(store);
      // A read outside may have cached the ids meanwhile: drop them again once the transaction ends.
      const saved = new Set<string>();
      return db
        .transaction((tx) =>
          work(
            runStoreOn(
              tx,
              db,
              true,
              undefined,
              undefined,
              undefined,
              (team) => {
                saved.add(team);
                onSave(team);
              },
              memoryKeys,
            ),
          ),
        )
        .finally(() => {
          for (const team of saved) onSave(team);
        });
    },

    close: () => db.close(),
  };
  return store;
}

/**
 * Wraps an open database as a RunStore, applying pending migrations first.
 * @example const store = await createRunStore(await openPgliteDatabase(dir))
 */
export async function createRunStore(db: SqlDatabase): Promise<RunStore> {
  await migrate(db);
  const recentIds = db.driver === 'pglite' ? new RecentIdsCache(RECENT_IDS_CACHE_TEAMS) : undefined;
  return runStoreOn(
    db,
    db,
    false,
    new SummaryCache<RunSummary>(SUMMARY_CACHE_CAPACITY),
    new SummaryCache<PredictionRun>(SUMMARY_CACHE_CAPACITY),
    recentIds,
    (team) => recentIds?.invalidate(team),
    db.driver === 'pglite' ? new MemorySeenKeys() : undefined,
  );
}
